import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { generalPartSections } from '../general-part/general-part.table.js';
import { closeHearing } from './close-hearing.js';
import { openedHearing } from './hearing.fixtures.js';
import { hearingInputs, hearingInvitations, hearings } from './hearing.table.js';
import { submitInput } from './submit-input.js';
import { updateInput } from './update-input.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('closing a hearing while input arrives', () => {
  it('is one moment: no input that is not marked late carries a later time than closed_at (40-way race)', async () => {
    const { hearing, draft } = await openedHearing(t);
    const invited = await t.database.db
      .select({ regionId: hearingInvitations.regionId })
      .from(hearingInvitations)
      .where(eq(hearingInvitations.hearingId, hearing.id));
    const sections = await t.database.db
      .select({ key: generalPartSections.key })
      .from(generalPartSections)
      .where(eq(generalPartSections.versionId, draft.id));
    // 40 different (region, section) pairs, the whole document counted as a section.
    const slots = invited.flatMap(({ regionId }) =>
      [null, ...sections.map((s) => s.key)].map((sectionKey) => ({ regionId, sectionKey })),
    );
    expect(slots.length).toBeGreaterThanOrEqual(40);
    const admin = t.ctx(t.actors.admin);

    // Twenty submissions, the close, twenty more, all sent at once: on PostgreSQL the close waits for the
    // hearing's row while the first ones hold it, and later ones come in during the close.
    const submit = (slot: (typeof slots)[number], i: number) =>
      submitInput(admin, hearing.id, { ...slot, text: `Innspill ${i}` });
    const first = slots.slice(0, 20).map(submit);
    const close = closeHearing(admin, hearing.id, { version: hearing.version });
    const then = slots.slice(20, 40).map((slot, i) => submit(slot, 20 + i));
    const submissions = [...first, ...then];
    const results = await Promise.allSettled([close, ...submissions]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    // Compared by the database, at its own precision (microseconds), not JavaScript's.
    const [counts] = await t.database.db
      .select({
        all: sql<number>`count(*)::int`,
        late: sql<number>`(count(*) filter (where ${hearingInputs.late}))::int`,
        onTimeAfterClose: sql<number>`(count(*) filter (where not ${hearingInputs.late} and ${hearingInputs.submittedAt} > ${hearings.closedAt}))::int`,
        lateBeforeClose: sql<number>`(count(*) filter (where ${hearingInputs.late} and ${hearingInputs.submittedAt} < ${hearings.closedAt}))::int`,
      })
      .from(hearingInputs)
      .innerJoin(hearings, eq(hearings.id, hearingInputs.hearingId))
      .where(eq(hearingInputs.hearingId, hearing.id));
    expect(counts).toMatchObject({ all: 40, onTimeAfterClose: 0, lateBeforeClose: 0 });
    // How many are late depends on the engine: PGlite runs one transaction at a time (the last twenty are
    // late); on PostgreSQL input holding the row shared may be taken before a close waiting for it.
  });

  it('takes an edit of the region’s input racing the close, or refuses it as closed; no edit fails otherwise', async () => {
    const { hearing, draft } = await openedHearing(t);
    const region = t.ctx(t.actors.region);
    const sections = await t.database.db
      .select({ key: generalPartSections.key })
      .from(generalPartSections)
      .where(eq(generalPartSections.versionId, draft.id));
    const inputs: Awaited<ReturnType<typeof submitInput>>[] = [];
    for (const sectionKey of [null, ...sections.map((s) => s.key)])
      inputs.push(
        await submitInput(region, hearing.id, { sectionKey, text: `Før ${sectionKey ?? 'helheten'}` }),
      );
    expect(inputs.length).toBeGreaterThanOrEqual(4);

    // The edits, the close, and the edits again, all at once: on PostgreSQL some edits wait for the
    // hearing's row while the close holds it, and must then see it closed.
    const edit = (i: (typeof inputs)[number], n: number) =>
      updateInput(region, i.id, { version: i.version, text: `Endret ${n}` });
    const half = Math.ceil(inputs.length / 2);
    const first = inputs.slice(0, half).map(edit);
    const close = closeHearing(t.ctx(t.actors.admin), hearing.id, { version: hearing.version });
    const then = inputs.slice(half).map((i, n) => edit(i, half + n));
    const [closed, ...edits] = await Promise.allSettled([close, ...first, ...then]);
    expect(closed.status).toBe('fulfilled');
    for (const result of edits)
      if (result.status === 'rejected')
        expect(result.reason).toMatchObject({ status: 409, fields: [{ code: 'validation.hearingClosed' }] });

    // Every edit taken is counted, and none carries a time after closed_at.
    const [counts] = await t.database.db
      .select({
        edited: sql<number>`(count(*) filter (where ${hearingInputs.version} > 1))::int`,
        editedAfterClose: sql<number>`(count(*) filter (where ${hearingInputs.version} > 1 and ${hearingInputs.updatedAt} > ${hearings.closedAt}))::int`,
      })
      .from(hearingInputs)
      .innerJoin(hearings, eq(hearings.id, hearingInputs.hearingId))
      .where(eq(hearingInputs.hearingId, hearing.id));
    expect(counts?.edited).toBe(edits.filter((r) => r.status === 'fulfilled').length);
    expect(counts?.editedAfterClose).toBe(0);
  });
});
