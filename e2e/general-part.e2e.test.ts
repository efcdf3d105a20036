import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav, minimalPdf, save, settled, textOf, write } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';

const toolbarOf = (page: Page, title: string) =>
  page.getByRole('toolbar', { name: `Formatering av «${title}»` });

async function createCycle(page: Page, name: string, from: string, to: string) {
  await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
  await page.getByRole('heading', { level: 1, name: 'Generell del' }).waitFor();
  await page.getByRole('button', { name: 'Ny avtalesyklus' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny avtalesyklus' });
  await settled(dialog);
  await dialog.getByLabel('Navn').fill(name);
  await dialog.getByLabel('Avtaleperiode fra').fill(from);
  await dialog.getByLabel('Avtaleperiode til').fill(to);
  await dialog.getByLabel('Status', { exact: true }).selectOption({ label: 'Aktiv' });
  return dialog;
}

// One server and one browser for the whole file: the steps follow each other as one working session would.
describe.skipIf(!chromiumPath)('the general part in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => j?.close());

  it('lets the coordinator write version 1, approve it, change a word in version 2 and see the change marked', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
    await page.getByRole('heading', { level: 1, name: 'Generell del' }).waitFor();
    await expectAccessible(page, 'general part overview');

    const cycleDialog = await createCycle(page, 'Partnerskapsavtaler 2029–2032', '2029-01-01', '2032-12-31');
    await expectAccessible(page, 'new-cycle dialog');
    await cycleDialog.getByRole('button', { name: 'Opprett avtalesyklusen' }).click();
    await page
      .getByText('Avtalesyklusen Partnerskapsavtaler 2029–2032 er opprettet', { exact: false })
      .waitFor();
    // The new cycle is the current one in the top bar.
    const picker = page.getByLabel('Avtalesyklus', { exact: true });
    expect(await picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text)).toBe(
      'Partnerskapsavtaler 2029–2032',
    );
    const versions = page.getByRole('table', { name: 'Alle versjoner' });
    await versions.getByRole('row').filter({ hasText: 'Versjon 1' }).filter({ hasText: 'Utkast' }).waitFor();
    await page.getByText('Ingen versjon er godkjent ennå.').waitFor();
    await expectAccessible(page, 'overview with the first draft');

    await page.getByRole('link', { name: 'Endre utkastet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre utkast til versjon 1' }).waitFor();
    // The five required sections are there, marked, and none of them can be removed.
    for (const title of ['Avtalepartnere', 'Avtaleperiode', 'Formål', 'Forankring', 'Gjennomføring'])
      await textOf(page, title).waitFor();
    expect(await page.getByText('Må være med', { exact: true }).count()).toBe(5);
    expect(await page.getByRole('button', { name: /^Fjern avsnittet/ }).count()).toBe(0);
    await expectAccessible(page, 'editor of version 1');

    // Parties: a sentence with bold words, then a bullet list, using the toolbar.
    const parties = toolbarOf(page, 'Avtalepartnere');
    await write(page, 'Avtalepartnere', 'Avtalen inngås mellom ');
    const bold = parties.getByRole('button', { name: 'Fet' });
    await bold.click();
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('Viken fylkeskommune');
    await bold.click();
    expect(await bold.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.type(' og kommunene i regionen:');
    await page.keyboard.press('Enter');
    await parties.getByRole('button', { name: 'Punktliste' }).click();
    await page.keyboard.type('Fylkeskommunen');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Regionrådet og medlemskommunene');
    expect(await parties.getByRole('button', { name: 'Punktliste' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await write(page, 'Avtaleperiode', 'Avtalen gjelder fra 1. januar 2029 til 31. desember 2032.');
    await write(page, 'Formål', 'Avtalen skal styrke samarbeidet mellom fylkeskommunen og regionen.');
    await write(page, 'Forankring', 'Avtalen bygger på regional planstrategi.');
    await page.getByText('Du har endringer som ikke er lagret.').waitFor();
    await expectAccessible(page, 'editor with text written');

    // Leaving with unsaved text asks first; staying keeps the text.
    await page.getByRole('link', { name: 'Se versjonen slik den er lagret' }).click();
    const leave = page.getByRole('dialog', { name: 'Endringene er ikke lagret' });
    await settled(leave);
    await expectAccessible(page, 'leave dialog over the editor');
    await leave.getByRole('button', { name: 'Bli på siden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre utkast til versjon 1' }).waitFor();
    expect(await textOf(page, 'Forankring').textContent()).toBe('Avtalen bygger på regional planstrategi.');

    await save(page);
    await page.getByRole('link', { name: 'Se versjonen slik den er lagret' }).click();
    await page.getByRole('heading', { level: 1, name: 'Generell del, versjon 1' }).waitFor();
    const partiesSection = page.getByRole('region', { name: 'Avtalepartnere' });
    expect(await partiesSection.locator('strong').textContent()).toBe('Viken fylkeskommune');
    expect(await partiesSection.getByRole('listitem').allTextContents()).toEqual([
      'Fylkeskommunen',
      'Regionrådet og medlemskommunene',
    ]);
    await page
      .getByRole('region', { name: 'Gjennomføring' })
      .getByText('Dette avsnittet har ingen tekst ennå.')
      .waitFor();
    await expectAccessible(page, 'version 1 as a draft');

    // Approval is refused while a required section has no text, and the dialog says which.
    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    let approve = page.getByRole('dialog', { name: 'Registrer vedtak om versjon 1' });
    await settled(approve);
    await approve.getByText('Dette kan ikke angres.', { exact: false }).waitFor();
    await expectAccessible(page, 'approval dialog');
    await approve.getByLabel('Vedtaksdato').fill('2028-12-10');
    expect(await approve.getByLabel('Vedtatt av').inputValue()).toBe('Fylkesrådet');
    await approve.getByLabel('Saksnummer').fill('123/28');
    await approve.getByLabel('Vedtak', { exact: true }).fill('Fylkesrådet godkjenner den generelle delen.');
    await approve.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await approve.getByText('Versjonen kan ikke godkjennes ennå:').waitFor();
    await approve.getByText('Avsnittet «Gjennomføring» må ha tekst.').waitFor();
    expect(await approve.getByLabel('Saksnummer').inputValue()).toBe('123/28');
    await expectAccessible(page, 'approval dialog refused for an empty section');
    await approve.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('link', { name: 'Endre utkastet' }).click();
    await write(page, 'Gjennomføring', 'Partene møtes hvert år for å følge opp avtalen.');
    await save(page);
    await page.getByRole('link', { name: 'Se versjonen slik den er lagret' }).click();
    await page.getByRole('region', { name: 'Gjennomføring' }).getByText('Partene møtes hvert år').waitFor();

    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    approve = page.getByRole('dialog', { name: 'Registrer vedtak om versjon 1' });
    await settled(approve);
    await approve.getByLabel('Vedtaksdato').fill('2028-12-10');
    await approve.getByLabel('Saksnummer').fill('123/28');
    await approve.getByLabel('Vedtak', { exact: true }).fill('Fylkesrådet godkjenner den generelle delen.');
    await approve.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await page.getByText('Vedtaket er registrert. Versjon 1 er nå den gjeldende generelle delen.').waitFor();
    expect(await approve.isVisible()).toBe(false);
    await page.getByText('Godkjent', { exact: true }).first().waitFor();
    const decision = page.getByRole('definition');
    expect(await decision.allTextContents()).toEqual([
      '10. desember 2028',
      'Fylkesrådet',
      '123/28',
      'Fylkesrådet godkjenner den generelle delen.',
    ]);
    expect(await page.getByRole('link', { name: 'Endre utkastet' }).count()).toBe(0);
    await expectAccessible(page, 'approved version 1');

    // The signed minutes are attached to the approval; a text file named .pdf is refused on the field.
    await page.getByText('Ingen vedtaksdokumenter er lagt ved ennå.', { exact: false }).waitFor();
    const attach = page.getByLabel('Legg ved vedtaksdokument');
    await attach.setInputFiles({
      name: 'protokoll.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Dette er bare tekst.'),
    });
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page
      .getByText('protokoll.pdf: Filen må være en PDF eller et Word-dokument', { exact: false })
      .waitFor();
    expect(await attach.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'approved version 1 with a refused decision document');
    await attach.setInputFiles({
      name: 'Saksprotokoll 123-28.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf,
    });
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page.getByText('Vedtaksdokumentet «Saksprotokoll 123-28.pdf» er lagt ved.').waitFor();
    const documents = page.getByRole('list', { name: 'Vedtaksdokumenter, eldste først' });
    const link = documents.getByRole('link', { name: 'Saksprotokoll 123-28.pdf' });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/v1\/approval-attachments\/[0-9a-f-]{36}$/);
    expect(await attach.getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page, 'approved version 1 with its decision document');

    // A new draft copies version 1; one word changes.
    await page.getByRole('button', { name: 'Lag nytt utkast fra versjon 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre utkast til versjon 2' }).waitFor();
    await page.getByText('Versjon 2 er laget som et nytt utkast fra versjon 1.', { exact: false }).waitFor();
    const purpose = textOf(page, 'Formål');
    expect(await purpose.textContent()).toBe(
      'Avtalen skal styrke samarbeidet mellom fylkeskommunen og regionen.',
    );
    await purpose.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Avtalen skal fornye samarbeidet mellom fylkeskommunen og regionen.');
    await save(page);

    await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
    await versions
      .getByRole('row')
      .filter({ hasText: 'Versjon 1' })
      .filter({ hasText: 'Godkjent' })
      .waitFor();
    await versions.getByRole('row').filter({ hasText: 'Versjon 2' }).filter({ hasText: 'Utkast' }).waitFor();
    await page.getByText('Versjon 1 ble godkjent av Fylkesrådet 10. desember 2028 (sak 123/28).').waitFor();
    await expectAccessible(page, 'overview with an approved version and a draft');

    await page.getByRole('link', { name: 'Sammenlign med versjon 1 og versjon 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sammenlign versjoner' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Endringer fra versjon 1 til versjon 2' }).waitFor();
    const changed = page.getByRole('region', { name: 'Formål' });
    await changed.getByText('Endret', { exact: true }).waitFor();
    expect(await changed.locator('ins').allTextContents()).toEqual([
      'Satt inn: fornye (slutt på innsatt tekst)',
    ]);
    expect(await changed.locator('del').allTextContents()).toEqual([
      'Slettet: styrke (slutt på slettet tekst)',
    ]);
    // Marked in more than colour: underlined and struck through.
    expect(await changed.locator('ins').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
      'underline',
    );
    expect(await changed.locator('del').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
      'line-through',
    );
    await page.getByRole('region', { name: 'Avtaleperiode' }).getByText('Uendret', { exact: true }).waitFor();
    expect(await page.locator('article section ins').count()).toBe(1);
    await expectAccessible(page, 'comparison of version 1 and 2');

    // Printing: the button asks the browser to print, and the printed page is the comparison alone.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'Skriv ut' }).click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    await page.emulateMedia({ media: 'print' });
    expect(await mainNav(page).isVisible()).toBe(false);
    expect(await page.getByLabel('Fra versjon', { exact: true }).isVisible()).toBe(false);
    expect(await changed.locator('ins').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it("changes a cycle's period, and keeps the text of a stale save, says someone else saved and lets it be taken back in", async () => {
    const { page, context } = j;
    const cycleDialog = await createCycle(page, 'Konfliktsyklus 2033–2036', '2033-01-01', '2036-12-31');
    await cycleDialog.getByRole('button', { name: 'Opprett avtalesyklusen' }).click();
    await page.getByText('Avtalesyklusen Konfliktsyklus 2033–2036 er opprettet', { exact: false }).waitFor();

    // Changing the cycle: a period that ends before it starts is refused on the field, as on the server.
    await page.getByRole('button', { name: 'Endre avtalesyklus' }).click();
    const edit = page.getByRole('dialog', { name: 'Endre Konfliktsyklus 2033–2036' });
    await settled(edit);
    await edit.getByLabel('Avtaleperiode til').fill('2032-12-31');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await edit.getByText('Sluttdatoen må være etter startdatoen.').last().waitFor();
    expect(await edit.getByLabel('Avtaleperiode til').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'edit-cycle dialog with a wrong period');
    await edit.getByLabel('Avtaleperiode til').fill('2036-06-30');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene i Konfliktsyklus 2033–2036 er lagret.').waitFor();
    await page.getByText('Avtaleperiode: 1. januar 2033 til 30. juni 2036').waitFor();
    await page.getByRole('link', { name: 'Endre utkastet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre utkast til versjon 1' }).waitFor();
    const editorUrl = page.url();

    // The same draft open in a second tab, before the first one saves.
    const other = await context.newPage();
    await other.goto(editorUrl);
    await other.getByRole('heading', { level: 1, name: 'Endre utkast til versjon 1' }).waitFor();

    await write(page, 'Formål', 'Tekst fra den første fanen.');
    await save(page);

    await write(other, 'Formål', 'Tekst fra den andre fanen.');
    await other.getByRole('button', { name: 'Lagre utkastet' }).click();
    await other
      .getByText('Noen andre har lagret dette utkastet etter at du åpnet det.', { exact: false })
      .waitFor();
    expect(await textOf(other, 'Formål').textContent()).toBe('Tekst fra den andre fanen.');
    await other.getByText('Du har endringer som ikke er lagret.').waitFor();
    await expectAccessible(other, 'editor with an edit conflict');

    await other.getByRole('button', { name: 'Last inn den lagrede versjonen' }).click();
    await expect.poll(() => textOf(other, 'Formål').textContent()).toBe('Tekst fra den første fanen.');
    const copies = other.getByRole('region', { name: 'Teksten du ikke fikk lagret' });
    await copies.getByText('Tekst fra den andre fanen.').waitFor();
    await expectAccessible(other, 'editor after reloading, with the unsaved text beside it');

    await copies.getByRole('button', { name: 'Bruk min tekst i «Formål»' }).click();
    await expect.poll(() => textOf(other, 'Formål').textContent()).toBe('Tekst fra den andre fanen.');
    expect(await copies.count()).toBe(0);
    await save(other);
    await other.close();

    await page.reload();
    await expect.poll(() => textOf(page, 'Formål').textContent()).toBe('Tekst fra den andre fanen.');
  });

  it('adds, renames, moves and removes sections with buttons, asking before removing', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Legg til avsnitt' }).click();
    const title = page
      .getByRole('region', { name: '6. Avsnitt uten tittel' })
      .getByLabel('Tittel', { exact: true });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    // A section needs a title: the save is refused on the field, by the rule the server uses.
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.getByText('Utkastet er ikke lagret. Rett feilene', { exact: false }).waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await page
      .getByRole('region', { name: '6. Avsnitt uten tittel' })
      .getByText('Feltet må fylles ut.')
      .last()
      .waitFor();
    await expectAccessible(page, 'editor with a section refused for its empty title');
    // The error summary at the top names the section and the field, and its link moves to the field.
    const summary = page.getByRole('group', { name: 'Rett opp dette før du går videre:' });
    await page.getByRole('button', { name: 'Legg til avsnitt' }).focus();
    await summary.getByRole('link', { name: '6. Avsnitt uten tittel, tittel: Feltet må fylles ut.' }).click();
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await title.fill('Økonomi');
    const renamed = page.getByRole('region', { name: '6. Økonomi' }).getByLabel('Tittel', { exact: true });
    await expect.poll(() => renamed.getAttribute('aria-invalid')).not.toBe('true');
    await write(page, 'Økonomi', 'Partene setter av midler hvert år. ');

    // The toolbar by keyboard: Esc leaves the text for the toolbar, the arrows move, Enter presses.
    const toolbar = toolbarOf(page, 'Økonomi');
    const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
    await page.keyboard.press('Escape');
    expect(await focused(toolbar.getByRole('button', { name: 'Fet' }))).toBe(true);
    await page.keyboard.press('ArrowRight');
    const italic = toolbar.getByRole('button', { name: 'Kursiv' });
    expect(await focused(italic)).toBe(true);
    await page.keyboard.press('Enter');
    // The editor takes the focus back on the next animation frame, so the check waits for it.
    await expect.poll(() => focused(textOf(page, 'Økonomi'))).toBe(true);
    await expect.poll(() => italic.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('Se budsjettet');
    expect(await textOf(page, 'Økonomi').locator('em').textContent()).toBe('Se budsjettet');
    await page.keyboard.press('Control+i');
    await page.keyboard.type(' på ');

    // A link: the dialog refuses what is not a web or e-mail address, and reads www. as https.
    await toolbar.getByRole('button', { name: 'Lenke' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Lenke' });
    await settled(linkDialog);
    await expectAccessible(page, 'link dialog');
    await linkDialog.getByLabel('Nettadresse').fill('javascript:alert(1)');
    await linkDialog.getByRole('button', { name: 'Sett inn lenke' }).click();
    await linkDialog.getByText('Lenker må begynne med http://, https:// eller mailto:.').last().waitFor();
    await linkDialog.getByLabel('Nettadresse').fill('www.viken.no');
    await linkDialog.getByLabel('Tekst som vises').fill('nettsidene');
    await linkDialog.getByRole('button', { name: 'Sett inn lenke' }).click();
    const link = textOf(page, 'Økonomi').getByRole('link', { name: 'nettsidene' });
    expect(await link.getAttribute('href')).toBe('https://www.viken.no');

    // A table: Tab moves between its cells, and the toolbar offers rows and columns while in it.
    await toolbar.getByRole('button', { name: 'Sett inn tabell' }).click();
    await page.keyboard.type('Post');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Beløp');
    await toolbar.getByRole('button', { name: 'Ny rad' }).waitFor();
    expect(await textOf(page, 'Økonomi').getByRole('columnheader').allTextContents()).toEqual([
      'Post',
      'Beløp',
      '',
    ]);

    await page.getByRole('button', { name: 'Flytt opp «Økonomi»' }).click();
    const headings = () => page.locator('.draft-section h2').allTextContents();
    await expect
      .poll(headings)
      .toEqual([
        '1. Avtalepartnere',
        '2. Avtaleperiode',
        '3. Formål',
        '4. Forankring',
        '5. Økonomi',
        '6. Gjennomføring',
      ]);
    // The focus stays on the button that was pressed, so it can be pressed again.
    expect(
      await page
        .getByRole('button', { name: 'Flytt opp «Økonomi»' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await page.getByText('«Økonomi» er flyttet til plass 5 av 6.').waitFor();
    await save(page);

    await page.getByRole('button', { name: 'Fjern avsnittet «Økonomi»' }).click();
    const confirm = page.getByRole('dialog', { name: 'Fjerne avsnittet «Økonomi»?' });
    await settled(confirm);
    await expectAccessible(page, 'remove-section dialog');
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    expect(await page.locator('.draft-section').count()).toBe(6);

    await page.getByRole('button', { name: 'Fjern avsnittet «Økonomi»' }).click();
    await confirm.getByRole('button', { name: 'Fjern avsnittet' }).click();
    await expect.poll(() => page.locator('.draft-section').count()).toBe(5);
    await save(page);
    await page.reload();
    await expect
      .poll(headings)
      .toEqual(['1. Avtalepartnere', '2. Avtaleperiode', '3. Formål', '4. Forankring', '5. Gjennomføring']);
  });

  it('lets a reader read and compare, without any of the buttons that change the general part', async () => {
    const context = await j.browser.newContext({
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
      baseURL: j.baseUrl,
    });
    const page = await context.newPage();
    try {
      await signIn(page, 'leser@demo.partnerskap.no');
      await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
      await page.getByRole('heading', { level: 1, name: 'Generell del' }).waitFor();
      // The newest active cycle is the current one for someone who has not chosen.
      await page.getByRole('heading', { level: 2, name: 'Konfliktsyklus 2033–2036' }).waitFor();
      await page
        .getByRole('table', { name: 'Alle versjoner' })
        .getByRole('link', { name: 'Versjon 1' })
        .waitFor();
      await page.getByText('Versjon 1 er et utkast under arbeid.').waitFor();
      expect(await page.getByRole('button', { name: 'Ny avtalesyklus' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Endre utkastet' }).count()).toBe(0);
      await expectAccessible(page, 'overview for a reader');

      await page
        .getByLabel('Avtalesyklus', { exact: true })
        .selectOption({ label: 'Partnerskapsavtaler 2029–2032' });
      await page.getByRole('heading', { level: 2, name: 'Partnerskapsavtaler 2029–2032' }).waitFor();
      await page.getByRole('link', { name: 'Les versjon 1' }).click();
      await page.getByRole('heading', { level: 1, name: 'Generell del, versjon 1' }).waitFor();
      await page.getByText('Godkjent', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Registrer vedtak' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Lag nytt utkast/ }).count()).toBe(0);
      await expectAccessible(page, 'approved version for a reader');

      // Without a choice, the comparison is of the newest version and the one before it.
      await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
      await page.getByRole('link', { name: 'Sammenlign to versjoner' }).click();
      await page.getByRole('heading', { level: 2, name: 'Endringer fra versjon 1 til versjon 2' }).waitFor();
      await page.getByRole('region', { name: 'Formål' }).locator('ins').getByText('fornye').waitFor();
      await expectAccessible(page, 'comparison for a reader');
    } finally {
      await context.close();
    }
  });
});
