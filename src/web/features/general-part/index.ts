/**
 * What other features take from the general part: a cycle's general part with its versions (useGeneralPart)
 * and one version with its sections (useVersion). A hearing is held on a version, so the hearings' screens
 * read both; the editor and its pages stay inside this feature.
 */
export { useGeneralPart, useVersion } from './general-part.api';
