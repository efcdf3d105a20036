import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { osloParts } from '../../shared/contracts/oslo-time.js';
import { agreements } from '../agreements/agreement.table.js';
import { auditEvents } from '../audit/audit.table.js';
import { contributions } from '../contributions/contribution.table.js';
import { demoCycle } from '../demo/demo-general-part.js';
import { readDocx, readPdfPages, squash } from '../documents/testing/read-document.js';
import { cycles } from '../general-part/general-part.table.js';
import { meetingAgreements, meetings } from '../meetings/meeting.table.js';
import { regions } from '../registry/registry.table.js';

let t: TestApp;
let cycleId: string;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region', string>;
let regionNames: string[];

const indre = 'Indre Østfold regionråd';
const today = osloParts(new Date().toISOString()).date;
const daysAgo = (n: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** A month back: the demo's follow-up of the last weeks is in it, the story of 2021 is not. */
const since = daysAgo(30);
const norwegian = (isoDate: string) => isoDate.slice(0, 10).split('-').reverse().join('.');

const reportUrl = (query: string, id = cycleId) => `/api/v1/cycles/${id}/status-report?${query}`;
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

beforeAll(async () => {
  t = await startTestApp();
  const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('no demo cycle');
  cycleId = cycle.id;
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
  regionNames = (
    await t.database.db
      .select({ name: regions.name })
      .from(agreements)
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .where(eq(agreements.cycleId, cycleId))
      .orderBy(asc(regions.name))
  ).map((r) => r.name);
});

afterAll(async () => {
  await t?.close();
});

/** Indre Østfold's meetings that were held, as the report's lines: "dd.mm.yyyy Type: title". */
async function indreMeetingsHeld() {
  const rows = await t.database.db
    .select({
      title: meetings.title,
      type: meetings.type,
      startsAt: meetings.startsAt,
      state: meetings.state,
    })
    .from(meetings)
    .innerJoin(meetingAgreements, eq(meetingAgreements.meetingId, meetings.id))
    .innerJoin(agreements, eq(agreements.id, meetingAgreements.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(and(eq(meetings.cycleId, cycleId), eq(regions.name, indre)));
  const types: Record<string, string> = {
    kickoff: 'Oppstartsmøte',
    internal_summary: 'Oppsummeringsmøte',
    collaboration: 'Samhandlingsmøte',
    bilateral: 'Bilateralt møte',
    final: 'Fellesmøte',
    follow_up: 'Oppfølgingsmøte',
    other: 'Annet møte',
  };
  return rows
    .filter((m) => ['held', 'minutes_for_comment', 'minutes_approved'].includes(m.state))
    .map((m) => {
      const day = osloParts(m.startsAt.toISOString()).date;
      return { day, line: `${norwegian(day)} ${types[m.type] ?? m.type}: ${m.title}` };
    });
}

/** A region's part of the body: from its heading to the next region's. */
function regionPart(body: string, region: string): string {
  const start = body.indexOf(`${region}\n${'Fase:'}`);
  expect(start, `${region}'s section`).toBeGreaterThan(0);
  const next = regionNames[regionNames.indexOf(region) + 1];
  const end = next ? body.indexOf(`${next}\nFase:`, start) : body.length;
  return body.slice(start, end);
}

describe('the status report as DOCX', () => {
  it('opens with the title page and a summary table of the twelve regions, then each region', async () => {
    expect(regionNames).toHaveLength(12);
    const res = await get(reportUrl(`format=docx&since=${since}`), cookies.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const name = `Statusrapport-2021-2024-${since}-til-${today}.docx`;
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(res.headers['cache-control']).toBe('private, no-store');

    const { body, headers, footers } = readDocx(res.rawPayload);
    expect(body).toContain('Statusrapport');
    expect(body).toContain(`Hendelser siden\t${norwegian(since)}\n`);
    expect(headers).toContain(`Statusrapport for ${demoCycle.name}`);
    expect(footers).toContain(`Hendelser siden ${norwegian(since)} · laget ${norwegian(today)}`);

    // The summary first: its header row, then every region in a row of its own, before the regions' parts.
    const summary = body.indexOf('Oversikt');
    const regionsPart = body.indexOf('Regionene\n');
    expect(summary).toBeGreaterThan(0);
    expect(regionsPart).toBeGreaterThan(summary);
    const table = body.slice(summary, regionsPart);
    expect(table).toContain('Region\nFase\nKlar\nMilepæler\nBidrag avtalt\nNeste milepæl\n');
    let at = 0;
    for (const region of regionNames) {
      const found = table.indexOf(`${region}\n`, at);
      expect(found, region).toBeGreaterThan(at);
      at = found;
    }
    // Indre Østfold's agreement is in force and Nedre Glomma's in political processing (the demo's story);
    // Haldenregionen not ready to start.
    expect(table).toMatch(/Indre Østfold regionråd\nGjeldende\nJa\n/);
    expect(table).toMatch(/Nedre Glomma regionråd\nPolitisk behandling\nJa\n/);
    expect(table).toMatch(/Haldenregionen[^\n]*\nFylkeskommunens interne arbeid\nNei\n/);
    for (const region of regionNames) expect(body.slice(regionsPart)).toContain(`${region}\nFase: `);
  });

  it("tells a region's meetings held since the day, and not those before it", async () => {
    const held = await indreMeetingsHeld();
    const after = held.filter((m) => m.day >= since);
    const before = held.filter((m) => m.day < since);
    expect(after.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    const res = await get(reportUrl(`format=docx&since=${since}`), cookies.viewer);
    expect(res.statusCode).toBe(200);
    const part = regionPart(readDocx(res.rawPayload).body, indre);
    expect(part).toContain(`Siden ${norwegian(since)}`);
    for (const m of after) expect(part).toContain(m.line);
    for (const m of before) expect(part).not.toContain(m.line);

    // From the beginning of the cycle, the older ones are there too.
    const all = await get(reportUrl('format=docx&since=2020-01-01'), cookies.viewer);
    const whole = regionPart(readDocx(all.rawPayload).body, indre);
    for (const m of held) expect(whole).toContain(m.line);
  });

  it('tells a contribution agreed since the day, dated by the status history, with its owner', async () => {
    const [item] = await t.database.db
      .select({ id: contributions.id, title: contributions.title, version: contributions.version })
      .from(contributions)
      .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .where(
        and(
          eq(contributions.cycleId, cycleId),
          eq(regions.name, 'Regionrådet for Hallingdal'),
          ne(contributions.status, 'agreed'),
          ne(contributions.status, 'dropped'),
        ),
      )
      .orderBy(asc(contributions.title))
      .limit(1);
    if (!item) throw new Error('no contribution to agree');
    const before = await get(reportUrl(`format=docx&since=${since}`), cookies.admin);
    expect(regionPart(readDocx(before.rawPayload).body, 'Regionrådet for Hallingdal')).not.toContain(
      item.title,
    );
    const changed = await t.request({
      method: 'POST',
      url: `/api/v1/contributions/${item.id}/status`,
      cookie: cookies.admin,
      payload: { status: 'agreed', reason: 'Avtalt i samhandlingsmøtet.', version: item.version },
    });
    expect(changed.statusCode).toBe(200);
    const res = await get(reportUrl(`format=docx&since=${since}`), cookies.admin);
    const part = regionPart(readDocx(res.rawPayload).body, 'Regionrådet for Hallingdal');
    expect(part).toMatch(
      new RegExp(`Bidrag avtalt\\n(.*\\n)*${norwegian(today)} ${escapeRegExp(item.title)} \\(`),
    );
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the status report as PDF', () => {
  it('has the title page, the summary table with every region and the regions as extractable text', async () => {
    const res = await get(reportUrl(`format=pdf&since=${since}`), cookies.department);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Statusrapport-2021-2024-${since}-til-${today}.pdf`)}`,
    );
    const pages = await readPdfPages(res.rawPayload);
    expect(squash(pages[0] ?? '')).toContain('Statusrapport');
    expect(squash(pages[0] ?? '')).toContain(norwegian(since));
    const summary = squash(pages[1] ?? '');
    expect(summary).toContain('Oversikt');
    for (const region of regionNames) expect(summary).toContain(region.split(' ')[0] ?? region);
    const words = squash(pages.join('\n'));
    expect(words).toContain('Regionene');
    for (const line of (await indreMeetingsHeld()).filter((m) => m.day >= since))
      expect(words).toContain(squash(line.line));
    expect(squash(pages.at(-1) ?? '')).toContain(`Side ${pages.length} av ${pages.length}`);
  });
});

describe('language', () => {
  it('is nynorsk for a user who reads nynorsk', async () => {
    const put = await t.request({
      method: 'PUT',
      url: '/api/v1/auth/me/preferences',
      cookie: cookies.department,
      payload: { locale: 'nn' },
    });
    expect(put.statusCode).toBe(200);
    const res = await get(reportUrl(`format=docx&since=${since}`), cookies.department);
    expect(res.statusCode).toBe(200);
    const { body, footers } = readDocx(res.rawPayload);
    for (const words of ['Regionane\n', 'Møte haldne', 'Milepælar fullførte', 'Bidrag avtalte', 'Vidare']) {
      expect(body).toContain(words);
    }
    expect(body).toContain(`Sidan ${norwegian(since)}`);
    expect(body).toContain('Politisk handsaming');
    expect(body).not.toContain('Møter holdt');
    expect(footers).toContain(`Hendingar sidan ${norwegian(since)}`);
  });
});

describe('who may make it, and bad input', () => {
  it('is made by the county: a region contact is refused, nobody signed in too', async () => {
    expect((await get(reportUrl(`format=pdf&since=${since}`), cookies.region)).statusCode).toBe(403);
    expect((await get(reportUrl(`format=pdf&since=${since}`))).statusCode).toBe(401);
  });

  it('refuses a bad date, a day after today and an unknown format naming the field, and an unknown cycle', async () => {
    const events = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n;
    const before = await events();
    const field = async (query: string) => {
      const res = await get(reportUrl(query), cookies.admin);
      expect(res.statusCode, query).toBe(400);
      return (res.json() as { errors: { field: string; message: string }[] }).errors;
    };
    expect(await field('format=docx&since=2025-02-30')).toEqual([
      expect.objectContaining({ field: 'since', message: 'Skriv en gyldig dato.' }),
    ]);
    expect(await field('format=docx')).toEqual([expect.objectContaining({ field: 'since' })]);
    expect(await field(`format=docx&since=${daysAgo(-1)}`)).toEqual([
      expect.objectContaining({ field: 'since', message: 'Datoen kan ikke være etter i dag.' }),
    ]);
    expect(await field(`format=odt&since=${since}`)).toEqual([expect.objectContaining({ field: 'format' })]);
    expect((await get(reportUrl(`format=docx&since=${today}`), cookies.admin)).statusCode).toBe(200);
    const unknown = await get(reportUrl(`format=docx&since=${since}`, randomUUID()), cookies.admin);
    expect(unknown.statusCode).toBe(404);
    expect(await events()).toBe(before);
  });
});
