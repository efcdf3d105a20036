import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionsPath } from '../src/shared/contracts/paths.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { card, cycleWithAgreements, send, settled, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';

describe.skipIf(!chromiumPath)('contributions in the browser', () => {
  let j: Journey;
  let agreements: { own: string; other: string };
  beforeAll(async () => {
    j = await startJourney();
    await signIn(j.page, admin);
    // A cycle of its own with the agreements of Indre Østfold and Hallingdal, made through the API as the
    // signed-in admin (those screens are other journeys' subject).
    agreements = await cycleWithAgreements(j.page, j.baseUrl, {
      cycle: { name: 'Bidragssyklus 2041–2044', periodFrom: '2041-01-01', periodTo: '2044-12-31' },
      approval: { date: '2040-10-20', caseNumber: '41/40' },
      regions: { own: 'Indre Østfold regionråd', other: 'Regionrådet for Hallingdal' },
    });
    await signOut(j.page);
  }, 300_000);
  afterAll(async () => j?.close());

  it("lets a department editor add their department's contributions to two regions' agreements", async () => {
    const { page } = j;
    await j.context.clearCookies();
    await signIn(page, departmentEditor);
    await page.goto(`/avtaler/${agreements.own}/bidrag`);
    await page.getByRole('heading', { level: 2, name: 'Bidrag i avtalen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Bidrag', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.getByText('Ingen bidrag ennå.').waitFor();
    await expectAccessible(page, 'the empty Bidrag tab');

    await page.getByRole('button', { name: 'Nytt bidrag', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(dialog);
    // The owner is the editor's own department, and nothing else is offered.
    const owner = dialog.getByLabel('Eier');
    expect(await owner.isDisabled()).toBe(true);
    expect(await owner.locator('option:checked').textContent()).toBe('Samferdsel');
    await dialog.getByLabel('Fagområde').selectOption({ label: 'Samferdsel' });
    await dialog.getByLabel('Type').selectOption({ label: 'Tiltak' });
    await dialog.getByLabel('Tittel').fill('Hyppigere bussavganger Mysen–Askim');
    await dialog.getByLabel('Beskrivelse').fill('Halvtimesavganger i rushtiden fra 2026.');
    await dialog.getByLabel('Tidsramme').fill('2026–2028');
    await dialog.getByRole('button', { name: 'Legg til indikator' }).click();
    await dialog.getByLabel('Mål').fill('150 000');
    // A negative budget is named on its field as soon as the field is left.
    await dialog.getByLabel('Budsjett per år (kroner)').fill('-5');
    await dialog.getByLabel('Budsjett per år (kroner)').blur();
    await dialog.getByText('Budsjettet kan ikke være negativt.').last().waitFor();
    await dialog.getByRole('button', { name: 'Legg til bidraget' }).click();
    // The indicator without a name is refused on its field too, and what was typed is kept.
    await dialog.getByText('Feltet må fylles ut.').last().waitFor();
    expect(await dialog.getByLabel('Tittel').inputValue()).toBe('Hyppigere bussavganger Mysen–Askim');
    await expectAccessible(page, 'the contribution dialog with errors');
    // Closing with unsaved changes asks first, by Escape as by Avbryt; "Fortsett å redigere" keeps them.
    await page.keyboard.press('Escape');
    const ask = dialog.getByText('Du har endringer som ikke er lagret. Vil du forkaste dem?');
    await ask.waitFor();
    await expectAccessible(page, 'the question before discarding changes');
    await dialog.getByRole('button', { name: 'Fortsett å redigere' }).click();
    await ask.waitFor({ state: 'hidden' });
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await ask.waitFor();
    await dialog.getByRole('button', { name: 'Fortsett å redigere' }).click();
    expect(await dialog.getByLabel('Tittel').inputValue()).toBe('Hyppigere bussavganger Mysen–Askim');
    await dialog.getByLabel('Budsjett per år (kroner)').fill('2 500 000');
    await dialog.getByLabel('Navn på indikatoren').fill('Påstigninger per år');
    await dialog.getByRole('button', { name: 'Legg til bidraget' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Bidraget «Hyppigere bussavganger Mysen–Askim» er lagt til.').waitFor();
    const item = card(page, 'Hyppigere bussavganger Mysen–Askim');
    await item.getByText('Foreslått').waitFor();
    // Whole kroner, formatted the Norwegian way ("2 500 000 kr").
    await item.getByText(/^2\s500\s000\skr$/).waitFor();
    await item.getByRole('table', { name: 'Indikatorer for «Hyppigere bussavganger Mysen–Askim»' }).waitFor();
    await expectAccessible(page, 'the Bidrag tab with a contribution');

    // The same department in another region's agreement.
    await page.goto(`/avtaler/${agreements.other}/bidrag`);
    await page.getByRole('heading', { level: 2, name: 'Bidrag i avtalen' }).waitFor();
    // Discarding throws the typed title away and closes the dialog; the next one starts empty.
    await page.getByRole('button', { name: 'Nytt bidrag i Samferdsel' }).click();
    const discarded = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(discarded);
    await discarded.getByLabel('Tittel').fill('Et utkast som forkastes');
    await discarded.getByRole('button', { name: 'Lukk' }).click();
    await discarded.getByRole('button', { name: 'Forkast endringene' }).click();
    await discarded.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Nytt bidrag i Samferdsel' }).click();
    const second = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(second);
    expect(await second.getByLabel('Tittel').inputValue()).toBe('');
    expect(await second.getByLabel('Fagområde').locator('option:checked').textContent()).toBe('Samferdsel');
    await second.getByLabel('Type').selectOption({ label: 'Prosjekt' });
    await second.getByLabel('Tittel').fill('Pendlerparkering ved Gol stasjon');
    await second.getByRole('button', { name: 'Legg til bidraget' }).click();
    await card(page, 'Pendlerparkering ved Gol stasjon').waitFor();
    await signOut(page);
  }, 240_000);

  it("lets a region contact add a commitment in its own agreement, and not touch the department's", async () => {
    const { page } = j;
    await j.context.clearCookies();
    await signIn(page, regionContact);
    await page.goto(`/avtaler/${agreements.own}/bidrag`);
    const departmentItem = card(page, 'Hyppigere bussavganger Mysen–Askim');
    await departmentItem.waitFor();
    expect(await departmentItem.getByRole('button', { name: /Endre/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Nytt bidrag i Næring' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(dialog);
    expect(await dialog.getByLabel('Type').locator('option:checked').textContent()).toBe('Forpliktelse');
    expect(await dialog.getByLabel('Eier').locator('option:checked').textContent()).toBe(
      'Regionen (Indre Østfold regionråd)',
    );
    await dialog.getByLabel('Tittel').fill('Regionen stiller med prosjektleder for næringshagen');
    await dialog.getByRole('button', { name: 'Legg til bidraget' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const own = card(page, 'Regionen stiller med prosjektleder for næringshagen');
    await own.getByText('Forpliktelse').waitFor();
    await own
      .getByRole('button', { name: 'Endre «Regionen stiller med prosjektleder for næringshagen»' })
      .waitFor();
    await expectAccessible(page, "the Bidrag tab as the region's contact");

    // Another region's agreement offers nothing to add.
    await page.goto(`/avtaler/${agreements.other}/bidrag`);
    await card(page, 'Pendlerparkering ved Gol stasjon').waitFor();
    expect(await page.getByRole('button', { name: /Nytt bidrag/ }).count()).toBe(0);
    await signOut(page);
  }, 240_000);

  it('lets the admin change a status with a reason, see the history, reorder by keyboard and comment', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await signIn(page, admin);
    await page.goto(`/avtaler/${agreements.own}/bidrag`);
    const item = card(page, 'Hyppigere bussavganger Mysen–Askim');
    await item.waitFor();
    await item.getByRole('button', { name: 'Endre status for «Hyppigere bussavganger Mysen–Askim»' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Endre status for «Hyppigere bussavganger Mysen–Askim»',
    });
    await settled(dialog);
    await dialog.getByLabel('Ny status').selectOption({ label: 'Avtalt' });
    await dialog.getByRole('button', { name: 'Endre status' }).click();
    await dialog.getByText('Feltet må fylles ut.').last().waitFor();
    await expectAccessible(page, 'the status dialog with an error');
    await dialog.getByLabel('Begrunnelse').fill('Enighet på dialogmøtet 12. mars.');
    await dialog.getByRole('button', { name: 'Endre status' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Status for «Hyppigere bussavganger Mysen–Askim» er endret til «Avtalt».').waitFor();
    await item.getByText('Avtalt', { exact: true }).waitFor();
    await item.getByText('Statushistorikk').click();
    await item.getByText('Enighet på dialogmøtet 12. mars.').waitFor();
    await item.getByText('Foreslått → Avtalt').waitFor();

    // A second item in Samferdsel, then moved above the first with the keyboard.
    await page.getByRole('button', { name: 'Nytt bidrag', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'Nytt bidrag' });
    await settled(create);
    await create.getByLabel('Fagområde').selectOption({ label: 'Samferdsel' });
    await create.getByLabel('Type').selectOption({ label: 'Virkemiddel' });
    await create.getByLabel('Eier').selectOption({ label: 'Samferdsel' });
    await create.getByLabel('Tittel').fill('Tilskudd til innfartsparkering');
    await create.getByRole('button', { name: 'Legg til bidraget' }).click();
    await create.waitFor({ state: 'hidden' });
    const up = page.getByRole('button', { name: 'Flytt «Tilskudd til innfartsparkering» opp' });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByText('«Tilskudd til innfartsparkering» er nå nummer 1 i Samferdsel.').waitFor();
    const titles = await page
      .getByRole('region', { name: 'Samferdsel' })
      .getByRole('heading', { level: 4 })
      .allTextContents();
    expect(titles).toEqual(['Tilskudd til innfartsparkering', 'Hyppigere bussavganger Mysen–Askim']);
    // Focus stays with the moved item (now first, so on its "down" button).
    await page.waitForFunction(
      () =>
        document.activeElement?.getAttribute('aria-label') === 'Flytt «Tilskudd til innfartsparkering» ned',
    );

    // A comment that mentions the region's contact.
    await item.getByText('Kommentarer (0)').click();
    await item.getByLabel('Kommentar', { exact: true }).fill('Avklart med kollektivselskapet.');
    await item
      .getByLabel('Nevn en person')
      .selectOption({ label: 'Kontaktperson Indre Østfold regionråd (demo) (Indre Østfold regionråd)' });
    await item.getByRole('button', { name: 'Nevn', exact: true }).click();
    await item.getByRole('button', { name: 'Send kommentar' }).click();
    await item.getByText('Kommentaren er sendt.').waitFor();
    await item.getByText('Nevnt: Kontaktperson Indre Østfold regionråd (demo)').waitFor();
    await expectAccessible(page, 'a contribution with its history and comments open');
  }, 240_000);

  it('lands a link to one contribution on it: scrolled to, focused and marked', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await signIn(page, admin);
    // The demo's Indre Østfold agreement has a long list; the link names its last contribution.
    const cycles = await send<{ items: { id: string; name: string }[] }>(
      page,
      j.baseUrl,
      'GET',
      '/api/v1/cycles',
    );
    const demo = cycles.items.find((c) => c.name === 'Partnerskapsavtaler 2021–2024');
    if (!demo) throw new Error('no demo cycle');
    const list = await send<{ items: { id: string; region: { name: string } }[] }>(
      page,
      j.baseUrl,
      'GET',
      `/api/v1/agreements?cycle=${demo.id}`,
    );
    const agreement = list.items.find((a) => a.region.name === 'Indre Østfold regionråd');
    if (!agreement) throw new Error('no demo agreement for Indre Østfold');
    const contributions = await send<{ items: { id: string; title: string }[] }>(
      page,
      j.baseUrl,
      'GET',
      `/api/v1/agreements/${agreement.id}/contributions`,
    );
    const last = contributions.items.at(-1);
    if (!last || contributions.items.length < 5)
      throw new Error('the demo agreement has too few contributions');
    await page.goto(contributionsPath(agreement.id, last.id));
    const target = page.locator(`#bidrag-${last.id}`);
    await target.waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === `bidrag-${id}`, last.id);
    expect(await target.getAttribute('class')).toContain('landed');
    // Scrolled to: its top is on the screen once the (smooth) scroll has ended.
    const viewport = page.viewportSize();
    await expect
      .poll(async () => {
        const box = await target.boundingBox();
        return box !== null && viewport !== null && box.y >= 0 && box.y < viewport.height;
      })
      .toBe(true);
    await expectAccessible(page, 'the contributions landed on one of them');
  }, 120_000);
});
