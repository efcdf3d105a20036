import type { AttachmentMediaType } from '../../shared/contracts/common.js';
import type {
  ApprovalAttachment,
  Cycle,
  CycleStatus,
  GeneralPartVersionSummary,
  Section,
  VersionState,
} from '../../shared/contracts/general-part.js';
import {
  approvalAttachments,
  type cycles,
  type generalPartSections,
  type generalPartVersions,
} from './general-part.table.js';

type VersionRow = typeof generalPartVersions.$inferSelect;

export const toCycle = (row: typeof cycles.$inferSelect): Cycle => ({
  id: row.id,
  name: row.name,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  // The CHECK constraint holds the column to these values.
  status: row.status as CycleStatus,
  representationRatio: row.representationRatio,
  version: row.version,
});

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function toVersionSummary(
  row: VersionRow,
  names: { creatorName: string | null; recorderName: string | null },
): GeneralPartVersionSummary {
  const approval =
    row.approvedOn &&
    row.approvalBody &&
    row.approvalCaseNumber &&
    row.approvalDecisionText &&
    row.approvalRecordedAt
      ? {
          date: row.approvedOn,
          body: row.approvalBody,
          caseNumber: row.approvalCaseNumber,
          decisionText: row.approvalDecisionText,
          recordedAt: row.approvalRecordedAt.toISOString(),
          recordedBy: person(row.approvalRecordedBy, names.recorderName),
        }
      : null;
  return {
    id: row.id,
    cycleId: row.cycleId,
    number: row.number,
    state: row.state as VersionState,
    basedOnVersionId: row.basedOnVersionId,
    createdAt: row.createdAt.toISOString(),
    createdBy: person(row.createdBy, names.creatorName),
    version: row.version,
    approval,
  };
}

export const toSection = (row: typeof generalPartSections.$inferSelect): Section => ({
  id: row.id,
  key: row.key,
  title: row.title,
  body: row.body,
  position: row.position,
  required: row.required,
});

/** What the audit keeps of a version: its identity and state, not its text (the version itself keeps that). */
export const auditedVersion = (row: VersionRow) => ({
  cycleId: row.cycleId,
  number: row.number,
  state: row.state,
  basedOnVersionId: row.basedOnVersionId,
  version: row.version,
});

/** An approval attachment's columns without its content, which is read only to download it. */
export const approvalAttachmentColumns = {
  id: approvalAttachments.id,
  versionId: approvalAttachments.versionId,
  filename: approvalAttachments.filename,
  mediaType: approvalAttachments.mediaType,
  size: approvalAttachments.size,
  sha256: approvalAttachments.sha256,
  uploadedAt: approvalAttachments.uploadedAt,
};

export const toApprovalAttachment = (row: {
  id: string;
  versionId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}): ApprovalAttachment => ({
  id: row.id,
  versionId: row.versionId,
  filename: row.filename,
  // The CHECK constraint holds the column to the two types.
  mediaType: row.mediaType as AttachmentMediaType,
  size: row.size,
  sha256: row.sha256,
  uploadedAt: row.uploadedAt.toISOString(),
});
