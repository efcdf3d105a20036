import { eq } from 'drizzle-orm';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Db } from '../db/client.js';
import { commitmentIndicators, commitments, indicatorGoals } from '../follow-up/commitment.table.js';
import {
  commitmentReports,
  reportIndicatorValues,
  reportingRoundCommitments,
  reportingRounds,
} from '../follow-up/reporting-round.table.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { systemActor } from '../platform/context.js';
import { departments, regions } from '../registry/registry.table.js';
import type { Direction, ReportStatus } from './rollup.js';

export type SeedIndicator = {
  direction: Direction;
  baseline: number;
  target: number;
  targetOn: string;
  goals?: { value: number; dueOn: string }[];
  /** Values reported, each in the report of the round with the same index. */
  values?: { value: number; measuredOn: string }[];
};

export type SeedCommitment = {
  region: string;
  /** A department's name for the county's side; absent for the region's own. */
  department?: string;
  subjectArea: string;
  title: string;
  budgetNok: number | null;
  endsOn?: string;
  withdrawn?: boolean;
  /** Reports in the rounds, oldest first; null where the owner did not submit. */
  reports: ({ status: ReportStatus; progress: number } | null)[];
  indicators?: SeedIndicator[];
};

/**
 * Commitments of the test cycle's agreements ({@link testCycle}), written straight into the follow-up's tables with an audit
 * event each (as the follow-up's use cases do, so read caches see them): the roll-up's tests need exact
 * budgets, statuses, dropped and withdrawn commitments and indicator values that the agreement-in-force
 * path would take many steps to reach. Rounds are given by their deadlines; each covers every commitment.
 */
export async function seedFollowUp(db: Db, spec: { rounds: string[]; commitments: SeedCommitment[] }) {
  const cycle = await testCycle(db);
  const regionRows = await db.select().from(regions);
  const departmentRows = await db.select().from(departments);
  const areaRows = await db.select().from(subjectAreas).where(eq(subjectAreas.cycleId, cycle.id));
  const regionId = (name: string) => must(regionRows.find((r) => r.name.startsWith(name))?.id, name);
  const departmentId = (name: string) => must(departmentRows.find((d) => d.name === name)?.id, name);
  const areaId = (name: string) => must(areaRows.find((a) => a.name === name)?.id, name);
  const agreementRows = await db.select().from(agreements).where(eq(agreements.cycleId, cycle.id));
  const agreementOf = (name: string) =>
    must(agreementRows.find((a) => a.regionId === regionId(name))?.id, `agreement of ${name}`);

  return db.transaction(async (tx) => {
    const audit = (entityType: string, entityId: string, after: unknown) =>
      appendAudit(
        tx,
        { actor: systemActor, requestId: 'test' },
        {
          action: `${entityType}.create`,
          entityType,
          entityId,
          before: null,
          after,
        },
      );
    const roundIds: string[] = [];
    for (const deadline of spec.rounds) {
      const [round] = await tx
        .insert(reportingRounds)
        .values({ cycleId: cycle.id, name: `Rapport med frist ${deadline}`, deadline })
        .returning();
      if (!round) throw new Error('no round');
      roundIds.push(round.id);
      await audit('reporting_round', round.id, round);
    }
    const ids: Record<string, string> = {};
    for (const c of spec.commitments) {
      const [row] = await tx
        .insert(commitments)
        .values({
          agreementId: agreementOf(c.region),
          cycleId: cycle.id,
          subjectAreaId: areaId(c.subjectArea),
          ownerDepartmentId: c.department ? departmentId(c.department) : null,
          agreedElsewhere: 'Referat fra fellesmøtet',
          title: c.title,
          budgetNok: c.budgetNok,
          endsOn: c.endsOn ?? '2024-12-31',
          state: c.withdrawn ? 'withdrawn' : 'active',
        })
        .returning();
      if (!row) throw new Error('no commitment');
      ids[c.title] = row.id;
      await audit('commitment', row.id, row);
      const indicatorIds: string[] = [];
      for (const [position, i] of (c.indicators ?? []).entries()) {
        const [indicator] = await tx
          .insert(commitmentIndicators)
          .values({
            commitmentId: row.id,
            name: `Indikator ${position + 1}`,
            unit: 'antall',
            direction: i.direction,
            baselineValue: i.baseline,
            baselineOn: '2021-01-01',
            targetValue: i.target,
            targetOn: i.targetOn,
            position,
          })
          .returning();
        if (!indicator) throw new Error('no indicator');
        indicatorIds.push(indicator.id);
        for (const goal of i.goals ?? [])
          await tx.insert(indicatorGoals).values({ indicatorId: indicator.id, ...goal });
      }
      for (const [index, roundId] of roundIds.entries()) {
        await tx.insert(reportingRoundCommitments).values({ roundId, commitmentId: row.id });
        const report = c.reports[index];
        if (!report) continue;
        const [saved] = await tx
          .insert(commitmentReports)
          .values({
            roundId,
            commitmentId: row.id,
            status: report.status,
            progress: report.progress,
            state: 'submitted',
            submittedAt: new Date(`${spec.rounds[index]}T10:00:00Z`),
          })
          .returning();
        if (!saved) throw new Error('no report');
        for (const [n, i] of (c.indicators ?? []).entries()) {
          const value = i.values?.[index];
          if (value)
            await tx.insert(reportIndicatorValues).values({
              reportId: saved.id,
              indicatorId: indicatorIds[n] as string,
              unit: 'antall',
              ...value,
            });
        }
        await audit('commitment_report', saved.id, saved);
      }
    }
    return { cycleId: cycle.id, ids, regionId, departmentId, areaId };
  });
}

export const testCycleName = 'Oppfølgingstest 2021–2024';

/**
 * A cycle of its own for the roll-up's tests, so the demo's own commitments (Indre Østfold's agreement in
 * force) do not enter their sums: 2021–2024, a draft general part, three subject areas and an agreement
 * for every region of the registry. Made once; later calls find it.
 */
export async function testCycle(db: Db) {
  const [found] = await db.select().from(cycles).where(eq(cycles.name, testCycleName));
  if (found) return found;
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .insert(cycles)
      .values({ name: testCycleName, periodFrom: '2021-01-01', periodTo: '2024-12-31', status: 'active' })
      .returning();
    if (!cycle) throw new Error('no cycle');
    const [version] = await tx
      .insert(generalPartVersions)
      .values({ cycleId: cycle.id, number: 1 })
      .returning();
    if (!version) throw new Error('no general part');
    await tx
      .insert(subjectAreas)
      .values(
        ['Samferdsel', 'Næring', 'Kultur'].map((name, position) => ({ cycleId: cycle.id, name, position })),
      );
    const regionRows = await tx.select({ id: regions.id }).from(regions);
    await tx.insert(agreements).values(
      regionRows.map((r) => ({
        cycleId: cycle.id,
        regionId: r.id,
        generalPartVersionId: version.id,
        periodFrom: '2021-01-01',
        periodTo: '2024-12-31',
      })),
    );
    await appendAudit(
      tx,
      { actor: systemActor, requestId: 'test' },
      {
        action: 'cycle.create',
        entityType: 'cycle',
        entityId: cycle.id,
        before: null,
        after: cycle,
      },
    );
    return cycle;
  });
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the demo has no ${what}`);
  return value;
}
