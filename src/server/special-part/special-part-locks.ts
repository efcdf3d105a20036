import { eq } from 'drizzle-orm';
import { agreements } from '../agreements/agreement.table.js';
import type { Tx } from '../db/client.js';
import { notFound } from '../platform/errors.js';
import { lockVersioned } from '../platform/versioned.js';
import { specialPartVersions } from './special-part.table.js';

/** The agreement's lock orders the versions of its special part: numbers never collide, drafts never double. */
export async function lockAgreement(tx: Tx, agreementId: string): Promise<void> {
  await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreementId)).for('update');
}

/**
 * A version about to change state, read under its lock and refused when the caller saw an older one. The
 * agreement's lock comes first, as every special part write takes it, then the version's.
 */
export async function lockSpecialPartVersion(
  tx: Tx,
  id: string,
  version: number,
): Promise<typeof specialPartVersions.$inferSelect> {
  const [target] = await tx
    .select({ agreementId: specialPartVersions.agreementId })
    .from(specialPartVersions)
    .where(eq(specialPartVersions.id, id));
  if (!target) throw notFound();
  await lockAgreement(tx, target.agreementId);
  return lockVersioned(tx, specialPartVersions, id, version);
}
