/**
 * What other features take from the hearings: the hearings part of "Mine oppgaver" (HearingTasks), which the
 * start page shows to region contacts and the coordinator, and where a hearing's input summary is downloaded
 * (summaryFileUrl), which a political case lists among its attachments.
 */
export { HearingTasks } from './HearingTasks';
export { summaryFileUrl } from './hearings.api';
