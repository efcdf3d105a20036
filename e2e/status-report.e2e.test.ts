import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, readPdfPages, squash } from '../src/server/documents/testing/read-document.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { download, mainNav } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumPath)('the status report in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 300_000);
  afterAll(async () => j?.close());

  it('lets the coordinator choose the day and download the report as DOCX and PDF from the agreements list', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('heading', { level: 2, name: 'Statusrapport' }).waitFor();
    await expectAccessible(page, 'agreements list with the status report');

    const since = page.getByLabel('Hendelser siden');
    await since.fill(tomorrow);
    await page.getByText('Datoen kan ikke være etter i dag.').last().waitFor();
    expect(await page.getByRole('link', { name: 'Last ned statusrapport (DOCX)' }).count()).toBe(0);
    await expectAccessible(page, 'the status report with a day after today');
    await since.fill('2021-01-01');

    const docx = await download(page, 'Last ned statusrapport (DOCX)');
    expect(docx.filename).toMatch(/^Statusrapport-2021-2024-2021-01-01-til-\d{4}-\d{2}-\d{2}\.docx$/);
    const words = readDocx(docx.content).body;
    for (const expected of [
      'Statusrapport',
      'Oversikt',
      'Regionene',
      'Indre Østfold regionråd',
      'Møter holdt',
    ])
      expect(words).toContain(expected);

    const pdf = await download(page, 'Last ned statusrapport (PDF)');
    expect(pdf.filename).toMatch(/\.pdf$/);
    const text = squash((await readPdfPages(pdf.content)).join('\n'));
    expect(text).toContain('Hendelser siden 01.01.2021');
    expect(text).toContain('Regionrådet for Hallingdal');
  }, 180_000);
});
