import { inArray } from 'drizzle-orm';
import type { Locale, Role } from '../../shared/contracts/common.js';
import { type ContributionCopies, CopyContributionInput } from '../../shared/contracts/contributions.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { regions } from '../registry/registry.table.js';
import { contributions } from './contribution.table.js';
import { readContributions } from './contribution-reads.js';
import { lockAgreement } from './contribution-rules.js';
import { copyTargetsOf, readCopySource } from './copy-targets.js';
import { insertProposed } from './insert-proposed.js';

/** A region contact's items are the region's own, which no other region takes over; the viewer writes none. */
export const contributionCopiers: readonly Role[] = ['admin', 'department'];

/** The first history entry of a copy, in the copier's language. */
const copiedReason: Record<Locale, (region: string) => string> = {
  nb: (region) => `Kopiert fra bidraget til ${region}`,
  nn: (region) => `Kopiert frå bidraget til ${region}`,
  en: (region) => `Copied from the contribution for ${region}`,
};

/**
 * Copies a department's contribution to other regions' agreements of the same cycle, each copy a new
 * contribution of its own: the same department, subject area, kind, text, budget, time frame and
 * indicators, proposed, last in its subject area, with a history of its own and no comments. Either every
 * region asked for gets its copy or, when one cannot (the source's own region, no agreement in the cycle,
 * an agreement in force), none does, and the error names that region.
 */
export async function copyContribution(ctx: Ctx, id: string, raw: unknown): Promise<ContributionCopies> {
  const actx = authorize(ctx, contributionCopiers);
  const input = parse(CopyContributionInput, raw);
  return actx.db.transaction(async (tx) => {
    const source = await readCopySource(tx, actx.actor, id);
    const named = await tx
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .where(inArray(regions.id, input.regionIds));
    const nameOf = new Map(named.map((r) => [r.id, r.name]));
    const targets = new Map((await copyTargetsOf(tx, source)).map((c) => [c.region.id, c]));
    const agreementIds: string[] = [];
    for (const regionId of input.regionIds) {
      const region = nameOf.get(regionId);
      if (region === undefined) throw fieldError('regionIds', 'validation.unknownRegion');
      if (regionId === source.regionId)
        throw fieldError('regionIds', 'validation.copySameRegion', { region });
      const target = targets.get(regionId);
      if (!target?.agreementId || target.blocked === 'noAgreement') {
        throw fieldError('regionIds', 'validation.copyNoAgreement', { region });
      }
      if (target.blocked === 'inForce') throw fieldError('regionIds', 'validation.copyInForce', { region });
      agreementIds.push(target.agreementId);
    }
    // Locked in one order, so two copies to overlapping regions wait for each other instead of deadlocking.
    for (const agreementId of [...agreementIds].sort()) await lockAgreement(tx, agreementId);
    const reason = copiedReason[actx.actor.locale](source.regionName);
    const made: string[] = [];
    for (const agreementId of agreementIds) {
      const row = await insertProposed(
        tx,
        actx,
        {
          agreementId,
          cycleId: source.cycleId,
          subjectAreaId: source.subjectAreaId,
          kind: source.kind,
          ownerDepartmentId: source.ownerDepartmentId,
          title: source.title,
          description: source.description,
          responsible: source.responsible,
          budgetNokPerYear: source.budgetNokPerYear,
          timeFrame: source.timeFrame,
          indicators: source.indicators,
        },
        reason,
        { copiedFrom: source.id },
      );
      made.push(row.id);
    }
    const items = await readContributions(tx, actx.actor, inArray(contributions.id, made));
    return { items: items.sort((a, b) => a.region.name.localeCompare(b.region.name, 'nb')) };
  });
}
