import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { AgreementSummary } from '../../shared/contracts/agreements.js';
import { type Matrix, matrixCellCounts } from '../../shared/contracts/matrix.js';
import { toPlainText } from '../../shared/contracts/rich-text.js';
import { agreementDivergences, municipalAdoptions } from '../adoption/adoption.table.js';
import { agreementSubjectAreas, agreements, subjectAreas } from '../agreements/agreement.table.js';
import { auditEvents } from '../audit/audit.table.js';
import { politicalCases } from '../cases/case.table.js';
import {
  contributionComments,
  contributionStatusChanges,
  contributions,
} from '../contributions/contribution.table.js';
import type { Database } from '../db/client.js';
import { readDocx, squash } from '../documents/testing/read-document.js';
import { commitments } from '../follow-up/commitment.table.js';
import { reportingRounds } from '../follow-up/reporting-round.table.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { departments, regions } from '../registry/registry.table.js';
import { specialPartVersions } from '../special-part/special-part.table.js';
import { loadSpecialPartVersion } from '../special-part/special-part-reads.js';
import { users } from '../users/user.table.js';
import { demoCycle } from './demo-general-part.js';
import { loadDemoSpecialParts } from './demo-special-parts.js';
import { demoSubjectAreas, demoUnanswered, indreOstfoldSpecialPart } from './demo-special-parts-text.js';

let t: TestApp;
let database: Database;
let cycleId: string;

type Item = typeof contributions.$inferSelect & { region: string; department: string | null };
let items: Item[];
let agreementRows: (typeof agreements.$inferSelect & { region: string; writtenStandard: string })[];

const indre = 'Indre Østfold regionråd';
const hallingdal = 'Regionrådet for Hallingdal';

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

async function readDemo() {
  const { db } = database;
  agreementRows = (
    await db
      .select({ a: agreements, region: regions.name, writtenStandard: regions.writtenStandard })
      .from(agreements)
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .where(eq(agreements.cycleId, cycleId))
  ).map((r) => ({ ...r.a, region: r.region, writtenStandard: r.writtenStandard }));
  items = (
    await db
      .select({ c: contributions, region: regions.name, department: departments.name })
      .from(contributions)
      .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .leftJoin(departments, eq(departments.id, contributions.ownerDepartmentId))
      .where(eq(contributions.cycleId, cycleId))
  ).map((r) => ({ ...r.c, region: r.region, department: r.department }));
}

beforeAll(async () => {
  t = await startTestApp();
  database = t.database;
  const [cycle] = await database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('no demo cycle');
  cycleId = cycle.id;
  await readDemo();
});

afterAll(async () => {
  await t.close();
});

describe('the demo agreements', () => {
  it('has an agreement for each of the 12 regions, pinning the approved general part, for the cycle’s period', async () => {
    const [approved] = await database.db
      .select({ id: generalPartVersions.id, number: generalPartVersions.number })
      .from(generalPartVersions)
      .where(and(eq(generalPartVersions.cycleId, cycleId), eq(generalPartVersions.state, 'approved')));
    const allRegions = await database.db.select({ name: regions.name }).from(regions);
    expect(approved?.number).toBe(2);
    expect(agreementRows).toHaveLength(12);
    expect(agreementRows.map((a) => a.region).sort()).toEqual(allRegions.map((r) => r.name).sort());
    for (const a of agreementRows) {
      expect(a.generalPartVersionId).toBe(approved?.id);
      expect(a.periodTo).toBe('2024-12-31');
      // Drammensregionen was formed in April 2022: its members join then, so its agreement starts then.
      expect(a.periodFrom).toBe(a.region === 'Drammensregionen' ? '2022-05-01' : '2021-01-01');
    }
  });

  it('gives the cycle its subject areas, attraktivitet og stedsutvikling included', async () => {
    const areas = await database.db
      .select({
        name: subjectAreas.name,
        description: subjectAreas.description,
        position: subjectAreas.position,
      })
      .from(subjectAreas)
      .where(eq(subjectAreas.cycleId, cycleId))
      .orderBy(asc(subjectAreas.position));
    expect(areas.map((a) => a.name).sort()).toEqual(demoSubjectAreas.map((a) => a.name).sort());
    expect(areas.map((a) => a.position)).toEqual(areas.map((_, i) => i));
    for (const area of areas) expect(area.description).toBeTruthy();
  });
});

describe('the demo contributions', () => {
  it('has contributions from every department in at least half of the regions', async () => {
    const allDepartments = await database.db.select({ name: departments.name }).from(departments);
    expect(allDepartments).toHaveLength(7);
    for (const { name } of allDepartments) {
      const regionsOf = new Set(items.filter((i) => i.department === name).map((i) => i.region));
      expect(regionsOf.size, name).toBeGreaterThanOrEqual(6);
    }
    const regionsWithAll = agreementRows.filter(
      (a) =>
        new Set(items.filter((i) => i.region === a.region && i.department).map((i) => i.department)).size ===
        7,
    );
    expect(regionsWithAll.length).toBeGreaterThanOrEqual(6);
    // The region's own commitments too, in most of the regions.
    const regionsOwning = new Set(items.filter((i) => i.ownerDepartmentId === null).map((i) => i.region));
    expect(regionsOwning.size).toBeGreaterThanOrEqual(8);
  });

  it('has every status and every kind, budgets (some without), time frames and indicators', () => {
    expect(new Set(items.map((i) => i.status))).toEqual(
      new Set(['proposed', 'discussed', 'agreed', 'dropped']),
    );
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(['measure', 'project', 'instrument', 'commitment']),
    );
    expect(items.length).toBeGreaterThanOrEqual(100);
    const budgets = items.flatMap((i) => (i.budgetNokPerYear === null ? [] : [i.budgetNokPerYear]));
    expect(budgets.length).toBeGreaterThan(items.length / 2);
    expect(budgets.length).toBeLessThan(items.length);
    for (const b of budgets) {
      expect(b).toBeGreaterThanOrEqual(100_000);
      expect(b).toBeLessThanOrEqual(10_000_000);
    }
    for (const i of items) {
      expect(i.title.trim().length).toBeGreaterThan(5);
      expect(i.description.length).toBeGreaterThan(60);
      if (i.timeFrame !== null) expect(i.timeFrame).toMatch(/^20\d\d(–20\d\d)?$/);
      for (const indicator of i.indicators) expect(indicator.name.trim()).not.toBe('');
    }
    expect(items.filter((i) => i.indicators.length > 0).length).toBeGreaterThan(items.length / 2);
    // No two items of one agreement share a title, and positions count from 0 within each subject area.
    for (const a of agreementRows) {
      const own = items.filter((i) => i.agreementId === a.id);
      expect(new Set(own.map((i) => i.title)).size).toBe(own.length);
      const byArea = groupBy(own, (i) => i.subjectAreaId);
      for (const group of byArea.values()) {
        expect(group.map((i) => i.position).sort((x, y) => x - y)).toEqual(group.map((_, n) => n));
      }
    }
  });

  it('writes the region’s own items in its written standard: Hallingdal in nynorsk', () => {
    const hallingdalOwn = items.filter((i) => i.region === hallingdal && i.ownerDepartmentId === null);
    expect(hallingdalOwn.length).toBeGreaterThanOrEqual(2);
    for (const i of hallingdalOwn)
      expect(`${i.title} ${i.description}`).toMatch(/\b(kommunane|dei|utan|saman|tek|dalen)\b/);
  });

  it('tells each item’s negotiation as a dated history that ends in its status', async () => {
    const changes = await database.db
      .select({ change: contributionStatusChanges, changer: users })
      .from(contributionStatusChanges)
      .innerJoin(users, eq(users.id, contributionStatusChanges.changedBy))
      .where(
        inArray(
          contributionStatusChanges.contributionId,
          items.map((i) => i.id),
        ),
      )
      .orderBy(asc(contributionStatusChanges.changedAt));
    const byItem = groupBy(changes, (c) => c.change.contributionId);
    for (const item of items) {
      const history = byItem.get(item.id) ?? [];
      expect(history[0]?.change).toMatchObject({ fromStatus: null, toStatus: 'proposed' });
      for (const [n, c] of history.slice(1).entries()) {
        expect(c.change.fromStatus).toBe(history[n]?.change.toStatus);
      }
      expect(history.at(-1)?.change.toStatus).toBe(item.status);
      expect(item.version).toBe(history.length);
      expect(item.createdAt.getTime()).toBe(history[0]?.change.changedAt.getTime());
      expect(item.updatedAt.getTime()).toBe(history.at(-1)?.change.changedAt.getTime());
      const year = item.region === 'Drammensregionen' ? 2022 : 2021;
      for (const { change, changer } of history) {
        expect(change.reason.trim().length).toBeGreaterThan(10);
        expect(change.changedAt.getUTCFullYear()).toBe(year);
        // Proposed and agreed by the item's owner (the department's editor or the region's contact).
        if (change.toStatus === 'proposed' || change.toStatus === 'agreed') {
          if (item.ownerDepartmentId) expect(changer.departmentId).toBe(item.ownerDepartmentId);
          else expect(changer.role).toBe('region');
        }
      }
    }
    const discussedToAgreed = changes.filter(
      (c) => c.change.fromStatus === 'discussed' && c.change.toStatus === 'agreed',
    );
    expect(discussedToAgreed.length).toBe(items.filter((i) => i.status === 'agreed').length);
    const dropped = changes.filter((c) => c.change.toStatus === 'dropped');
    expect(new Set(dropped.map((c) => c.change.fromStatus))).toEqual(new Set(['proposed', 'discussed']));
  });

  it('has threaded comments, with a mention, by people who may see the agreement', async () => {
    const comments = await database.db
      .select({ comment: contributionComments, author: users })
      .from(contributionComments)
      .innerJoin(users, eq(users.id, contributionComments.authorId))
      .where(
        inArray(
          contributionComments.contributionId,
          items.map((i) => i.id),
        ),
      );
    expect(comments.length).toBeGreaterThanOrEqual(8);
    const byId = new Map(comments.map((c) => [c.comment.id, c.comment]));
    const replies = comments.filter((c) => c.comment.parentId !== null);
    expect(replies.length).toBeGreaterThanOrEqual(4);
    for (const { comment } of replies) {
      const parent = byId.get(comment.parentId ?? '');
      expect(parent?.contributionId).toBe(comment.contributionId);
      expect(parent && parent.createdAt < comment.createdAt).toBe(true);
    }
    expect(comments.some((c) => c.comment.mentionedUserIds.length > 0)).toBe(true);
    for (const { comment, author } of comments) {
      const item = items.find((i) => i.id === comment.contributionId);
      const regionId = agreementRows.find((a) => a.id === item?.agreementId)?.regionId;
      if (author.role === 'region') expect(author.regionId).toBe(regionId);
    }
    const hallingdalComment = comments.find(
      (c) =>
        c.author.role === 'region' &&
        items.find((i) => i.id === c.comment.contributionId)?.region === hallingdal,
    );
    expect(hallingdalComment?.comment.body).toMatch(/\b(skuleskyssen|passar|seint)\b/);
  });
});

describe('the wanted subject areas', () => {
  it('are marked with a justification by most regions, and two are still unanswered by any department', async () => {
    const wanted = await database.db
      .select({ w: agreementSubjectAreas, area: subjectAreas.name, region: regions.name, markedBy: users })
      .from(agreementSubjectAreas)
      .innerJoin(subjectAreas, eq(subjectAreas.id, agreementSubjectAreas.subjectAreaId))
      .innerJoin(agreements, eq(agreements.id, agreementSubjectAreas.agreementId))
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .innerJoin(users, eq(users.id, agreementSubjectAreas.markedBy))
      .where(eq(agreements.cycleId, cycleId));
    expect(new Set(wanted.map((w) => w.region)).size).toBeGreaterThanOrEqual(10);
    for (const w of wanted) {
      expect(w.w.justification.length).toBeGreaterThan(30);
      expect(w.markedBy.role).toBe('region');
    }
    const hallingdalWanted = wanted.filter((w) => w.region === hallingdal);
    for (const w of hallingdalWanted)
      expect(w.w.justification).toMatch(/\b(ikkje|vi|dei|treng|saman|kommunane)\b/);

    // Unanswered: no department has anything in that subject area for that region (not even a dropped
    // item); answered: some department has an item that is still alive.
    const unanswered = wanted.filter(
      (w) =>
        !items.some(
          (i) =>
            i.agreementId === w.w.agreementId && i.subjectAreaId === w.w.subjectAreaId && i.ownerDepartmentId,
        ),
    );
    expect(unanswered.map((w) => ({ region: w.region, subjectArea: w.area }))).toEqual(
      expect.arrayContaining([...demoUnanswered]),
    );
    expect(unanswered).toHaveLength(demoUnanswered.length);
    for (const w of wanted.filter((x) => !unanswered.includes(x))) {
      const alive = items.filter(
        (i) =>
          i.agreementId === w.w.agreementId &&
          i.subjectAreaId === w.w.subjectAreaId &&
          i.ownerDepartmentId &&
          i.status !== 'dropped',
      );
      expect(alive.length, `${w.region}: ${w.area}`).toBeGreaterThan(0);
    }
  });
});

describe('Indre Østfold’s agreed special part', () => {
  it('is agreed in June 2021 and names the start-up service, the destination, the vocational college department and the study programmes', async () => {
    const agreement = agreementRows.find((a) => a.region === indre);
    if (!agreement) throw new Error('no agreement for Indre Østfold');
    const versions = await database.db
      .select()
      .from(specialPartVersions)
      .where(eq(specialPartVersions.agreementId, agreement.id));
    expect(versions.map((v) => [v.number, v.state])).toEqual([[1, 'agreed']]);
    const [row] = versions;
    expect(row?.sentAt?.toISOString()).toBe(new Date('2021-06-03T12:00:00+02:00').toISOString());
    expect(row?.agreedAt?.toISOString()).toBe(new Date('2021-06-17T14:00:00+02:00').toISOString());

    // Read as the special part's own code reads it: the snapshot parses against the contract.
    const version = await loadSpecialPartVersion(database.db, row?.id ?? '');
    if (!version) throw new Error('no special part version');
    expect(version.sections.map((s) => s.key)).toEqual([
      'introduction',
      'priorities',
      'contributions',
      'follow-up',
    ]);
    for (const s of version.sections) expect(toPlainText(s.body).length).toBeGreaterThan(100);
    expect(version.contributions.writtenStandard).toBe('nb');
    expect(version.contributions.generatedAt).toBe(row?.sentAt?.toISOString());

    const agreedHere = items.filter((i) => i.agreementId === agreement.id && i.status === 'agreed');
    const frozen = version.contributions.subjectAreas.flatMap((a) => a.contributions);
    expect(frozen.map((c) => c.id).sort()).toEqual(agreedHere.map((i) => i.id).sort());
    expect(
      items
        .filter((i) => i.agreementId === agreement.id && i.status !== 'agreed')
        .every((i) => i.status === 'dropped'),
    ).toBe(true);

    const expected = [
      { title: 'Etablererservice i Indre Østfold', area: 'Næring', owner: 'Næring', kind: 'measure' },
      { title: 'Indre Østfold som reisemål', area: 'Næring', owner: 'Næring', kind: 'project' },
      {
        title: 'Fagskoleavdeling i Mysen',
        area: 'Utdanning og kompetanse',
        owner: 'Utdanning og kompetanse',
        kind: 'project',
      },
      {
        title: 'Desentraliserte studietilbud i Indre Østfold',
        area: 'Utdanning og kompetanse',
        owner: 'Utdanning og kompetanse',
        kind: 'instrument',
      },
    ];
    expect(expected.map((e) => e.title)).toEqual([...indreOstfoldSpecialPart.namedItems]);
    const text = toPlainText(
      version.sections.find((s) => s.key === 'contributions')?.body ?? { type: 'doc', content: [] },
    );
    for (const e of expected) {
      const area = version.contributions.subjectAreas.find((a) => a.name === e.area);
      const found = area?.contributions.find((c) => c.title === e.title);
      expect(found, e.title).toMatchObject({ kind: e.kind, owner: { type: 'department', name: e.owner } });
      expect(found?.budgetNokPerYear).toBeGreaterThan(0);
      expect(found?.timeFrame).toMatch(/^20\d\d–20\d\d$/);
      expect(text).toContain(e.title);
    }
    // The region's own commitments are in it too.
    expect(frozen.filter((c) => c.owner.type === 'region').map((c) => c.owner.name)).toEqual([indre, indre]);
  });
});

describe('the demo through the API', () => {
  async function get(url: string, email = 'admin@demo.partnerskap.no') {
    const res = await t.request({ method: 'GET', url, cookie: await t.cookieFor(email) });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res;
  }

  it('lists the 12 agreements of the demo cycle', async () => {
    const list = (await get(`/api/v1/agreements?cycle=${cycleId}`)).json() as { items: AgreementSummary[] };
    expect(list.items).toHaveLength(12);
  });

  it('fills the matrix: every department has something in at least six regions, and two wishes are unanswered', async () => {
    const matrix = (await get(`/api/v1/matrix?cycle=${cycleId}`)).json() as Matrix;
    expect(matrix.regions).toHaveLength(12);
    for (const department of matrix.departments) {
      const row = matrix.rows.find((r) => r.departmentId === department.id);
      const filled = (row?.cells ?? []).filter((c) => matrixCellCounts(c).total > 0);
      expect(filled.length, department.name).toBeGreaterThanOrEqual(6);
    }
    const areaName = new Map(matrix.subjectAreas.map((a) => [a.id, a.name]));
    const unanswered = matrix.regions.flatMap((r) =>
      r.unansweredSubjectAreaIds.map((id) => ({ region: r.name, subjectArea: areaName.get(id) })),
    );
    expect(unanswered).toEqual(expect.arrayContaining([...demoUnanswered]));
    expect(unanswered).toHaveLength(demoUnanswered.length);
  });

  it('prints Indre Østfold’s agreement with the four items its real agreement named', async () => {
    const agreement = agreementRows.find((a) => a.region === indre);
    const res = await get(`/api/v1/agreements/${agreement?.id}/document?format=docx`);
    const body = squash(readDocx(res.rawPayload).body);
    for (const title of indreOstfoldSpecialPart.namedItems) expect(body).toContain(title);
    expect(body).toContain('Regionens prioriteringer');
  });
});

describe('loading the special parts', () => {
  it('records the load in one audit event, by the coordinator', async () => {
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'cycle.loadDemoSpecialParts'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorName: 'Prosesskoordinator (demo)',
      entityType: 'cycle',
      entityId: cycleId,
      requestId: 'demo',
      after: { name: demoCycle.name, agreements: 12, contributions: items.length, specialPartVersions: 3 },
    });
  });

  it('loads again into the demo cycle once its agreements are gone, with the same twelve agreements', async () => {
    // Take the special parts out again (the agreements' rows cascade) and time loading them alone. The
    // political processing holds on to the agreements (demo-political.ts): it goes first, with the
    // commitments Indre Østfold's agreement made coming into force (their reporting rounds before them,
    // demo-follow-up.ts), council cases before the board's.
    await database.db.delete(reportingRounds);
    await database.db.delete(commitments);
    await database.db.delete(agreementDivergences);
    await database.db.delete(municipalAdoptions);
    await database.db.delete(politicalCases).where(isNotNull(politicalCases.sourceCaseId));
    await database.db.delete(politicalCases);
    await database.db.delete(agreements).where(eq(agreements.cycleId, cycleId));
    const summary = await loadDemoSpecialParts(database.db, 'admin@demo.partnerskap.no');
    expect(summary).toMatchObject({ agreements: 12, contributions: items.length, specialPartVersions: 3 });
    await readDemo();
    expect(agreementRows).toHaveLength(12);
  });
});
