import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { HearingOverview } from '../../shared/contracts/hearings.js';
import { createDisposition } from './create-disposition.js';
import { getHearing } from './get-hearing.js';
import { getOverview } from './get-overview.js';
import { openedHearing, passDeadline } from './hearing.fixtures.js';
import { listInputs } from './list-inputs.js';
import { submitInput } from './submit-input.js';

/**
 * The hearing screen's reads are kept per process while nothing is written (platform/read-cache.ts). What
 * one reader sees must never reach another who may see less, and a write or the deadline passing must
 * show at once.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const overviewFor = (actor: keyof TestApp['actors'], hearingId: string, query: object = {}) =>
  getOverview(t.ctx(t.actors[actor]), hearingId, query);
const regionsIn = (overview: HearingOverview) => overview.inputs.map((i) => i.region.name).sort();

describe('cached hearing reads', () => {
  it("never show a region contact the input of other regions that the county's view holds while open", async () => {
    const { hearing } = await openedHearing(t);
    await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Innspill fra Indre Østfold.' });
    await submitInput(t.ctx(t.actors.otherRegion), hearing.id, { text: 'Innspill fra Hallingdal.' });

    // The county reads first, filling the cache with every region's input.
    expect(regionsIn(await overviewFor('admin', hearing.id))).toEqual([
      'Indre Østfold regionråd',
      'Regionrådet for Hallingdal',
    ]);
    expect((await listInputs(t.ctx(t.actors.viewer), hearing.id, {})).items).toHaveLength(2);

    const own = await overviewFor('region', hearing.id);
    expect(regionsIn(own)).toEqual(['Indre Østfold regionråd']);
    expect(own.regions.map((r) => r.region.name)).toEqual(['Indre Østfold regionråd']);
    expect(own.hearing.counts.inputs).toBe(1);
    expect(regionsIn(await overviewFor('otherRegion', hearing.id))).toEqual(['Regionrådet for Hallingdal']);
    expect((await listInputs(t.ctx(t.actors.department), hearing.id, {})).items).toEqual([]);
    expect((await getHearing(t.ctx(t.actors.region), hearing.id)).counts.inputs).toBe(1);
    expect((await getHearing(t.ctx(t.actors.admin), hearing.id)).counts.inputs).toBe(2);
  });

  it('show new input at once, to a reader whose view was kept', async () => {
    const { hearing } = await openedHearing(t);
    expect((await overviewFor('admin', hearing.id)).inputs).toEqual([]);
    expect((await getHearing(t.ctx(t.actors.admin), hearing.id)).counts.inputs).toBe(0);

    await submitInput(t.ctx(t.actors.region), hearing.id, { sectionKey: 'purpose', text: 'Nytt innspill.' });

    const after = await overviewFor('admin', hearing.id);
    expect(after.inputs.map((i) => i.text)).toEqual(['Nytt innspill.']);
    expect(after.sections.find((s) => s.key === 'purpose')).toMatchObject({ inputs: 1, unanswered: 1 });
    expect((await getHearing(t.ctx(t.actors.admin), hearing.id)).counts.inputs).toBe(1);
  });

  it('show every region all the input, and final answers only, once the deadline has passed', async () => {
    const { hearing } = await openedHearing(t);
    const mine = await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Vårt innspill.' });
    const theirs = await submitInput(t.ctx(t.actors.otherRegion), hearing.id, { text: 'Deres innspill.' });
    expect(regionsIn(await overviewFor('region', hearing.id))).toEqual(['Indre Østfold regionråd']);

    await passDeadline(t, hearing.id);
    const closed = await overviewFor('region', hearing.id);
    expect(closed.hearing.state).toBe('closed');
    expect(regionsIn(closed)).toEqual(['Indre Østfold regionråd', 'Regionrådet for Hallingdal']);

    await createDisposition(t.ctx(t.actors.admin), hearing.id, {
      inputIds: [mine.id],
      outcome: 'noted',
      reason: 'Tatt til orientering.',
    });
    await createDisposition(t.ctx(t.actors.admin), hearing.id, {
      inputIds: [theirs.id],
      outcome: 'not_taken_in',
      reason: 'Avdelingen svarer først.',
      final: false,
      assignedDepartmentId: t.actors.department.departmentId,
    });
    const county = await overviewFor('admin', hearing.id);
    expect(county.inputs.map((i) => i.disposition?.final)).toEqual([true, false]);
    const region = await overviewFor('region', hearing.id);
    expect(region.inputs.map((i) => i.disposition?.final ?? null)).toEqual([true, null]);
    expect((await overviewFor('admin', hearing.id, { status: 'unanswered' })).inputs).toHaveLength(1);
  });

  it("keep another hearing's reads, the very same values, when input comes to one hearing", async () => {
    const { hearing: one } = await openedHearing(t);
    const { hearing: other } = await openedHearing(t);
    const reads = async (hearingId: string) => ({
      overview: await overviewFor('admin', hearingId),
      hearing: await getHearing(t.ctx(t.actors.admin), hearingId),
      inputs: await listInputs(t.ctx(t.actors.admin), hearingId, {}),
    });
    const oneBefore = await reads(one.id);
    const otherBefore = await reads(other.id);

    await submitInput(t.ctx(t.actors.region), one.id, { text: 'Innspill til den ene høringen.' });

    const oneAfter = await reads(one.id);
    expect(oneAfter.overview).not.toBe(oneBefore.overview);
    expect(oneAfter.inputs.items.map((i) => i.text)).toEqual(['Innspill til den ene høringen.']);
    expect(oneAfter.hearing.counts.inputs).toBe(1);
    const otherAfter = await reads(other.id);
    // The page asked for is cut from what is kept once, and kept with it.
    expect(otherAfter.overview).toBe(otherBefore.overview);
    expect(otherAfter.hearing).toBe(otherBefore.hearing);
    expect(otherAfter.inputs).toBe(otherBefore.inputs);
  });
});
