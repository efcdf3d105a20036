import { randomUUID } from 'node:crypto';
import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { AuditEvent } from '../../shared/contracts/audit.js';
import { AuditQuery } from '../../shared/contracts/audit.js';
import { updatePreferences } from '../auth/update-preferences.js';
import type { Db, Tx } from '../db/client.js';
import { systemActor } from '../platform/context.js';
import { createDepartment } from '../registry/create-department.js';
import { departments } from '../registry/registry.table.js';
import { createUser } from '../users/create-user.js';
import { appendAudit } from './append-audit.js';
import { auditEvents } from './audit.table.js';
import { cacheVersions } from './cache-version.table.js';
import { distinctActions, listAuditActions } from './list-audit-actions.js';
import { listAuditEvents, selectAuditPage } from './list-audit-events.js';

type Page = { items: AuditEvent[]; nextCursor: string | null };

/** Writes events at given instants, as fixtures for the date filter and paging. */
async function insertEvents(db: Db, entityType: string, instants: string[]) {
  await db.insert(auditEvents).values(
    instants.map((at, i) => ({
      at: sql`${at}::timestamptz`,
      actorName: 'Test',
      action: 'fixture.create',
      entityType,
      entityId: String(i),
    })),
  );
}

/** Every page of a query, following nextCursor until it is null. */
async function allPages(t: TestApp, cookie: string, query: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/audit-events?${query}${cursor ? `&cursor=${cursor}` : ''}`,
      cookie,
    });
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page;
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

describe('the audit log', () => {
  let t: TestApp;
  let adminCookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    adminCookie = await t.cookieFor('admin@demo.partnerskap.no');
  });
  afterAll(async () => t.close());

  it("shows each event's time as an instant in UTC to the millisecond, cut as JavaScript cuts it", async () => {
    await insertEvents(t.database.db, 'clock', [
      '2024-03-31 01:59:59.999999+01',
      '2024-07-01 12:00:00.1234+02',
      '2024-12-31 23:59:59+00',
    ]);
    const { items } = await listAuditEvents(t.ctx(t.actors.admin), { entityType: 'clock' });
    expect(items.map((e) => [e.entityId, e.at])).toEqual([
      ['2', '2024-12-31T23:59:59.000Z'],
      ['1', '2024-07-01T10:00:00.123Z'],
      ['0', '2024-03-31T00:59:59.999Z'],
    ]);
    expect(items.map((e) => typeof e.id)).toEqual(['string', 'string', 'string']);
  });

  it('shows the admin and the viewer what happened, newest first', async () => {
    const department = await createDepartment(t.ctx(t.actors.admin), { name: 'Revisjon' });
    for (const actor of [t.actors.admin, t.actors.viewer]) {
      const { items } = await listAuditEvents(t.ctx(actor), { limit: 5 });
      expect(items[0]).toMatchObject({
        action: 'department.create',
        entityType: 'department',
        entityId: department.id,
        actorId: t.actors.admin.id,
        actorName: t.actors.admin.name,
        before: null,
        after: department,
        requestId: 'test',
      });
      const order = items.map((e) => [e.at, Number(e.id)] as const);
      expect(order).toEqual([...order].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1)));
    }
  });

  it('refuses department editors, region contacts and anonymous callers', async () => {
    for (const actor of actorsExcept(t.actors, ['admin', 'viewer'])) {
      await expect(listAuditEvents(t.ctx(actor), {})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listAuditActions(t.ctx(actor))).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(listAuditEvents(t.ctx(null), {})).rejects.toMatchObject({ code: 'unauthenticated' });
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/audit-events',
      cookie: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    });
    expect(res.statusCode).toBe(403);
  });

  it('filters by actor, action and entity', async () => {
    const admin = t.ctx(t.actors.admin);
    const department = await createDepartment(admin, { name: 'Arkiv' });
    const byEntity = await listAuditEvents(admin, { entityType: 'department', entityId: department.id });
    expect(byEntity.items.map((e) => e.action)).toEqual(['department.create']);

    const byAction = await listAuditEvents(admin, { action: 'user.create', limit: 500 });
    expect(byAction.items.length).toBeGreaterThanOrEqual(21);
    expect(byAction.items.every((e) => e.action === 'user.create')).toBe(true);

    const byActor = await listAuditEvents(admin, { actorId: t.actors.admin.id, limit: 500 });
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorId === t.actors.admin.id)).toBe(true);
    expect((await listAuditEvents(admin, { actorId: randomUUID() })).items).toEqual([]);

    // The demo loader acts as the system: no actor id, its name kept.
    const [system] = (await listAuditEvents(admin, { action: 'person.create', limit: 1 })).items;
    expect(system).toMatchObject({ actorId: null, actorName: 'Partnerskap (system)' });
  });

  it('counts from and to as whole calendar days in Oslo, winter and summer', async () => {
    await insertEvents(t.database.db, 'day-test', [
      '2026-01-14T22:59:59.999Z', // 14 January 23:59:59.999 in Oslo (UTC+1)
      '2026-01-14T23:00:00Z', // 15 January 00:00 in Oslo
      '2026-01-15T22:59:59Z', // 15 January 23:59:59 in Oslo
      '2026-01-15T23:00:00Z', // 16 January 00:00 in Oslo
      '2026-06-30T21:59:59Z', // 30 June 23:59:59 in Oslo (UTC+2)
      '2026-06-30T22:00:00Z', // 1 July 00:00 in Oslo
    ]);
    const ids = async (from?: string, to?: string) => {
      const query = new URLSearchParams({
        entityType: 'day-test',
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/audit-events?${query}`,
        cookie: adminCookie,
      });
      expect(res.statusCode).toBe(200);
      return (res.json() as Page).items.map((e) => e.entityId).sort();
    };
    expect(await ids('2026-01-15', '2026-01-15')).toEqual(['1', '2']);
    expect(await ids(undefined, '2026-01-14')).toEqual(['0']);
    expect(await ids('2026-01-16')).toEqual(['3', '4', '5']);
    expect(await ids('2026-06-30', '2026-06-30')).toEqual(['4']);
    expect(await ids('2026-07-01', '2026-07-01')).toEqual(['5']);
  });

  it('refuses a period that ends before it starts and dates that do not exist', async () => {
    const backwards = await t.request({
      method: 'GET',
      url: '/api/v1/audit-events?from=2026-02-02&to=2026-02-01',
      cookie: adminCookie,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([
      expect.objectContaining({ field: 'to', code: 'validation.endBeforeStart' }),
    ]);
    const impossible = await t.request({
      method: 'GET',
      url: '/api/v1/audit-events?from=2026-02-30',
      cookie: adminCookie,
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors).toEqual([
      expect.objectContaining({ field: 'from', code: 'validation.date' }),
    ]);
  });

  it('pages through events written in the same instant or microsecond apart, each exactly once', async () => {
    // Seven events of one transaction share their timestamp; four differ only in the microseconds.
    await insertEvents(t.database.db, 'page-test', [
      ...Array.from({ length: 7 }, () => '2026-03-01T10:00:00.123456Z'),
      '2026-03-01T10:00:00.123401Z',
      '2026-03-01T10:00:00.123402Z',
      '2026-03-01T10:00:00.123403Z',
      '2026-03-01T10:00:00.123404Z',
    ]);
    const events = await allPages(t, adminCookie, 'entityType=page-test&limit=3');
    expect(events.map((e) => e.entityId)).toEqual(['6', '5', '4', '3', '2', '1', '0', '10', '9', '8', '7']);
  });

  it('answers a forged cursor with 400 on the cursor field', async () => {
    for (const cursor of ['%%%', Buffer.from('{"at":"x","id":-1}').toString('base64url')]) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/audit-events?cursor=${encodeURIComponent(cursor)}`,
        cookie: adminCookie,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'cursor' });
    }
  });

  it('names the actions that occur, for the filter', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/audit-events/actions',
      cookie: await t.cookieFor('leser@demo.partnerskap.no'),
    });
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: string[] };
    expect(items).toEqual(
      expect.arrayContaining(['department.create', 'person.create', 'session.create', 'user.create']),
    );
    expect(items).toEqual([...new Set(items)].sort());
  });
});

describe('a change and its audit event', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  /**
   * While the trigger stands, every new audit event is refused by the database as a full disk would refuse
   * it (SQLSTATE 53100, a server-side failure, never the caller's input).
   */
  async function withAuditFailing(run: () => Promise<void>) {
    await t.database.db.execute(
      sql.raw(`create function audit_refused() returns trigger language plpgsql as $$
        begin raise exception 'audit refused' using errcode = 'disk_full'; end $$`),
    );
    await t.database.db.execute(
      sql`create trigger audit_refused before insert on audit_events for each row execute function audit_refused()`,
    );
    try {
      await run();
    } finally {
      await t.database.db.execute(sql`drop trigger audit_refused on audit_events`);
      await t.database.db.execute(sql`drop function audit_refused()`);
    }
  }

  it('commit together: when the audit event cannot be written, the change is rolled back', async () => {
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const before = await snapshot(t.database.db);
    await withAuditFailing(async () => {
      await expect(createDepartment(t.ctx(t.actors.admin), { name: 'Uten spor' })).rejects.toThrow();
      await expect(
        createUser(t.ctx(t.actors.admin), {
          email: 'uten-spor@test.partnerskap.no',
          name: 'Uten Spor',
          role: 'viewer',
          password: 'et-langt-passord',
        }),
      ).rejects.toThrow();
      await expect(updatePreferences(t.ctx(t.actors.viewer), { locale: 'en' })).rejects.toThrow();

      const res = await t.request({
        method: 'POST',
        url: '/api/v1/departments',
        payload: { name: 'Via API' },
        cookie,
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'internal', status: 500 });
      expect(res.body).not.toMatch(/audit_events|audit_refused|constraint|insert into|\.ts:\d+/i);
    });
    expect(await snapshot(t.database.db)).toBe(before);

    // With the audit log writable again, the same change goes through and is recorded.
    const created = await createDepartment(t.ctx(t.actors.admin), { name: 'Uten spor' });
    const { items } = await listAuditEvents(t.ctx(t.actors.admin), { entityId: created.id });
    expect(items.map((e) => e.action)).toEqual(['department.create']);
  });

  it("are written as the transaction's last statement, with the versions they raise, in the order appended", async () => {
    const entityId = randomUUID();
    const scope = `cycle:${randomUUID()}`;
    const ctx = { actor: systemActor, requestId: 'audit-test' };
    const eventsOf = (db: Db | Tx) =>
      db
        .select({ id: auditEvents.id, action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, entityId))
        .orderBy(auditEvents.id);
    const versionOf = async (db: Db | Tx) =>
      (
        await db
          .select({ version: cacheVersions.version })
          .from(cacheVersions)
          .where(eq(cacheVersions.scope, scope))
      )[0]?.version ?? 0;
    const seen = await t.database.db.transaction(async (tx) => {
      for (const action of ['county.first', 'county.second', 'county.third'])
        await appendAudit(tx, ctx, {
          action,
          entityType: 'county',
          entityId,
          before: null,
          after: null,
          scopes: [scope],
        });
      return { events: (await eventsOf(tx)).length, version: await versionOf(tx) };
    });
    expect(seen).toEqual({ events: 0, version: 0 });
    const written = await eventsOf(t.database.db);
    expect(written.map((e) => e.action)).toEqual(['county.first', 'county.second', 'county.third']);
    expect(await versionOf(t.database.db)).toBe(1);

    // When the statement fails, so does the transaction: its change is not kept without its record.
    const department = randomUUID();
    await withAuditFailing(async () => {
      await expect(
        t.database.db.transaction(async (tx) => {
          await tx.insert(departments).values({ id: department, name: `Uten spor ${department}` });
          await appendAudit(tx, ctx, {
            action: 'department.create',
            entityType: 'department',
            entityId: department,
            before: null,
            after: null,
            scopes: [scope],
          });
        }),
      ).rejects.toThrow();
    });
    expect(await t.database.db.select().from(departments).where(eq(departments.id, department))).toEqual([]);
    expect(await versionOf(t.database.db)).toBe(1);
  });
});

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Actual Rows'?: number; Plans?: PlanNode[] };

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

async function explain(db: Db, query: SQL): Promise<PlanNode[]> {
  const result = (await db.execute(sql`explain (analyze, format json) ${query}`)) as unknown as {
    rows: { 'QUERY PLAN': [{ Plan: PlanNode }] | string }[];
  };
  const raw = result.rows[0]?.['QUERY PLAN'];
  const parsed = typeof raw === 'string' ? (JSON.parse(raw) as [{ Plan: PlanNode }]) : raw;
  if (!parsed) throw new Error('no plan');
  return planNodes(parsed[0].Plan);
}

describe('with 100,000 events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.database.db.execute(sql`
      insert into audit_events (at, actor_name, action, entity_type, entity_id)
      select now() - make_interval(secs => g), 'Last', 'load.action' || (g % 25), 'load', g::text
      from generate_series(1, 100000) g`);
    await t.database.db.execute(sql`analyze audit_events`);
  }, 120_000);
  afterAll(async () => t.close());

  it('reads the first page and the next from the (at, id) index, one page of rows and no sort', async () => {
    const first = await explain(t.database.db, selectAuditPage(t.database.db, AuditQuery.parse({})).getSQL());
    const scan = first.find((n) => n['Index Name'] === 'audit_events_at');
    expect(scan?.['Node Type']).toBe('Index Scan');
    expect(scan?.['Actual Rows']).toBe(51);
    expect(first.map((n) => n['Node Type'])).not.toContain('Sort');
    expect(first.map((n) => n['Node Type'])).not.toContain('Seq Scan');

    const page = await listAuditEvents(t.ctx(t.actors.viewer), {});
    expect(page.items).toHaveLength(50);
    const cursor = page.nextCursor ?? '';
    const next = await explain(
      t.database.db,
      selectAuditPage(t.database.db, AuditQuery.parse({ cursor })).getSQL(),
    );
    const nextScan = next.find((n) => n['Index Name'] === 'audit_events_at');
    expect(nextScan?.['Actual Rows']).toBe(51);
    expect(next.map((n) => n['Node Type'])).not.toContain('Sort');
  });

  it('lists the distinct actions by probing the action index, without reading every event', async () => {
    const { items } = await listAuditActions(t.ctx(t.actors.admin));
    expect(items).toEqual(expect.arrayContaining(Array.from({ length: 25 }, (_, i) => `load.action${i}`)));
    expect(items).toContain('user.create');
    expect(items).toEqual([...new Set(items)].sort());

    const plan = await explain(t.database.db, distinctActions);
    expect(plan.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(plan.some((n) => n['Index Name'] === 'audit_events_action')).toBe(true);
  });
});
