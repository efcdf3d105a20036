import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, readPdfPages, squash } from '../src/server/documents/testing/read-document.js';
import { requiredSections } from '../src/shared/contracts/general-part.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { card, cycleWithAgreements, download, mainNav, settled, signOut } from './support/journey.js';

/**
 * Issue 4's journey from end to end, in one server: a department editor adds contributions to two regions'
 * agreements, a region contact marks a wanted subject area and adds the region's commitment, the
 * coordinator watches the matrix fill in (and the wanted subject area nobody has answered), agrees the
 * items and downloads the agreement as DOCX and PDF, which are read back.
 */

const admin = 'admin@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';
const cycleName = 'Særskilte deler 2045–2048';
const own = 'Indre Østfold regionråd';
const other = 'Regionrådet for Hallingdal';
const untouched = 'Haldenregionen';
const busTitle = 'Flere bussavganger mellom Mysen og Askim';
const parkingTitle = 'Innfartsparkering ved Gol stasjon';
const commitmentTitle = 'Regionen stiller kulturhus til disposisjon for turnéer';

/** The matrix page with the journey's cycle chosen in the top bar's cycle picker. */
async function openMatrix(page: Page, cycleId: string) {
  await mainNav(page).getByRole('link', { name: 'Matrise' }).click();
  await page.getByRole('heading', { level: 1, name: 'Matrise' }).waitFor();
  const picker = page.getByRole('banner').getByLabel('Avtalesyklus');
  if ((await picker.inputValue()) !== cycleId) {
    expect(await picker.locator(`option[value="${cycleId}"]`).textContent()).toBe(
      `${cycleName} (Under planlegging)`,
    );
    await picker.selectOption(cycleId);
  }
  await page
    .getByText(new RegExp(`^${cycleName}: bidrag fra \\d+ rådsområder og regionen selv i 3 regioner$`))
    .waitFor();
}

/**
 * What the matrix cell in the row named `owner` and the column of `region` says to a screen reader, after
 * its row and region: its counts ("1 Foreslått, 1 Avtalt") or "ingen bidrag ennå". A column is found by the
 * region's full name, the header's accessible text (the header shows it shortened).
 */
async function cellText(page: Page, owner: string, region: string): Promise<string> {
  const table = page.locator('table.matrix');
  const columns = await table.locator('thead th[scope="col"] .visually-hidden').allTextContents();
  const column = columns.indexOf(region);
  expect(column, `column of ${region} in ${columns.join(', ')}`).toBeGreaterThanOrEqual(0);
  const row = table.locator('tbody tr').filter({ has: page.locator('th', { hasText: owner }) });
  const label = (await row.locator('td').nth(column).getByRole('button').getAttribute('aria-label')) ?? '';
  return label.slice(`${owner}, ${region}: `.length);
}

const unanswered = (page: Page) => page.getByRole('region', { name: 'Ønskede fagområder uten svar' });

describe.skipIf(!chromiumPath)('special parts from contributions to the agreement document', () => {
  let j: Journey;
  let made: { cycleId: string; own: string; other: string };
  beforeAll(async () => {
    j = await startJourney();
    await signIn(j.page, admin);
    // A cycle of its own (planned, so the app keeps showing the demo's active cycle until it is chosen) with
    // the agreements of three regions, made through the API: writing those is other journeys' subject.
    made = await cycleWithAgreements(j.page, j.baseUrl, {
      cycle: { name: cycleName, periodFrom: '2045-01-01', periodTo: '2048-12-31' },
      approval: { date: '2044-10-20', caseNumber: '51/44' },
      regions: { own, other, untouched },
    });
    await signOut(j.page);
  }, 300_000);
  afterAll(async () => j?.close());

  it("starts with an empty matrix in the new cycle's column for every region", async () => {
    const { page } = j;
    await signIn(page, admin);
    await openMatrix(page, made.cycleId);
    for (const region of [own, other, untouched]) {
      expect(await cellText(page, 'Samferdsel', region)).toBe('ingen bidrag ennå');
      expect(await cellText(page, 'Regionen selv', region)).toBe('ingen bidrag ennå');
    }
    await unanswered(page)
      .getByText('Alle ønskede fagområder har minst ett bidrag fra et rådsområde.')
      .waitFor();
    await expectAccessible(page, 'the empty matrix of the new cycle');
    await signOut(page);
  }, 240_000);

  it("lets the department editor add Samferdsel's contributions to two regions' agreements", async () => {
    const { page } = j;
    await signIn(page, departmentEditor);
    await page.goto(`/avtaler/${made.own}/bidrag`);
    await page.getByRole('heading', { level: 2, name: 'Bidrag i avtalen' }).waitFor();
    await page.getByText('Ingen bidrag ennå.').waitFor();
    await expectAccessible(page, 'the empty Bidrag tab (department editor)');

    await page.getByRole('button', { name: 'Nytt bidrag', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(dialog);
    expect(await dialog.getByLabel('Eier').locator('option:checked').textContent()).toBe('Samferdsel');
    await expectAccessible(page, 'the new contribution dialog (department editor)');
    await dialog.getByLabel('Fagområde').selectOption({ label: 'Samferdsel' });
    await dialog.getByLabel('Type').selectOption({ label: 'Tiltak' });
    await dialog.getByLabel('Tittel').fill(busTitle);
    await dialog.getByLabel('Beskrivelse').fill('Halvtimesavganger i rushtiden hele perioden.');
    await dialog.getByLabel('Budsjett per år (kroner)').fill('1 200 000');
    await dialog.getByRole('button', { name: 'Legg til bidraget' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Bidraget «${busTitle}» er lagt til.`).waitFor();
    await card(page, busTitle).getByText('Foreslått').waitFor();
    await expectAccessible(page, 'the Bidrag tab with a contribution (department editor)');

    await page.goto(`/avtaler/${made.other}/bidrag`);
    await page.getByRole('heading', { level: 2, name: 'Bidrag i avtalen' }).waitFor();
    await page.getByRole('button', { name: 'Nytt bidrag i Samferdsel' }).click();
    const second = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(second);
    await second.getByLabel('Type').selectOption({ label: 'Prosjekt' });
    await second.getByLabel('Tittel').fill(parkingTitle);
    await second.getByRole('button', { name: 'Legg til bidraget' }).click();
    await second.waitFor({ state: 'hidden' });
    await card(page, parkingTitle).getByText('Foreslått').waitFor();
    await expectAccessible(page, "the Bidrag tab of the other region's agreement");

    // In the matrix the editor's own department is the first row, marked as theirs.
    await openMatrix(page, made.cycleId);
    const firstRow = page.locator('table.matrix tbody th[scope="row"]').first();
    expect(await firstRow.textContent()).toBe('Samferdsel (ditt rådsområde)');
    expect(await cellText(page, 'Samferdsel', other)).toContain('1 Foreslått');
    await signOut(page);
  }, 240_000);

  it('lets the region contact mark Kultur as wanted and add a commitment of the region', async () => {
    const { page } = j;
    await signIn(page, regionContact);
    await page.goto(`/avtaler/${made.own}`);
    await page
      .getByRole('heading', { level: 1, name: `Partnerskapsavtale mellom Viken fylkeskommune og ${own}` })
      .waitFor();
    const wanted = page.getByRole('region', { name: 'Fagområder regionen ønsker' });
    await wanted.getByRole('button', { name: 'Marker Kultur som ønsket' }).click();
    const mark = page.getByRole('dialog', { name: 'Ønsket fagområde: Kultur' });
    await settled(mark);
    await expectAccessible(page, 'the wanted subject area dialog');
    await mark.getByLabel('Begrunnelse').fill('Regionen vil styrke kulturtilbudet for barn og unge.');
    await mark.getByRole('button', { name: 'Lagre' }).click();
    await mark.waitFor({ state: 'hidden' });
    await page.getByText('Kultur er markert som ønsket.').waitFor();
    const entry = wanted.getByRole('listitem').filter({ hasText: 'Kultur' });
    await entry.getByText('Ønsket', { exact: true }).waitFor();
    await entry.getByText('Regionen vil styrke kulturtilbudet for barn og unge.').waitFor();
    await expectAccessible(page, 'the agreement overview with a wanted subject area');

    // The region's own commitment in Kultur: it does not answer the wish, only a department can.
    await page
      .getByRole('navigation', { name: 'Avtalen' })
      .getByRole('link', { name: 'Bidrag', exact: true })
      .click();
    await card(page, busTitle).waitFor();
    await page.getByRole('button', { name: 'Nytt bidrag i Kultur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(dialog);
    expect(await dialog.getByLabel('Type').locator('option:checked').textContent()).toBe('Forpliktelse');
    expect(await dialog.getByLabel('Eier').locator('option:checked').textContent()).toBe(`Regionen (${own})`);
    await expectAccessible(page, 'the new contribution dialog (region contact)');
    await dialog.getByLabel('Tittel').fill(commitmentTitle);
    await dialog.getByRole('button', { name: 'Legg til bidraget' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card(page, commitmentTitle).getByText('Forpliktelse').waitFor();
    await expectAccessible(page, 'the Bidrag tab with the region commitment');
    await signOut(page);
  }, 240_000);

  it('shows the coordinator the matrix filled in and the wanted subject area nobody has answered', async () => {
    const { page } = j;
    await signIn(page, admin);
    await openMatrix(page, made.cycleId);
    await expect.poll(() => cellText(page, 'Samferdsel', own)).toContain('1 Foreslått');
    expect(await cellText(page, 'Samferdsel', other)).toContain('1 Foreslått');
    expect(await cellText(page, 'Samferdsel', untouched)).toBe('ingen bidrag ennå');
    expect(await cellText(page, 'Regionen selv', own)).toContain('1 Foreslått');
    expect(await cellText(page, 'Regionen selv', other)).toBe('ingen bidrag ennå');
    const waiting = unanswered(page).getByRole('listitem');
    await expect.poll(() => waiting.allTextContents()).toEqual([`${own}: Kultur`]);
    // The region's name leads to its agreement's contributions, where the wish can be answered.
    expect(await waiting.getByRole('link', { name: own }).getAttribute('href')).toMatch(
      /^\/avtaler\/[^/]+\/bidrag$/,
    );
    await expectAccessible(page, 'the matrix filled in');

    // The cell opens its contributions.
    const table = page.locator('table.matrix');
    const columns = await table.locator('thead th[scope="col"] .visually-hidden').allTextContents();
    await table
      .locator('tbody tr')
      .filter({ has: page.locator('th', { hasText: 'Samferdsel' }) })
      .locator('td')
      .nth(columns.indexOf(own))
      .getByRole('button')
      .click();
    const cell = page.getByRole('dialog', { name: `Samferdsel – ${own}` });
    await settled(cell);
    await cell.getByRole('cell', { name: busTitle, exact: true }).waitFor();
    await expectAccessible(page, 'a cell of the matrix');
    await cell.getByRole('button', { name: 'Lukk' }).first().click();
    await cell.waitFor({ state: 'hidden' });
  }, 240_000);

  it('lets the coordinator agree the items, and the matrix shows them as agreed', async () => {
    const { page } = j;
    await page.goto(`/avtaler/${made.own}/bidrag`);
    for (const [title, reason] of [
      [busTitle, 'Enighet på dialogmøtet i mars.'],
      [commitmentTitle, 'Regionrådet har vedtatt forpliktelsen.'],
    ] as const) {
      const item = card(page, title);
      await item.getByRole('button', { name: `Endre status for «${title}»` }).click();
      const dialog = page.getByRole('dialog', { name: `Endre status for «${title}»` });
      await settled(dialog);
      await dialog.getByLabel('Ny status').selectOption({ label: 'Avtalt' });
      await expectAccessible(page, `the status dialog for «${title}»`);
      await dialog.getByLabel('Begrunnelse').fill(reason);
      await dialog.getByRole('button', { name: 'Endre status' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`Status for «${title}» er endret til «Avtalt».`).waitFor();
      await item.getByText('Avtalt', { exact: true }).waitFor();
    }
    await expectAccessible(page, 'the Bidrag tab with agreed items');

    await openMatrix(page, made.cycleId);
    await expect.poll(() => cellText(page, 'Samferdsel', own)).toContain('1 Avtalt');
    expect(await cellText(page, 'Samferdsel', own)).not.toContain('Foreslått');
    expect(await cellText(page, 'Regionen selv', own)).toContain('1 Avtalt');
    expect(await cellText(page, 'Samferdsel', other)).toContain('1 Foreslått');
    // Agreeing the region's own commitment still does not answer the wish for Kultur.
    await expect
      .poll(() => unanswered(page).getByRole('listitem').allTextContents())
      .toEqual([`${own}: Kultur`]);
    await expectAccessible(page, 'the matrix with agreed items');
  }, 240_000);

  it('lets the coordinator download the agreement as DOCX and PDF with the parties and the agreed items', async () => {
    const { page } = j;
    await page.goto(`/avtaler/${made.own}`);
    await page
      .getByRole('heading', { level: 1, name: `Partnerskapsavtale mellom Viken fylkeskommune og ${own}` })
      .waitFor();
    const parties = page.getByRole('region', { name: 'Avtalepartene' });
    await parties.getByRole('listitem').first().waitFor();
    // Each member as "Name (number)", perhaps with a tag after it.
    const members = (await parties.getByRole('listitem').allTextContents()).map((m) =>
      m.replace(/\s*\(\d+\)[\s\S]*$/, ''),
    );
    expect(members.length).toBeGreaterThan(1);
    expect(members).toEqual(expect.arrayContaining(['Indre Østfold', 'Marker', 'Rakkestad', 'Skiptvet']));
    await expectAccessible(page, 'the agreement page with its downloads');

    const docx = await download(page, 'Last ned DOCX');
    expect(docx.filename).toMatch(/^Partnerskapsavtale-.+-2045-2048-generell-v1-utkast\.docx$/);
    const words = squash(readDocx(docx.content).body);
    expect(words).toContain(`Partnerskapsavtale mellom Viken fylkeskommune og ${own}`);
    for (const m of members) expect(words).toContain(`Kommunestyret i ${m}`);
    for (const s of requiredSections) expect(words).toContain(s.title);
    expect(words).toContain(busTitle);
    expect(words).toContain(commitmentTitle);
    // Only what is agreed goes into the agreement: the other region's item is not in it either way.
    expect(words).not.toContain(parkingTitle);

    const pdf = await download(page, 'Last ned PDF');
    expect(pdf.filename).toMatch(/^Partnerskapsavtale-.+-2045-2048-generell-v1-utkast\.pdf$/);
    const text = squash((await readPdfPages(pdf.content)).join('\n'));
    expect(text).toContain('Viken fylkeskommune');
    expect(text).toContain(own);
    for (const m of members) expect(text).toContain(m);
    expect(text).toContain(busTitle);
    expect(text).toContain(commitmentTitle);
    expect(text).toContain('01.01.2045–31.12.2048');
  }, 240_000);
});
