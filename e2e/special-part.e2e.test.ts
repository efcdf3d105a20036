import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav, save, settled, write } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const region = 'Kongsbergregionen';

async function confirmIn(page: Page, dialogName: string, button: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await settled(dialog);
  await expectAccessible(page, `dialog «${dialogName}»`);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe.skipIf(!chromiumPath)('the special part in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => j?.close());

  it('lets the coordinator start, write, send and agree a special part, then compare version 1 with version 2', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avtaler' }).waitFor();
    await page.getByRole('link', { name: region }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(region) }).waitFor();
    await page
      .getByRole('navigation', { name: 'Avtalen' })
      .getByRole('link', { name: 'Spesiell del' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Spesiell del' }).waitFor();
    await page.getByText('Den spesielle delen er ikke påbegynt.').waitFor();
    await expectAccessible(page, 'special part, not started');

    // Start: version 1, a draft with the default sections, the contributions section generated.
    await page.getByRole('button', { name: 'Opprett spesiell del' }).click();
    await page.getByText('Utkast til versjon 1 er opprettet med standardavsnittene.').waitFor();
    const versions = page.getByRole('table', { name: 'Versjoner av den spesielle delen' });
    await versions.getByRole('row').filter({ hasText: 'Versjon 1' }).filter({ hasText: 'Utkast' }).waitFor();
    await page.getByRole('textbox', { name: 'Tekst i «Regionens prioriteringer»' }).waitFor();
    await page.getByText('Generert fra de avtalte bidragene slik de er nå.', { exact: false }).waitFor();
    // The generated section has no text box and no remove button.
    await expect(page.getByRole('textbox', { name: 'Tekst i «Bidrag»' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Fjern avsnittet «Bidrag»' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'special part draft in the editor');

    await write(page, 'Regionens prioriteringer', 'Regionen prioriterer kollektivtransport.');
    // Sending is the saved draft: with typing not yet saved, the screen says so instead of sending.
    await page.getByRole('button', { name: 'Send til partene' }).click();
    await page.getByText('Lagre utkastet før du sender det.', { exact: false }).waitFor();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await save(page);

    // Send: the version is frozen and read only, its contributions section frozen with it.
    await page.getByRole('button', { name: 'Send til partene' }).click();
    // The question names the written section still empty, since a sent version cannot be changed.
    await page
      .getByRole('dialog', { name: 'Sende versjon 1 til partene?' })
      .getByText('Avsnittet «Oppfølging» er tomt.', { exact: false })
      .waitFor();
    await confirmIn(page, 'Sende versjon 1 til partene?', 'Send versjonen');
    await page.getByText('Versjon 1 er sendt til partene. Bidragene er fryst.').waitFor();
    await page.getByText('Regionen prioriterer kollektivtransport.').waitFor();
    await page.getByText('og fryst da versjonen ble sendt', { exact: false }).waitFor();
    await expect(
      page.getByRole('textbox', { name: 'Tekst i «Regionens prioriteringer»' }).count(),
    ).resolves.toBe(0);
    await expectAccessible(page, 'sent special part');

    // Agree: who and when are recorded.
    await page.getByRole('button', { name: 'Registrer som avtalt' }).click();
    await confirmIn(page, 'Registrere versjon 1 som avtalt?', 'Registrer som avtalt');
    await page.getByText('Versjon 1 er registrert som avtalt.').waitFor();
    await page.getByText('Registrert som avtalt av', { exact: false }).waitFor();
    await versions.getByRole('row').filter({ hasText: 'Versjon 1' }).filter({ hasText: 'Avtalt' }).waitFor();
    await expectAccessible(page, 'agreed special part');

    // A new draft from the agreed version, with one more sentence.
    await page.getByRole('button', { name: 'Lag nytt utkast fra versjon 1' }).click();
    await page.getByText('Utkast til versjon 2 er laget fra versjon 1.').waitFor();
    await write(page, 'Regionens prioriteringer', ' Også næringsutvikling.');
    await save(page);

    await page.getByRole('link', { name: 'Sammenlign versjoner' }).click();
    await page.getByRole('heading', { level: 2, name: 'Versjon 1 sammenlignet med versjon 2' }).waitFor();
    const changed = page.getByRole('region', { name: 'Regionens prioriteringer' });
    await changed.getByText('Endret').first().waitFor();
    expect(await changed.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Også næringsutvikling.')]),
    );
    await page.getByRole('region', { name: 'Bidrag' }).waitFor();
    await expectAccessible(page, 'special part compare');
  });

  it('shows a reader the agreed version, read only, without the buttons that change it', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByLabel('E-postadresse').waitFor();
    await signIn(page, 'leser@demo.partnerskap.no');
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('link', { name: region }).first().click();
    await page
      .getByRole('navigation', { name: 'Avtalen' })
      .getByRole('link', { name: 'Spesiell del' })
      .click();
    // A reader is shown the agreed version (1), not the coordinator's draft (2).
    await page.getByRole('heading', { level: 3, name: 'Versjon 1' }).waitFor();
    await page.getByText('Regionen prioriterer kollektivtransport.').waitFor();
    await page.getByText('og fryst da versjonen ble sendt', { exact: false }).waitFor();
    for (const name of ['Send til partene', 'Registrer som avtalt', 'Lagre utkastet']) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    }
    await expect(page.getByRole('button', { name: /Lag nytt utkast/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'special part for a reader');
  });
});
