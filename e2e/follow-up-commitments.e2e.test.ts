import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { descriptionOf, mainNav, settled, signOut } from './support/journey.js';
import { shoot } from './support/screenshots.js';

const admin = 'admin@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';

const title = 'Skoleskyss til kulturskolen i Marker';
const reference = 'Fylkesrådets vedtak 14/26, punkt 3';

/** With SCREENSHOTS set, an open dialog is photographed where `at` is (its heading, an error) at both widths. */
async function dialogShots(page: Page, at: Locator, name: string) {
  const folder = process.env.SCREENSHOTS;
  if (!folder) return;
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await at.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${folder}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The follow-up's own menu, and its list of commitments. */
async function toCommitments(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Oppfølging', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Oppfølging' })
    .getByRole('link', { name: 'Forpliktelser' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Forpliktelser' }).waitFor();
}

/**
 * The follow-up's commitments beyond the contributions: Indre Østfold's agreement is in force in the demo.
 * The admin adds a commitment agreed in a decision of the county council (a negative budget is refused on
 * its field first), gives it an indicator with an intermediate goal (one outside the indicator's period is
 * refused on its date first), and sees the indicator's chart with its summary and table; the demo's guest
 * nights, reported behind their goal, are drawn and said so too. A department editor is not offered to add
 * a commitment.
 */
describe.skipIf(!chromiumPath)('commitments agreed elsewhere, their goals and charts, in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  it('lets the admin add a commitment agreed elsewhere, with its errors on their fields', async () => {
    const { page } = j;
    await signIn(page, admin);
    await toCommitments(page);
    await expectAccessible(page, 'the commitments');
    await page.getByRole('button', { name: 'Legg til forpliktelse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Forpliktelse avtalt utenom bidragene' });
    await settled(dialog);
    await expectAccessible(page, 'the new commitment dialog');
    await dialogShots(page, dialog.getByRole('heading', { level: 2 }), 'commitment-dialog');
    const agreement = dialog.getByLabel('Avtale', { exact: true });
    const indreOstfold = agreement.locator('option', { hasText: 'Indre Østfold' });
    await agreement.selectOption((await indreOstfold.getAttribute('value')) ?? '');
    await dialog.getByLabel('Hvor den ble avtalt').fill(reference);
    await dialog.getByLabel('Tittel').fill(title);
    await dialog.getByLabel('Eier', { exact: true }).selectOption({ label: 'Samferdsel' });
    await dialog.getByLabel('Fagområde', { exact: true }).selectOption({ index: 1 });
    // The responsible user is found by name, and their name is filled in.
    await dialog.getByLabel('Søk etter ansvarlig bruker (valgfritt)').fill('samferdsel');
    const user = dialog.getByLabel('Ansvarlig bruker (valgfritt)', { exact: true });
    await user.locator('option', { hasText: departmentEditor }).waitFor({ state: 'attached' });
    const userName = (await user.locator('option', { hasText: departmentEditor }).textContent())?.replace(
      ` (${departmentEditor})`,
      '',
    );
    await user.selectOption({ label: `${userName} (${departmentEditor})` });
    expect(await dialog.getByLabel('Ansvarlig (valgfritt)', { exact: true }).inputValue()).toBe(userName);
    await dialog.getByLabel('Start (valgfritt)').fill('2022-01-01');
    await dialog.getByLabel('Slutt (valgfritt)').fill('2024-06-30');
    // A negative budget is refused on its field, and what was typed stays.
    const budget = dialog.getByLabel('Budsjett i kroner (valgfritt)');
    await budget.fill('-5000');
    await dialog.getByRole('button', { name: 'Legg til forpliktelsen' }).click();
    await dialog.getByText('Beløpet kan ikke være negativt.').last().waitFor();
    expect(await descriptionOf(budget)).toContain('Beløpet kan ikke være negativt.');
    expect(await dialog.getByLabel('Tittel').inputValue()).toBe(title);
    await expectAccessible(page, 'the new commitment dialog with an error');
    await dialogShots(page, budget, 'commitment-dialog-error');
    await budget.fill('800 000');
    await dialog.getByLabel('Midlene krever eget vedtak').check();
    await dialog.getByRole('button', { name: 'Legg til forpliktelsen' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(`Forpliktelsen «${title}» er lagt til.`).waitFor();
    await page.getByText(`Utenom bidragene: ${reference}`).waitFor();
    await page.getByText(/^800\s000 kr \(krever eget vedtak\)$/).waitFor();
    await page.getByText('01.01.2022–30.06.2024').waitFor();
    await expectAccessible(page, 'the new commitment');
  });

  it('lets the admin give it an indicator with an intermediate goal, and shows its chart with a table', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Legg til indikator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til indikator' });
    await settled(dialog);
    await dialog.getByLabel('Navn').fill('Elever med skyss');
    await dialog.getByLabel('Enhet').fill('elever');
    await dialog.getByLabel('Retning').selectOption({ label: 'Høyere er bedre' });
    await dialog.getByLabel('Utgangspunkt', { exact: true }).fill('40');
    await dialog.getByLabel('Dato for utgangspunktet').fill('2022-01-01');
    await dialog.getByLabel('Mål', { exact: true }).fill('90');
    await dialog.getByLabel('Dato for målet').fill('2024-06-30');
    // A goal is added and removed by keyboard too: the new goal's date takes the focus.
    await dialog.getByRole('button', { name: 'Legg til delmål' }).click();
    const goalDate = dialog.getByLabel('Dato for delmål 1');
    await expect.poll(() => goalDate.evaluate((el) => el === document.activeElement)).toBe(true);
    await goalDate.fill('2024-12-31');
    await dialog.getByLabel('Verdi for delmål 1').fill('60');
    await dialog.getByRole('button', { name: 'Legg til delmål' }).click();
    await dialog.getByLabel('Verdi for delmål 2').fill('70');
    await dialog.getByRole('button', { name: 'Fjern delmål 2' }).click();
    expect(await dialog.getByLabel('Verdi for delmål 2').count()).toBe(0);
    // A goal dated after the target is refused on its date.
    await dialog.getByRole('button', { name: 'Legg til', exact: true }).click();
    await dialog.getByText('Delmålet må ligge mellom utgangspunktets dato og målets dato.').last().waitFor();
    expect(await descriptionOf(goalDate)).toContain('Delmålet må ligge mellom');
    await expectAccessible(page, 'the indicator dialog with a goal refused');
    await dialogShots(page, goalDate, 'indicator-dialog-goal-error');
    await goalDate.fill('2023-12-31');
    await dialog.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText('Indikatoren er lagt til.').waitFor();

    const indicators = page.getByRole('table', { name: 'Indikatorer' });
    await indicators.getByRole('row', { name: /Elever med skyss.*60 elever \(31\.12\.2023\)/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Utviklingen for hver indikator' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Elever med skyss' }).waitFor();
    await page
      .getByRole('img', {
        name: 'Diagram: Elever med skyss, rapporterte verdier mot utgangspunkt, delmål og mål',
      })
      .locator('svg')
      .waitFor();
    await page
      .getByText(
        'Høyere er bedre. Utgangspunktet er 40 elever (01.01.2022), og målet er 90 elever innen 30.06.2024. Delmål: 60 elever (31.12.2023). Ingen verdier er rapportert ennå.',
      )
      .waitFor();
    const table = page.getByRole('table', { name: 'Verdiene i diagrammet for Elever med skyss' });
    const rows = await table.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual([
      '01.01.2022Utgangspunkt40 elever',
      '31.12.2023Delmål60 elever',
      '30.06.2024Mål90 elever',
    ]);
    await expectAccessible(page, 'the commitment with its indicator’s chart');
    await shoot(page, 'commitment-chart-no-values');
  });

  it('draws the values reported against the goals, and says where the latest stands', async () => {
    const { page } = j;
    await toCommitments(page);
    await page.getByRole('link', { name: 'Indre Østfold som reisemål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indre Østfold som reisemål' }).waitFor();
    const table = page.getByRole('table', { name: 'Verdiene i diagrammet for Kommersielle gjestedøgn' });
    await table.getByRole('row', { name: /Delmål\s*105\s000 gjestedøgn/ }).waitFor();
    await table.getByRole('row', { name: /Rapportert i «Årsrapport 2023»\s*98\s000 gjestedøgn/ }).waitFor();
    await page
      .getByRole('img', { name: /^Diagram: Kommersielle gjestedøgn/ })
      .locator('svg')
      .waitFor();
    await page.getByText(/Høyere er bedre\. Utgangspunktet er .* gjestedøgn/).waitFor();
    await expectAccessible(page, 'a commitment with values reported');
    await shoot(page, 'commitment-chart-values');
    await signOut(page);
  });

  it('offers no one else to add a commitment', async () => {
    const { page } = j;
    await signIn(page, departmentEditor);
    await toCommitments(page);
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.getByRole('button', { name: 'Legg til forpliktelse' }).count()).toBe(0);
  });
});
