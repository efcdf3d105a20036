import type { Role } from '../../shared/contracts/common.js';
import { type HearingInput, SubmitInputInput } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { fieldError, forbidden, rethrowUnique } from '../platform/errors.js';
import { hearingInputs } from './hearing.table.js';
import { closedForInput, hearingClosed, isInvited, lockHearing, momentUnderLock } from './hearing-rules.js';
import { assertSectionOnHearing, loadInput } from './input-reads.js';
import { assertInputId, auditedInput } from './input-rules.js';

export const inputWriters: readonly Role[] = ['admin', 'region'];

/**
 * A region contact gives their region's input, on one section of the version on hearing or on the whole
 * document, while the hearing is open. The region is the contact's own: naming another is refused (403),
 * as is a hearing the region was not invited to. The admin registers input on a region's behalf (sent by
 * post or e-mail, say); after the hearing closed only the admin can, and that input is marked late.
 */
export async function submitInput(ctx: Ctx, hearingId: string, raw: unknown): Promise<HearingInput> {
  const actx = authorize(ctx, inputWriters);
  const { actor } = actx;
  assertInputId(hearingId);
  const input = parse(SubmitInputInput, raw);
  let regionId: string;
  if (actor.role === 'region') {
    if (!actor.regionId || (input.regionId && input.regionId !== actor.regionId)) throw forbidden();
    regionId = actor.regionId;
  } else {
    if (!input.regionId) throw fieldError('regionId', 'validation.regionRequired');
    regionId = input.regionId;
  }
  try {
    return await actx.db.transaction(async (tx) => {
      const hearing = await lockHearing(tx, hearingId, 'share');
      if (!(await isInvited(tx, hearingId, regionId))) {
        if (actor.role === 'region') throw forbidden();
        throw fieldError('regionId', 'validation.regionNotInvited');
      }
      // Read while the hearing is held, and written as the input's time: see momentUnderLock.
      const now = await momentUnderLock(tx);
      const closed = closedForInput(hearing, now);
      if (closed && actor.role !== 'admin') throw hearingClosed();
      await assertSectionOnHearing(tx, hearing.versionId, input.sectionKey);
      const [row] = await tx
        .insert(hearingInputs)
        .values({
          hearingId,
          regionId,
          sectionKey: input.sectionKey,
          text: input.text,
          late: closed,
          submittedAt: now,
          submittedBy: userIdOf(actor),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await appendAudit(tx, actx, {
        action: closed ? 'input.registerLate' : 'input.submit',
        entityType: 'hearingInput',
        entityId: row.id,
        scopes: [cacheScope.hearing(hearingId)],
        before: null,
        after: auditedInput(row),
      });
      const saved = await loadInput(tx, actor, hearing, closed, row.id);
      if (!saved) throw new Error('input vanished');
      return saved;
    });
  } catch (error) {
    rethrowUnique(error, { hearing_inputs_one_per_section: ['sectionKey', 'validation.inputExists'] });
  }
}
