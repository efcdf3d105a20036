import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { cycleWithAgreements, mainNav, settled, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';
const cycleName = 'Partnerskapsavtaler 2041–2044';
const indre = 'Indre Østfold regionråd';
const kongsberg = 'Kongsbergregionen';

/** Opens an agreement from the list of the current cycle, then its "Fremdrift" tab. */
async function openProgress(page: Page, region: string) {
  await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
  await page
    .getByRole('table', { name: `Avtaler i ${cycleName}` })
    .getByRole('link', { name: region })
    .click();
  await page.getByRole('navigation', { name: 'Avtalen' }).getByRole('link', { name: 'Fremdrift' }).click();
  await page.getByRole('heading', { level: 2, name: 'Fremdrift' }).waitFor();
}

const phase = (page: Page) => page.getByRole('region', { name: 'Fase' });
const milestone = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });

describe.skipIf(!chromiumPath)('milestones and phase in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 300_000);
  afterAll(async () => j?.close());

  it('lets the coordinator edit the cycle’s template with the keyboard and apply it to the agreements', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    await cycleWithAgreements(page, baseUrl, {
      cycle: { name: cycleName, periodFrom: '2041-01-01', periodTo: '2044-12-31', status: 'active' },
      approval: { date: '2040-10-20', caseNumber: '41/40' },
      regions: { indre, kongsberg },
    });
    await page.reload();
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('link', { name: 'Milepæler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Milepæler' }).waitFor();
    const table = page.getByRole('table', { name: `Milepæler i ${cycleName}` });
    await table.getByRole('row').nth(9).waitFor();
    await page.getByText('Alle de 2 avtalene i avtalesyklusen følger malen.').waitFor();
    await expectAccessible(page, 'milestone template');

    // A new milestone: refused without a name and a part of the process, then added last.
    await page.getByRole('button', { name: 'Ny milepæl' }).click();
    const create = page.getByRole('dialog', { name: 'Ny milepæl' });
    await settled(create);
    await expectAccessible(page, 'new milestone dialog');
    await create.getByRole('button', { name: 'Opprett milepæl' }).click();
    await create.getByText('Feltet må fylles ut.').last().waitFor();
    await create.getByText('Velg hvilken del av prosessen milepælen hører til.').last().waitFor();
    await create.getByLabel('Navn').fill('Regionrådets vedtak om oppstart');
    await create.getByLabel('Del av prosessen').selectOption({ label: 'Regionens interne arbeid' });
    await create.getByLabel('Valgfri milepæl').check();
    await create.getByRole('button', { name: 'Opprett milepæl' }).click();
    await page.getByText('Regionrådets vedtak om oppstart er lagt til i malen.').waitFor();
    await page.getByText('2 av 2 avtaler følger ikke malen ennå.').waitFor();

    // Moved up with the keyboard, the button keeping the focus.
    await table.getByRole('button', { name: 'Flytt Regionrådets vedtak om oppstart opp' }).focus();
    // Added last, after the political milestones (11 in the county's template).
    for (const place of [11, 10, 9, 8, 7, 6]) {
      await page.keyboard.press('Enter');
      await page.getByText(`Regionrådets vedtak om oppstart er flyttet opp til plass ${place}.`).waitFor();
    }
    const names = (await table.getByRole('row').allTextContents()).slice(1);
    expect(names[4]).toContain('Regionens egne forpliktelser');
    expect(names[5]).toContain('Regionrådets vedtak om oppstart');

    // Renamed.
    await table.getByRole('button', { name: 'Endre Oppsummeringsmøte i fylkeskommunen' }).click();
    const edit = page.getByRole('dialog', { name: 'Endre Oppsummeringsmøte i fylkeskommunen' });
    await settled(edit);
    await edit.getByLabel('Navn').fill('Internt oppsummeringsmøte');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Internt oppsummeringsmøte er lagret.').waitFor();

    // Applied to the agreements under way.
    await page.getByRole('button', { name: 'Oppdater avtalene' }).click();
    const apply = page.getByRole('dialog', { name: 'Oppdatere avtalene etter malen?' });
    await settled(apply);
    await expectAccessible(page, 'apply template dialog');
    await apply.getByRole('button', { name: 'Oppdater avtalene' }).click();
    await page.getByText(/^2 avtaler er oppdatert: 2 milepæler lagt til, \d+ endret, 0 slettet/).waitFor();
    await page.getByText('Alle de 2 avtalene i avtalesyklusen følger malen.').waitFor();
  });

  it('lets the coordinator mark a milestone done by hand with a reason, and the phase moves on', async () => {
    const { page } = j;
    await openProgress(page, kongsberg);
    await phase(page).getByText('Forberedelse', { exact: true }).waitFor();
    await milestone(page, 'Internt oppsummeringsmøte').waitFor();
    await milestone(page, 'Regionrådets vedtak om oppstart').getByText('Valgfri').waitFor();
    await expectAccessible(page, 'progress tab (admin)');

    await page.getByRole('button', { name: 'Endre Oppstartsmøte med alle rådsområdene' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endre Oppstartsmøte med alle rådsområdene' });
    await settled(dialog);
    await dialog.getByLabel('Status').selectOption({ label: 'Fullført' });
    await expectAccessible(page, 'milestone dialog');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog
      .getByText('Skriv hvorfor milepælen er fullført, når den markeres som fullført for hånd.')
      .last()
      .waitFor();
    await dialog
      .getByLabel('Begrunnelse')
      .fill('Oppstartsmøtet ble holdt på fylkeshuset. Referatet er arkivert.');
    await dialog.getByLabel('Utført dato').fill('2041-01-15');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Oppstartsmøte med alle rådsområdene er lagret.').waitFor();
    await phase(page).getByText('Fylkeskommunens interne arbeid', { exact: true }).waitFor();
    const kickoff = milestone(page, 'Oppstartsmøte med alle rådsområdene');
    await kickoff.getByText('Fullført', { exact: true }).waitFor();
    await kickoff.getByText(/Markert som fullført av Prosesskoordinator \(demo\)/).waitFor();
    await kickoff.getByText('Oppstartsmøtet ble holdt på fylkeshuset. Referatet er arkivert.').waitFor();
    await kickoff.getByText('Utført 15. januar 2041').waitFor();
    await expectAccessible(page, 'progress tab after a milestone done by hand');
    await signOut(page);
  });

  it('lets the region contact mark the region ready to start, and the phase moves on', async () => {
    const { page } = j;
    await signIn(page, regionContact);
    await openProgress(page, indre);
    await phase(page).getByText('Forberedelse', { exact: true }).waitFor();
    await page.getByText('Regionen er ikke klar til å starte ennå').waitFor();
    // The region's contact keeps the region's own milestones, not the county's.
    await page.getByRole('button', { name: 'Endre Regionens ønskede fagområder' }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Endre Oppstartsmøte med alle rådsområdene' }).count(),
    ).toBe(0);
    await expectAccessible(page, 'progress tab (region contact)');

    await page.getByRole('button', { name: 'Endre om regionen er klar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Er regionen klar til å starte?' });
    await settled(dialog);
    await expectAccessible(page, 'region ready dialog');
    await dialog.getByLabel('Regionen er klar til å starte').check();
    await dialog.getByLabel('Merknad').fill('Regionrådet vedtok oppstart 12. februar.');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Det er lagret at regionen er klar til å starte.').waitFor();
    await phase(page).getByText('Fylkeskommunens interne arbeid', { exact: true }).waitFor();
    const ready = page.getByRole('region', { name: 'Klar til å starte' });
    await ready.getByText('Regionen er klar til å starte', { exact: true }).waitFor();
    await ready.getByText('Regionrådet vedtok oppstart 12. februar.').waitFor();
    await ready.getByText(/Markert av Kontaktperson Indre Østfold regionråd \(demo\)/).waitFor();
    await expectAccessible(page, 'progress tab after the region is ready');

    // Another region's agreement shows no progress tab to this contact.
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page
      .getByRole('table', { name: `Avtaler i ${cycleName}` })
      .getByRole('link', { name: kongsberg })
      .click();
    await page.getByRole('navigation', { name: 'Avtalen' }).getByRole('link', { name: 'Bidrag' }).waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Avtalen' })
        .getByRole('link', { name: 'Fremdrift' })
        .count(),
    ).toBe(0);
  });
});
