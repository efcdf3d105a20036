/**
 * What other features take from the overview: AgreementProgressSummary, the agreement's row of the overview
 * shown on the agreement's overview tab, so that a region's own page has its milestones, meetings and
 * actions in one place.
 */
export { AgreementProgressSummary } from './AgreementProgressSummary';
