import { and, eq, sql } from 'drizzle-orm';
import { ApproveVersionInput, type GeneralPartVersion } from '../../shared/contracts/general-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { auditedVersion } from './general-part.mapper.js';
import { cycles, generalPartSections, generalPartVersions } from './general-part.table.js';
import { loadVersion } from './version-reads.js';
import { assertRequiredSections } from './version-rules.js';

/**
 * Records the county executive board's approval of a version: it becomes the cycle's current general part
 * and the version approved before it is superseded, in one transaction, so there is never a moment with
 * two current texts or none. A draft or a version on hearing can be approved; never one older than the
 * current approved version (that would silently bring back an outdated text).
 */
export async function approveVersion(ctx: Ctx, id: string, raw: unknown): Promise<GeneralPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(ApproveVersionInput, raw);
  return actx.db.transaction(async (tx) => {
    const [target] = await tx
      .select({ cycleId: generalPartVersions.cycleId })
      .from(generalPartVersions)
      .where(eq(generalPartVersions.id, id));
    if (!target) throw notFound();
    await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, target.cycleId)).for('update');
    const before = await lockVersioned(tx, generalPartVersions, id, input.version);
    if (before.state !== 'draft' && before.state !== 'on_hearing')
      throw conflict('validation.versionNotApprovable');
    const [current] = await tx
      .select()
      .from(generalPartVersions)
      .where(and(eq(generalPartVersions.cycleId, before.cycleId), eq(generalPartVersions.state, 'approved')));
    if (current && current.number > before.number) throw conflict('validation.olderThanApproved');
    const sections = await tx
      .select({ key: generalPartSections.key, body: generalPartSections.body })
      .from(generalPartSections)
      .where(eq(generalPartSections.versionId, id));
    assertRequiredSections(sections);

    if (current) {
      // First: the partial unique index allows one approved version per cycle at any moment.
      const [superseded] = await tx
        .update(generalPartVersions)
        .set({ state: 'superseded', ...nextVersion(generalPartVersions) })
        .where(eq(generalPartVersions.id, current.id))
        .returning();
      if (!superseded) throw new Error('update returned nothing');
      await appendAudit(tx, actx, {
        action: 'generalPartVersion.supersede',
        entityType: 'generalPartVersion',
        entityId: current.id,
        before: auditedVersion(current),
        after: { ...auditedVersion(superseded), supersededBy: id },
      });
    }
    const approval = {
      approvedOn: input.date,
      approvalBody: input.body,
      approvalCaseNumber: input.caseNumber,
      approvalDecisionText: input.decisionText,
      approvalRecordedBy: userIdOf(actx.actor),
    };
    const [row] = await tx
      .update(generalPartVersions)
      .set({
        state: 'approved',
        ...approval,
        approvalRecordedAt: sql`now()`,
        ...nextVersion(generalPartVersions),
      })
      .where(eq(generalPartVersions.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'generalPartVersion.approve',
      entityType: 'generalPartVersion',
      entityId: id,
      before: auditedVersion(before),
      after: { ...auditedVersion(row), ...approval, supersedes: current?.id ?? null },
    });
    const approved = await loadVersion(tx, id);
    if (!approved) throw new Error('version vanished');
    return approved;
  });
}
