import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementArchiveWorker } from '../src/server/agreement-archive/make-agreement-archive.js';
import { readDocx, readPdfPages, squash, unzipText } from '../src/server/documents/testing/read-document.js';
import { requiredSections } from '../src/shared/contracts/general-part.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';

const admin = 'admin@demo.partnerskap.no';
const cycleName = 'Partnerskapsavtaler 2037–2040';
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' });

/** One request to the API with the signed-in page's session; fails the test if refused. */
async function send<T>(page: Page, baseUrl: string, method: string, url: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`${baseUrl}${url}`, { method, data, headers: { origin: baseUrl } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/**
 * A new active cycle (the newest, so the app works in it) with an approved general part and agreements for
 * Hallingdal (nynorsk) and Indre Østfold (bokmål), made through the API: writing them is other journeys'.
 */
async function cycleWithAgreements(page: Page, baseUrl: string) {
  const cycle = await send<{ id: string }>(page, baseUrl, 'POST', '/api/v1/cycles', {
    name: cycleName,
    periodFrom: '2037-01-01',
    periodTo: '2040-12-31',
    status: 'active',
  });
  const part = await send<{ draftVersionId: string }>(
    page,
    baseUrl,
    'GET',
    `/api/v1/cycles/${cycle.id}/general-part`,
  );
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const draft = await send<{ id: string; version: number }>(
    page,
    baseUrl,
    'PUT',
    `/api/v1/general-part-versions/${part.draftVersionId}/sections`,
    {
      version: 1,
      sections: requiredSections.map((s) => ({
        key: s.key,
        title: s.title,
        body: { type: 'doc', content: [paragraph(`${s.title} for perioden.`)] },
      })),
    },
  );
  await send(page, baseUrl, 'POST', `/api/v1/general-part-versions/${draft.id}/approve`, {
    date: '2036-10-20',
    body: 'Fylkesrådet',
    caseNumber: '88/36',
    decisionText: 'Fylkesrådet godkjenner generell del.',
    version: draft.version,
  });
  const regions = await send<{ items: { id: string; name: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/api/v1/regions?limit=100',
  );
  const regionIds = regions.items
    .filter((r) => ['Regionrådet for Hallingdal', 'Indre Østfold regionråd'].includes(r.name))
    .map((r) => r.id);
  expect(regionIds).toHaveLength(2);
  await send(page, baseUrl, 'POST', '/api/v1/agreements', { cycleId: cycle.id, regionIds });
  return cycle;
}

/** Clicks a download link and reads the file the browser saved. */
async function download(page: Page, name: string): Promise<{ filename: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return { filename: file.suggestedFilename(), content: readFileSync(path) };
}

describe.skipIf(!chromiumPath)('agreement documents in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney({ workers: [agreementArchiveWorker()] });
  }, 300_000);
  afterAll(async () => j?.close());

  it('downloads an agreement as DOCX and PDF from its page, in the region’s written standard', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    await cycleWithAgreements(page, baseUrl);
    await page.reload();
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('heading', { level: 2, name: `Avtaler i ${cycleName}` }).waitFor();
    await page
      .getByRole('table', { name: `Avtaler i ${cycleName}` })
      .getByRole('link', { name: 'Regionrådet for Hallingdal' })
      .click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Partnarskapsavtale mellom Viken fylkeskommune og Regionrådet for Hallingdal',
      })
      .waitFor();
    await expectAccessible(page, 'agreement page with its downloads');

    const docx = await download(page, 'Last ned DOCX');
    expect(docx.filename).toBe('Partnerskapsavtale-Hallingdal-2037-2040.docx');
    const words = readDocx(docx.content);
    for (const expected of [
      'Partnarskapsavtale',
      'Særskild del',
      'Handsaming og vedtak',
      'Kommunestyret i Hemsedal',
    ]) {
      expect(words.body).toContain(expected);
    }
    for (const s of requiredSections) expect(words.body).toContain(s.title);

    const pdf = await download(page, 'Last ned PDF');
    expect(pdf.filename).toBe('Partnerskapsavtale-Hallingdal-2037-2040.pdf');
    const text = squash((await readPdfPages(pdf.content)).join('\n'));
    expect(text).toContain('Regionrådet for Hallingdal');
    expect(text).toContain('Handsaming og vedtak');
    expect(text).toContain('01.01.2037–31.12.2040');
  });

  it('lets the coordinator make the ZIP of every agreement, with its progress, and download it', async () => {
    const { page } = j;
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('heading', { level: 2, name: 'Alle avtalene i én fil' }).waitFor();
    await expectAccessible(page, 'agreements list with the ZIP panel');
    await page.getByRole('button', { name: 'Last ned alle som ZIP' }).click();
    await page.getByLabel('Framdrift for ZIP-filen').waitFor();
    // The status line is a live region, and it speaks of the ZIP while it is made.
    await page
      .getByRole('status')
      .filter({ hasText: /ZIP-filen|avtaler er ferdige/ })
      .first()
      .waitFor();
    await page.getByText('ZIP-filen med 2 avtaler er klar.').waitFor({ timeout: 120_000 });
    expect(
      await page.getByLabel('Framdrift for ZIP-filen').evaluate((el) => (el as HTMLProgressElement).value),
    ).toBe(2);
    await expectAccessible(page, 'agreements list with the finished ZIP');

    const zip = await download(page, 'Last ned Partnerskapsavtaler-2037-2040.zip');
    expect(zip.filename).toBe('Partnerskapsavtaler-2037-2040.zip');
    expect([...unzipText(zip.content).keys()].sort()).toEqual([
      'Partnerskapsavtale-Hallingdal-2037-2040.docx',
      'Partnerskapsavtale-Hallingdal-2037-2040.pdf',
      'Partnerskapsavtale-Indre-Østfold-2037-2040.docx',
      'Partnerskapsavtale-Indre-Østfold-2037-2040.pdf',
    ]);
  }, 180_000);
});
