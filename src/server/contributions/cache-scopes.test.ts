import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { listAgreements } from '../agreements/list-agreements.js';
import { markSubjectArea, unmarkSubjectArea } from '../agreements/wanted-subject-areas.js';
import { appendAudit } from '../audit/append-audit.js';
import { getMatrix } from '../matrix/get-matrix.js';
import { markRegionReady } from '../milestones/mark-region-ready.js';
import { getOverview } from '../overview/get-overview.js';
import { systemActor } from '../platform/context.js';
import { addComment } from './add-comment.js';
import { changeStatus } from './change-status.js';
import { agreementsFixture, departmentItem } from './contribution.fixtures.js';
import { createContribution } from './create-contribution.js';
import { listContributions } from './list-contributions.js';

/**
 * A cycle's cached reads (its agreements, an agreement's contributions, the matrix, the overview) depend on
 * that cycle's scope (audit/cache-scopes.ts): a contribution written in one cycle loads that cycle's reads
 * again and leaves another cycle's as they were kept, the very same values.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 300_000);
afterAll(async () => t.close());

type Cycle = Awaited<ReturnType<typeof agreementsFixture>>;

async function readsOf(cycle: Cycle) {
  const ctx = t.ctx(t.actors.admin);
  return {
    agreements: await listAgreements(ctx, { cycle: cycle.cycle.id }),
    contributions: await listContributions(ctx, cycle.own.id, {}),
    matrix: await getMatrix(ctx, { cycle: cycle.cycle.id }),
    overview: await getOverview(ctx, { cycle: cycle.cycle.id }),
  };
}

const expectSame = (after: Awaited<ReturnType<typeof readsOf>>, before: typeof after) => {
  expect(after.agreements).toBe(before.agreements);
  expect(after.contributions).toBe(before.contributions);
  expect(after.matrix).toBe(before.matrix);
  expect(after.overview).toBe(before.overview);
};

describe("a cycle's cached reads", () => {
  it('load again after a contribution is written in their cycle, and stay kept after one in another cycle', async () => {
    const a = await agreementsFixture(t);
    const b = await agreementsFixture(t);
    const beforeA = await readsOf(a);
    const beforeB = await readsOf(b);
    expectSame(await readsOf(b), beforeB);

    const made = await createContribution(
      t.ctx(t.actors.admin),
      a.own.id,
      departmentItem(t, a.areas.transport.id, { title: 'Nytt bidrag i syklus A' }),
    );
    const afterA = await readsOf(a);
    expect(afterA.contributions).not.toBe(beforeA.contributions);
    expect(afterA.contributions.items.map((i) => i.title)).toContain('Nytt bidrag i syklus A');
    expect(afterA.agreements).not.toBe(beforeA.agreements);
    expect(afterA.matrix).not.toBe(beforeA.matrix);
    expectSame(await readsOf(b), beforeB);

    await changeStatus(t.ctx(t.actors.admin), made.id, {
      status: 'discussed',
      reason: 'Drøftet i møtet.',
      version: made.version,
    });
    const discussed = await readsOf(a);
    expect(discussed.contributions.items.find((i) => i.id === made.id)?.status).toBe('discussed');
    expectSame(await readsOf(b), beforeB);
  });

  it('load again after a subject area is marked wanted in their cycle, and stay kept after one in another cycle', async () => {
    const a = await agreementsFixture(t);
    const b = await agreementsFixture(t);
    const beforeA = await readsOf(a);
    const beforeB = await readsOf(b);
    const wanted = (reads: typeof beforeA) =>
      reads.contributions.subjectAreas.filter((area) => area.wanted).map((area) => area.name);
    expect(wanted(beforeA)).toEqual(['Næring']);

    await markSubjectArea(t.ctx(t.actors.region), a.own.id, a.areas.culture.id, {
      justification: 'Kulturlivet trenger et løft.',
    });
    const marked = await readsOf(a);
    expect(wanted(marked)).toEqual(['Næring', 'Kultur']);
    expect(marked.matrix).not.toBe(beforeA.matrix);
    expectSame(await readsOf(b), beforeB);

    await unmarkSubjectArea(t.ctx(t.actors.region), a.own.id, a.areas.business.id);
    expect(wanted(await readsOf(a))).toEqual(['Kultur']);
    expectSame(await readsOf(b), beforeB);
  });

  it('keep the agreements, matrix and overview after a comment, and load the contributions list again for its count', async () => {
    const a = await agreementsFixture(t);
    const made = await createContribution(
      t.ctx(t.actors.admin),
      a.own.id,
      departmentItem(t, a.areas.transport.id, { title: 'Bidrag det kommenteres på' }),
    );
    const before = await readsOf(a);
    const count = (reads: typeof before) =>
      reads.contributions.items.find((i) => i.id === made.id)?.commentCount;
    expect(count(before)).toBe(0);

    await addComment(
      t.ctx(t.actors.department),
      made.id,
      { body: 'Kan vi starte i vår?' },
      { appUrl: 'http://localhost' },
    );
    const after = await readsOf(a);
    expect(after.contributions).not.toBe(before.contributions);
    expect(count(after)).toBe(1);
    expect(after.agreements).toBe(before.agreements);
    expect(after.matrix).toBe(before.matrix);
    expect(after.overview).toBe(before.overview);
  });

  it('load again after a region is marked ready in their cycle, and stay kept after one in another cycle', async () => {
    const a = await agreementsFixture(t);
    const b = await agreementsFixture(t);
    const beforeA = await readsOf(a);
    const beforeB = await readsOf(b);

    await markRegionReady(t.ctx(t.actors.admin), a.own.id, {
      ready: true,
      note: 'Regionrådet har vedtatt å starte.',
      version: a.own.version,
    });
    const afterA = await readsOf(a);
    expect(afterA.overview).not.toBe(beforeA.overview);
    expect(afterA.agreements).not.toBe(beforeA.agreements);
    expectSame(await readsOf(b), beforeB);
  });

  it('load again after a write that names no scope, in every cycle', async () => {
    const b = await agreementsFixture(t);
    const before = await readsOf(b);
    await t.database.db.transaction((tx) =>
      appendAudit(
        tx,
        { actor: systemActor, requestId: 'cache-scopes-test' },
        { action: 'county.update', entityType: 'county', entityId: 'county', before: null, after: null },
      ),
    );
    const after = await readsOf(b);
    expect(after.agreements).not.toBe(before.agreements);
    expect(after.contributions).not.toBe(before.contributions);
    expect(after.matrix).not.toBe(before.matrix);
    expect(after.overview).not.toBe(before.overview);
  });
});

describe("an agreement's kept list of contributions", () => {
  it('stays kept through a comment: only the counts load again, and the new count shows', async () => {
    const a = await agreementsFixture(t);
    const made = await createContribution(
      t.ctx(t.actors.admin),
      a.own.id,
      departmentItem(t, a.areas.transport.id, { title: 'Kommentert bidrag' }),
    );
    const ctx = t.ctx(t.actors.viewer);
    const before = await listContributions(ctx, a.own.id, {});
    await addComment(
      t.ctx(t.actors.department),
      made.id,
      { body: 'Hva med høsten?' },
      { appUrl: 'http://localhost' },
    );
    const after = await listContributions(ctx, a.own.id, {});
    expect(after).not.toBe(before);
    expect(after.items.find((i) => i.id === made.id)?.commentCount).toBe(1);
    // The rows kept from before the comment, not read again: their parts are the very same objects.
    expect(after.subjectAreas).toBe(before.subjectAreas);
    expect(after.items.map((i) => i.subjectArea)).toEqual(before.items.map((i) => i.subjectArea));
    after.items.forEach((item, n) => {
      expect(item.region).toBe(before.items[n]?.region);
      expect(item.indicators).toBe(before.items[n]?.indicators);
    });
  });

  it("stays the very same answer through a comment on another agreement's contribution", async () => {
    const a = await agreementsFixture(t);
    const [here, there] = await Promise.all(
      [a.own.id, a.other.id].map((agreementId) =>
        createContribution(
          t.ctx(t.actors.admin),
          agreementId,
          departmentItem(t, a.areas.transport.id, { title: 'Bidrag' }),
        ),
      ),
    );
    const ctx = t.ctx(t.actors.viewer);
    const before = await listContributions(ctx, a.own.id, {});
    await addComment(
      t.ctx(t.actors.department),
      there?.id ?? '',
      { body: 'Et annet sted.' },
      {
        appUrl: 'http://localhost',
      },
    );
    expect(await listContributions(ctx, a.own.id, {})).toBe(before);
    await addComment(
      t.ctx(t.actors.department),
      here?.id ?? '',
      { body: 'Her.' },
      { appUrl: 'http://localhost' },
    );
    const after = await listContributions(ctx, a.own.id, {});
    expect(after).not.toBe(before);
    expect(after.items.find((i) => i.id === here?.id)?.commentCount).toBe(1);
  });

  it('is one answer for everyone who may change nothing in it, and shows each writer their own rights', async () => {
    const a = await agreementsFixture(t);
    const made = await createContribution(
      t.ctx(t.actors.admin),
      a.own.id,
      departmentItem(t, a.areas.transport.id, { title: 'Samferdsels bidrag' }),
    );
    const read = (actor: keyof typeof t.actors) => listContributions(t.ctx(t.actors[actor]), a.own.id, {});
    const viewer = await read('viewer');
    // Another department owns nothing here and another region's contact writes only in their own agreement.
    expect(await read('otherDepartment')).toBe(viewer);
    expect(await read('otherRegion')).toBe(viewer);
    expect(viewer.items.every((i) => !i.canEdit && i.statusChoices.length === 0)).toBe(true);

    const owner = await read('department');
    expect(owner).not.toBe(viewer);
    expect(owner.items.find((i) => i.id === made.id)).toMatchObject({ canEdit: true });
    const admin = await read('admin');
    expect(admin.items.find((i) => i.id === made.id)?.statusChoices).toContain('agreed');
    const region = await read('region');
    expect(region).not.toBe(viewer);
    expect(region.items.find((i) => i.id === made.id)).toMatchObject({ canEdit: false, statusChoices: [] });
    expect(await read('department')).toBe(owner);
  });
});
