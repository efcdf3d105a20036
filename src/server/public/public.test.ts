import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { InputSummary } from '../../shared/contracts/hearing-summary.js';
import type { HearingSummary } from '../../shared/contracts/hearings.js';
import type {
  OpenDataCatalogue,
  PublicAgreement,
  PublicAgreementList,
  PublicCounty,
  PublicHearing,
  PublicHearingList,
  PublicRegion,
  PublicRegionList,
} from '../../shared/contracts/public.js';
import { inForceFixture } from '../adoption/adoption.fixtures.js';
import { readDocx, squash } from '../documents/testing/read-document.js';
import { openedHearing, passDeadline } from '../hearings/hearing.fixtures.js';
import { unknownId } from '../meetings/meeting.fixtures.js';

let t: TestApp;
let fx: Awaited<ReturnType<typeof inForceFixture>>;

/** A visitor: no cookie at all. */
const visit = (url: string) => t.request({ method: 'GET', url });
const json = async <T>(url: string): Promise<T> => {
  const res = await visit(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

beforeAll(async () => {
  t = await startTestApp();
  fx = await inForceFixture(t);
});
afterAll(async () => t.close());

describe('the public pages’ API, without signing in', () => {
  it('lists the agreements in force with their parties and period, each with its adoption record on its own, and nothing else', async () => {
    const res = await visit('/api/v1/public/agreements');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const { items } = res.json() as PublicAgreementList;
    // The fixture's agreement, and the demo's Indre Østfold agreement of 2021–2024 (demo-political.ts).
    expect(items.map((a) => [a.regionName, a.cycleName]).sort()).toEqual(
      [
        ['Indre Østfold regionråd', fx.cycle.name],
        ['Indre Østfold regionråd', 'Partnerskapsavtaler 2021–2024'],
      ].sort(),
    );
    const listed = items.find((a) => a.id === fx.own.id);
    expect(listed).toMatchObject({ regionName: 'Indre Østfold regionråd', periodFrom: fx.cycle.periodFrom });
    expect(listed).not.toHaveProperty('adoption');
    const agreement = (await visit(`/api/v1/public/agreements/${fx.own.id}`)).json() as PublicAgreement;
    expect(agreement).toMatchObject({ ...listed });
    expect(agreement.parties.length).toBeGreaterThan(1);
    expect(agreement.adoption).toHaveLength(agreement.parties.length);
    expect(
      agreement.adoption.every(
        (d) => d.outcome === 'adopted' && d.recordUrl?.startsWith('https://einnsyn.no/'),
      ),
    ).toBe(true);
    expect((await visit(`/api/v1/public/agreements/${fx.other.id}`)).statusCode).toBe(404);
    expect((await visit(`/api/v1/public/agreements/${unknownId}`)).statusCode).toBe(404);
  });

  it('pages the list by region name and start, and refuses a cursor it did not give', async () => {
    const whole = await json<PublicAgreementList>('/api/v1/public/agreements');
    expect(whole.nextCursor).toBeNull();
    expect(whole.items).toHaveLength(2);
    const first = await json<PublicAgreementList>('/api/v1/public/agreements?limit=1');
    expect(first.items).toEqual([whole.items[0]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await json<PublicAgreementList>(
      `/api/v1/public/agreements?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(second).toEqual({ items: [whole.items[1]], nextCursor: null });
    // Same region, so the earlier period comes first.
    expect(whole.items.map((a) => a.periodFrom)).toEqual([...whole.items.map((a) => a.periodFrom)].sort());
    for (const bad of ['?cursor=not-a-cursor', '?limit=0', '?limit=501']) {
      const res = await visit(`/api/v1/public/agreements${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('gives the agreement in force as a DOCX, and no other agreement', async () => {
    const res = await visit(`/api/v1/public/agreements/${fx.own.id}/document?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(squash(readDocx(res.rawPayload).body)).toContain('Indre Østfold regionråd');
    expect((await visit(`/api/v1/public/agreements/${fx.other.id}/document?format=docx`)).statusCode).toBe(
      404,
    );
  });

  it('shows each region’s phase and its meetings’ dates without their content', async () => {
    const regions = await json<PublicRegionList>('/api/v1/public/regions');
    expect(regions.items.length).toBeGreaterThan(2);
    const own = await json<PublicRegion>(`/api/v1/public/regions/${t.actors.region.regionId}`);
    expect(own.agreement).toMatchObject({ id: fx.own.id, phase: 'in_force', inForce: true });
    expect(own.meetings).toContainEqual({ date: '2025-03-18', type: 'final', held: true });
    expect(Object.keys(own.meetings[0] ?? {}).sort()).toEqual(['date', 'held', 'type']);
    const other = await json<PublicRegion>(`/api/v1/public/regions/${t.actors.otherRegion.regionId}`);
    expect(other.agreement?.inForce).toBe(false);
    expect((await visit(`/api/v1/public/regions/${unknownId}`)).statusCode).toBe(404);
  });

  it('gives the open data as CSV and JSON with a description of each field', async () => {
    const catalogue = await json<OpenDataCatalogue>('/api/v1/public/data');
    expect(catalogue.datasets.map((d) => d.name)).toEqual(['agreements', 'parties', 'adoptions']);
    expect(catalogue.datasets.every((d) => d.fields.every((f) => f.description.length > 10))).toBe(true);
    const csv = await visit('/api/v1/public/data/adoptions.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'agreement_id;municipality_number;municipality;decided_on;case_reference;record_url;outcome',
    );
    const inForce = (await json<PublicAgreementList>('/api/v1/public/agreements')).items;
    // One adoption row per party municipality of each agreement in force.
    expect(lines.length).toBe(1 + inForce.reduce((n, a) => n + a.parties.length, 0));
    const parties = await json<{ rows: { kind: string; party: string }[] }>(
      '/api/v1/public/data/parties.json',
    );
    expect(parties.rows[0]).toMatchObject({ kind: 'county' });
    expect((await visit('/api/v1/public/data/secrets.csv')).statusCode).toBe(404);
  });
});

describe('the closed hearings and the county, without signing in', () => {
  it('names the county', async () => {
    const res = await visit('/api/v1/public/county');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect((res.json() as PublicCounty).name).toBe('Viken fylkeskommune');
  });

  it('lists the closed hearings and shows each with its summary, final answers only; an open hearing is not found', async () => {
    const { hearing: open } = await openedHearing(t);
    const { hearing: later } = await openedHearing(t);
    await passDeadline(t, later.id);
    const admin = await t.cookieFor('admin@demo.partnerskap.no');
    const all = (await t.request({ method: 'GET', url: '/api/v1/hearings', cookie: admin })).json() as {
      items: HearingSummary[];
    };
    const closedIds = all.items.filter((h) => h.state === 'closed').map((h) => h.id);
    expect(closedIds).toContain(later.id);

    const { items } = await json<PublicHearingList>('/api/v1/public/hearings');
    expect(items.map((h) => h.id).sort()).toEqual([...closedIds].sort());
    expect(items.map((h) => h.id)).not.toContain(open.id);

    // Each closed hearing: the same inputs and outcomes as the county's summary, a draft answer left out.
    for (const { id } of items) {
      const detail = await json<PublicHearing>(`/api/v1/public/hearings/${id}`);
      const county = (
        await t.request({ method: 'GET', url: `/api/v1/hearings/${id}/summary`, cookie: admin })
      ).json() as InputSummary;
      expect(detail.outcomes).toEqual(county.outcomes);
      const publicView = (entries: InputSummary['wholeDocument']) =>
        entries.map(({ inputId: _i, attachments: _a, disposition, ...rest }) => ({
          ...rest,
          disposition: disposition?.final ? disposition : null,
        }));
      expect(detail.sections).toEqual(
        county.sections.map((s) => ({ key: s.key, title: s.title, entries: publicView(s.entries) })),
      );
      expect(detail.wholeDocument).toEqual(publicView(county.wholeDocument));
      expect(JSON.stringify(detail)).not.toMatch(/"inputId"|"attachments"|"submittedBy"/);
    }
    expect(items.length).toBeGreaterThan(1);

    for (const id of [open.id, unknownId]) {
      const res = await visit(`/api/v1/public/hearings/${id}`);
      expect(res.statusCode).toBe(404);
    }
  });
});
