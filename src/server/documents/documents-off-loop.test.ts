import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { translate } from '../../shared/i18n/translate.js';
import { openedHearing, passDeadline } from '../hearings/hearing.fixtures.js';
import { submitInput } from '../hearings/submit-input.js';
import { keptDocuments } from './kept-document.table.js';
import { closeDocumentPool, documentsPerCaller } from './render-pool.js';
import { readDocx, readPdfPages, squash } from './testing/read-document.js';

/**
 * Documents are made in worker threads, never on the main loop (render-pool.ts): the server answers while
 * a large PDF renders, a user has a bounded number in progress, and a closed hearing's summary is made once
 * and kept (kept-document.ts) while an open one's is made fresh.
 */
let t: TestApp;
let admin: string;
let hearingId: string;
let firstRegionId: string;

const paragraph =
  'Regionrådet ber fylkeskommunen legge vekt på kollektivtilbudet mellom kommunesentrene, på grønn ' +
  'omstilling i næringslivet og på at de minste kommunene får hjelp til å søke midler. ';
/** About 7,000 characters: long input, as the regions write it when a section matters to them. */
const longText = (n: number) => `Innspill ${n}. ${paragraph.repeat(40)}`;

const summaryUrl = (format: string) => `/api/v1/hearings/${hearingId}/summary?format=${format}`;
const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, cookie: admin, headers });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  const { hearing } = await openedHearing(t);
  hearingId = hearing.id;
  firstRegionId = hearing.invitedRegions[0]?.id ?? '';
  // 71 long inputs, six from each invited region on the sections in turn and on the whole document, but
  // one section left for the first region, whose input the first test adds: 72 in all.
  const sections = ['parties', 'period', 'purpose', 'anchoring', 'implementation', null];
  const asAdmin = t.ctx(t.actors.admin);
  let n = 0;
  for (const [i, region] of hearing.invitedRegions.entries()) {
    for (const sectionKey of sections) {
      if (i === 0 && sectionKey === 'implementation') continue;
      n += 1;
      await submitInput(asAdmin, hearing.id, {
        regionId: region.id,
        ...(sectionKey ? { sectionKey } : {}),
        text: longText(n),
      });
    }
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
  await closeDocumentPool();
});

const keptRows = () =>
  t.database.db
    .select({ id: keptDocuments.id, createdAt: keptDocuments.createdAt, sha256: keptDocuments.sha256 })
    .from(keptDocuments)
    .where(and(eq(keptDocuments.subjectId, hearingId), eq(keptDocuments.format, 'pdf')));

describe('an open hearing: documents made fresh, and a limit per user', () => {
  it('makes the summary anew on every download and keeps none', async () => {
    const first = await get(summaryUrl('docx'));
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBeUndefined();
    await submitInput(t.ctx(t.actors.admin), hearingId, {
      regionId: firstRegionId,
      sectionKey: 'implementation',
      text: 'Et nytt innspill etter første nedlasting.',
    });
    const second = await get(summaryUrl('docx'));
    expect(second.statusCode).toBe(200);
    const fresh = 'Et nytt innspill etter første nedlasting.';
    expect(readDocx(first.rawPayload).body).not.toContain(fresh);
    expect(readDocx(second.rawPayload).body).toContain(fresh);
    expect(
      await t.database.db.select().from(keptDocuments).where(eq(keptDocuments.subjectId, hearingId)),
    ).toEqual([]);
  }, 120_000);

  it(`refuses a user's document beyond ${documentsPerCaller} in progress with 429 and Retry-After, then makes it`, async () => {
    const many = await Promise.all(
      Array.from({ length: documentsPerCaller + 2 }, () => get(summaryUrl('pdf'))),
    );
    const refused = many.filter((r) => r.statusCode === 429);
    expect(many.filter((r) => r.statusCode === 200)).toHaveLength(documentsPerCaller);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.json()).toMatchObject({ status: 429, code: 'busy', title: translate('nb', 'errors.busy') });
    }
    // Another user is not held back by the first one's documents.
    const viewer = await t.cookieFor('leser@demo.partnerskap.no');
    const [mine, theirs] = await Promise.all([
      get(summaryUrl('pdf')),
      t.request({ method: 'GET', url: summaryUrl('docx'), cookie: viewer }),
      get(summaryUrl('pdf')),
    ]);
    expect(mine?.statusCode).toBe(200);
    expect(theirs?.statusCode).toBe(200);
    // Once the others are done, the same user's next document is made.
    const after = await get(summaryUrl('docx'));
    expect(after.statusCode).toBe(200);
  }, 180_000);
});

describe('a closed hearing: a large PDF off the main loop, made once and kept', () => {
  it('answers /api/health within a second while the summary PDF renders', async () => {
    await passDeadline(t, hearingId);
    const started = performance.now();
    let rendering = true;
    const pdf = get(summaryUrl('pdf')).finally(() => {
      rendering = false;
    });
    const healthTimes: number[] = [];
    while (rendering) {
      const asked = performance.now();
      const health = await t.request({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      healthTimes.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const res = await pdf;
    const renderMs = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const pages = await readPdfPages(res.rawPayload);
    expect(pages.length).toBeGreaterThan(40);
    expect(squash(pages.join(' '))).toContain('Innspill 71.');
    // The render took long enough to matter, and health was asked all along it. Made on the main loop, the
    // PDF would hold a health answer for about as long as the render; off it, none waits a fifth of that.
    expect(renderMs).toBeGreaterThan(500);
    expect(healthTimes.length).toBeGreaterThan(5);
    expect(Math.max(...healthTimes)).toBeLessThan(Math.min(1000, renderMs / 5));
  }, 180_000);

  it('keeps the closed summary: the second download sends the kept file with the same strong ETag', async () => {
    const [kept] = await keptRows();
    expect(kept).toBeDefined();
    const again = await get(summaryUrl('pdf'));
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe(`"${kept?.sha256}"`);
    // Not made again: the same row, written when it was first made.
    expect(await keptRows()).toEqual([kept]);
    const unchanged = await get(summaryUrl('pdf'), { 'if-none-match': String(again.headers.etag) });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.rawPayload.length).toBe(0);
  }, 120_000);
});
