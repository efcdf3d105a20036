import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { PublicRegion, PublicRegionList } from '../../shared/contracts/public.js';
import { closeRound, publishRound } from '../follow-up/close-round.js';
import { reportingRounds } from '../follow-up/reporting-round.table.js';

let t: TestApp;
let indreId: string;

/** A visitor: no cookie at all. */
const regionPage = async (): Promise<PublicRegion> => {
  const res = await t.request({ method: 'GET', url: `/api/v1/public/regions/${indreId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PublicRegion;
};
const roundNamed = async (name: string) => {
  const [round] = await t.database.db.select().from(reportingRounds).where(eq(reportingRounds.name, name));
  if (!round) throw new Error(`no round ${name}`);
  return round;
};

beforeAll(async () => {
  t = await startTestApp();
  const res = await t.request({ method: 'GET', url: '/api/v1/public/regions' });
  const found = (res.json() as PublicRegionList).items.find((r) => r.name === 'Indre Østfold regionråd');
  if (!found) throw new Error('no Indre Østfold');
  indreId = found.id;
});
afterAll(async () => t.close());

describe('the public follow-up of a region’s agreement in force', () => {
  it('shows the commitments with their reports in the published rounds only, newest first', async () => {
    const { followUp } = await regionPage();
    expect(followUp).not.toBeNull();
    expect(followUp?.rounds.map((r) => r.name)).toEqual(['Årsrapport 2023', 'Årsrapport 2022']);
    const traffic = followUp?.commitments.find((c) => c.title === 'Trafikksikkerhetstiltak langs fv. 115');
    expect(traffic).toMatchObject({ owner: 'Samferdsel', ownedByRegion: false });
    expect(traffic?.reports.map((r) => [r.roundId, r.status, r.progress])).toEqual([
      [followUp?.rounds[0]?.id, 'delayed', 30],
      [followUp?.rounds[1]?.id, 'at_risk', 20],
    ]);
    const regionOwn = followUp?.commitments.filter((c) => c.ownedByRegion) ?? [];
    expect(regionOwn.length).toBeGreaterThan(0);
    expect(regionOwn.every((c) => c.owner === 'Indre Østfold regionråd')).toBe(true);
    expect(followUp?.commitments.every((c) => c.reports.length === 2)).toBe(true);
  });

  it('names no one: neither who is responsible, who reported nor who published', async () => {
    const body = JSON.stringify(await regionPage());
    expect(body).not.toContain('@demo.partnerskap.no');
    expect(body).not.toContain('Redaktør');
    expect(body).not.toContain('Kontaktperson');
    expect(body).not.toContain('Prosesskoordinator');
    expect(body).not.toContain('Rådgiver reiseliv');
  });

  it('hides an open round, and a closed one until admin publishes it; then shows its submitted reports, never a draft', async () => {
    const admin = t.ctx(t.actors.admin);
    const open = await roundNamed('Årsrapport 2024');
    const names = async () => (await regionPage()).followUp?.rounds.map((r) => r.name);
    expect(await names()).not.toContain('Årsrapport 2024');
    const closed = await closeRound(admin, open.id, { version: open.version });
    expect(await names()).toEqual(['Årsrapport 2023', 'Årsrapport 2022']);
    await publishRound(admin, open.id, { version: closed.version });
    const { followUp } = await regionPage();
    expect(followUp?.rounds.map((r) => r.name)).toEqual([
      'Årsrapport 2024',
      'Årsrapport 2023',
      'Årsrapport 2022',
    ]);
    const reportsOf = (title: string) => followUp?.commitments.find((c) => c.title === title)?.reports ?? [];
    // Submitted in the open round: its report is now public, first.
    expect(reportsOf('Etablererservice i Indre Østfold').map((r) => r.roundId)).toEqual(
      followUp?.rounds.map((r) => r.id),
    );
    expect(reportsOf('Kommunenes andel av etablererservicen')).toHaveLength(3);
    // A draft stays hidden; so does a commitment not reported on.
    expect(reportsOf('Trafikksikkerhetstiltak langs fv. 115')).toHaveLength(2);
    expect(followUp?.commitments.filter((c) => c.reports.length === 3)).toHaveLength(2);
  });

  it('has no follow-up for a region whose agreement is not in force', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/public/regions' });
    const other = (res.json() as PublicRegionList).items.find((r) => r.name === 'Nedre Glomma regionråd');
    const page = await t.request({ method: 'GET', url: `/api/v1/public/regions/${other?.id}` });
    expect((page.json() as PublicRegion).followUp).toBeNull();
  });
});
