import { eq } from 'drizzle-orm';
import type { GeneralPartVersionSummary } from '../../shared/contracts/general-part.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { ActorCtx } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { auditedVersion } from './general-part.mapper.js';
import { cycles, generalPartSections, generalPartVersions } from './general-part.table.js';
import { selectVersionSummaries } from './version-reads.js';
import { assertRequiredSections } from './version-rules.js';

type VersionRow = typeof generalPartVersions.$inferSelect;

/**
 * Checks, inside the caller's transaction, that a version may be sent on hearing: it exists, it is a draft
 * or already on hearing (a formal hearing may follow an informal one on the same text), and every required
 * section is there with text. Locks the version so nobody edits it between the check and the hearing.
 * Refuses with 404, 409 (approved or superseded) or 400 naming the sections.
 */
export async function assertReadyForHearing(tx: Tx, versionId: string): Promise<VersionRow> {
  assertId(versionId);
  const [target] = await tx
    .select({ cycleId: generalPartVersions.cycleId })
    .from(generalPartVersions)
    .where(eq(generalPartVersions.id, versionId));
  if (!target) throw notFound();
  // The same lock order as drafts and approvals (cycle, then version), so the three never deadlock.
  await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, target.cycleId)).for('update');
  const [version] = await tx
    .select()
    .from(generalPartVersions)
    .where(eq(generalPartVersions.id, versionId))
    .for('update');
  if (!version) throw notFound();
  if (version.state !== 'draft' && version.state !== 'on_hearing')
    throw conflict('validation.versionNotForHearing');
  const sections = await tx
    .select({ key: generalPartSections.key, body: generalPartSections.body })
    .from(generalPartSections)
    .where(eq(generalPartSections.versionId, versionId));
  assertRequiredSections(sections);
  return version;
}

/**
 * Sends a version on hearing, as part of opening a hearing (the hearing's use case calls this in its own
 * transaction, so the hearing and the frozen version commit together or not at all). From here on the
 * version never changes; editing it means a new draft. A version already on hearing stays as it is.
 */
export async function markOnHearing(
  tx: Tx,
  actx: ActorCtx,
  versionId: string,
): Promise<GeneralPartVersionSummary> {
  authorize(actx, adminOnly);
  const before = await assertReadyForHearing(tx, versionId);
  if (before.state === 'draft') {
    const [row] = await tx
      .update(generalPartVersions)
      .set({ state: 'on_hearing', ...nextVersion(generalPartVersions) })
      .where(eq(generalPartVersions.id, versionId))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'generalPartVersion.markOnHearing',
      entityType: 'generalPartVersion',
      entityId: versionId,
      before: auditedVersion(before),
      after: auditedVersion(row),
    });
  }
  const [summary] = await selectVersionSummaries(tx, eq(generalPartVersions.id, versionId));
  if (!summary) throw new Error('version vanished');
  return summary;
}
