import { eq, sql } from 'drizzle-orm';
import { SpecialPartTransitionInput, type SpecialPartVersion } from '../../shared/contracts/special-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { generateContributionsContent } from './contributions-content.js';
import { specialPartVersions } from './special-part.table.js';
import { lockSpecialPartVersion } from './special-part-locks.js';
import { auditedVersion, loadSpecialPartVersion } from './special-part-reads.js';

/**
 * Sends a draft to the parties: from now on the version never changes. In the same transaction the
 * contributions section is generated one last time and frozen into the version, with the agreement's
 * contributions locked, so the frozen text is exactly the agreed items at this moment.
 */
export async function sendSpecialPartVersion(
  ctx: Ctx,
  id: string,
  raw: unknown,
): Promise<SpecialPartVersion> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(SpecialPartTransitionInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockSpecialPartVersion(tx, id, input.version);
    if (before.state !== 'draft') throw conflict('validation.specialPartNotDraft');
    // A contribution changed in a transaction that commits before ours would otherwise be missed by it.
    await tx.execute(sql`select id from contributions where agreement_id = ${before.agreementId} for share`);
    const snapshot = await generateContributionsContent(tx, before.agreementId);
    const [row] = await tx
      .update(specialPartVersions)
      .set({
        state: 'sent',
        contributionsSnapshot: snapshot,
        sentAt: sql`now()`,
        sentBy: userIdOf(actx.actor),
        ...nextVersion(specialPartVersions),
      })
      .where(eq(specialPartVersions.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await appendAudit(tx, actx, {
      action: 'specialPartVersion.send',
      entityType: 'specialPartVersion',
      entityId: id,
      before: auditedVersion(before),
      after: {
        ...auditedVersion(row),
        contributions: snapshot.subjectAreas.flatMap((a) => a.contributions.map((c) => c.id)),
      },
    });
    const sent = await loadSpecialPartVersion(tx, id);
    if (!sent) throw new Error('version vanished');
    return sent;
  });
}
