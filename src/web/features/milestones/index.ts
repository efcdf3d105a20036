/**
 * What other features take from the milestones: phaseColour, so that a phase's tag has the same colour
 * wherever it is shown (the overview of all regions). The agreement page's tab registers itself in
 * agreement-tab.ts.
 */
export { phaseColour } from './milestone-words';
