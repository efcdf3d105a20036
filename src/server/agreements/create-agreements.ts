import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { type AgreementSummary, CreateAgreementsInput } from '../../shared/contracts/agreements.js';
import { appendAudit } from '../audit/append-audit.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { createAgreementMilestones } from '../milestones/create-agreement-milestones.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, fieldError } from '../platform/errors.js';
import { regions } from '../registry/registry.table.js';
import { agreements } from './agreement.table.js';
import { agreementSummariesById, auditedAgreement } from './agreement-reads.js';

/**
 * Creates the agreements of a cycle in one transaction, each pinning the cycle's approved general part
 * version, with the cycle's period. Named regions that already have an agreement in the cycle are refused
 * with 409 and nothing is created; without names (or with `all: true`) every region that has none yet gets
 * one, so repeating the request creates nothing twice (and answers with an empty list). Each agreement gets
 * its cycle's milestones.
 */
export async function createAgreements(ctx: Ctx, raw: unknown): Promise<AgreementSummary[]> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateAgreementsInput, raw);
  if (input.all && input.regionIds) throw fieldError('all', 'validation.invalid');
  return actx.db.transaction(async (tx) => {
    // Locks the cycle: two admins creating at once run one after the other, the second sees the first's.
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, input.cycleId)).for('update');
    if (!cycle) throw fieldError('cycleId', 'validation.unknownCycle');
    const [current] = await tx
      .select({ id: generalPartVersions.id })
      .from(generalPartVersions)
      .where(and(eq(generalPartVersions.cycleId, cycle.id), eq(generalPartVersions.state, 'approved')))
      .for('share');
    if (!current) throw conflict('validation.noApprovedGeneralPart');

    const existing = await tx
      .select({ regionId: agreements.regionId })
      .from(agreements)
      .where(eq(agreements.cycleId, cycle.id));
    const taken = existing.map((a) => a.regionId);
    let regionIds: string[];
    if (input.regionIds) {
      const found = await tx
        .select({ id: regions.id })
        .from(regions)
        .where(inArray(regions.id, input.regionIds))
        .orderBy(asc(regions.name));
      if (found.length !== input.regionIds.length) throw fieldError('regionIds', 'validation.unknownRegion');
      if (found.some((r) => taken.includes(r.id))) throw conflict('validation.agreementExists');
      regionIds = found.map((r) => r.id);
    } else {
      const free = await tx
        .select({ id: regions.id })
        .from(regions)
        .where(taken.length > 0 ? notInArray(regions.id, taken) : undefined)
        .orderBy(asc(regions.name));
      regionIds = free.map((r) => r.id);
    }
    if (regionIds.length === 0) return [];

    const rows = await tx
      .insert(agreements)
      .values(
        regionIds.map((regionId) => ({
          cycleId: cycle.id,
          regionId,
          generalPartVersionId: current.id,
          periodFrom: cycle.periodFrom,
          periodTo: cycle.periodTo,
          createdBy: userIdOf(actx.actor),
        })),
      )
      .returning();
    for (const row of rows) {
      await appendAudit(tx, actx, {
        action: 'agreement.create',
        entityType: 'agreement',
        entityId: row.id,
        before: null,
        after: auditedAgreement(row),
      });
    }
    await createAgreementMilestones(
      tx,
      actx,
      cycle.id,
      rows.map((r) => r.id),
    );
    return agreementSummariesById(
      tx,
      rows.map((r) => r.id),
    );
  });
}
