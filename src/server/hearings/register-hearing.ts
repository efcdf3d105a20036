import { type Hearing, RegisterHearingInput } from '../../shared/contracts/hearings.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { osloDate, osloInstant } from './deadline.js';
import { loadHearing } from './hearing-reads.js';
import { writeHearing } from './open-hearing.js';

/**
 * Registers a hearing that took place before the county used Partnerskap (bringing an ongoing process in):
 * the version is sent on hearing and the regions invited as opening does, but the hearing was opened on its
 * own day and its deadline has passed, so it is closed at once. Nobody is e-mailed and no reminder is
 * scheduled: the regions were told at the time. It is marked as registered afterwards, by whom and when.
 * The inputs received are then registered as late input (submit-input.ts), which e-mails nobody either.
 * A deadline that has not passed is refused: such a hearing is opened, so the regions hear of it.
 */
export async function registerHearing(ctx: Ctx, raw: unknown): Promise<Hearing> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(RegisterHearingInput, raw);
  return actx.db.transaction(async (tx) => {
    const now = await databaseNow(tx);
    const today = osloDate(now);
    if (input.deadline >= today) throw fieldError('deadline', 'validation.deadlineNotPassed');
    const { row } = await writeHearing(tx, actx, input, today, {
      openedAt: osloInstant(input.openedOn, 0),
      at: now,
    });
    const hearing = await loadHearing(tx, actx.actor, now, row.id);
    if (!hearing) throw new Error('hearing vanished');
    return hearing;
  });
}
