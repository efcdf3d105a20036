import { eq } from 'drizzle-orm';
import { type Agreement, UpdateAgreementInput } from '../../shared/contracts/agreements.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { agreements } from './agreement.table.js';
import { auditedAgreement, loadAgreement } from './agreement-reads.js';

/** Changes an agreement's period (it defaults to the cycle's); the parties follow its new first day. */
export async function updateAgreement(ctx: Ctx, id: string, raw: unknown): Promise<Agreement> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(UpdateAgreementInput, raw);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, agreements, id, input.version);
    const periodFrom = input.periodFrom ?? before.periodFrom;
    const periodTo = input.periodTo ?? before.periodTo;
    if (periodTo <= periodFrom) throw fieldError('periodTo', 'validation.endBeforeStart');
    const [after] = await tx
      .update(agreements)
      .set({ periodFrom, periodTo, ...nextVersion(agreements) })
      .where(eq(agreements.id, id))
      .returning();
    if (!after) throw notFound();
    await appendAudit(tx, actx, {
      action: 'agreement.update',
      entityType: 'agreement',
      entityId: id,
      before: auditedAgreement(before),
      after: auditedAgreement(after),
    });
    return loadAgreement(tx, id);
  });
}
