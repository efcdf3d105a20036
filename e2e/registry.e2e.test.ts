import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  demoPassword,
  expectAccessible,
  type Journey,
  signIn,
  startJourney,
} from './support/browser.js';
import { descriptionOf, mainNav, settled } from './support/journey.js';

async function openRegion(page: Page, name: string) {
  await mainNav(page).getByRole('link', { name: 'Register' }).click();
  await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const members = page.getByRole('table', { name: 'Medlemskommuner over tid' });
  await members.waitFor();
  return members;
}

/** The region's memberships as the API has them, asked from the signed-in page. */
async function membershipsOf(page: Page): Promise<{ municipalityName: string }[]> {
  const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  return page.evaluate(async (regionId) => {
    const res = await fetch(`/api/v1/regions/${regionId}`);
    return (await res.json()).members;
  }, id);
}

/** Presses Tab until the element the predicate names has focus; fails if it is not reachable by keyboard. */
async function tabTo(page: Page, target: Locator, what: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${what} cannot be reached with the Tab key`);
}

// One server and one browser for the whole file: the steps follow each other as one working session would.
// After signing in, the journey moves through the app's own links rather than reloading pages, as a person does.
describe.skipIf(!chromiumPath)('the registry in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => j?.close());

  it('lets the coordinator add a municipality to a region, see it in the change log, and read the registry in nynorsk', async () => {
    const { page } = j;
    await signIn(page, 'admin@demo.partnerskap.no');
    await expectAccessible(page, 'start page');

    await mainNav(page).getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    await page.getByText('Viser 12 regioner').waitFor();
    const registryNav = page.getByRole('navigation', { name: 'Register' });
    expect(await registryNav.getByRole('link', { name: 'Regioner' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await expectAccessible(page, 'region list');

    // The search narrows the list and is kept in the address, so it can be shared.
    await page.getByLabel('Søk etter region').fill('Indre');
    await page.getByText('Viser 1 region', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Indre');
    await expectAccessible(page, 'region list searched');

    await page.getByRole('link', { name: 'Indre Østfold regionråd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indre Østfold regionråd' }).waitFor();
    const members = page.getByRole('table', { name: 'Medlemskommuner over tid' });
    await members.waitFor();
    expect(await members.getByRole('row').count()).toBe(1 + 4);
    await expectAccessible(page, 'region page');

    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: '3012 Aremark' });
    await page.getByLabel('Gyldig fra').fill('2025-01-01');
    await page.getByRole('button', { name: 'Legg til kommunen' }).click();
    await page.getByText('Aremark er lagt til som medlem fra 1. januar 2025.').waitFor();
    const aremark = members.getByRole('row').filter({ hasText: 'Aremark' });
    await aremark.waitFor();
    const cells = await aremark.getByRole('cell').allTextContents();
    expect(cells.slice(0, 6)).toEqual([
      '3012',
      'Aremark',
      'Innenfor fylket',
      '1. januar 2025',
      'Ingen sluttdato',
      'Nåværende',
    ]);
    expect(await members.getByRole('row').count()).toBe(1 + 5);
    await expectAccessible(page, 'region page with the added member');

    await mainNav(page).getByRole('link', { name: 'Administrasjon' }).click();
    await page.getByRole('link', { name: 'Endringslogg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
    const event = page
      .getByRole('row')
      .filter({ hasText: 'Medlemskap opprettet' })
      .filter({ hasText: 'Aremark' });
    await event.waitFor();
    expect(await event.textContent()).toContain('Prosesskoordinator (demo)');
    await expectAccessible(page, 'change log with the new membership');

    // The choice is saved for the person; wait for it, so the next page load speaks the same language.
    const savedNn = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me/preferences') && r.ok());
    await page.getByLabel('Språk').selectOption('nn');
    await savedNn;
    await page.getByRole('navigation', { name: 'Hovudmeny' }).getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionar' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Register' })
      .getByRole('link', { name: 'Kommunar' })
      .waitFor();
    await page.getByRole('columnheader', { name: 'Noverande medlemskommunar' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await expectAccessible(page, 'region list in nynorsk');

    const savedNb = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me/preferences') && r.ok());
    await page.getByLabel('Språk').selectOption('nb');
    await savedNb;
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
  });

  it('shows a wrong period next to the field, keeps what was typed, and adds nothing', async () => {
    const { page } = j;
    const members = await openRegion(page, 'Indre Østfold regionråd');
    const rowsBefore = await members.getByRole('row').count();

    // End before start: refused in the browser by the same rule the server uses.
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: '3011 Hvaler' });
    await page.getByLabel('Gyldig fra').fill('2026-06-01');
    const validTo = page.getByLabel('Gyldig til (valgfritt)');
    await validTo.fill('2026-01-01');
    await page.getByRole('button', { name: 'Legg til kommunen' }).click();
    await page.getByText('Sluttdatoen må være etter startdatoen.').last().waitFor();
    expect(await validTo.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(validTo)).toContain('Sluttdatoen må være etter startdatoen.');
    expect(await validTo.inputValue()).toBe('2026-01-01');
    await expectAccessible(page, 'add-member form with an end before the start');

    // An overlapping period: refused by the server, and its message lands on the field too.
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: '3013 Marker' });
    await page.getByLabel('Gyldig fra').fill('2025-03-01');
    await validTo.fill('');
    await page.getByRole('button', { name: 'Legg til kommunen' }).click();
    const validFrom = page.getByLabel('Gyldig fra');
    await page.getByText('Kommunen er allerede medlem av regionen i denne perioden.').last().waitFor();
    expect(await validFrom.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(validFrom)).toContain(
      'Kommunen er allerede medlem av regionen i denne perioden.',
    );
    expect(await validFrom.inputValue()).toBe('2025-03-01');
    // The server's refusal is summed up at the top of the form, which takes the focus.
    await page.getByRole('group', { name: 'Rett opp dette før du går videre:' }).waitFor();
    await expectAccessible(page, 'add-member form refused by the server');

    expect(await members.getByRole('row').count()).toBe(rowsBefore);
    const stored = await membershipsOf(page);
    expect(stored.length).toBe(rowsBefore - 1);
    expect(stored.map((m) => m.municipalityName)).not.toContain('Hvaler');

    // Leaving what was typed asks first: staying keeps it; going back asks again, and leaving goes.
    await mainNav(page).getByRole('link', { name: 'Register' }).click();
    const leave = page.getByRole('dialog', { name: 'Endringene er ikke lagret' });
    await settled(leave);
    await leave.getByText('Du har endringer som ikke er lagret. Vil du forlate siden?').waitFor();
    await expectAccessible(page, 'unsaved-changes dialog');
    await leave.getByRole('button', { name: 'Bli på siden' }).click();
    await expect.poll(() => leave.isVisible()).toBe(false);
    await page.getByRole('heading', { level: 1, name: 'Indre Østfold regionråd' }).waitFor();
    expect(await validFrom.inputValue()).toBe('2025-03-01');
    expect(new URL(page.url()).pathname).toMatch(/^\/register\/regions\/./);

    await page.evaluate(() => window.history.back());
    await settled(leave);
    await leave.getByRole('button', { name: 'Forlat siden uten å lagre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    expect(await leave.isVisible()).toBe(false);
  });

  it('lets the member form be filled and sent with the keyboard alone', async () => {
    const { page } = j;
    const members = await openRegion(page, 'Haldenregionen');
    expect(await members.getByRole('row').filter({ hasText: 'Hvaler' }).count()).toBe(0);

    const municipality = page.getByLabel('Kommune', { exact: true });
    await page.getByRole('heading', { level: 1, name: 'Haldenregionen' }).click();
    await tabTo(page, municipality, 'the municipality choice');
    // Typing on a focused choice picks the first option that starts with what was typed.
    await page.keyboard.type('3011');
    expect(await municipality.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text)).toBe(
      '3011 Hvaler',
    );
    const validFrom = page.getByLabel('Gyldig fra');
    await tabTo(page, validFrom, 'the start date');
    // Day and month are the same, so the date reads right in either order a browser may ask for them.
    await page.keyboard.type('01012025');
    expect(await validFrom.inputValue()).toBe('2025-01-01');
    await tabTo(page, page.getByRole('button', { name: 'Legg til kommunen' }), 'the add button');
    await page.keyboard.press('Enter');

    await page.getByText('Hvaler er lagt til som medlem fra 1. januar 2025.').waitFor();
    await members.getByRole('row').filter({ hasText: 'Hvaler' }).waitFor();
    await expectAccessible(page, 'region page after adding by keyboard');
  });

  it('ends a membership on a date and removes one recorded by mistake, after asking', async () => {
    const { page } = j;
    const members = await openRegion(page, 'Indre Østfold regionråd');
    const aremark = () => members.getByRole('row').filter({ hasText: 'Aremark' });

    await page.getByRole('button', { name: 'Avslutt medlemskapet til Aremark' }).click();
    const endDialog = page.getByRole('dialog', { name: 'Avslutt medlemskapet til Aremark' });
    await settled(endDialog);
    await expectAccessible(page, 'end-membership dialog');
    await endDialog.getByLabel('Gyldig til').fill('2025-06-01');
    await endDialog.getByRole('button', { name: 'Lagre sluttdato' }).click();
    await page.getByText('Medlemskapet til Aremark slutter 1. juni 2025.').waitFor();
    expect(await endDialog.isVisible()).toBe(false);
    expect(await aremark().getByRole('cell').nth(4).textContent()).toBe('1. juni 2025');
    expect(await aremark().getByRole('cell').nth(5).textContent()).toBe('Tidligere');

    await page.getByRole('button', { name: 'Fjern medlemskapet til Aremark' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Fjerne Aremark fra Indre Østfold regionråd?' });
    await settled(removeDialog);
    await removeDialog.getByText('Fjerningen kan ikke angres.', { exact: false }).waitFor();
    await expectAccessible(page, 'remove-membership dialog');
    // Cancelling keeps it.
    await removeDialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await aremark().count()).toBe(1);

    await page.getByRole('button', { name: 'Fjern medlemskapet til Aremark' }).click();
    await removeDialog.getByRole('button', { name: 'Fjern medlemskapet' }).click();
    await page.getByText('Medlemskapet til Aremark er fjernet.').waitFor();
    expect(await aremark().count()).toBe(0);
    await expectAccessible(page, 'region page after removing a membership');
  });

  it('offers to reload when someone else changed the region first, and saves on the fresh version', async () => {
    const { page } = j;
    await openRegion(page, 'Indre Østfold regionråd');
    const regionId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

    await page.getByRole('button', { name: 'Endre region' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endre region' });
    await settled(dialog);
    await expectAccessible(page, 'edit-region dialog');

    // Someone else renames the region while the dialog is open.
    const status = await page.evaluate(async (id) => {
      const current = await (await fetch(`/api/v1/regions/${id}`)).json();
      const res = await fetch(`/api/v1/regions/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Indre Østfold regionråd (endret)', version: current.version }),
      });
      return res.status;
    }, regionId);
    expect(status).toBe(200);

    await dialog.getByLabel('Målform').selectOption('nn');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.getByText('Noen andre har endret dette etter at du åpnet det.', { exact: false }).waitFor();
    await expectAccessible(page, 'edit-region dialog with an edit conflict');

    await dialog.getByRole('button', { name: 'Last inn på nytt' }).click();
    const name = dialog.getByLabel('Navn');
    await expect.poll(() => name.inputValue()).toBe('Indre Østfold regionråd (endret)');
    await name.fill('Indre Østfold regionråd');
    await dialog.getByLabel('Målform').selectOption('nn');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Indre Østfold regionråd' }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'Nynorsk' }).waitFor();
  });

  it('lets the coordinator create a region and keep municipalities, departments and people', async () => {
    const { page } = j;
    const registryNav = page.getByRole('navigation', { name: 'Register' });

    // A new region: a name the server refuses because it is taken, then one that is free.
    await mainNav(page).getByRole('link', { name: 'Register' }).click();
    await page.getByRole('button', { name: 'Ny region' }).click();
    const regionDialog = page.getByRole('dialog', { name: 'Ny region' });
    await settled(regionDialog);
    await expectAccessible(page, 'new-region dialog');
    await regionDialog.getByRole('button', { name: 'Opprett regionen' }).click();
    await regionDialog.getByText('Feltet må fylles ut.').last().waitFor();
    await regionDialog.getByLabel('Navn').fill('Haldenregionen');
    await regionDialog.getByRole('button', { name: 'Opprett regionen' }).click();
    await regionDialog.getByText('Navnet er allerede i bruk.').last().waitFor();
    await expectAccessible(page, 'new-region dialog refused');
    await regionDialog.getByLabel('Navn').fill('Vestviken regionråd');
    await regionDialog.getByLabel('Målform').selectOption('nn');
    await regionDialog.getByRole('button', { name: 'Opprett regionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vestviken regionråd' }).waitFor();
    await page.getByText('Vestviken regionråd er opprettet. Legg til medlemskommunene nedenfor.').waitFor();
    await page.getByText('Regionen har ingen medlemskommuner ennå.').waitFor();
    await expectAccessible(page, 'new region without members');

    // Municipalities: list → new → detail → edit, with the server's refusal on the field.
    await registryNav.getByRole('link', { name: 'Kommuner' }).click();
    await page.getByText('Viser 56 kommuner').waitFor();
    await expectAccessible(page, 'municipality list');
    // Sorting by a column is kept in the address like the search.
    await page.getByRole('button', { name: 'Navn' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name');
    await expect
      .poll(() => page.getByRole('row').nth(1).getByRole('cell').nth(1).textContent())
      .toBe('Aremark');
    expect(await page.getByRole('row').last().getByRole('cell').nth(1).textContent()).toBe('Ås');
    await page.getByRole('button', { name: 'Ny kommune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny kommune' }).waitFor();
    const number = page.getByLabel('Kommunenummer');
    await number.fill('30');
    await page.getByLabel('Navn').fill('Prøvekommune');
    await page.getByRole('button', { name: 'Registrer kommunen' }).click();
    await page.getByText('Kommunenummeret må ha fire sifre.').last().waitFor();
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    await number.fill('3012');
    await page.getByRole('button', { name: 'Registrer kommunen' }).click();
    await page.getByText('Kommunenummeret er allerede registrert.').last().waitFor();
    expect(await descriptionOf(number)).toContain('Kommunenummeret er allerede registrert.');
    await expectAccessible(page, 'new-municipality form refused');
    await number.fill('3099');
    await page.getByLabel('Kommunen ligger utenfor fylket').check();
    await page.getByLabel('Hvilket fylke (valgfritt)').fill('Innlandet');
    await page.getByRole('button', { name: 'Registrer kommunen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prøvekommune (3099)' }).waitFor();
    await page.getByText('Prøvekommune er registrert.').waitFor();
    await page.getByText('Kommunen er ikke medlem av noen region.').waitFor();
    await expectAccessible(page, 'municipality page');
    await page.getByRole('button', { name: 'Endre kommune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre Prøvekommune' }).waitFor();
    await page.getByLabel('Navn').fill('Prøvekommunen');
    await page.getByLabel('Gyldig fra (valgfritt)').fill('2024-01-01');
    await page.getByLabel('Gyldig til (valgfritt)').fill('2023-01-01');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Sluttdatoen må være etter startdatoen.').last().waitFor();
    await expectAccessible(page, 'edit-municipality form with an error');
    await page.getByLabel('Gyldig til (valgfritt)').fill('');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prøvekommunen (3099)' }).waitFor();
    await page.getByText('Endringene er lagret.').waitFor();
    await page.getByRole('definition').filter({ hasText: '1. januar 2024' }).waitFor();

    // Departments: create, rename and deactivate in place.
    await registryNav.getByRole('link', { name: 'Rådsområder' }).click();
    await page.getByText('Viser 7 rådsområder').waitFor();
    await expectAccessible(page, 'department list');
    await page.getByRole('button', { name: 'Nytt rådsområde' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Nytt rådsområde' });
    await settled(createDialog);
    await expectAccessible(page, 'new-department dialog');
    await createDialog.getByLabel('Navn').fill('Digitalisering');
    await createDialog.getByRole('button', { name: 'Opprett rådsområdet' }).click();
    await page.getByText('Digitalisering er opprettet.').waitFor();
    await page.getByText('Viser 8 rådsområder').waitFor();
    await page.getByRole('button', { name: 'Gi nytt navn til Digitalisering' }).click();
    const renameDialog = page.getByRole('dialog', { name: 'Gi nytt navn til Digitalisering' });
    await settled(renameDialog);
    await renameDialog.getByLabel('Nytt navn').fill('Samferdsel');
    await renameDialog.getByRole('button', { name: 'Lagre' }).click();
    await renameDialog.getByText('Navnet er allerede i bruk.').last().waitFor();
    await expectAccessible(page, 'rename-department dialog refused');
    await renameDialog.getByLabel('Nytt navn').fill('Digitalisering og innovasjon');
    await renameDialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Rådsområdet heter nå Digitalisering og innovasjon.').waitFor();
    await page.getByRole('button', { name: 'Deaktiver Digitalisering og innovasjon' }).click();
    await page.getByText('Digitalisering og innovasjon er deaktivert.').waitFor();
    const department = page.getByRole('row').filter({ hasText: 'Digitalisering og innovasjon' });
    expect(await department.getByRole('cell').nth(1).textContent()).toBe('Deaktivert');
    await expectAccessible(page, 'department list with a deactivated department');

    // People: create (with a wrong e-mail first), then delete after confirming.
    await registryNav.getByRole('link', { name: 'Personer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await page.getByRole('button', { name: 'Ny person' }).click();
    await page.getByLabel('Navn').fill('Kari Nordmann');
    const email = page.getByLabel('E-post (valgfritt)');
    await email.fill('kari@');
    await email.blur();
    await page.getByText('Skriv en gyldig e-postadresse.').last().waitFor();
    await expectAccessible(page, 'new-person form with an error');
    await email.fill('kari.nordmann@aremark.kommune.no');
    await page.getByLabel('Organisasjon (valgfritt)').fill('Aremark kommune');
    await page.getByRole('button', { name: 'Registrer personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kari Nordmann' }).waitFor();
    await page.getByText('Kari Nordmann er registrert.').waitFor();
    await expectAccessible(page, 'person page');
    await page.getByRole('button', { name: 'Slett person' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Slette Kari Nordmann?' });
    await settled(deleteDialog);
    await expectAccessible(page, 'delete-person dialog');
    await deleteDialog.getByRole('button', { name: 'Slett personen' }).click();
    await page.getByText('Kari Nordmann er slettet.').waitFor();
    await page.getByLabel('Søk etter navn, e-post eller organisasjon').fill('Nordmann');
    await page.getByText('Ingen treff på «Nordmann».', { exact: false }).waitFor();
    await expectAccessible(page, 'person list searched without a match');
  });

  it('shows a region contact their own region read-only, straight from the start page', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    // Signing in as the region contact on the sign-in page that signing out shows.
    await page.getByLabel('E-postadresse').fill('indre-ostfold@demo.partnerskap.no');
    await page.getByLabel('Passord').fill(demoPassword);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    // Signing in keeps the address it was on; the start page is one link away.
    await mainNav(page).getByRole('link', { name: 'Oversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await page.getByRole('link', { name: 'Se regionen din og medlemskommunene.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indre Østfold regionråd' }).waitFor();
    await page.getByRole('table', { name: 'Medlemskommuner over tid' }).waitFor();
    expect(await page.getByRole('button', { name: 'Endre region' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Avslutt|Fjern/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Legg til medlemskommune' }).count()).toBe(0);
    await expectAccessible(page, 'region page for the region contact');

    await page.getByRole('navigation', { name: 'Register' }).getByRole('link', { name: 'Kommuner' }).click();
    // The 56 of the demo and the one the coordinator registered above.
    await page.getByText('Viser 57 kommuner').waitFor();
    expect(await page.getByRole('button', { name: 'Ny kommune' }).count()).toBe(0);
    await expectAccessible(page, 'municipality list for the region contact');
  });
});
