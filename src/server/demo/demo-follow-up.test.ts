import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { osloParts, toOsloIso } from '../../shared/contracts/oslo-time.js';
import { agreements } from '../agreements/agreement.table.js';
import { commitmentIndicators, commitments, indicatorGoals } from '../follow-up/commitment.table.js';
import {
  commitmentReports,
  reportIndicatorValues,
  reportingRoundCommitments,
  reportingRounds,
} from '../follow-up/reporting-round.table.js';
import { regions } from '../registry/registry.table.js';

let t: TestApp;
let agreementId: string;

beforeAll(async () => {
  t = await startTestApp();
  const [row] = await t.database.db
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(regions.name, 'Indre Østfold regionråd'));
  if (!row) throw new Error('no agreement of Indre Østfold');
  agreementId = row.id;
});

afterAll(async () => {
  await t.close();
});

const roundNamed = async (name: string) => {
  const [round] = await t.database.db.select().from(reportingRounds).where(eq(reportingRounds.name, name));
  if (!round) throw new Error(`no round ${name}`);
  return round;
};
const reportsOf = (roundId: string) =>
  t.database.db
    .select({
      title: commitments.title,
      state: commitmentReports.state,
      status: commitmentReports.status,
      progress: commitmentReports.progress,
      next: commitmentReports.next,
      done: commitmentReports.done,
      id: commitmentReports.id,
    })
    .from(commitmentReports)
    .innerJoin(commitments, eq(commitments.id, commitmentReports.commitmentId))
    .where(eq(commitmentReports.roundId, roundId));
const coveredBy = async (roundId: string) =>
  (
    await t.database.db
      .select()
      .from(reportingRoundCommitments)
      .where(eq(reportingRoundCommitments.roundId, roundId))
  ).length;

describe('the demo follow-up of Indre Østfold’s agreement in force', () => {
  it('has commitments from both sides, some with budgets and indicators with goals', async () => {
    const own = await t.database.db
      .select()
      .from(commitments)
      .where(eq(commitments.agreementId, agreementId));
    expect(own.filter((c) => c.ownerDepartmentId === null).length).toBeGreaterThan(0);
    expect(own.filter((c) => c.ownerDepartmentId !== null).length).toBeGreaterThan(0);
    expect(own.filter((c) => c.budgetNok !== null && c.budgetNok > 0).length).toBeGreaterThan(0);
    const goals = await t.database.db
      .select({ name: commitmentIndicators.name, value: indicatorGoals.value, dueOn: indicatorGoals.dueOn })
      .from(indicatorGoals)
      .innerJoin(commitmentIndicators, eq(commitmentIndicators.id, indicatorGoals.indicatorId))
      .orderBy(asc(commitmentIndicators.name), asc(indicatorGoals.dueOn));
    expect(goals).toContainEqual({ name: 'Kommersielle gjestedøgn', value: 105_000, dueOn: '2023-12-31' });
  });

  it('has two closed, published rounds where every owner reported on every commitment', async () => {
    for (const name of ['Årsrapport 2022', 'Årsrapport 2023']) {
      const round = await roundNamed(name);
      expect(round.state).toBe('closed');
      expect(round.publishedAt).not.toBeNull();
      expect(round.deadline < osloParts(toOsloIso(new Date())).date).toBe(true);
      const reports = await reportsOf(round.id);
      expect(reports.length).toBe(await coveredBy(round.id));
      expect(reports.length).toBeGreaterThan(10);
      expect(reports.every((r) => r.state === 'submitted' && r.progress !== null)).toBe(true);
    }
    const r2022 = await roundNamed('Årsrapport 2022');
    expect(r2022.deadline > '2021-10-31').toBe(true);
  });

  it('in 2023 has the traffic safety measures delayed with their explanation', async () => {
    const reports = await reportsOf((await roundNamed('Årsrapport 2023')).id);
    const traffic = reports.find((r) => r.title === 'Trafikksikkerhetstiltak langs fv. 115');
    expect(traffic?.status).toBe('delayed');
    expect(JSON.stringify(traffic?.done)).toContain('klagen på reguleringsplanen');
    expect(reports.filter((r) => r.status === 'delayed')).toHaveLength(1);
  });

  it('in 2023 has the commercial guest nights behind their goal', async () => {
    const round = await roundNamed('Årsrapport 2023');
    const [value] = await t.database.db
      .select({ value: reportIndicatorValues.value, measuredOn: reportIndicatorValues.measuredOn })
      .from(reportIndicatorValues)
      .innerJoin(commitmentReports, eq(commitmentReports.id, reportIndicatorValues.reportId))
      .innerJoin(commitmentIndicators, eq(commitmentIndicators.id, reportIndicatorValues.indicatorId))
      .where(
        and(
          eq(commitmentReports.roundId, round.id),
          eq(commitmentIndicators.name, 'Kommersielle gjestedøgn'),
        ),
      );
    expect(value).toEqual({ value: 98_000, measuredOn: '2023-12-31' });
    expect(value?.value).toBeLessThan(105_000);
  });

  it('has an open round with its deadline ahead, where some owners have reported and some not', async () => {
    const round = await roundNamed('Årsrapport 2024');
    expect(round.state).toBe('open');
    expect(round.publishedAt).toBeNull();
    expect(round.deadline > osloParts(toOsloIso(new Date())).date).toBe(true);
    const reports = await reportsOf(round.id);
    expect(
      reports
        .filter((r) => r.state === 'submitted')
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Etablererservice i Indre Østfold', 'Kommunenes andel av etablererservicen']);
    expect(reports.filter((r) => r.state === 'draft').map((r) => r.title)).toEqual([
      'Trafikksikkerhetstiltak langs fv. 115',
    ]);
    expect(await coveredBy(round.id)).toBeGreaterThan(reports.length);
  });
});
