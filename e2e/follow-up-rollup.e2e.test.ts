import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EqualTreatment, Rollup } from '../src/shared/contracts/follow-up-rollup.js';
import { expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';

/** With SCREENSHOTS set to a folder, the page is photographed there, whole. */
async function shot(page: Page, name: string) {
  const folder = process.env.SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/** An answer of the API for the cycle the screen shows, read with the page's session. */
async function forShownCycle<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const cycles = (await (await fetch('/api/v1/cycles')).json()) as {
      items: { id: string; status: string }[];
    };
    const chosen = localStorage.getItem('partnerskap.cycle');
    const cycle =
      cycles.items.find((c) => c.id === chosen) ??
      cycles.items.find((c) => c.status === 'active') ??
      cycles.items[0];
    return (await (await fetch(`${p}${p.includes('?') ? '&' : '?'}cycle=${cycle?.id}`)).json()) as T;
  }, path);
}

const csv = (rows: string[]) =>
  Buffer.from(
    ['"Befolkning, etter region, statistikkvariabel og år"', '', '"region";"Personer 2021"', ...rows].join(
      '\r\n',
    ),
  );

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
}, 300_000);
afterAll(async () => journey?.close());

describe('inhabitants, the roll-up and equal treatment', () => {
  it('the coordinator imports SSB figures: a bad file is refused line by line, a good one is taken', async () => {
    const { page } = journey;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Register' }).click();
    await page.getByRole('link', { name: 'Innbyggere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innbyggere' }).waitFor();
    // The demo's 56 municipalities, each with its count of 1 January 2020.
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(56);
    await expectAccessible(page, 'the inhabitants page');

    const file = page.getByLabel('CSV-fil');
    await file.setInputFiles({
      name: 'befolkning.csv',
      mimeType: 'text/csv',
      buffer: csv(['"3001 Halden";31500', '"3099 Ukjent";10']),
    });
    await page.getByRole('button', { name: 'Importer' }).click();
    const refused = page.getByRole('alert');
    await refused.getByText('Filen ble ikke importert, og ingenting er endret:').waitFor();
    await refused
      .getByText('Linje 5: kommunenummer 3099 (Ukjent) finnes ikke i registeret.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'the inhabitants page with a refused file');
    await shot(page, 'populations-refused');

    await file.setInputFiles({
      name: 'befolkning.csv',
      mimeType: 'text/csv',
      buffer: csv(['"3001 Halden";31500']),
    });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Importert: 1 nye tall, 0 endret, 0 uendret.', { exact: false }).waitFor();
    const halden = page.locator('table tbody tr').filter({ hasText: '3001 Halden' });
    await expect.poll(() => halden.textContent()).toContain('31');
    await expect.poll(() => halden.textContent()).toContain('2021');
  });

  it('the roll-up shows the county, a chart per group and the table, by region and by department', async () => {
    const { page } = journey;
    await mainNav(page).getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await page.getByRole('link', { name: 'Samlet oppfølging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Måloppnåelse' }).waitFor();
    // The first page, as the screen asks for it.
    const rollup = await forShownCycle<Rollup>(page, '/api/v1/follow-up/rollup?by=region&limit=100');
    if (rollup.total.total.commitments + rollup.total.total.withdrawn === 0) {
      await page.getByText('Ingen avtaler i kraft har forpliktelser i denne syklusen ennå.').waitFor();
    } else {
      await page.getByRole('img', { name: /Fremdrift per region/ }).waitFor();
      await page.getByRole('img', { name: /Status per region/ }).waitFor();
      const groups = await page.locator('table tbody th[scope="rowgroup"]').allTextContents();
      expect(groups).toEqual([
        ...rollup.items.map((g) => g.name ?? 'Regionenes egne forpliktelser'),
        'Hele fylket',
      ]);
      const noun = rollup.count === 1 ? 'region' : 'regioner';
      await page
        .getByRole('status')
        .filter({ hasText: `Viser ${rollup.items.length} av ${rollup.count} ${noun}` })
        .waitFor();
    }
    await expectAccessible(page, 'the roll-up by region');
    await shot(page, 'rollup-region');

    await page.getByLabel('Vis per').selectOption({ label: 'Rådsområde' });
    await page
      .getByRole('heading', { name: 'Status per rådsområde' })
      .or(page.getByText('Ingen avtaler i kraft'))
      .first()
      .waitFor();
    expect(page.url()).toContain('by=department');
    await expectAccessible(page, 'the roll-up by department');
  });

  it('the equal-treatment view puts the regions side by side, Jevnaker counted in both its regions', async () => {
    const { page } = journey;
    await page.getByRole('link', { name: 'Likebehandling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Likebehandling' }).waitFor();
    const view = await forShownCycle<EqualTreatment>(page, '/api/v1/follow-up/equal-treatment?limit=100');
    const table = page.getByRole('table', { name: 'Likebehandling' });
    await table.waitFor();
    const rowNames = () =>
      table
        .locator('tbody th[scope="row"]')
        .evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''));
    expect(await rowNames()).toEqual(view.items.map((r) => r.name));
    await page
      .getByRole('status')
      .filter({ hasText: `Viser ${view.count} av ${view.count} regioner` })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
    const hadeland = table.locator('tbody tr').filter({ hasText: 'Regionrådet for Hadeland' });
    await hadeland.getByText('Også i en annen region: Jevnaker.').waitFor();
    await page.getByRole('img', { name: /Kroner per innbygger per region/ }).waitFor();
    await expectAccessible(page, 'the equal-treatment view');
    await shot(page, 'equal-treatment');
  });

  it('the equal-treatment view adds the next regions with «Vis flere», in every table', async () => {
    const { page } = journey;
    // The demo's twelve regions fit on the screen's first page of 100: pages of five show the paging.
    const pattern = '**/api/v1/follow-up/equal-treatment?*';
    await page.route(pattern, (route) =>
      route.continue({ url: route.request().url().replace('limit=100', 'limit=5') }),
    );
    try {
      await page.getByRole('link', { name: 'Måloppnåelse' }).click();
      await page.getByRole('heading', { level: 1, name: 'Måloppnåelse' }).waitFor();
      await page.getByRole('link', { name: 'Likebehandling' }).click();
      // Every region in one page (the route above changes only the screen's limit of 100).
      const view = await forShownCycle<EqualTreatment>(page, '/api/v1/follow-up/equal-treatment?limit=500');
      const table = page.getByRole('table', { name: 'Likebehandling' });
      const rows = table.locator('tbody tr');
      const areas = page
        .getByRole('table', { name: 'Kroner per innbygger per fagområde' })
        .locator('tbody tr');
      await page
        .getByRole('status')
        .filter({ hasText: `Viser 5 av ${view.count} regioner. Det finnes flere.` })
        .waitFor();
      expect(await rows.count()).toBe(5);
      await expectAccessible(page, 'the equal-treatment view with more regions to show');
      const more = page.getByRole('button', { name: 'Vis flere' });
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => rows.count()).toBe(10);
      if (view.subjectAreas.length > 0) expect(await areas.count()).toBe(10);
      await more.click();
      await expect.poll(() => rows.count()).toBe(view.count);
      await page
        .getByRole('status')
        .filter({ hasText: `Viser ${view.count} av ${view.count} regioner` })
        .waitFor();
      expect(await more.count()).toBe(0);
      const names = await table
        .locator('tbody th[scope="row"]')
        .evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''));
      expect(names).toEqual(view.items.map((r) => r.name));
      // The subject areas' cells follow their regions across the pages: the same as one page of all.
      if (view.subjectAreas.length > 0) {
        const column = view.subjectAreas[0];
        const cells = await areas.evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent ?? ''));
        const shown = (n: number | null | undefined) =>
          n === null || n === undefined ? 'Ukjent' : new Intl.NumberFormat('nb-NO').format(n);
        expect(cells.map((c) => c.split(' Uteligger')[0]?.trim())).toEqual(
          column?.cells.map((c) => shown(c.kronerPerInhabitant)),
        );
      }
    } finally {
      await page.unroute(pattern);
    }
  });
});
