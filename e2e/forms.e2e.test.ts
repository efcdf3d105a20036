import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { card, cycleWithAgreements, descriptionOf, send, settled } from './support/journey.js';
import { shoot } from './support/screenshots.js';

const admin = 'admin@demo.partnerskap.no';
const title = 'Felles innkjøp av el-busser';

/** Whether the element has the focus. */
const focused = (element: Locator) => element.evaluate((el) => el === document.activeElement);

describe.skipIf(!chromiumPath)('forms that help, in the browser', () => {
  let j: Journey;
  let agreementId: string;
  beforeAll(async () => {
    j = await startJourney();
    await signIn(j.page, admin);
    // A cycle of its own with the agreement of Indre Østfold, and a long list of contributions made through
    // the API, so that a form opened at the end of the list (the last subject area, left empty, offers it) is
    // far below the notice at the top of the tab.
    const { cycleId, own } = await cycleWithAgreements(j.page, j.baseUrl, {
      cycle: { name: 'Skjemasyklus 2045–2048', periodFrom: '2045-01-01', periodTo: '2048-12-31' },
      approval: { date: '2044-10-20', caseNumber: '45/44' },
      regions: { own: 'Indre Østfold regionråd' },
    });
    agreementId = own;
    const areas = await send<{ items: { id: string }[] }>(
      j.page,
      j.baseUrl,
      'GET',
      `/api/v1/cycles/${cycleId}/subject-areas`,
    );
    for (const [index, area] of areas.items.slice(0, -1).entries()) {
      for (const n of [1, 2]) {
        await send(j.page, j.baseUrl, 'POST', `/api/v1/agreements/${own}/contributions`, {
          subjectAreaId: area.id,
          kind: 'measure',
          owner: { type: 'region' },
          title: `Tiltak ${n} i fagområde ${index + 1}`,
        });
      }
    }
  }, 300_000);
  afterAll(async () => j?.close());

  it('sums up the errors of a refused form, leads to each field, and reads kroner as typed', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/avtaler/${agreementId}/bidrag`);
    await page.getByRole('heading', { level: 2, name: 'Bidrag i avtalen' }).waitFor();
    await page
      .getByRole('button', { name: /^Nytt bidrag i / })
      .last()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(dialog);
    await dialog.getByLabel('Fagområde').selectOption({ value: '' });

    // «1,5 mill.» is not an amount: the message appears on leaving the field, but only once the click that
    // left it has landed, so «Legg til indikator» does not move away under the pointer.
    const budget = dialog.getByLabel('Budsjett per år (kroner)');
    await budget.fill('1,5 mill.');
    await dialog.getByRole('button', { name: 'Legg til indikator' }).click();
    await dialog.getByLabel('Navn på indikatoren').waitFor();
    const example = 'Skriv budsjettet i hele kroner, for eksempel 1\u00a0500\u00a0000.';
    expect(await descriptionOf(budget)).toContain(example);

    // A refused submit puts the focus on a summary of every error.
    await dialog.getByRole('button', { name: 'Legg til bidraget' }).click();
    const summary = dialog.getByRole('group', { name: 'Rett opp dette før du går videre:' });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.localName === 'ds-error-summary');
    // Each names its field, so the two alike messages can be told apart.
    await expect
      .poll(() => summary.getByRole('link').allTextContents())
      .toEqual([
        'Fagområde: Velg et fagområde.',
        'Type: Velg en type.',
        'Tittel: Feltet må fylles ut.',
        `Budsjett per år (kroner): ${example}`,
        'Navn på indikatoren: Feltet må fylles ut.',
      ]);
    // The errors stay on their fields as well, in words that say what to do.
    expect(await descriptionOf(dialog.getByLabel('Fagområde'))).toContain('Velg et fagområde.');
    expect(await descriptionOf(dialog.getByLabel('Navn på indikatoren'))).toContain('Feltet må fylles ut.');
    await expectAccessible(page, 'the contribution dialog with its error summary');
    await shoot(page, 'forms-error-summary', summary);

    // Each link moves the focus to its field: by a click, and by the keyboard.
    await summary.getByRole('link', { name: 'Fagområde: Velg et fagområde.' }).click();
    expect(await focused(dialog.getByLabel('Fagområde'))).toBe(true);
    await summary.getByRole('link', { name: 'Tittel: Feltet må fylles ut.' }).focus();
    await page.keyboard.press('Enter');
    expect(await focused(dialog.getByLabel('Tittel'))).toBe(true);
    // The indicator's name is a field bound by hand: its link finds it by its message.
    await summary.getByRole('link', { name: 'Navn på indikatoren: Feltet må fylles ut.' }).click();
    expect(await focused(dialog.getByLabel('Navn på indikatoren'))).toBe(true);
    await summary.getByRole('link', { name: `Budsjett per år (kroner): ${example}` }).click();
    expect(await focused(budget)).toBe(true);

    // Put right, the form is sent; kroner are read as Norwegians type them.
    await dialog.getByLabel('Fagområde').selectOption({ label: 'Samferdsel' });
    await dialog.getByLabel('Type').selectOption({ label: 'Tiltak' });
    await dialog.getByLabel('Tittel').fill(title);
    await budget.fill('1 200 000 kr');
    await dialog.getByLabel('Navn på indikatoren').fill('Antall el-busser');
    // On a phone the confirmation is scrolled to, far above the button that opened the form.
    await page.setViewportSize({ width: 390, height: 844 });
    await dialog.getByRole('button', { name: 'Legg til bidraget' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const notice = page.getByText(`Bidraget «${title}» er lagt til.`);
    await notice.waitFor();
    await expect
      .poll(async () => {
        const box = await notice.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 844;
      })
      .toBe(true);
    const folder = process.env.SCREENSHOTS;
    if (folder) await page.screenshot({ path: `${folder}/forms-notice-390.png` });
    await card(page, title)
      .getByText(/^1\s200\s000\skr$/)
      .waitFor();
    await expectAccessible(page, 'the Bidrag tab after the form was sent');
  }, 240_000);
});
