import { inflateRawSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import {
  agreementFixture,
  type FixtureCycle,
  fixtureContributions,
  fixtureCycle,
} from '../agreement-document/agreement-document.fixtures.js';
import { auditEvents } from '../audit/audit.table.js';
import { readDocx, readPdfPages, squash } from '../documents/testing/read-document.js';
import { generalPartSections } from '../general-part/general-part.table.js';
import { jobRequests } from '../jobs/job.table.js';
import { appWorkers } from '../workers.js';
import { agreementArchives } from './agreement-archive.table.js';
import { agreementArchiveWorker } from './make-agreement-archive.js';

let t: TestApp;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region', string>;
const regionNames = ['Regionrådet for Hallingdal', 'Indre Østfold regionråd', 'Kongsbergregionen'];
let three: FixtureCycle;

const archivesUrl = (cycleId: string) => `/api/v1/cycles/${cycleId}/agreement-archives`;
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });
const post = (url: string, cookie?: string) => t.request({ method: 'POST', url, cookie });

/** Runs the archive's job as the queue would, on its first try (or its last). */
async function runJob(archiveId: string, retryCount = 0) {
  const worker = agreementArchiveWorker();
  await worker.handle(
    { archiveId },
    { db: t.database.db, log: pino({ level: 'silent' }), jobId: 'test', retryCount, retryLimit: 2 },
  );
}

/** The archives and the job requests, which the shared snapshot does not cover. */
async function archivesAndJobs(): Promise<string> {
  const archives = await t.database.db
    .select({ id: agreementArchives.id, state: agreementArchives.state })
    .from(agreementArchives);
  const jobs = await t.database.db.select({ id: jobRequests.id }).from(jobRequests);
  return JSON.stringify([archives.sort((a, b) => a.id.localeCompare(b.id)), jobs.length]);
}

/** Every entry of a ZIP by name, as bytes (stored or deflated entries). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return entries;
}

beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
  three = await fixtureCycle(t);
  for (const regionName of regionNames) await agreementFixture(t, { regionName, in: three });
});

afterAll(async () => {
  await t?.close();
});

describe('the ZIP of all agreements of a cycle', () => {
  it('is started by admin (202), made by the job with its progress, and downloaded with one DOCX and PDF per agreement', async () => {
    const res = await post(archivesUrl(three.cycle.id), cookies.admin);
    expect(res.statusCode).toBe(202);
    const archive = res.json();
    expect(archive).toMatchObject({
      cycleId: three.cycle.id,
      state: 'queued',
      done: 0,
      total: 3,
      filename: null,
    });
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, archive.id));
    expect(audit).toMatchObject({ action: 'agreementArchive.create', entityType: 'agreementArchive' });
    const requests = await t.database.db
      .select()
      .from(jobRequests)
      .where(and(eq(jobRequests.queue, 'agreement-archive.make'), eq(jobRequests.singletonKey, archive.id)));
    expect(requests.map((r) => r.data)).toEqual([{ archiveId: archive.id }]);

    // Asking again while it is waiting answers the same archive, and starts no second job.
    const again = await post(archivesUrl(three.cycle.id), cookies.admin);
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(archive.id);

    // Not ready: the file is refused and nothing changes.
    const before = await snapshot(t.database.db);
    const early = await get(`/api/v1/agreement-archives/${archive.id}/file`, cookies.admin);
    expect(early.statusCode).toBe(409);
    expect(early.json().errors).toEqual([expect.objectContaining({ code: 'validation.archiveNotReady' })]);
    expect(await snapshot(t.database.db)).toBe(before);

    await runJob(archive.id);
    const progress = await get(`/api/v1/agreement-archives/${archive.id}`, cookies.admin);
    expect(progress.statusCode).toBe(200);
    const years = `${three.cycle.periodFrom.slice(0, 4)}-${three.cycle.periodTo.slice(0, 4)}`;
    expect(progress.json()).toMatchObject({
      id: archive.id,
      state: 'done',
      done: 3,
      total: 3,
      filename: `Partnerskapsavtaler-${years}.zip`,
      failure: null,
    });
    expect(progress.json().size).toBeGreaterThan(10_000);
    expect(progress.json().finishedAt).not.toBeNull();

    const file = await get(`/api/v1/agreement-archives/${archive.id}/file`, cookies.admin);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.headers['content-disposition']).toContain(`Partnerskapsavtaler-${years}.zip`);
    expect(file.rawPayload.length).toBe(progress.json().size);
    const entries = unzip(file.rawPayload);
    // Each file says which versions it holds, in the region's written standard; agreed, so no state.
    const names = [
      ['Hallingdal', 'særskild'],
      ['Indre-Østfold', 'spesiell'],
      ['Kongsbergregionen', 'spesiell'],
    ].flatMap(([short, special]) =>
      ['docx', 'pdf'].map((ext) => `Partnerskapsavtale-${short}-${years}-generell-v1-${special}-v1.${ext}`),
    );
    expect([...entries.keys()].sort()).toEqual(names.sort());
    const hallingdal = readDocx(
      entries.get(`Partnerskapsavtale-Hallingdal-${years}-generell-v1-særskild-v1.docx`) ?? Buffer.alloc(0),
    );
    expect(hallingdal.body).toContain('Regionrådet for Hallingdal');
    expect(hallingdal.body).toContain('Særskild del');
    const agreed = fixtureContributions.filter((c) => c.status === 'agreed');
    for (const c of agreed) expect(hallingdal.body).toContain(c.title);
    const pdf = await readPdfPages(
      entries.get(`Partnerskapsavtale-Indre-Østfold-${years}-generell-v1-spesiell-v1.pdf`) ?? Buffer.alloc(0),
    );
    expect(squash(pdf.join('\n'))).toContain('Indre Østfold regionråd');

    // Running the job again (a retry after it finished) changes nothing.
    const done = await snapshot(t.database.db);
    await runJob(archive.id);
    expect(await snapshot(t.database.db)).toBe(done);
  });

  it('replaces the finished archive of the cycle when a new one is done', async () => {
    const [first] = await t.database.db
      .select({ id: agreementArchives.id })
      .from(agreementArchives)
      .where(and(eq(agreementArchives.cycleId, three.cycle.id), eq(agreementArchives.state, 'done')));
    if (!first) throw new Error('the first test made one');
    const second = (await post(archivesUrl(three.cycle.id), cookies.admin)).json();
    expect(second.id).not.toBe(first.id);
    await runJob(second.id);
    expect((await get(`/api/v1/agreement-archives/${first.id}`, cookies.admin)).statusCode).toBe(404);
    expect((await get(`/api/v1/agreement-archives/${second.id}`, cookies.admin)).json().state).toBe('done');
  });

  it('marks the archive failed with a code, and no detail, when an agreement cannot be rendered', async () => {
    const broken = await fixtureCycle(t);
    await agreementFixture(t, { regionName: 'Haldenregionen', in: broken });
    // A list without items: stored around the rich text schema, it makes the renderers fail.
    await t.database.db
      .update(generalPartSections)
      .set({ body: { type: 'doc', content: [{ type: 'bulletList' }] } as never })
      .where(eq(generalPartSections.versionId, broken.generalPart.id));
    const archive = (await post(archivesUrl(broken.cycle.id), cookies.admin)).json();
    await runJob(archive.id);
    const res = await get(`/api/v1/agreement-archives/${archive.id}`, cookies.admin);
    expect(res.json()).toMatchObject({
      state: 'failed',
      failure: 'document',
      done: 0,
      total: 1,
      filename: null,
    });
    expect(JSON.stringify(res.json())).not.toMatch(/TypeError|at \w+ \(/);
    expect((await get(`/api/v1/agreement-archives/${archive.id}/file`, cookies.admin)).statusCode).toBe(409);
  });

  it('gives up on an archive whose job ended without finishing it, and starts a new one', async () => {
    const stuck = await fixtureCycle(t);
    await agreementFixture(t, { regionName: 'Haldenregionen', in: stuck, specialPart: 'none' });
    const first = (await post(archivesUrl(stuck.cycle.id), cookies.admin)).json();
    await t.database.db
      .update(agreementArchives)
      .set({ state: 'running', requestedAt: new Date(Date.now() - 5 * 3600_000) })
      .where(eq(agreementArchives.id, first.id));
    const second = await post(archivesUrl(stuck.cycle.id), cookies.admin);
    expect(second.statusCode).toBe(202);
    expect(second.json().id).not.toBe(first.id);
    const old = (await get(`/api/v1/agreement-archives/${first.id}`, cookies.admin)).json();
    expect(old).toMatchObject({ state: 'failed', failure: 'unexpected' });
  });

  it('is run by the server as one of its jobs', () => {
    expect(
      appWorkers({ mailUrl: undefined, mailFrom: 'partnerskap@viken.test' }).map((w) => w.job.name),
    ).toContain('agreement-archive.make');
  });
});

describe('bad requests for archives', () => {
  it('refuses everyone but admin, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    const archivesBefore = await archivesAndJobs();
    for (const cookie of [cookies.viewer, cookies.department, cookies.region]) {
      expect((await post(archivesUrl(three.cycle.id), cookie)).statusCode).toBe(403);
    }
    expect((await post(archivesUrl(three.cycle.id))).statusCode).toBe(401);
    expect(await snapshot(t.database.db)).toBe(before);
    expect(await archivesAndJobs()).toBe(archivesBefore);
    const [any] = await t.database.db.select({ id: agreementArchives.id }).from(agreementArchives).limit(1);
    for (const cookie of [cookies.viewer, cookies.department, cookies.region]) {
      expect((await get(`/api/v1/agreement-archives/${any?.id}`, cookie)).statusCode).toBe(403);
      expect((await get(`/api/v1/agreement-archives/${any?.id}/file`, cookie)).statusCode).toBe(403);
    }
  });

  it('answers 404 for an unknown cycle or archive and 409 for a cycle without agreements', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = await snapshot(t.database.db);
    expect((await post(archivesUrl(unknown), cookies.admin)).statusCode).toBe(404);
    expect((await post(archivesUrl('not-an-id'), cookies.admin)).statusCode).toBe(404);
    expect((await get(`/api/v1/agreement-archives/${unknown}`, cookies.admin)).statusCode).toBe(404);
    expect((await get(`/api/v1/agreement-archives/${unknown}/file`, cookies.admin)).statusCode).toBe(404);
    expect((await get('/api/v1/agreement-archives/nope', cookies.admin)).statusCode).toBe(404);
    const empty = await fixtureCycle(t);
    const beforeEmpty = await snapshot(t.database.db);
    const archivesBefore = await archivesAndJobs();
    const res = await post(archivesUrl(empty.cycle.id), cookies.admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ code: 'validation.noAgreementsToArchive' }),
    ]);
    expect(await snapshot(t.database.db)).toBe(beforeEmpty);
    expect(await archivesAndJobs()).toBe(archivesBefore);
    expect(before).not.toBe(beforeEmpty);
  });
});
