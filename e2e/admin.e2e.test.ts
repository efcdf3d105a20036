import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Cycle,
  type GeneralPart,
  type GeneralPartVersion,
  requiredSections,
} from '../src/shared/contracts/general-part.js';
import type { OutboxSummary } from '../src/shared/contracts/mail.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { descriptionOf, mainNav, send, settled, signOut } from './support/journey.js';

/**
 * Sends the general part of a new cycle on a formal hearing, through the API as the signed-in admin: every
 * region's contact person is sent an invitation. (There is no other way for a journey to queue e-mail.)
 */
async function openHearing(page: Page, baseUrl: string, coverLetter: string) {
  const cycle = await send<Cycle>(page, baseUrl, 'POST', '/api/v1/cycles', {
    name: 'Partnerskapsavtaler 2029–2032',
    periodFrom: '2029-01-01',
    periodTo: '2032-12-31',
  });
  const part = await send<GeneralPart>(page, baseUrl, 'GET', `/api/v1/cycles/${cycle.id}/general-part`);
  const draft = await send<GeneralPartVersion>(
    page,
    baseUrl,
    'GET',
    `/api/v1/general-part-versions/${part.draftVersionId}`,
  );
  await send(page, baseUrl, 'PUT', `/api/v1/general-part-versions/${draft.id}/sections`, {
    version: draft.version,
    sections: requiredSections.map((s) => ({
      key: s.key,
      title: s.title,
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `${s.title}.` }] }],
      },
    })),
  });
  const inThreeWeeks = new Date(Date.now() + 21 * 24 * 60 * 60 * 1000);
  const deadline = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(inThreeWeeks);
  await send(page, baseUrl, 'POST', '/api/v1/hearings', {
    cycleId: cycle.id,
    versionId: draft.id,
    kind: 'formal',
    deadline,
    coverLetter,
  });
}

const shots = process.env.SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

describe.skipIf(!chromiumPath)('administration', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
    await j.page.setViewportSize({ width: 1280, height: 900 });
  });
  afterAll(async () => j?.close());
  // Each journey starts signed out, whatever the one before it left behind.
  beforeEach(async () => {
    await j.context.clearCookies();
    await j.page.goto('/');
    await j.page.evaluate(() => localStorage.clear());
  });

  it('lets the admin create a department editor, shows bad input on the fields, and deactivates the user so they cannot sign in', async () => {
    const { page } = j;
    await signIn(page, 'admin@demo.partnerskap.no');
    await mainNav(page).getByRole('link', { name: 'Administrasjon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await page.getByRole('table', { name: 'Brukere' }).waitFor();
    await expectAccessible(page, 'users list');
    await shot(page, 'users');

    await page.getByRole('button', { name: 'Ny bruker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny bruker' }).waitFor();
    await expectAccessible(page, 'new user form');
    await page.getByLabel('Navn').fill('Siri Samferdsel');
    await page.getByLabel('E-postadresse').fill('samferdsel@demo.partnerskap.no');
    await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Rådsområde' });
    // The department select appears for the department role only.
    expect(await page.getByLabel('Kommuneregion').count()).toBe(0);
    await page.getByLabel('Rådsområde', { exact: true }).selectOption({ label: 'Samferdsel' });
    const password = page.getByLabel('Passord');
    await password.fill('for-kort');
    await password.blur();
    await page.getByText('Passordet må ha minst 12 tegn.').last().waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(password)).toContain('Passordet må ha minst 12 tegn.');

    // The server's refusal lands on the field it concerns, and what was typed stays.
    await password.fill('samferdsel-passord-2024');
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    const email = page.getByLabel('E-postadresse');
    await page.getByText('E-postadressen er allerede i bruk.').last().waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(email)).toContain('E-postadressen er allerede i bruk.');
    expect(await page.getByLabel('Navn').inputValue()).toBe('Siri Samferdsel');
    await expectAccessible(page, 'new user form with errors');
    await shot(page, 'new-user-errors');

    await email.fill('siri.samferdsel@viken.no');
    await page.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Siri Samferdsel' }).waitFor();
    await page.getByText('Brukeren Siri Samferdsel er opprettet.').waitFor();
    await expectAccessible(page, 'user page');
    await shot(page, 'user-admin');

    await page.getByRole('link', { name: 'Tilbake til brukerne' }).click();
    await page.getByLabel('Søk etter navn eller e-postadresse').fill('siri');
    await page.getByText('Viser 1 bruker').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('siri');
    const row = page.getByRole('row', { name: /Siri Samferdsel/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      'Siri Samferdsel',
      'siri.samferdsel@viken.no',
      'Rådsområde',
      'Samferdsel',
      'Aktiv',
    ]);

    await row.getByRole('link', { name: 'Siri Samferdsel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Siri Samferdsel' }).waitFor();

    // A new role asks for its own binding before it is saved.
    await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Kommuneregion' });
    expect(await page.getByLabel('Rådsområde', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lagre' }).click();
    const region = page.getByLabel('Kommuneregion', { exact: true });
    await page.getByText('Velg regionen brukeren er kontaktperson for.').last().waitFor();
    expect(await region.getAttribute('aria-invalid')).toBe('true');
    await region.selectOption({ label: 'Regionrådet for Hallingdal' });
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene for Siri Samferdsel er lagret.').waitFor();
    await page.getByRole('definition').filter({ hasText: 'Regionrådet for Hallingdal' }).waitFor();
    await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Rådsområde' });
    await page.getByLabel('Rådsområde', { exact: true }).selectOption({ label: 'Samferdsel' });
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page
      .getByRole('definition')
      .filter({ hasText: /^Samferdsel$/ })
      .waitFor();

    await page.getByRole('button', { name: 'Deaktiver bruker' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deaktivere Siri Samferdsel?' });
    await dialog.getByText('blir logget ut med en gang').waitFor();
    await settled(dialog);
    await expectAccessible(page, 'deactivate dialog');
    await shot(page, 'deactivate-dialog');
    await dialog.getByRole('button', { name: 'Deaktiver bruker' }).click();
    await page.getByText('Siri Samferdsel er deaktivert og logget ut.').waitFor();
    expect(await page.getByRole('definition').filter({ hasText: 'Deaktivert' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Sett nytt passord' }).click();
    const reset = page.getByRole('dialog', { name: 'Nytt passord for Siri Samferdsel' });
    await reset.getByLabel('Nytt passord').fill('kort');
    await reset.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await reset.getByText('Passordet må ha minst 12 tegn.').last().waitFor();
    await settled(reset);
    await expectAccessible(page, 'new password dialog with an error');
    // What was typed is not thrown away without asking.
    await reset.getByRole('button', { name: 'Avbryt' }).click();
    await reset.getByRole('button', { name: 'Forkast endringene' }).click();
    await expect.poll(() => reset.isVisible()).toBe(false);

    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Endringslogg' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
    await page.getByLabel('Handling').selectOption({ label: 'Bruker deaktivert' });
    await page.getByText('Viser 1 endring', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('action')).toBe('user.deactivate');
    const event = page.getByRole('row', { name: /Bruker deaktivert/ });
    await event.getByText('Kode: user.deactivate').waitFor();
    await event.getByText('Vis hva som ble endret').click();
    const activeRow = event
      .getByRole('table', { name: 'Hva som ble endret' })
      .getByRole('row', { name: /Aktiv/ });
    await activeRow.waitFor();
    expect(await activeRow.getByRole('cell').allInnerTexts()).toEqual(['Ja', 'Nei']);
    await expectAccessible(page, 'audit log with a change opened');
    await shot(page, 'audit');

    await signOut(page);
    await page.getByLabel('E-postadresse').fill('siri.samferdsel@viken.no');
    await page.getByLabel('Passord').fill('samferdsel-passord-2024');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Brukeren er deaktivert. Kontakt koordinatoren i fylkeskommunen.').waitFor();
    await expectAccessible(page, 'sign-in refused for a deactivated user');
  });

  it('shows a viewer the users and the audit log without edit buttons, and the API refuses their writes', async () => {
    const { page, baseUrl } = j;
    await signIn(page, 'leser@demo.partnerskap.no');
    await expectAccessible(page, 'start page for a viewer');
    await page
      .getByRole('link', { name: 'Se hvem som har tilgang til Partnerskap, og med hvilken rolle.' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await page.getByRole('row', { name: /samferdsel@demo\.partnerskap\.no/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Ny bruker' }).count()).toBe(0);
    await expectAccessible(page, 'users list for a viewer');

    // Two filters changed in the same moment, before the list renders again, both stay in the address.
    await page.evaluate(() => {
      const choices = [
        ['Rolle', 'region'],
        ['Status', 'true'],
      ] as const;
      for (const [label, value] of choices) {
        const select = [...document.querySelectorAll('select')].find(
          (s) => s.labels?.[0]?.textContent === label,
        );
        if (!select) throw new Error(`no select labelled ${label}`);
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    await expect.poll(() => new URL(page.url()).search).toBe('?role=region&active=true');
    await page.getByText('Viser 12 brukere', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nullstill filtre' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');

    await page
      .getByRole('row', { name: /samferdsel@demo\.partnerskap\.no/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 2, name: 'Om brukeren' }).waitFor();
    for (const name of ['Lagre', 'Sett nytt passord', 'Deaktiver bruker', 'Aktiver bruker igjen']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page, 'user page for a viewer');
    await shot(page, 'user-viewer');

    await page.getByRole('link', { name: 'Endringslogg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
    await page.getByRole('table', { name: 'Endringer, nyeste først' }).waitFor();
    await page.getByText('Viser 100 endringer. Det finnes eldre endringer.', { exact: false }).waitFor();
    await expectAccessible(page, 'audit log for a viewer');
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Endringer, nyeste først' }).locator('tbody > tr').count())
      .toBeGreaterThan(100);

    // Dates are filters in the URL too; a to-date before the from-date is said on the field.
    await page.getByLabel('Fra og med').fill('2099-03-10');
    await page.getByLabel('Til og med').fill('2099-03-01');
    const to = page.getByLabel('Til og med');
    await page.getByText('Til-datoen må være samme dag som eller etter fra-datoen.').last().waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2099-03-10');
    await page.getByText('Ingen endringer passer med filtrene.', { exact: false }).waitFor();
    await expectAccessible(page, 'audit log with a date error');
    await page.getByRole('button', { name: 'Nullstill filtre' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.getByRole('table', { name: 'Endringer, nyeste først' }).waitFor();
    expect(await page.getByText('Til-datoen må være', { exact: false }).count()).toBe(0);

    // Hiding buttons is not security: the viewer's own session, with the app's Origin, is refused by role.
    const write = await page.request.post(`${baseUrl}/api/v1/departments`, {
      data: { name: 'Lesernes eget rådsområde' },
      headers: { origin: baseUrl },
    });
    expect(write.status()).toBe(403);
    expect((await write.json()).code).toBe('forbidden');
    const departments = await page.request.get(`${baseUrl}/api/v1/departments`);
    expect(departments.status()).toBe(200);
    expect(JSON.stringify(await departments.json())).not.toContain('Lesernes eget rådsområde');
    await signOut(page);
  });

  it('remembers the language on the server: nynorsk survives a reload, then English, then back to bokmål', async () => {
    const { page } = j;
    await signIn(page, 'admin@demo.partnerskap.no');
    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('heading', { level: 1, name: 'Mine oppgåver' }).waitFor();
    await expectAccessible(page, 'start page in nynorsk');
    await page
      .getByRole('navigation', { name: 'Hovudmeny' })
      .getByRole('link', { name: 'Administrasjon' })
      .click();
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Brukarar' })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Brukarar' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await expectAccessible(page, 'users list in nynorsk');
    await shot(page, 'users-nn');
    // Dates in nynorsk read as Norwegian dates even where the browser has no nynorsk formats of its own.
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Endringslogg' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
    await expect.poll(() => page.locator('main time').first().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}/);
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Brukarar' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Brukarar' }).waitFor();

    // The browser forgets; the server remembers the choice for this person.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Brukarar' }).waitFor();
    await page.getByRole('navigation', { name: 'Hovudmeny' }).waitFor();
    expect(await page.getByLabel('Språk').inputValue()).toBe('nn');

    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Registry' })
      .waitFor();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page
      .getByRole('row', { name: /Language choice changed/ })
      .first()
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'audit log in English');

    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
    await mainNav(page).getByRole('link', { name: 'Administrasjon' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await expectAccessible(page, 'audit log in bokmål');
    await signOut(page);
  });

  it('leads a region contact to their own region and shows a department editor their department', async () => {
    const { page } = j;
    await signIn(page, 'indre-ostfold@demo.partnerskap.no');
    await page.getByRole('heading', { level: 2, name: 'Din region: Indre Østfold regionråd' }).waitFor();
    await expectAccessible(page, 'start page for a region contact');
    await shot(page, 'start-region');
    expect(await mainNav(page).getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    await page.getByText(/Regionen ønsker \d+ fagområder?\./).waitFor();
    await page.getByRole('link', { name: 'Gå til avtalen for Partnerskapsavtaler 2021–2024' }).click();
    await page.waitForURL(/\/avtaler\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Indre Østfold regionråd/ }).waitFor();
    await signOut(page);

    // The demo has asked Samferdsel to answer an input first, and has regions without its contributions.
    await signIn(page, 'samferdsel@demo.partnerskap.no');
    await page.getByRole('heading', { level: 2, name: 'Ditt rådsområde: Samferdsel' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Innspill Samferdsel skal svare på' }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Bidrag i avtalene (Partnerskapsavtaler 2021–2024)' })
      .waitFor();
    expect(
      await page.getByText('Du har ingen oppgaver som venter på deg nå.', { exact: false }).count(),
    ).toBe(0);
    await expectAccessible(page, 'start page for a department editor');
    await page
      .getByRole('link', { name: /^\d+ innspill i formell høring på versjon \d+/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Behandling av innspill/ }).waitFor();
    await page.getByText(/Viser \d+ av \d+ innspill/).waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'Innspill Samferdsel skal svare på' }).waitFor();
    await shot(page, 'start-department');
    // Typing the address is no way around the role: the page says so instead of showing an empty list.
    await page.goto('/admin/users');
    await page.getByText('Du har ikke tilgang til dette.').waitFor();
    await expectAccessible(page, 'administration refused for a department editor');
    await signOut(page);
  });

  // Last: the hearing it opens sends e-mail and would show on the start pages of the journeys above.
  it('shows the coordinator the outbox, empty at first, then the invitations of a hearing with their text; a viewer has none', async () => {
    const { page, baseUrl } = j;
    await signIn(page, 'admin@demo.partnerskap.no');
    await mainNav(page).getByRole('link', { name: 'Administrasjon' }).click();
    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Utboks' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    await page
      .getByText('Utboksen er tom. Her kommer e-postene Partnerskap sender', { exact: false })
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectAccessible(page, 'empty outbox');
    await shot(page, 'outbox-empty');

    const coverLetter =
      'Fylkeskommunen sender generell del på høring. Vi ber særlig om innspill til formålet.';
    await openHearing(page, baseUrl, coverLetter);
    const queued = await send<{ items: OutboxSummary[] }>(page, baseUrl, 'GET', '/api/v1/outbox');
    expect(queued.items.length).toBeGreaterThanOrEqual(12);
    await page.reload();
    const table = page.getByRole('table', { name: 'E-poster, nyeste først' });
    await table.waitFor();
    await page.getByText(`Viser ${queued.items.length} e-poster`, { exact: true }).waitFor();
    expect(await table.locator('tbody > tr').count()).toBe(queued.items.length);
    const indre = table.getByRole('row', { name: /indre-ostfold@demo\.partnerskap\.no/ });
    const [time, ...cells] = await indre.getByRole('cell').allInnerTexts();
    expect(time).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(cells).toEqual([
      'indre-ostfold@demo.partnerskap.no',
      expect.stringMatching(/^Formell høring om generell del av partnerskapsavtalene – frist /),
      'I kø',
    ]);
    await expectAccessible(page, 'outbox with the invitations');
    await shot(page, 'outbox');

    // The filters are kept in the address, so a filtered outbox can be shared as a link.
    await page.getByLabel('Status').selectOption({ label: 'Sendt' });
    await page.getByText('Ingen e-poster passer med filtrene.', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('sent');
    await page.getByLabel('Status').selectOption({ label: 'I kø' });
    await page.getByLabel('Søk etter mottaker').fill('hallingdal');
    await page.getByText('Viser 1 e-post', { exact: true }).waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      status: 'queued',
      to: 'hallingdal',
    });
    await expectAccessible(page, 'outbox filtered');

    // Hallingdal writes nynorsk, and is written to in nynorsk.
    await table.getByRole('link', { name: /^Formell høyring om generell del/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Formell høyring om generell del/ }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'I kø' }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'hallingdal@demo.partnerskap.no' }).waitFor();
    await page.getByRole('definition').filter({ hasText: 'Høring' }).waitFor();
    const text = page.getByRole('region', { name: 'Teksten i e-posten' });
    await text
      .getByText('Regionrådet for Hallingdal er invitert til å gje innspel', { exact: false })
      .waitFor();
    await text.getByText(coverLetter).waitFor();
    await expectAccessible(page, 'an e-mail in the outbox');
    await shot(page, 'outbox-message');
    await page.getByRole('link', { name: 'Tilbake til utboksen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    await page.goto('/admin/outbox/00000000-0000-4000-8000-000000000000');
    await page.getByText('Vi fant ikke denne e-posten i utboksen.', { exact: false }).waitFor();
    await signOut(page);

    // A viewer reads users and the log, but not the e-mails: no menu item, no page, and the API refuses.
    await signIn(page, 'leser@demo.partnerskap.no');
    await mainNav(page).getByRole('link', { name: 'Administrasjon' }).click();
    const adminNav = page.getByRole('navigation', { name: 'Administrasjon' });
    await adminNav.getByRole('link', { name: 'Endringslogg' }).waitFor();
    expect(await adminNav.getByRole('link', { name: 'Utboks' }).count()).toBe(0);
    await page.goto('/admin/outbox');
    await page.getByText('Du har ikke tilgang til dette.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect((await page.request.get(`${baseUrl}/api/v1/outbox`)).status()).toBe(403);
    await expectAccessible(page, 'outbox refused for a viewer');
    await signOut(page);
  });
});
