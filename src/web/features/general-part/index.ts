/**
 * What other features take from the general part: a cycle's general part with its versions (useGeneralPart),
 * one version with its sections (useVersion) and its download links (VersionDownloads). A hearing is held on
 * a version, so the hearings' screens read both and offer the version as a file; the editor and its pages
 * stay inside this feature.
 */
export { useGeneralPart, useVersion } from './general-part.api';
export { VersionDownloads } from './VersionDownloads';
