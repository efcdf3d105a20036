/**
 * What other features take from the hearings: the hearings part of "Mine oppgaver" (HearingTasks), which the
 * start page shows to region contacts and the coordinator.
 */
export { HearingTasks } from './HearingTasks';
