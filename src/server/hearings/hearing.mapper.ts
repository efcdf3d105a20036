import type {
  Attachment,
  AttachmentMediaType,
  Disposition,
  DispositionOutcome,
  HearingCounts,
  HearingKind,
  HearingSummary,
} from '../../shared/contracts/hearings.js';
import { daysLeft, deadlineEnd } from './deadline.js';
import type { dispositions, hearings, inputAttachments } from './hearing.table.js';
import { closedForInput } from './hearing-rules.js';

type HearingRow = typeof hearings.$inferSelect;

export const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function toHearingSummary(
  row: HearingRow,
  names: { cycleName: string; versionNumber: number; openerName: string | null },
  counts: HearingCounts,
  now: Date,
): HearingSummary {
  const closed = closedForInput(row, now);
  const end = deadlineEnd(row.deadline);
  const closesAt = row.closedAt && row.closedAt < end ? row.closedAt : end;
  return {
    id: row.id,
    cycleId: row.cycleId,
    cycleName: names.cycleName,
    versionId: row.versionId,
    versionNumber: names.versionNumber,
    // The CHECK constraint holds the column to these values.
    kind: row.kind as HearingKind,
    deadline: row.deadline,
    closesAt: closesAt.toISOString(),
    state: closed ? 'closed' : 'open',
    daysLeft: closed ? null : daysLeft(row.deadline, now),
    closedAt: row.closedAt?.toISOString() ?? null,
    openedAt: row.createdAt.toISOString(),
    openedBy: person(row.openedBy, names.openerName),
    counts,
    version: row.version,
  };
}

/** What the audit keeps of a hearing: everything but the cover letter's text, which the row keeps. */
export const auditedHearing = (row: HearingRow) => ({
  cycleId: row.cycleId,
  versionId: row.versionId,
  kind: row.kind,
  deadline: row.deadline,
  closedAt: row.closedAt,
  version: row.version,
});

export const toAttachment = (
  row: Omit<typeof inputAttachments.$inferSelect, 'content' | 'uploadedBy'>,
): Attachment => ({
  id: row.id,
  inputId: row.inputId,
  filename: row.filename,
  mediaType: row.mediaType as AttachmentMediaType,
  size: row.size,
  sha256: row.sha256,
  uploadedAt: row.createdAt.toISOString(),
});

export function toDisposition(
  row: typeof dispositions.$inferSelect,
  joined: {
    departmentName: string | null;
    deciderName: string | null;
    takenInVersionNumber: number | null;
    inputIds: string[];
  },
): Disposition {
  return {
    id: row.id,
    hearingId: row.hearingId,
    inputIds: joined.inputIds,
    outcome: row.outcome as DispositionOutcome,
    reason: row.reason,
    final: row.final,
    assignedDepartment: person(row.assignedDepartmentId, joined.departmentName),
    takenIn:
      row.takenInVersionId && joined.takenInVersionNumber !== null
        ? {
            versionId: row.takenInVersionId,
            versionNumber: joined.takenInVersionNumber,
            sectionKey: row.takenInSectionKey,
          }
        : null,
    decidedAt: row.decidedAt.toISOString(),
    decidedBy: person(row.decidedBy, joined.deciderName),
    version: row.version,
  };
}

/** What the audit keeps of a disposition. */
export const auditedDisposition = (row: typeof dispositions.$inferSelect, inputIds: readonly string[]) => ({
  hearingId: row.hearingId,
  inputIds: [...inputIds],
  outcome: row.outcome,
  reason: row.reason,
  final: row.final,
  assignedDepartmentId: row.assignedDepartmentId,
  takenInVersionId: row.takenInVersionId,
  takenInSectionKey: row.takenInSectionKey,
  version: row.version,
});
