/**
 * What other features take from the meetings: the start page's list of the open actions a person owns
 * (MeetingActions), read from "Mine oppgaver" and marked done here. The agreement page's tab registers itself
 * in agreement-tab.ts.
 */
export { MeetingActions } from './MeetingActions';
