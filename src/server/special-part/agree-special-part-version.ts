import { and, eq, sql } from 'drizzle-orm';
import { SpecialPartTransitionInput, type SpecialPartVersion } from '../../shared/contracts/special-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { specialPartVersions } from './special-part.table.js';
import { lockSpecialPartVersion } from './special-part-locks.js';
import { auditedVersion, loadSpecialPartVersion } from './special-part-reads.js';

/**
 * Records that the parties agreed a sent version (who recorded it and when): it becomes the agreement's
 * special part and the version agreed before it is superseded, in one transaction. Its contributions stay
 * the ones frozen when it was sent. Never a version older than the one agreed already.
 */
export async function agreeSpecialPartVersion(
  ctx: Ctx,
  id: string,
  raw: unknown,
): Promise<SpecialPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(SpecialPartTransitionInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockSpecialPartVersion(tx, id, input.version);
    if (before.state !== 'sent') throw conflict('validation.specialPartNotSent');
    const [current] = await tx
      .select()
      .from(specialPartVersions)
      .where(
        and(eq(specialPartVersions.agreementId, before.agreementId), eq(specialPartVersions.state, 'agreed')),
      );
    if (current && current.number > before.number) throw conflict('validation.specialPartOlderThanAgreed');

    if (current) {
      // First: the partial unique index allows one agreed version per agreement at any moment.
      const [superseded] = await tx
        .update(specialPartVersions)
        .set({ state: 'superseded', ...nextVersion(specialPartVersions) })
        .where(eq(specialPartVersions.id, current.id))
        .returning();
      if (!superseded) throw new Error('update returned nothing');
      await appendAudit(tx, actx, {
        action: 'specialPartVersion.supersede',
        entityType: 'specialPartVersion',
        entityId: current.id,
        before: auditedVersion(current),
        after: { ...auditedVersion(superseded), supersededBy: id },
      });
    }
    const [row] = await tx
      .update(specialPartVersions)
      .set({
        state: 'agreed',
        agreedAt: sql`now()`,
        agreedBy: userIdOf(actx.actor),
        ...nextVersion(specialPartVersions),
      })
      .where(eq(specialPartVersions.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.agree',
      entityType: 'specialPartVersion',
      entityId: id,
      before: auditedVersion(before),
      after: { ...auditedVersion(row), agreedAt: row.agreedAt, supersedes: current?.id ?? null },
    });
    const agreed = await loadSpecialPartVersion(tx, id);
    if (!agreed) throw new Error('version vanished');
    return agreed;
  });
}
