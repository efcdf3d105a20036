/**
 * What other features take from the contributions: the dialog that creates or edits a contribution
 * (ContributionDialog, with the ContributionTask it is opened for) and the list of an agreement's
 * contributions (useContributions). The matrix's cell dialog uses both, so that a cell is edited exactly as
 * on the agreement's page. The agreement page's tab registers itself in agreement-tab.ts.
 */
export { ContributionDialog, type ContributionTask } from './ContributionDialog';
export { useContributions } from './contributions.api';
