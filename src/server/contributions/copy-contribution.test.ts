import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type {
  ContributionCopies,
  ContributionDetail,
  CopyTargetList,
} from '../../shared/contracts/contributions.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import { auditEvents } from '../audit/audit.table.js';
import { regions } from '../registry/registry.table.js';
import {
  agreementsFixture,
  departmentItem,
  fullSnapshot,
  regionItem,
  unknownId,
} from './contribution.fixtures.js';
import { contributionComments, contributions } from './contribution.table.js';

let t: TestApp;
let cookies: Record<'admin' | 'viewer' | 'department' | 'otherDepartment' | 'region', string>;
let fx: Awaited<ReturnType<typeof agreementsFixture>>;
/** A third region with an agreement in the fixture's cycle, and a fourth with none. */
let third: { regionId: string; regionName: string; agreementId: string };
let none: { regionId: string; regionName: string };

beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    otherDepartment: await t.cookieFor('naering@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
  fx = await agreementsFixture(t);
  const db = t.database.db;
  const [a, b] = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(notInArray(regions.id, [fx.own.regionId, fx.other.regionId]))
    .orderBy(asc(regions.name))
    .limit(2);
  if (!a || !b) throw new Error('demo regions missing');
  const [made] = await db
    .insert(agreements)
    .values({
      cycleId: fx.cycle.id,
      regionId: a.id,
      generalPartVersionId: fx.own.generalPartVersionId,
      periodFrom: fx.own.periodFrom,
      periodTo: fx.own.periodTo,
    })
    .returning();
  if (!made) throw new Error('agreement missing');
  third = { regionId: a.id, regionName: a.name, agreementId: made.id };
  none = { regionId: b.id, regionName: b.name };
});
afterAll(async () => t.close());

type Method = 'GET' | 'POST' | 'PATCH';
const req = (method: Method, url: string, cookie: string | undefined, payload?: unknown) =>
  t.request({ method, url, cookie, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
const copy = (id: string, cookie: string | undefined, body: unknown) =>
  req('POST', `/api/v1/contributions/${id}/copies`, cookie, body);
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

/** A source: the Samferdsel editor's measure in Indre Østfold's agreement, discussed and commented on. */
async function source(title = 'Bedre busstilbud mellom kommunesentrene'): Promise<ContributionDetail> {
  const res = await req(
    'POST',
    `/api/v1/agreements/${fx.own.id}/contributions`,
    cookies.department,
    departmentItem(t, fx.areas.transport.id, { title }),
  );
  expect(res.statusCode).toBe(201);
  const made = res.json() as ContributionDetail;
  const discussed = await req('POST', `/api/v1/contributions/${made.id}/status`, cookies.department, {
    status: 'discussed',
    reason: 'Drøftet på dialogmøtet.',
    version: made.version,
  });
  expect(discussed.statusCode).toBe(200);
  const comment = await req('POST', `/api/v1/contributions/${made.id}/comments`, cookies.region, {
    body: 'Gjelder dette også helgene?',
  });
  expect(comment.statusCode).toBe(201);
  return discussed.json() as ContributionDetail;
}

/** A write that must be refused with the status (and the field errors) given, changing nothing at all. */
async function refused(
  write: () => Promise<{ statusCode: number; json(): unknown; headers: Record<string, unknown> }>,
  status: number,
  fields?: [string, string][],
) {
  const before = await fullSnapshot(t.database.db);
  const res = await write();
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (fields) expect(fieldsOf(res)).toEqual(fields);
  expect(await fullSnapshot(t.database.db)).toBe(before);
  return res;
}

describe('copying a contribution to other regions', () => {
  it('makes one proposed copy per region, each with its own history and no comments, audited in the same transaction', async () => {
    const item = await source();
    const res = await copy(item.id, cookies.department, { regionIds: [third.regionId, fx.other.regionId] });
    expect(res.statusCode).toBe(201);
    const copies = (res.json() as ContributionCopies).items;
    expect(copies.map((c) => c.agreementId).sort()).toEqual([fx.other.id, third.agreementId].sort());
    for (const c of copies) {
      expect(c.id).not.toBe(item.id);
      expect(c).toMatchObject({
        cycleId: fx.cycle.id,
        subjectArea: { id: fx.areas.transport.id },
        kind: 'measure',
        owner: { type: 'department', department: { id: t.actors.department.departmentId } },
        title: item.title,
        description: item.description,
        responsible: item.responsible,
        budgetNokPerYear: 2_500_000,
        timeFrame: '2025–2027',
        indicators: item.indicators,
        status: 'proposed',
        position: 0,
        commentCount: 0,
        version: 1,
        canEdit: true,
      });
      const detail = (await req('GET', `/api/v1/contributions/${c.id}`, cookies.viewer)).json();
      expect((detail as ContributionDetail).statusHistory).toEqual([
        {
          from: null,
          to: 'proposed',
          reason: 'Kopiert fra bidraget til Indre Østfold regionråd',
          changedBy: { id: t.actors.department.id, name: t.actors.department.name },
          changedAt: expect.any(String),
        },
      ]);
    }
    const comments = await t.database.db
      .select()
      .from(contributionComments)
      .where(
        inArray(
          contributionComments.contributionId,
          copies.map((c) => c.id),
        ),
      );
    expect(comments).toEqual([]);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, 'contribution'),
          inArray(
            auditEvents.entityId,
            copies.map((c) => c.id),
          ),
        ),
      );
    expect(audit).toHaveLength(2);
    for (const event of audit) {
      expect(event).toMatchObject({
        action: 'contribution.create',
        actorId: t.actors.department.id,
        before: null,
        after: { copiedFrom: item.id, status: 'proposed', title: item.title },
      });
    }
    // One request, one transaction: both events carry its id.
    expect(audit[0]?.requestId).toBeTruthy();
    expect(audit[1]?.requestId).toBe(audit[0]?.requestId);
  });

  it('puts each copy last in its subject area, and leaves the source as it was', async () => {
    const item = await source('Pendlerparkering ved stasjonene');
    const before = (await req('GET', `/api/v1/contributions/${item.id}`, cookies.viewer)).json();
    const res = await copy(item.id, cookies.admin, { regionIds: [third.regionId] });
    expect(res.statusCode).toBe(201);
    const [made] = (res.json() as ContributionCopies).items;
    const inArea = await t.database.db
      .select({ id: contributions.id })
      .from(contributions)
      .where(
        and(
          eq(contributions.agreementId, third.agreementId),
          eq(contributions.subjectAreaId, fx.areas.transport.id),
        ),
      );
    expect(inArea.length).toBeGreaterThan(1);
    expect(made?.position).toBe(inArea.length - 1);
    expect((await req('GET', `/api/v1/contributions/${item.id}`, cookies.viewer)).json()).toEqual(before);
  });

  it('makes copies that change on their own: editing one leaves the others and the source alone', async () => {
    const item = await source('Sykkelveier til skolene');
    const res = await copy(item.id, cookies.department, { regionIds: [fx.other.regionId, third.regionId] });
    const [first, second] = (res.json() as ContributionCopies).items;
    if (!first || !second) throw new Error('copies missing');
    const secondBefore = (await req('GET', `/api/v1/contributions/${second.id}`, cookies.viewer)).json();
    const sourceBefore = (await req('GET', `/api/v1/contributions/${item.id}`, cookies.viewer)).json();
    const edited = await req('PATCH', `/api/v1/contributions/${first.id}`, cookies.department, {
      title: 'Sykkelveier til skolene i Hallingdal',
      budgetNokPerYear: 900_000,
      indicators: [],
      version: first.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Sykkelveier til skolene i Hallingdal',
      budgetNokPerYear: 900_000,
    });
    expect((await req('GET', `/api/v1/contributions/${second.id}`, cookies.viewer)).json()).toEqual(
      secondBefore,
    );
    expect((await req('GET', `/api/v1/contributions/${item.id}`, cookies.viewer)).json()).toEqual(
      sourceBefore,
    );
  });

  it("refuses another department's editor, a region contact, a viewer and the signed-out, writing nothing", async () => {
    const item = await source('Hurtigbåt i helgene');
    const body = { regionIds: [third.regionId] };
    await refused(() => copy(item.id, cookies.otherDepartment, body), 403);
    await refused(() => copy(item.id, cookies.region, body), 403);
    await refused(() => copy(item.id, cookies.viewer, body), 403);
    await refused(() => copy(item.id, undefined, body), 401);
    await refused(() => copy(unknownId, cookies.department, body), 404);
    const targets = await req(
      'GET',
      `/api/v1/contributions/${item.id}/copy-targets`,
      cookies.otherDepartment,
    );
    expect(targets.statusCode).toBe(403);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const item = await source('Bestillingstransport');
    await refused(() => copy(item.id, cookies.department, { regionIds: [] }), 400, [
      ['regionIds', 'validation.noRegions'],
    ]);
    await refused(() => copy(item.id, cookies.department, {}), 400, [['regionIds', 'validation.invalid']]);
    await refused(
      () =>
        copy(item.id, cookies.department, { regionIds: [third.regionId, fx.other.regionId, third.regionId] }),
      400,
      [['regionIds', 'validation.duplicateRegion']],
    );
    await refused(() => copy(item.id, cookies.department, { regionIds: [third.regionId, unknownId] }), 400, [
      ['regionIds', 'validation.unknownRegion'],
    ]);
  });

  it('refuses the whole copy, writing nothing, when one region cannot take it', async () => {
    const item = await source('Ladestasjoner for elbusser');
    const sameRegion = await refused(
      () => copy(item.id, cookies.department, { regionIds: [third.regionId, fx.own.regionId] }),
      400,
      [['regionIds', 'validation.copySameRegion']],
    );
    expect((sameRegion.json() as { errors: { message: string }[] }).errors[0]?.message).toBe(
      'Bidraget hører allerede til Indre Østfold regionråd. Velg andre regioner.',
    );
    const noAgreement = await refused(
      () => copy(item.id, cookies.department, { regionIds: [third.regionId, none.regionId] }),
      400,
      [['regionIds', 'validation.copyNoAgreement']],
    );
    expect((noAgreement.json() as { errors: { message: string }[] }).errors[0]?.message).toBe(
      `${none.regionName} har ingen avtale i denne avtalesyklusen.`,
    );
  });

  it('refuses a copy to an agreement in force, as a new contribution there is refused', async () => {
    const db = t.database.db;
    const inForce = [...(await politicalStatesOf(db, { all: true })).entries()].find(
      ([, s]) => s === 'in_force',
    );
    if (!inForce) throw new Error('the demo has an agreement in force');
    const [demo] = await db.select().from(agreements).where(eq(agreements.id, inForce[0]));
    if (!demo) throw new Error('agreement missing');
    const [hallingdal] = await db
      .select()
      .from(agreements)
      .where(and(eq(agreements.cycleId, demo.cycleId), eq(agreements.regionId, fx.other.regionId)));
    if (!hallingdal) throw new Error('no demo agreement for Hallingdal');
    const [area] = await db
      .select()
      .from(contributions)
      .where(eq(contributions.cycleId, demo.cycleId))
      .limit(1);
    if (!area) throw new Error('no demo contribution');
    const made = await req(
      'POST',
      `/api/v1/agreements/${hallingdal.id}/contributions`,
      cookies.department,
      departmentItem(t, area.subjectAreaId, { title: 'Ny ekspressbuss over fjellet' }),
    );
    expect(made.statusCode).toBe(201);
    const id = (made.json() as ContributionDetail).id;
    const targets = (
      await req('GET', `/api/v1/contributions/${id}/copy-targets`, cookies.department)
    ).json() as CopyTargetList;
    expect(targets.items.find((r) => r.region.id === demo.regionId)).toMatchObject({
      agreementId: demo.id,
      blocked: 'inForce',
    });
    expect(targets.items.some((r) => r.region.id === fx.other.regionId)).toBe(false);
    await refused(() => copy(id, cookies.department, { regionIds: [demo.regionId] }), 400, [
      ['regionIds', 'validation.copyInForce'],
    ]);
  });

  it('lists every other region with why a copy cannot go there', async () => {
    const item = await source('Skolebuss i ferien');
    const res = await req('GET', `/api/v1/contributions/${item.id}/copy-targets`, cookies.department);
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as CopyTargetList;
    const all = await t.database.db.select({ id: regions.id }).from(regions);
    expect(items).toHaveLength(all.length - 1);
    expect(items.some((r) => r.region.id === fx.own.regionId)).toBe(false);
    expect(items.find((r) => r.region.id === third.regionId)).toEqual({
      region: { id: third.regionId, name: third.regionName },
      agreementId: third.agreementId,
      blocked: null,
    });
    expect(items.find((r) => r.region.id === none.regionId)).toEqual({
      region: { id: none.regionId, name: none.regionName },
      agreementId: null,
      blocked: 'noAgreement',
    });
    const names = items.map((r) => r.region.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nb')));
  });

  it("refuses to copy a region's own item: it is that region's, not a department's", async () => {
    const own = await req(
      'POST',
      `/api/v1/agreements/${fx.own.id}/contributions`,
      cookies.region,
      regionItem(fx.areas.culture.id),
    );
    expect(own.statusCode).toBe(201);
    const id = (own.json() as ContributionDetail).id;
    await refused(() => copy(id, cookies.admin, { regionIds: [third.regionId] }), 409);
    await refused(() => copy(id, cookies.department, { regionIds: [third.regionId] }), 403);
  });
});
