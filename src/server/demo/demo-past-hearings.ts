import { eq } from 'drizzle-orm';
import type { HearingKind } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { markOnHearing } from '../general-part/mark-on-hearing.js';
import { auditedHearing } from '../hearings/hearing.mapper.js';
import { dispositions, hearingInputs, hearingInvitations, hearings } from '../hearings/hearing.table.js';
import type { HearingRow } from '../hearings/hearing-rules.js';
import { assertSectionOnHearing } from '../hearings/input-reads.js';
import { auditedInput } from '../hearings/input-rules.js';
import type { ActorCtx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';

/**
 * DEMO ONLY. The demo shows hearings that took place in 2020, as the seed document tells it. The use cases
 * cannot write that history, and rightly so: `openHearing` refuses a deadline in the past and `submitInput`
 * refuses a region's input after the deadline (the admin's would be marked late). So the first two
 * functions write the same rows and audit events the use cases would have written then, with the dates of
 * then, and nothing that belongs to now: no e-mails to the invited regions (they would go out today about a
 * hearing of 2020) and no reminders (their time has passed). Everything the rules allow afterwards (the new
 * draft, the dispositions, the approval) goes through the use cases, and `backdate` then gives it the dates
 * of 2020. Nothing but the demo loader calls these.
 */

export type PastHearing = {
  cycleId: string;
  versionId: string;
  kind: HearingKind;
  /** When the hearing was opened (it is also when the invitations went out). */
  openedAt: Date;
  deadline: string;
  coverLetter: string;
  regionIds: readonly string[];
};

/** A hearing opened in the past, on a version the general part's own rule sends on hearing. */
export async function recordPastHearing(tx: Tx, actx: ActorCtx, h: PastHearing): Promise<HearingRow> {
  // The general part's rule (all required sections filled, a draft or already on hearing) and its freeze.
  await markOnHearing(tx, actx, h.versionId);
  const [row] = await tx
    .insert(hearings)
    .values({
      cycleId: h.cycleId,
      versionId: h.versionId,
      kind: h.kind,
      deadline: h.deadline,
      coverLetter: h.coverLetter,
      openedBy: userIdOf(actx.actor),
      createdAt: h.openedAt,
      updatedAt: h.openedAt,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await tx
    .insert(hearingInvitations)
    .values(h.regionIds.map((regionId) => ({ hearingId: row.id, regionId, createdAt: h.openedAt })));
  await appendAudit(tx, actx, {
    action: 'hearing.open',
    entityType: 'hearing',
    entityId: row.id,
    before: null,
    after: { ...auditedHearing(row), coverLetter: row.coverLetter, invitedRegionIds: [...h.regionIds] },
  });
  return row;
}

export type PastInput = {
  regionId: string;
  sectionKey: string | null;
  text: string;
  submittedAt: Date;
  /** Registered by the admin after the deadline. */
  late: boolean;
};

/**
 * One input given in the past: by the region's contact (`actx`), or registered by the admin on the
 * region's behalf. On a section of the version on hearing, as `submitInput` checks; from an invited region,
 * which the foreign key to the invitation holds.
 */
export async function recordPastInput(
  tx: Tx,
  actx: ActorCtx,
  hearing: HearingRow,
  input: PastInput,
): Promise<string> {
  await assertSectionOnHearing(tx, hearing.versionId, input.sectionKey);
  const [row] = await tx
    .insert(hearingInputs)
    .values({
      hearingId: hearing.id,
      regionId: input.regionId,
      sectionKey: input.sectionKey,
      text: input.text,
      late: input.late,
      submittedBy: userIdOf(actx.actor),
      submittedAt: input.submittedAt,
      createdAt: input.submittedAt,
      updatedAt: input.submittedAt,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await appendAudit(tx, actx, {
    action: input.late ? 'input.registerLate' : 'input.submit',
    entityType: 'hearingInput',
    entityId: row.id,
    before: null,
    after: auditedInput(row),
  });
  return row.id;
}

export type PastDates = {
  cycle: { id: string; at: Date };
  versions: { id: string; createdAt: Date; updatedAt: Date }[];
  approval: { versionId: string; recordedAt: Date };
  dispositions: { hearingId: string; decidedAt: Date }[];
};

/**
 * The use cases stamp what they write with today's date. In a story that took place in 2020 that would
 * show a version created after the hearings on it, and answers given years after the approval; so the
 * times the screens show are set to when it happened. The audit events keep today's date: they record when
 * the demo loader wrote the rows.
 */
export async function backdate(tx: Tx, d: PastDates): Promise<void> {
  await tx
    .update(cycles)
    .set({ createdAt: d.cycle.at, updatedAt: d.cycle.at })
    .where(eq(cycles.id, d.cycle.id));
  for (const v of d.versions) {
    await tx
      .update(generalPartVersions)
      .set({ createdAt: v.createdAt, updatedAt: v.updatedAt })
      .where(eq(generalPartVersions.id, v.id));
  }
  await tx
    .update(generalPartVersions)
    .set({ approvalRecordedAt: d.approval.recordedAt, updatedAt: d.approval.recordedAt })
    .where(eq(generalPartVersions.id, d.approval.versionId));
  for (const { hearingId, decidedAt } of d.dispositions) {
    await tx
      .update(dispositions)
      .set({ decidedAt, createdAt: decidedAt, updatedAt: decidedAt })
      .where(eq(dispositions.hearingId, hearingId));
  }
}
