import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, startJourney } from './support/browser.js';
import { download, send } from './support/journey.js';

const region = 'Indre Østfold regionråd';
const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

/** With SCREENSHOTS=<dir>, the page at a desktop's and a phone's width, for a person to look at. */
const shots = process.env.SCREENSHOTS;
async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/**
 * The demo's agreement in force: Indre Østfold's, approved by the executive board in August 2021 and adopted
 * by the councils of its four municipalities (demo-political.ts), read as anyone reads it, without signing in.
 */
async function demoInForce(j: Journey): Promise<{ agreementId: string; municipalities: number }> {
  const list = await send<{ items: { id: string; regionName: string }[] }>(
    j.page,
    j.baseUrl,
    'GET',
    '/api/v1/public/agreements',
  );
  const found = list.items.find((a) => a.regionName === region);
  if (!found) throw new Error(`${region} is not in force in the demo`);
  const agreement = await send<{ adoption: unknown[] }>(
    j.page,
    j.baseUrl,
    'GET',
    `/api/v1/public/agreements/${found.id}`,
  );
  return { agreementId: found.id, municipalities: agreement.adoption.length };
}

describe.skipIf(!chromiumPath)('the public pages, without signing in', () => {
  let j: Journey;
  let inForce: { agreementId: string; municipalities: number };
  /** Every API address the visitor's page asked for. */
  const asked: string[] = [];
  beforeAll(async () => {
    j = await startJourney();
    inForce = await demoInForce(j);
    j.page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
  }, 120_000);
  afterAll(async () => j?.close());

  it('shows a visitor the agreement in force and every region’s phase on the front page', async () => {
    const { page } = j;
    await page.goto('/offentlig');
    await page.getByRole('heading', { level: 1, name: 'Partnerskapsavtalene med regionene' }).waitFor();
    await expect.poll(() => page.title()).toBe('Partnerskapsavtalene med regionene – Partnerskap');
    const card = page.getByRole('listitem').filter({ hasText: `Partnerskapsavtale med ${region}` });
    await card.getByText('Viken fylkeskommune', { exact: false }).waitFor();
    const regions = page.getByRole('table', { name: 'Regionene' });
    await regions.getByRole('row', { name: new RegExp(`${region}.*Gjeldende`) }).waitFor();
    await regions.getByRole('row', { name: /Hallingdal/ }).waitFor();
    await page.getByText('Viken fylkeskommune', { exact: true }).waitFor();
    await expectAccessible(page, 'the public front page');
    await shoot(page, 'public-front');
    // Nothing on the way asked who is signed in, nor anything but the public API.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((p) => !p.startsWith('/api/v1/public/'))).toEqual([]);
  });

  it('shows the agreement with its parties, versions, files and every council’s decision', async () => {
    const { page } = j;
    await page.getByRole('link', { name: `Partnerskapsavtale med ${region}` }).click();
    await page.getByRole('heading', { level: 1, name: `Partnerskapsavtale med ${region}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/offentlig/avtaler/${inForce.agreementId}`);
    // Focus moves to the new page, so a screen reader announces it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    const record = page.getByRole('table', { name: 'Vedtak i kommunestyrene' });
    await expect.poll(() => record.getByRole('row').count()).toBe(inForce.municipalities + 1);
    const first = record.getByRole('row').nth(1);
    expect(await first.getByRole('cell').nth(4).textContent()).toBe('Vedtatt');
    expect(await first.getByRole('link').getAttribute('href')).toMatch(/^https:\/\/einnsyn\.no\/sok\?q=/);
    expect(await first.getByRole('cell').nth(2).textContent()).toMatch(/^\d+\/21$/);
    await page.getByText('Versjon 1', { exact: true }).first().waitFor();
    await expectAccessible(page, 'a public agreement page');
    await shoot(page, 'public-agreement');

    const docx = await download(page, 'Last ned avtalen som Word (DOCX)');
    expect(docx.filename).toMatch(/\.docx$/);
    expect(docx.content.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await page.request.get(
      (await page.getByRole('link', { name: 'Last ned avtalen som PDF' }).getAttribute('href')) ?? '',
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  });

  it('shows the region’s page with its phase, its commitments’ statuses as published and the meetings’ dates in words', async () => {
    const { page } = j;
    await page.getByRole('link', { name: `Mer om ${region}: fase og møter` }).click();
    await page.getByRole('heading', { level: 1, name: region }).waitFor();
    await page.getByText('Gjeldende', { exact: true }).waitFor();
    await page.getByText('Avtalen er vedtatt og gjelder.').waitFor();
    const meetings = page.getByRole('table', { name: 'Møter om avtalen' });
    await meetings
      .getByRole('row', { name: /Fellesmøte.*Holdt/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'a public region page');
    await shoot(page, 'public-region');
    await page.getByRole('link', { name: `Les avtalen med ${region}` }).waitFor();

    // The follow-up as published: each commitment's status in its newest published report (the demo's
    // «Årsrapport 2023»), and each published round's reports; the open round «Årsrapport 2024» is not there.
    const followUp = page.getByRole('table', { name: 'Oppfølging av avtalen' });
    await followUp
      .getByRole('row', {
        name: /Trafikksikkerhetstiltak langs fv\. 115 Samferdsel Forsinket, 30 % Årsrapport 2023/,
      })
      .waitFor();
    await followUp
      .getByRole('row', { name: /Indre Østfold som reisemål Næring Risiko for forsinkelse, 55 %/ })
      .waitFor();
    await followUp
      .getByRole('row', { name: new RegExp(`${region} I rute`) })
      .first()
      .waitFor();
    expect(await page.getByText('Årsrapport 2024').count()).toBe(0);
    await page.getByText(/^Årsrapport 2023 \(publisert/).click();
    const delayed = page.getByRole('article', { name: 'Trafikksikkerhetstiltak langs fv. 115' });
    await delayed.getByText('Samferdsel: Forsinket, 30 %').waitFor();
    await delayed.getByText(/klagen på reguleringsplanen ved Ørje/).waitFor();
    await expectAccessible(page, 'a public region page with its published follow-up');

    // A region whose agreement is under way says where it stands and offers no agreement to read.
    await page.getByRole('link', { name: 'Til forsiden' }).click();
    await page
      .getByRole('table', { name: 'Regionene' })
      .getByRole('link', { name: /Hallingdal/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Hallingdal/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Partnerskapsavtalen' }).waitFor();
    expect(await page.getByRole('link', { name: /^Les avtalen/ }).count()).toBe(0);
    await expectAccessible(page, 'a public region page, not in force');
  });

  it('lists the open data with its fields, and gives the adoptions as CSV', async () => {
    const { page } = j;
    await page.getByRole('link', { name: 'Til forsiden' }).click();
    await page.getByRole('link', { name: 'Se de åpne dataene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åpne data' }).waitFor();
    const fields = page.getByRole('table', { name: 'Feltene i «Vedtak»' });
    await fields.getByRole('row', { name: /record_url/ }).waitFor();
    await expectAccessible(page, 'the open data page');
    await shoot(page, 'public-data');

    const csv = await download(page, 'Vedtak som CSV');
    expect(csv.filename).toBe('adoptions.csv');
    const lines = csv.content
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'agreement_id;municipality_number;municipality;decided_on;case_reference;record_url;outcome',
    );
    expect(lines).toHaveLength(1 + inForce.municipalities);
    expect(
      lines.slice(1).every((l) => l.startsWith(`${inForce.agreementId};`) && l.endsWith(';adopted')),
    ).toBe(true);
    const href = await page.getByRole('link', { name: 'Vedtak som CSV' }).getAttribute('href');
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(asked.filter((p) => !p.startsWith('/api/v1/public/'))).toEqual([]);
  });

  it('lists the closed hearings and shows one with its inputs and the county’s answers', async () => {
    const { page, baseUrl } = j;
    const closed = await send<{ items: { id: string; inputs: number }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/public/hearings',
    );
    const withInputs = closed.items.find((h) => h.inputs > 0);
    if (!withInputs) throw new Error('the demo has no closed hearing with inputs');
    await page.goto('/offentlig');
    await page.getByRole('link', { name: 'Se de avsluttede høringene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avsluttede høringer' }).waitFor();
    const table = page.getByRole('table', { name: 'Avsluttede høringer' });
    // The heading shows before the list has come: wait for the rows.
    await expect.poll(() => table.getByRole('row').count()).toBe(closed.items.length + 1);
    await expectAccessible(page, 'the public hearings');
    await page.locator(`a[href="/offentlig/horinger/${withInputs.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: / om versjon \d+$/ }).waitFor();
    await page.getByText('Innspillene til hver del av dokumentet', { exact: false }).waitFor();
    // One card per input, each headed by its region.
    await expect.poll(() => page.getByRole('heading', { level: 3 }).count()).toBe(withInputs.inputs);
    await expectAccessible(page, 'a public hearing with its summary');
    await shoot(page, 'public-hearing');
    // An address that is no closed hearing says so.
    await page.goto(`/offentlig/horinger/${unknownId}`);
    await page.getByText('Vi fant ingen avsluttet høring med denne adressen.', { exact: false }).waitFor();
    await expectAccessible(page, 'an unknown public hearing');
    expect(asked.filter((p) => !p.startsWith('/api/v1/public/'))).toEqual([]);
  });

  it('switches the language without an account, and keeps it', async () => {
    const { page } = j;
    await page.goto('/offentlig');
    await page.getByLabel('Språk').selectOption('en');
    await page
      .getByRole('heading', { level: 1, name: 'The partnership agreements with the regions' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('table', { name: 'The regions' }).getByText('In force', { exact: true }).waitFor();
    await expectAccessible(page, 'the public front page in English');
    await page.getByLabel('Language').selectOption('nn');
    await page.getByRole('heading', { level: 1, name: 'Partnarskapsavtalane med regionane' }).waitFor();
    await page.getByLabel('Språk').selectOption('nb');
    await page.getByRole('heading', { level: 1, name: 'Partnerskapsavtalene med regionene' }).waitFor();
  });

  it('says so for an unknown address, leads /public to the same pages, and keeps the app behind sign-in', async () => {
    const { page } = j;
    await page.goto(`/offentlig/avtaler/${unknownId}`);
    await page.getByRole('heading', { level: 1, name: 'Siden finnes ikke' }).waitFor();
    await page.getByText('Vi fant ingen gjeldende avtale med denne adressen.', { exact: false }).waitFor();
    await expectAccessible(page, 'an unknown public agreement');
    await page.goto(`/offentlig/regioner/${unknownId}`);
    await page.getByText('Vi fant ingen region med denne adressen.').waitFor();
    await page.goto('/offentlig/noe-annet');
    await page.getByRole('heading', { level: 1, name: 'Siden finnes ikke' }).waitFor();

    await page.goto('/public/data');
    await page.getByRole('heading', { level: 1, name: 'Åpne data' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/offentlig/data');

    // The app itself still asks for sign-in; the sign-in page leads back to the public pages.
    await page.goto('/avtaler');
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/avtaler');
    await page.getByRole('link', { name: 'Se partnerskapsavtalene som gjelder, uten å logge inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnerskapsavtalene med regionene' }).waitFor();
    await page.getByRole('link', { name: 'Logg inn', exact: true }).click();
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
  });
});
