import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client.js';
import { loadDemo } from '../src/server/demo/load-demo.js';
import { addDays, osloDate } from '../src/server/hearings/deadline.js';
import { jobRequests } from '../src/server/jobs/job.table.js';
import { mailOutbox } from '../src/server/mail/mail.table.js';
import { sendMailJob } from '../src/server/mail/send-mail.js';
import type { AgreementSummary } from '../src/shared/contracts/agreements.js';
import type { Me } from '../src/shared/contracts/auth.js';
import type { ContributionDetail, ContributionList } from '../src/shared/contracts/contributions.js';
import type { EqualTreatment } from '../src/shared/contracts/follow-up-rollup.js';
import {
  type Comparison,
  type Cycle,
  type GeneralPart,
  type GeneralPartVersion,
  requiredSections,
} from '../src/shared/contracts/general-part.js';
import type { Hearing, HearingInput, HearingOverview } from '../src/shared/contracts/hearings.js';
import { type Matrix, matrixCellCounts } from '../src/shared/contracts/matrix.js';
import type { Region } from '../src/shared/contracts/registry.js';
import type { MyTasks } from '../src/shared/contracts/tasks.js';
import { openTestDatabase } from './support/database.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp-server.js';
import { waitFor } from './support/wait-for.js';

/**
 * A county that outgrows one process runs several behind a reverse proxy on one PostgreSQL database. Two
 * real server processes share a database here: every read kept in a process's read cache
 * (platform/read-cache.ts) is read through B, changed through A and read through B again, and must show
 * the change on that next request; a session made on one process is good on the other and ends on both;
 * a job asked for on one runs once, though both run workers. PGlite belongs to one process, so this runs
 * only on a PostgreSQL server (TEST_DATABASE_URL).
 */

const password = 'flere-prosesser-123';
/** The address the proxy in front answers on: both processes are told it, and writes come from it. */
const publicUrl = 'http://partnerskap.test';
const sessionSecret = 'multi-process-secret-multi-process-secret';

type Answer<T> = { status: number; body: T };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** A request over real HTTP to one process, from the app's own origin, optionally signed in. */
async function call<T = unknown>(
  server: ServerProcess,
  method: Method,
  path: string,
  cookie?: string,
  payload?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      origin: publicUrl,
      ...(cookie ? { cookie } : {}),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The answer's body when it has the status expected; otherwise fails with what came instead. */
async function ok<T>(answer: Promise<Answer<T>>, status = 200): Promise<T> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`expected ${status}, got ${got}: ${JSON.stringify(body)}`);
  return body;
}

/** Signs in on the given process; the session cookie and who it is. */
async function signIn(server: ServerProcess, email: string): Promise<{ cookie: string; me: Me }> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: publicUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('partnerskap_session='));
  if (!session) throw new Error('no session cookie');
  return { cookie: session, me: (await res.json()) as Me };
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe.runIf(process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  let database: Database;
  let smtp: TestSmtpServer;
  let servers: ServerProcess[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  const cookies = { admin: '', viewer: '', department: '', region: '' };
  const people = { department: null as Me | null, region: null as Me | null };
  let demoCycle: Cycle;
  let cycles = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
    await loadDemo(database.db, password);
    if (database.driver.engine !== 'postgresql') throw new Error('a PostgreSQL test database');
    smtp = await startSmtpServer();
    const env = {
      DATABASE_URL: database.driver.url,
      SESSION_SECRET: sessionSecret,
      MAIL_URL: smtp.url,
      MAIL_FROM: 'Partnerskap <partnerskap@viken.test>',
      PUBLIC_URL: publicUrl,
      HOST: '127.0.0.1',
    };
    // Both start at once, as behind a proxy: each migrates (a no-op here) and starts the job queue.
    const started = await Promise.allSettled([startServerProcess(env), startServerProcess(env)]);
    servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    [a, b] = servers as [ServerProcess, ServerProcess];

    // Everyone signs in on A; every read through B below is then also made with a session from A.
    cookies.admin = (await signIn(a, 'admin@demo.partnerskap.no')).cookie;
    cookies.viewer = (await signIn(a, 'leser@demo.partnerskap.no')).cookie;
    const department = await signIn(a, 'samferdsel@demo.partnerskap.no');
    // A region whose agreement is still being made: Indre Østfold's is in force in the demo, and an agreement
    // in force takes no new contributions.
    const region = await signIn(a, 'hallingdal@demo.partnerskap.no');
    cookies.department = department.cookie;
    cookies.region = region.cookie;
    people.department = department.me;
    people.region = region.me;

    const listed = await ok(call<{ items: Cycle[] }>(a, 'GET', '/api/v1/cycles', cookies.admin));
    const [only, ...others] = listed.items;
    if (!only || others.length > 0) throw new Error('the demo has one cycle');
    demoCycle = only;
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await smtp?.close();
    await database?.close();
  }, 60_000);

  /** B reads twice, so that the second answer is the one B keeps; then A writes; then B reads once more. */
  async function readWriteRead<T>(
    read: () => Promise<T>,
    write: () => Promise<unknown>,
  ): Promise<{ before: T; after: T }> {
    await read();
    const before = await read();
    await write();
    return { before, after: await read() };
  }

  /** A new cycle (through A) whose draft has text in the five required sections. */
  async function filledCycle(): Promise<{ cycle: Cycle; draft: GeneralPartVersion }> {
    cycles++;
    const from = 2040 + cycles * 4;
    const cycle = await ok(
      call<Cycle>(a, 'POST', '/api/v1/cycles', cookies.admin, {
        name: `Flere prosesser ${cycles}`,
        periodFrom: `${from}-01-01`,
        periodTo: `${from + 3}-12-31`,
      }),
      201,
    );
    const part = await ok(
      call<GeneralPart>(a, 'GET', `/api/v1/cycles/${cycle.id}/general-part`, cookies.admin),
    );
    const draftId = part.draftVersionId ?? '';
    const draft = await ok(
      call<GeneralPartVersion>(a, 'GET', `/api/v1/general-part-versions/${draftId}`, cookies.admin),
    );
    const filled = await ok(
      call<GeneralPartVersion>(a, 'PUT', `/api/v1/general-part-versions/${draftId}/sections`, cookies.admin, {
        version: draft.version,
        sections: requiredSections.map((s) => ({
          key: s.key,
          title: s.title,
          body: paragraph(`${s.title} for perioden.`),
        })),
      }),
    );
    return { cycle, draft: filled };
  }

  /** A hearing (through A) on a new cycle's filled draft, with the region contact's region invited. */
  async function openHearing(kind: 'formal' | 'informal', coverLetter: string) {
    const { cycle, draft } = await filledCycle();
    const hearing = await ok(
      call<Hearing>(a, 'POST', '/api/v1/hearings', cookies.admin, {
        cycleId: cycle.id,
        versionId: draft.id,
        kind,
        deadline: addDays(osloDate(new Date()), 21),
        invitedRegionIds: [people.region?.regionId],
        coverLetter,
      }),
      201,
    );
    return { cycle, hearing };
  }

  /** Hallingdal's agreement in the demo cycle, and a subject area of the cycle. */
  async function demoAgreement() {
    const list = await ok(
      call<{ items: AgreementSummary[] }>(
        a,
        'GET',
        `/api/v1/agreements?cycle=${demoCycle.id}`,
        cookies.admin,
      ),
    );
    const agreement = list.items.find((i) => i.region.id === people.region?.regionId);
    if (!agreement) throw new Error('no agreement for Hallingdal');
    const areas = await ok(
      call<{ items: { id: string; name: string }[] }>(
        a,
        'GET',
        `/api/v1/cycles/${demoCycle.id}/subject-areas`,
        cookies.admin,
      ),
    );
    const area = areas.items[0];
    if (!area) throw new Error('the demo cycle has no subject areas');
    return { agreement, area };
  }

  /** A new proposed contribution of the Samferdsel department in Hallingdal's agreement, made on A. */
  async function newContribution(title: string): Promise<ContributionDetail> {
    const { agreement, area } = await demoAgreement();
    return ok(
      call<ContributionDetail>(
        a,
        'POST',
        `/api/v1/agreements/${agreement.id}/contributions`,
        cookies.department,
        {
          subjectAreaId: area.id,
          kind: 'measure',
          owner: { type: 'department', departmentId: people.department?.departmentId },
          title,
        },
      ),
      201,
    );
  }

  describe('cached reads', () => {
    it('the regions list shows a region created on the other process', async () => {
      const name = 'Multiprosess regionråd';
      const url = `/api/v1/regions?q=${encodeURIComponent('Multiprosess')}`;
      const { before, after } = await readWriteRead(
        () => ok(call<{ items: Region[] }>(b, 'GET', url, cookies.viewer)),
        () => ok(call(a, 'POST', '/api/v1/regions', cookies.admin, { name }), 201),
      );
      expect(before.items).toEqual([]);
      expect(after.items.map((r) => r.name)).toEqual([name]);
    });

    it('a region by id shows a new name given on the other process', async () => {
      const created = await ok(
        call<Region>(a, 'POST', '/api/v1/regions', cookies.admin, { name: 'Gammelt navn regionråd' }),
        201,
      );
      const { before, after } = await readWriteRead(
        () => ok(call<Region>(b, 'GET', `/api/v1/regions/${created.id}`, cookies.viewer)),
        () =>
          ok(
            call(a, 'PATCH', `/api/v1/regions/${created.id}`, cookies.admin, {
              name: 'Nytt navn regionråd',
              version: created.version,
            }),
          ),
      );
      expect(before.name).toBe('Gammelt navn regionråd');
      expect(after.name).toBe('Nytt navn regionråd');
      // And the list of regions, which B has kept since the test before, has it under its new name.
      const listed = await ok(
        call<{ items: Region[] }>(b, 'GET', '/api/v1/regions?q=regionr%C3%A5d&limit=500', cookies.viewer),
      );
      expect(listed.items.map((r) => r.name)).toContain('Nytt navn regionråd');
      expect(listed.items.map((r) => r.name)).not.toContain('Gammelt navn regionråd');
    });

    it('the agreements list counts a contribution added on the other process', async () => {
      const url = `/api/v1/agreements?cycle=${demoCycle.id}`;
      const own = (list: { items: AgreementSummary[] }) =>
        list.items.find((i) => i.region.id === people.region?.regionId)?.counts?.contributions;
      const { before, after } = await readWriteRead(
        () => ok(call<{ items: AgreementSummary[] }>(b, 'GET', url, cookies.viewer)),
        () => newContribution('Telt i avtalelisten'),
      );
      expect(own(before)).toEqual(expect.any(Number));
      expect(own(after)).toBe((own(before) ?? 0) + 1);
    });

    it("an agreement's contributions list shows a contribution added on the other process", async () => {
      const { agreement } = await demoAgreement();
      const url = `/api/v1/agreements/${agreement.id}/contributions`;
      const { before, after } = await readWriteRead(
        () => ok(call<ContributionList>(b, 'GET', url, cookies.viewer)),
        () => newContribution('Vist i bidragslisten'),
      );
      expect(before.items.map((i) => i.title)).not.toContain('Vist i bidragslisten');
      expect(after.items.map((i) => i.title)).toContain('Vist i bidragslisten');
      expect(after.items).toHaveLength(before.items.length + 1);
    });

    it("an agreement's contributions list shows a subject area marked wanted on the other process", async () => {
      const { agreement } = await demoAgreement();
      const url = `/api/v1/agreements/${agreement.id}/contributions`;
      const first = await ok(call<ContributionList>(b, 'GET', url, cookies.viewer));
      const unwanted = first.subjectAreas.find((area) => !area.wanted);
      if (!unwanted) throw new Error('every subject area is wanted already');
      const { before, after } = await readWriteRead(
        () => ok(call<ContributionList>(b, 'GET', url, cookies.viewer)),
        () =>
          ok(
            call(
              a,
              'PUT',
              `/api/v1/agreements/${agreement.id}/subject-areas/${unwanted.id}`,
              cookies.region,
              {
                justification: 'Ønsket på den andre prosessen.',
              },
            ),
          ),
      );
      const wanted = (list: ContributionList) =>
        list.subjectAreas.find((area) => area.id === unwanted.id)?.wanted;
      expect(wanted(before)).toBe(false);
      expect(wanted(after)).toBe(true);
    });

    it('the matrix moves a contribution whose status changed on the other process', async () => {
      const item = await newContribution('Flyttet i matrisen');
      const cell = (matrix: Matrix) => {
        const row = matrix.departments.findIndex((d) => d.id === people.department?.departmentId);
        const column = matrix.regions.findIndex((r) => r.agreementId === item.agreementId);
        const counts = matrix.rows[row]?.cells[column];
        if (!counts) throw new Error('no such cell');
        return matrixCellCounts(counts);
      };
      const { before, after } = await readWriteRead(
        async () =>
          cell(await ok(call<Matrix>(b, 'GET', `/api/v1/matrix?cycle=${demoCycle.id}`, cookies.viewer))),
        () =>
          ok(
            call(a, 'POST', `/api/v1/contributions/${item.id}/status`, cookies.admin, {
              status: 'discussed',
              reason: 'Drøftet i møte.',
              version: item.version,
            }),
          ),
      );
      expect(after.proposed).toBe(before.proposed - 1);
      expect(after.discussed).toBe(before.discussed + 1);
      expect(after.total).toBe(before.total);
    });

    it('a hearing, its overview and its inputs show input given on the other process', async () => {
      const { hearing } = await openHearing('formal', 'Fylkeskommunen sender generell del på høring.');
      const { before, after } = await readWriteRead(
        async () => ({
          hearing: await ok(call<Hearing>(b, 'GET', `/api/v1/hearings/${hearing.id}`, cookies.admin)),
          overview: await ok(
            call<HearingOverview>(b, 'GET', `/api/v1/hearings/${hearing.id}/overview`, cookies.admin),
          ),
          inputs: await ok(
            call<{ items: HearingInput[] }>(b, 'GET', `/api/v1/hearings/${hearing.id}/inputs`, cookies.admin),
          ),
        }),
        () =>
          ok(
            call(a, 'POST', `/api/v1/hearings/${hearing.id}/inputs`, cookies.region, {
              sectionKey: 'purpose',
              text: 'Innspill gitt gjennom den andre prosessen.',
            }),
            201,
          ),
      );
      expect(before.hearing.counts.inputs).toBe(0);
      expect(before.overview.inputs).toEqual([]);
      expect(before.inputs.items).toEqual([]);
      expect(after.hearing.counts).toMatchObject({ inputs: 1, regionsWithInput: 1, unanswered: 1 });
      expect(after.overview.inputs.map((i) => i.text)).toEqual([
        'Innspill gitt gjennom den andre prosessen.',
      ]);
      expect(after.overview.sections.find((s) => s.key === 'purpose')).toMatchObject({ inputs: 1 });
      expect(after.inputs.items.map((i) => i.text)).toEqual(['Innspill gitt gjennom den andre prosessen.']);
    });

    it("the start page's tasks count a department's new item and a region's input given on the other process", async () => {
      // A department editor's items in negotiation: the cycle's scope.
      const tasksOf = (cycleId: string, cookie: string) =>
        ok(call<MyTasks>(b, 'GET', `/api/v1/my-tasks?cycle=${cycleId}`, cookie));
      const department = await readWriteRead(
        () => tasksOf(demoCycle.id, cookies.department),
        () => newContribution('Telt på startsiden'),
      );
      expect(department.after.department?.inNegotiation).toBe(
        (department.before.department?.inNegotiation ?? 0) + 1,
      );

      // The coordinator's silent regions of an open hearing: the hearing's scope.
      const { cycle, hearing } = await openHearing('informal', 'Fylkeskommunen ber om innspill.');
      const silentOf = (tasks: MyTasks) =>
        tasks.coordinator?.silentHearings.find((h) => h.hearingId === hearing.id)?.silentRegions.length ?? 0;
      const coordinator = await readWriteRead(
        () => tasksOf(cycle.id, cookies.admin),
        () =>
          ok(
            call(a, 'POST', `/api/v1/hearings/${hearing.id}/inputs`, cookies.region, {
              sectionKey: 'purpose',
              text: 'Innspill som tar regionen av listen over dem som ikke har svart.',
            }),
            201,
          ),
      );
      expect(silentOf(coordinator.before)).toBe(1);
      expect(silentOf(coordinator.after)).toBe(0);
    });

    it('a comparison of two general part versions shows a draft edited on the other process', async () => {
      const { draft } = await filledCycle();
      const part = await ok(
        call<GeneralPart>(a, 'GET', `/api/v1/cycles/${demoCycle.id}/general-part`, cookies.admin),
      );
      const url = `/api/v1/general-part-versions/compare?from=${part.currentVersionId}&to=${draft.id}`;
      const purpose = (comparison: Comparison) => comparison.sections.find((s) => s.key === 'purpose');
      const { before, after } = await readWriteRead(
        () => ok(call<Comparison>(b, 'GET', url, cookies.viewer)),
        () =>
          ok(
            call(a, 'PUT', `/api/v1/general-part-versions/${draft.id}/sections`, cookies.admin, {
              version: draft.version,
              sections: draft.sections.map((s) => ({
                key: s.key,
                title: s.key === 'purpose' ? 'Formål, skrevet om' : s.title,
                body: s.body,
              })),
            }),
          ),
      );
      expect(purpose(before)?.toTitle).toBe('Formål');
      expect(purpose(after)?.toTitle).toBe('Formål, skrevet om');
    });

    it('the equal-treatment view counts inhabitants set on the other process', async () => {
      const found = await ok(
        call<{ items: { id: string; number: string }[] }>(
          a,
          'GET',
          '/api/v1/municipalities?q=3012',
          cookies.admin,
        ),
      );
      const aremark = found.items.find((m) => m.number === '3012');
      if (!aremark) throw new Error('no Aremark');
      const url = `/api/v1/follow-up/equal-treatment?cycle=${demoCycle.id}&date=2022-01-01`;
      const halden = (view: EqualTreatment) =>
        view.items.find((r) => r.name === 'Haldenregionen')?.inhabitants;
      const { before, after } = await readWriteRead(
        () => ok(call<EqualTreatment>(b, 'GET', url, cookies.viewer)),
        () =>
          ok(
            call(a, 'PUT', `/api/v1/municipalities/${aremark.id}/populations`, cookies.admin, {
              count: 1_500,
              countedOn: '2021-01-01',
              source: 'Kommunens eget tall',
            }),
          ),
      );
      // Halden's and Aremark's counts of 2020 before; Aremark's of 2021, 175 more than its 1,325, after.
      expect(halden(before)).toBeGreaterThan(0);
      expect((halden(after) ?? 0) - (halden(before) ?? 0)).toBe(1_500 - 1_325);
    });
  });

  describe('sessions', () => {
    it('a session made on one process is good on the other, and signing out on one ends it on both', async () => {
      const { cookie } = await signIn(a, 'leser@demo.partnerskap.no');
      const me = await ok(call<Me>(b, 'GET', '/api/v1/auth/me', cookie));
      expect(me.email).toBe('leser@demo.partnerskap.no');

      expect((await call(a, 'POST', '/api/v1/auth/logout', cookie)).status).toBe(204);
      expect((await call(b, 'GET', '/api/v1/auth/me', cookie)).status).toBe(401);
      expect((await call(a, 'GET', '/api/v1/auth/me', cookie)).status).toBe(401);
      // Other sessions of the same person, and other people's, live on.
      expect((await call(b, 'GET', '/api/v1/auth/me', cookies.viewer)).status).toBe(200);
    });

    it('signing out on B ends a session made on A for A too', async () => {
      const { cookie } = await signIn(a, 'admin@demo.partnerskap.no');
      expect((await call(a, 'GET', '/api/v1/auth/me', cookie)).status).toBe(200);
      expect((await call(b, 'POST', '/api/v1/auth/logout', cookie)).status).toBe(204);
      expect((await call(a, 'GET', '/api/v1/auth/me', cookie)).status).toBe(401);
    });
  });

  describe('jobs', () => {
    /** The send jobs pg-boss holds for one outbox message. */
    const sendJobsFor = async (messageId: string) =>
      (
        (await database.db.execute(
          sql`select state, retry_count as "retryCount" from pgboss.job
              where name = ${sendMailJob.name} and data->>'messageId' = ${messageId}`,
        )) as { rows: { state: string; retryCount: number }[] }
      ).rows;

    it('an e-mail asked for on one process is sent once, though both run workers', async () => {
      const item = await newContribution('Nevnt i en kommentar');
      const body = `Kan Samferdsel se på dette? (${Date.now()})`;
      await ok(
        call(a, 'POST', `/api/v1/contributions/${item.id}/comments`, cookies.admin, {
          body,
          mentionUserIds: [people.department?.id],
        }),
        201,
      );
      const mine = () => smtp.received.filter((m) => m.text.includes(body));
      const [mail] = await waitFor('the mention e-mail', () => (mine().length > 0 ? mine() : undefined));
      expect(mail?.to).toEqual(['samferdsel@demo.partnerskap.no']);
      expect(mail?.text).toContain(`${publicUrl}/avtaler/${item.agreementId}/bidrag#bidrag-${item.id}`);

      // Both processes keep polling and listening: nothing comes twice.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(mine()).toHaveLength(1);
      const [row, ...more] = await database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.entityId, item.id));
      expect(more).toEqual([]);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, to: 'samferdsel@demo.partnerskap.no' });
      // One request became one job in the queue (one process relayed it), and it ran once, on its first try.
      expect(await sendJobsFor(row?.id ?? '')).toEqual([{ state: 'completed', retryCount: 0 }]);

      // Nor did any e-mail of the whole run (the hearing's invitation, say): one job and one message each.
      const all = await waitFor('every e-mail to leave the queue', async () => {
        const rows = await database.db.select().from(mailOutbox);
        return rows.every((r) => r.status !== 'queued') ? rows : undefined;
      });
      expect(all.length).toBeGreaterThan(1);
      expect(all.filter((r) => r.status !== 'sent' || r.attempts !== 1)).toEqual([]);
      for (const r of all) expect(await sendJobsFor(r.id)).toHaveLength(1);
      expect(smtp.received).toHaveLength(all.length);
      expect(await database.db.select().from(jobRequests)).toEqual([]);
    });
  });
});
