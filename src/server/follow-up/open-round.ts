import { and, eq, inArray, sql } from 'drizzle-orm';
import { OpenRoundInput, type ReportingRound } from '../../shared/contracts/follow-up.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { appendAudit } from '../audit/append-audit.js';
import { cycles } from '../general-part/general-part.table.js';
import { osloDate } from '../hearings/deadline.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError, rethrowUnique } from '../platform/errors.js';
import { commitments } from './commitment.table.js';
import { scheduleRoundReminders } from './reporting-reminders.js';
import { reportingRoundCommitments, reportingRounds } from './reporting-round.table.js';
import { loadRound } from './reporting-round-reads.js';

/** Rows written per statement when a round covers a whole nation's commitments. */
const chunk = 5000;

/**
 * Opens a reporting round of a cycle with its name, deadline (not in the past) and the commitments it
 * covers: those given, each an active commitment of an agreement in force in the cycle, or by default all
 * of them. Schedules the reminders 14 and 3 days before the deadline. The admin only. Answers the round
 * without its rows, which at a nation's size are many: its status is read apart.
 */
export async function openRound(ctx: Ctx, raw: unknown, links: { appUrl: string }): Promise<ReportingRound> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(OpenRoundInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, input.cycleId)).for('share');
      if (!cycle) throw fieldError('cycleId', 'validation.unknownCycle');
      const now = await databaseNow(tx);
      if (input.deadline < osloDate(now)) throw fieldError('deadline', 'validation.deadlinePast');
      const [taken] = await tx
        .select({ id: reportingRounds.id })
        .from(reportingRounds)
        .where(
          and(
            eq(reportingRounds.cycleId, cycle.id),
            sql`lower(${reportingRounds.name}) = lower(${input.name})`,
          ),
        );
      if (taken) throw fieldError('name', 'validation.roundNameTaken');
      const inForce = [...(await politicalStatesOf(tx, { cycleId: cycle.id })).entries()]
        .filter(([, state]) => state === 'in_force')
        .map(([id]) => id);
      const candidates =
        inForce.length === 0
          ? []
          : await tx
              .select({ id: commitments.id })
              .from(commitments)
              .where(
                and(
                  eq(commitments.cycleId, cycle.id),
                  eq(commitments.state, 'active'),
                  inArray(commitments.agreementId, inForce),
                ),
              );
      let covered = candidates.map((c) => c.id);
      if (input.commitmentIds !== undefined) {
        const allowed = new Set(covered);
        const chosen = [...new Set(input.commitmentIds)];
        if (chosen.some((id) => !allowed.has(id))) {
          throw fieldError('commitmentIds', 'validation.commitmentNotInCycle');
        }
        covered = chosen;
      }
      if (covered.length === 0) throw conflict('validation.noCommitmentsInForce');
      const [round] = await tx
        .insert(reportingRounds)
        .values({
          cycleId: cycle.id,
          name: input.name,
          deadline: input.deadline,
          createdBy: userIdOf(actx.actor),
        })
        .returning();
      if (!round) throw new Error('insert returned nothing');
      for (let i = 0; i < covered.length; i += chunk) {
        await tx
          .insert(reportingRoundCommitments)
          .values(covered.slice(i, i + chunk).map((commitmentId) => ({ roundId: round.id, commitmentId })));
      }
      await scheduleRoundReminders(tx, round, now, links.appUrl);
      await appendAudit(tx, actx, {
        action: 'reportingRound.open',
        entityType: 'reportingRound',
        entityId: round.id,
        before: null,
        after: { ...round, commitments: covered.length },
      });
      return loadRound(tx, round.id);
    });
  } catch (error) {
    rethrowUnique(error, { reporting_rounds_name_unique: ['name', 'validation.roundNameTaken'] });
  }
}
