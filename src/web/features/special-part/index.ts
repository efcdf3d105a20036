/**
 * What other features take from the special part: where an agreement's special part is shown
 * (specialPartPath), and the sections it has now (useSpecialPartSections), from which a meeting's action
 * names the section it changed. The agreement page's tab registers itself in agreement-tab.ts.
 */
export { specialPartPath, useSpecialPartSections } from './special-part.api';
