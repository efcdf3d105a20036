import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementArchiveWorker } from '../src/server/agreement-archive/make-agreement-archive.js';
import { readDocx, readPdfPages, squash, unzipText } from '../src/server/documents/testing/read-document.js';
import { requiredSections } from '../src/shared/contracts/general-part.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { cycleWithAgreements, download, mainNav } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const cycleName = 'Partnerskapsavtaler 2037–2040';

describe.skipIf(!chromiumPath)('agreement documents in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney({ workers: [agreementArchiveWorker()] });
  }, 300_000);
  afterAll(async () => j?.close());

  it('downloads an agreement as DOCX and PDF from its page, in the region’s written standard', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    // A new active cycle (the newest, so the app works in it) with the agreements of Hallingdal (nynorsk) and
    // Indre Østfold (bokmål), made through the API: writing them is other journeys'.
    await cycleWithAgreements(page, baseUrl, {
      cycle: { name: cycleName, periodFrom: '2037-01-01', periodTo: '2040-12-31', status: 'active' },
      approval: { date: '2036-10-20', caseNumber: '88/36' },
      regions: { indreOstfold: 'Indre Østfold regionråd', hallingdal: 'Regionrådet for Hallingdal' },
    });
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
    expect(docx.filename).toBe('Partnerskapsavtale-Hallingdal-2037-2040-generell-v1-utkast.docx');
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
    expect(pdf.filename).toBe('Partnerskapsavtale-Hallingdal-2037-2040-generell-v1-utkast.pdf');
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
      'Partnerskapsavtale-Hallingdal-2037-2040-generell-v1-utkast.docx',
      'Partnerskapsavtale-Hallingdal-2037-2040-generell-v1-utkast.pdf',
      'Partnerskapsavtale-Indre-Østfold-2037-2040-generell-v1-utkast.docx',
      'Partnerskapsavtale-Indre-Østfold-2037-2040-generell-v1-utkast.pdf',
    ]);
  }, 180_000);
});
