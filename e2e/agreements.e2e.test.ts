import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { cycleWithApprovedGeneralPart, mainNav, send, settled, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';
const cycleName = 'Partnerskapsavtaler 2033–2036';

/** Approves a version 2 made from version 1, so the cycle's agreements drift from it. */
async function approveVersion2(page: Page, baseUrl: string, v1Id: string) {
  const v2 = await send<{ id: string; version: number }>(
    page,
    baseUrl,
    'POST',
    `/api/v1/general-part-versions/${v1Id}/drafts`,
  );
  await send(page, baseUrl, 'POST', `/api/v1/general-part-versions/${v2.id}/approve`, {
    date: '2033-03-01',
    body: 'Fylkesrådet',
    caseNumber: '12/33',
    decisionText: 'Fylkesrådet godkjenner endret generell del.',
    version: v2.version,
  });
}

describe.skipIf(!chromiumPath)('agreements in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 300_000);
  afterAll(async () => j?.close());

  it('lets the coordinator create the agreements of a new cycle and see the parties', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    const { v1 } = await cycleWithApprovedGeneralPart(
      page,
      baseUrl,
      { name: cycleName, periodFrom: '2033-01-01', periodTo: '2036-12-31', status: 'active' },
      { date: '2032-10-20', caseNumber: '77/32' },
    );
    // The new active cycle is the newest: every screen works in it unless another is chosen.
    await page.reload();
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avtaler' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `Avtaler i ${cycleName}` }).waitFor();
    await page.getByText('Det er ikke opprettet noen avtaler i denne avtalesyklusen ennå.').waitFor();
    await expectAccessible(page, 'agreements list, empty');

    await page.getByRole('button', { name: 'Opprett avtaler' }).click();
    const dialog = page.getByRole('dialog', { name: 'Opprett avtaler' });
    await settled(dialog);
    await dialog.getByText('12 av 12 valgt').waitFor();
    await expectAccessible(page, 'create agreements dialog');
    // Choosing none is refused on the field; "all" chooses them again.
    await dialog.getByLabel('Alle regioner uten avtale').uncheck();
    await dialog.getByRole('button', { name: 'Opprett 0 avtaler' }).click();
    await dialog.getByText('Velg minst én region.').last().waitFor();
    await dialog.getByLabel('Alle regioner uten avtale').check();
    await dialog.getByRole('button', { name: 'Opprett 12 avtaler' }).click();
    await page.getByText('12 avtaler er opprettet.').waitFor();
    const table = page.getByRole('table', { name: `Avtaler i ${cycleName}` });
    await page.getByText('Viser 12 avtaler').waitFor();
    expect(await table.getByRole('row').count()).toBe(13);
    await expectAccessible(page, 'agreements list with agreements');
    // The server sorts and searches (a national county's table comes 100 at a time): the region column
    // turned round puts the last region by name first; a part of a name finds the region.
    const firstRegion = () => table.getByRole('row').nth(1).getByRole('link').textContent();
    const ascending = await firstRegion();
    await table.getByRole('button', { name: 'Kommuneregion' }).click();
    await expect.poll(firstRegion).not.toBe(ascending);
    const descending = await firstRegion();
    expect([ascending, descending].every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    expect(String(descending).localeCompare(String(ascending), 'nb')).toBeGreaterThan(0);
    await table.getByRole('button', { name: 'Kommuneregion' }).click();
    await expect.poll(firstRegion).toBe(ascending);
    await page.getByLabel('Søk etter kommuneregion').fill('kongsberg');
    await page.getByText('Viser 1 av 12 avtaler').waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    await page.getByLabel('Søk etter kommuneregion').fill('ingen slik region');
    await page.getByText('Ingen kommuneregion passer søket.').waitFor();
    await expectAccessible(page, 'agreements list, no match');
    await page.getByLabel('Søk etter kommuneregion').fill('');
    await page.getByText('Viser 12 avtaler').waitFor();

    await table.getByRole('link', { name: 'Kongsbergregionen' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Partnerskapsavtale mellom Viken fylkeskommune og Kongsbergregionen',
      })
      .waitFor();
    const parties = page.getByRole('region', { name: 'Avtalepartene' });
    await parties.getByText('Regionen har 8 medlemskommuner ved avtalens start:').waitFor();
    const notodden = parties.getByRole('listitem').filter({ hasText: 'Notodden' });
    await notodden.getByText('Utenfor fylket').waitFor();
    expect(
      await parties.getByRole('listitem').filter({ hasText: 'Kongsberg' }).first().textContent(),
    ).not.toContain('Utenfor fylket');
    await page.getByRole('link', { name: 'Versjon 1' }).waitFor();
    await expectAccessible(page, 'agreement overview (admin)');

    // A newer general part is approved: the agreement shows the drift, and the coordinator moves it.
    await approveVersion2(page, baseUrl, v1.id);
    await page.reload();
    await page
      .getByText('Avtalen bruker versjon 1 av den generelle delen, men versjon 2 er vedtatt siden.')
      .waitFor();
    const compare = page.getByRole('link', { name: 'Sammenlign versjon 1 og 2' });
    expect(await compare.getAttribute('href')).toMatch(/^\/general-part\/compare\?from=.+&to=.+$/);
    await expectAccessible(page, 'agreement overview with drift');
    await page.getByRole('button', { name: 'Flytt til versjon 2' }).click();
    const move = page.getByRole('dialog', { name: 'Flytt avtalen til versjon 2' });
    await settled(move);
    await expectAccessible(page, 'move general part dialog');
    await move.getByRole('button', { name: 'Flytt til versjon 2' }).click();
    await move.getByText('Feltet må fylles ut.').last().waitFor();
    await move.getByLabel('Begrunnelse').fill('Fylkesrådet vedtok endret generell del 1. mars.');
    await move.getByRole('button', { name: 'Flytt til versjon 2' }).click();
    await page.getByText('Avtalen bruker nå versjon 2 av den generelle delen.').waitFor();
    const history = page.getByRole('region', { name: 'Historikk for generell del' });
    await history.getByText('Fylkesrådet vedtok endret generell del 1. mars.').waitFor();
    await history.getByText(/Flyttet fra versjon 1 til versjon 2/).waitFor();
    expect(await page.getByRole('button', { name: 'Flytt til versjon 2' }).count()).toBe(0);
    await expectAccessible(page, 'agreement overview after the move');

    // The list marks the agreements still on version 1.
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    const rows = page.getByRole('table', { name: `Avtaler i ${cycleName}` }).getByRole('row');
    await rows.filter({ hasText: 'Kongsbergregionen' }).getByText('Versjon 2', { exact: true }).waitFor();
    expect(
      await rows.filter({ hasText: 'Kongsbergregionen' }).getByText('Versjon 2 er vedtatt').count(),
    ).toBe(0);
    await rows.filter({ hasText: 'Haldenregionen' }).getByText('Versjon 2 er vedtatt').waitFor();

    // The parties follow the period: Vestby joined Mosseregionen on 1 January 2021.
    await rows.getByRole('link', { name: 'Mosseregionen interkommunale politiske råd' }).click();
    const mosseParties = page.getByRole('region', { name: 'Avtalepartene' });
    await mosseParties.getByRole('listitem').filter({ hasText: 'Vestby' }).waitFor();
    await page.getByRole('button', { name: 'Endre periode' }).click();
    const period = page.getByRole('dialog', { name: 'Endre avtaleperioden' });
    await settled(period);
    await expectAccessible(page, 'agreement period dialog');
    await period.getByLabel('Fra').fill('2037-01-01');
    await period.getByRole('button', { name: 'Lagre' }).click();
    await period.getByText('Sluttdatoen må være etter startdatoen.').last().waitFor();
    await period.getByLabel('Fra').fill('2020-06-01');
    await period.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Avtaleperioden er lagret.').waitFor();
    await mosseParties.getByText('Regionen har 3 medlemskommuner ved avtalens start:').waitFor();
    expect(await mosseParties.getByRole('listitem').filter({ hasText: 'Vestby' }).count()).toBe(0);
  });

  it('lets the coordinator reorder the subject areas with the keyboard', async () => {
    const { page } = j;
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await page.getByRole('link', { name: 'Fagområder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fagområder' }).waitFor();
    const table = page.getByRole('table', { name: `Fagområder i ${cycleName}` });
    const names = async () =>
      (await table.getByRole('row').allTextContents())
        .slice(1)
        .map((row) => row.replace(/^\d+/, '').split('Opp')[0]);
    await table.getByRole('row').nth(6).waitFor();
    expect((await names())[2]).toBe('Næring');
    await expectAccessible(page, 'subject areas');
    await table.getByRole('button', { name: 'Flytt Næring opp' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Næring er flyttet opp til plass 2.').waitFor();
    expect((await names()).slice(0, 3)).toEqual(['Samferdsel', 'Næring', 'Utdanning og kompetanse']);
    // The button keeps the focus as its row moves, up to the top, where it does nothing more.
    await page.keyboard.press('Enter');
    await page.getByText('Næring er flyttet opp til plass 1.').waitFor();
    expect((await names()).slice(0, 2)).toEqual(['Næring', 'Samferdsel']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Flytt Næring opp',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Næring er flyttet ned til plass 2.').waitFor();
    expect((await names()).slice(0, 3)).toEqual(['Samferdsel', 'Næring', 'Utdanning og kompetanse']);
    await signOut(page);
  });

  it('lets a region contact mark a subject area their region wants in their own agreement', async () => {
    const { page } = j;
    await signIn(page, regionContact);
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    const table = page.getByRole('table', { name: `Avtaler i ${cycleName}` });
    // The contact's own region comes first, marked, though the list is by region name.
    const first = table.getByRole('row').nth(1);
    await expect.poll(() => first.textContent()).toContain('Indre Østfold regionråd');
    expect(await first.textContent()).toContain('Din region');
    expect(await table.getByRole('row').nth(2).textContent()).not.toContain('Din region');
    await table.getByRole('link', { name: 'Indre Østfold regionråd' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Partnerskapsavtale mellom Viken fylkeskommune og Indre Østfold regionråd',
      })
      .waitFor();
    const wanted = page.getByRole('region', { name: 'Fagområder regionen ønsker' });
    await wanted.getByRole('button', { name: 'Marker Næring som ønsket' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ønsket fagområde: Næring' });
    await settled(dialog);
    await expectAccessible(page, 'mark wanted subject area dialog');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.getByText('Feltet må fylles ut.').last().waitFor();
    await dialog.getByLabel('Begrunnelse').fill('Flere arbeidsplasser i regionen.');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Næring er markert som ønsket.').waitFor();
    const entry = wanted.getByRole('listitem').filter({ hasText: 'Næring' });
    await entry.getByText('Ønsket', { exact: true }).waitFor();
    await entry.getByText('Flere arbeidsplasser i regionen.').waitFor();
    await wanted.getByRole('button', { name: 'Endre begrunnelsen for Næring' }).waitFor();
    await expectAccessible(page, 'agreement overview (region contact) with a wanted subject area');

    // Another region's agreement is read only for this contact.
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
    await table.getByRole('link', { name: 'Regionrådet for Hallingdal' }).click();
    await page.getByRole('heading', { level: 1, name: /Partnarskapsavtale mellom/ }).waitFor();
    await page.getByText('Regionen har ikke markert noen fagområder ennå.').waitFor();
    expect(await page.getByRole('button', { name: /Marker .* som ønsket/ }).count()).toBe(0);
  });
});
