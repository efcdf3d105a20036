import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, readPdfPages, squash } from '../src/server/documents/testing/read-document.js';
import { requiredSections } from '../src/shared/contracts/general-part.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { cycleWithApprovedGeneralPart, download, send, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const hallingdal = 'hallingdal@demo.partnerskap.no';
const cycleName = 'Partnerskapsavtaler 2045–2048';

const nynorskTitles: Record<string, string> = {
  parties: 'Avtalepartnarar',
  period: 'Avtaleperiode',
  purpose: 'Føremål',
  anchoring: 'Forankring',
  implementation: 'Gjennomføring',
};

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

describe.skipIf(!chromiumPath)('the nynorsk general part and the version on hearing as a file', () => {
  let j: Journey;
  let v1: string;
  let hearingId: string;
  beforeAll(async () => {
    j = await startJourney();
  }, 300_000);
  afterAll(async () => j?.close());

  it('lets the coordinator write the nynorsk text of the approved version beside the bokmål', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    // Version 1 approved and version 2 on hearing, made through the API: writing and sending them is other
    // journeys'.
    const made = await cycleWithApprovedGeneralPart(
      page,
      baseUrl,
      { name: cycleName, periodFrom: '2045-01-01', periodTo: '2048-12-31', status: 'active' },
      { date: '2044-10-20', caseNumber: '77/44' },
    );
    v1 = made.v1.id;
    const v2 = await send<{ id: string }>(
      page,
      baseUrl,
      'POST',
      `/api/v1/general-part-versions/${v1}/drafts`,
    );
    const inThreeWeeks = new Date(Date.now() + 21 * 24 * 60 * 60 * 1000);
    const deadline = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(inThreeWeeks);
    const hearing = await send<{ id: string }>(page, baseUrl, 'POST', '/api/v1/hearings', {
      cycleId: made.cycleId,
      versionId: v2.id,
      kind: 'formal',
      deadline,
      coverLetter: 'Generell del versjon 2 sendes på høring.',
    });
    hearingId = hearing.id;

    await page.goto(`/general-part/versions/${v1}`);
    await page.getByRole('heading', { level: 1, name: 'Generell del, versjon 1' }).waitFor();
    await page.getByRole('link', { name: 'Nynorsk tekst' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Nynorsk tekst til generell del, versjon 1' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Formål' }).waitFor();
    await expectAccessible(page, 'the nynorsk text of the general part');

    // Saving with nothing written lists every missing heading in the error summary.
    await page.getByRole('button', { name: 'Lagre nynorsk tekst' }).click();
    const summary = page.getByRole('link', { name: 'Feltet må fylles ut.' });
    await summary.first().waitFor();
    expect(await summary.count()).toBe(requiredSections.length);
    await expectAccessible(page, 'the nynorsk text with its error summary');

    for (const s of requiredSections) {
      await page.getByLabel(`Overskrift på nynorsk (${s.title})`).fill(nynorskTitles[s.key] ?? s.title);
      await page.getByRole('textbox', { name: `Tekst på nynorsk (${s.title})` }).click();
      await page.keyboard.type(`${nynorskTitles[s.key]} på nynorsk for perioden.`);
    }
    // Each error goes as soon as its field is filled.
    await expect.poll(() => page.getByText('Feltet må fylles ut.').count()).toBe(0);
    await shoot(page, 'general-part-nynorsk');
    await page.getByRole('button', { name: 'Lagre nynorsk tekst' }).click();
    await page.getByText('Den nynorske teksten er lagret.', { exact: false }).waitFor();
    await expectAccessible(page, 'the nynorsk text, saved');
    await signOut(page);
  }, 180_000);

  it('lets a region contact download the version on hearing as DOCX and PDF, and the approved one in nynorsk', async () => {
    const { page } = j;
    await signIn(page, hallingdal);
    await page.goto(`/horinger/${hearingId}`);
    await page.getByRole('heading', { level: 1, name: /versjon 2/ }).waitFor();
    await expectAccessible(page, 'the hearing with the version’s downloads');

    // The version on hearing is not approved, so it has no nynorsk text: Hallingdal gets the bokmål.
    const docx = await download(page, 'Last ned generell del versjon 2 som DOCX');
    expect(docx.filename).toBe('Viken-fylkeskommune-2045-2048-generell-del-v2-på-høring.docx');
    const words = readDocx(docx.content);
    for (const s of requiredSections) expect(words.body).toContain(`${s.title} for perioden.`);
    const pdf = await download(page, 'Last ned generell del versjon 2 som PDF');
    expect(pdf.filename).toBe('Viken-fylkeskommune-2045-2048-generell-del-v2-på-høring.pdf');
    expect(squash((await readPdfPages(pdf.content)).join('\n'))).toContain('Formål for perioden.');

    // The approved version has the coordinator's nynorsk text, and Hallingdal writes nynorsk.
    await page.goto(`/general-part/versions/${v1}`);
    await page.getByRole('heading', { level: 1, name: /versjon 1/ }).waitFor();
    await expectAccessible(page, 'the approved version with its downloads');
    const approved = await download(page, 'Last ned generell del versjon 1 som DOCX');
    expect(approved.filename).toBe('Viken-fylkeskommune-2045-2048-generell-del-v1-godkjend.docx');
    const nynorsk = readDocx(approved.content).body;
    expect(nynorsk).toContain('Føremål\nFøremål på nynorsk for perioden.');
    expect(nynorsk).not.toContain('Formål for perioden.');
  }, 180_000);
});
