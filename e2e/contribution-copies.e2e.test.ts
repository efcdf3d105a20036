import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionDetail } from '../src/shared/contracts/contributions.js';
import { contributionsPath } from '../src/shared/contracts/paths.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { card, cycleWithAgreements, send, settled, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';
const title = 'Felles billettsystem for regionbussene';
const hallingdal = 'Regionrådet for Hallingdal';
const moss = 'Mosseregionen interkommunale politiske råd';

describe.skipIf(!chromiumPath)('copying a contribution to other regions in the browser', () => {
  let j: Journey;
  let agreements: { cycleId: string; own: string; hallingdal: string; moss: string };
  let source: ContributionDetail;
  beforeAll(async () => {
    j = await startJourney();
    await signIn(j.page, admin);
    // A cycle of its own with three regions' agreements; the other nine regions have none in it.
    agreements = await cycleWithAgreements(j.page, j.baseUrl, {
      cycle: { name: 'Kopisyklus 2045–2048', periodFrom: '2045-01-01', periodTo: '2048-12-31' },
      approval: { date: '2044-10-20', caseNumber: '45/44' },
      regions: { own: 'Indre Østfold regionråd', hallingdal, moss },
    });
    await signOut(j.page);
    // The Samferdsel editor's contribution in Indre Østfold, made through the API (adding one in the
    // browser is the contributions journey's subject).
    await signIn(j.page, departmentEditor);
    const areas = await send<{ items: { id: string; name: string }[] }>(
      j.page,
      j.baseUrl,
      'GET',
      `/api/v1/cycles/${agreements.cycleId}/subject-areas`,
    );
    const transport = areas.items.find((a) => a.name === 'Samferdsel') ?? areas.items[0];
    if (!transport) throw new Error('the cycle has no subject areas');
    const me = await send<{ departmentId: string }>(j.page, j.baseUrl, 'GET', '/api/v1/auth/me');
    source = await send<ContributionDetail>(
      j.page,
      j.baseUrl,
      'POST',
      `/api/v1/agreements/${agreements.own}/contributions`,
      {
        subjectAreaId: transport.id,
        kind: 'measure',
        owner: { type: 'department', departmentId: me.departmentId },
        title,
        description: 'Én billett for alle regionbussene.',
        budgetNokPerYear: 1_200_000,
        timeFrame: '2045–2046',
      },
    );
  }, 300_000);
  afterAll(async () => j?.close());

  it('lets the Samferdsel editor copy a contribution to two regions with the keyboard, and land on a copy', async () => {
    const { page } = j;
    await page.goto(contributionsPath(agreements.own));
    const item = card(page, title);
    await item.waitFor();

    // The dialog opens from the item's actions, by the keyboard.
    await item.getByRole('button', { name: `Kopier «${title}» til andre regioner` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Kopier «${title}» til andre regioner` });
    await settled(dialog);
    await dialog.getByRole('checkbox', { name: hallingdal }).waitFor();
    // The own region is not offered; a region without an agreement in the cycle is shown, disabled, with why.
    expect(await dialog.getByRole('checkbox', { name: /Indre Østfold/ }).count()).toBe(0);
    const folloregionen = dialog.getByRole('checkbox', { name: /^Folloregionen/ });
    expect(await folloregionen.isDisabled()).toBe(true);
    expect(await folloregionen.getAttribute('aria-describedby')).toBeTruthy();
    await dialog.getByText('Har ingen avtale i denne avtalesyklusen.').first().waitFor();
    await dialog.getByText('Ingen regioner er valgt ennå.').waitFor();
    await expectAccessible(page, 'the copy dialog');

    // Copying to no region is refused on the form, with the error summary.
    await dialog.getByRole('button', { name: 'Kopier', exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('Velg minst én region.').first().waitFor();
    await expectAccessible(page, 'the copy dialog with an error');

    // Choose all, then none, then the two regions one by one with the space bar.
    await dialog.getByRole('button', { name: 'Velg alle' }).focus();
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('checkbox', { name: hallingdal }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: moss }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Velg ingen' }).focus();
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('checkbox', { name: hallingdal }).isChecked()).toBe(false);
    await dialog.getByRole('checkbox', { name: hallingdal }).focus();
    await page.keyboard.press('Space');
    await dialog.getByRole('checkbox', { name: moss }).focus();
    await page.keyboard.press('Space');
    await dialog.getByText(`Bidraget kopieres til 2 regioner: ${moss}, ${hallingdal}.`).waitFor();
    await expectAccessible(page, 'the copy dialog with two regions chosen');
    await dialog.getByRole('button', { name: 'Kopier til 2 regioner' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    // The truthful message, under the item, with a link to each copy.
    const done = item.getByRole('status');
    await done.getByText('Kopiert til 2 regioner.').waitFor();
    const links = done.getByRole('link');
    expect(await links.allTextContents()).toEqual([`«${title}» i ${moss}`, `«${title}» i ${hallingdal}`]);
    await expectAccessible(page, 'the Bidrag tab after copying');

    // The link lands on the copy in Hallingdal's agreement: its own, proposed, with its own history.
    await done.getByRole('link', { name: `«${title}» i ${hallingdal}` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === contributionsPath(agreements.hallingdal));
    const copyId = new URL(page.url()).hash.replace('#bidrag-', '');
    expect(copyId).not.toBe(source.id);
    const copy = card(page, title);
    await copy.waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === `bidrag-${id}`, copyId);
    await copy.getByText('Foreslått').waitFor();
    await copy.getByText(/^1\s200\s000\skr$/).waitFor();
    await copy.getByText('Statushistorikk').click();
    await copy.getByText('Kopiert fra bidraget til Indre Østfold regionråd').waitFor();
    expect(await copy.getByText('Kommentarer (0)').count()).toBe(1);
  }, 240_000);
});
