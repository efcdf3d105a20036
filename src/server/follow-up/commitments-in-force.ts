import { and, eq, notExists } from 'drizzle-orm';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import { type AuditCtx, appendAudit } from '../audit/append-audit.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Tx } from '../db/client.js';
import { userIdOf } from '../platform/context.js';
import { commitmentIndicators, commitments } from './commitment.table.js';

/** A number as people write it in an indicator's text: "120 000", "1,5", "40 %". Null when it is none. */
export function numberOfText(text: string | null): number | null {
  if (!text) return null;
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The whole years an agreement runs (at least one), for a yearly budget's total. */
export function yearsOf(periodFrom: string, periodTo: string): number {
  const days = (Date.parse(periodTo) - Date.parse(periodFrom)) / 86_400_000;
  return Math.max(1, Math.round(days / 365.25));
}

/**
 * Once an agreement is in force, each of its agreed contributions becomes a commitment, owned as the
 * contribution was (its department, or the region), in the caller's transaction. Runs after every write
 * that can bring an agreement into force (the board's decision, a council's adoption, a change resolved);
 * a contribution that already has its commitment is left alone, so running it twice makes nothing twice.
 * The yearly budget becomes the budget over the agreement's years; an indicator whose baseline and target
 * are numbers, with a unit, becomes an indicator dated at the agreement's start and end. Returns how many
 * commitments it made.
 */
export async function createCommitmentsInForce(tx: Tx, actx: AuditCtx, agreementId: string): Promise<number> {
  const states = await politicalStatesOf(tx, { agreementId });
  if (states.get(agreementId) !== 'in_force') return 0;
  const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!agreement) return 0;
  const agreed = await tx
    .select()
    .from(contributions)
    .where(
      and(
        eq(contributions.agreementId, agreementId),
        eq(contributions.status, 'agreed'),
        notExists(
          tx
            .select({ id: commitments.id })
            .from(commitments)
            .where(eq(commitments.sourceContributionId, contributions.id)),
        ),
      ),
    )
    .orderBy(contributions.subjectAreaId, contributions.position);
  if (agreed.length === 0) return 0;
  const years = yearsOf(agreement.periodFrom, agreement.periodTo);
  const made = await tx
    .insert(commitments)
    .values(
      agreed.map((c) => ({
        agreementId,
        cycleId: agreement.cycleId,
        subjectAreaId: c.subjectAreaId,
        ownerDepartmentId: c.ownerDepartmentId,
        sourceContributionId: c.id,
        title: c.title,
        description: c.description,
        responsibleName: c.responsible,
        startsOn: agreement.periodFrom,
        endsOn: agreement.periodTo,
        budgetNok: c.budgetNokPerYear === null ? null : c.budgetNokPerYear * years,
        createdBy: userIdOf(actx.actor),
      })),
    )
    .onConflictDoNothing({ target: commitments.sourceContributionId })
    .returning({ id: commitments.id, sourceContributionId: commitments.sourceContributionId });
  const indicators = made.flatMap((m) => {
    const source = agreed.find((c) => c.id === m.sourceContributionId);
    return (source?.indicators ?? []).flatMap((indicator, position) => {
      const baselineValue = numberOfText(indicator.baseline);
      const targetValue = numberOfText(indicator.target);
      const unit = indicator.unit?.trim();
      if (baselineValue === null || targetValue === null || !unit) return [];
      return [
        {
          commitmentId: m.id,
          name: indicator.name,
          unit,
          direction: targetValue < baselineValue ? 'lower' : 'higher',
          baselineValue,
          baselineOn: agreement.periodFrom,
          targetValue,
          targetOn: agreement.periodTo,
          position,
        },
      ];
    });
  });
  if (indicators.length > 0) await tx.insert(commitmentIndicators).values(indicators);
  if (made.length > 0) {
    await appendAudit(tx, actx, {
      action: 'commitment.createInForce',
      entityType: 'agreement',
      entityId: agreementId,
      before: null,
      after: { commitmentIds: made.map((m) => m.id), indicators: indicators.length },
    });
  }
  return made.length;
}

/**
 * After a change to a region's memberships: the municipalities that must adopt its agreements are those
 * that were members on each agreement's start date, so a change (a municipality that left before the start
 * is taken out) can bring an agreement into force. Runs `createCommitmentsInForce` for each of them.
 */
export async function createCommitmentsForRegion(tx: Tx, actx: AuditCtx, regionId: string): Promise<number> {
  const own = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(eq(agreements.regionId, regionId));
  let made = 0;
  for (const agreement of own) made += await createCommitmentsInForce(tx, actx, agreement.id);
  return made;
}
