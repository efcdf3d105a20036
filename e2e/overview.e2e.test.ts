import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
}, 300_000);
afterAll(async () => journey?.close());

describe('the overview of all regions', () => {
  it('the coordinator filters and sorts, keeps it over a reload, sees the timeline and opens a region', async () => {
    const { page } = journey;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Regionoversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionoversikt' }).waitFor();
    const rows = page.locator('table.overview-table tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    await page.getByText('Viser 12 av 12 regioner').waitFor();

    // The timeline is drawn (lazily, with its library) with today marked, and named by the table.
    const timeline = page.getByRole('img', { name: 'Tidslinje over milepælene for 12 regioner' });
    await timeline.locator('svg').waitFor();
    await expect.poll(() => timeline.locator('svg text', { hasText: 'I dag' }).count()).toBe(1);
    const describedBy = await timeline.getAttribute('aria-describedby');
    expect(await page.locator(`caption[id="${describedBy}"]`).textContent()).toContain(
      'Avtalene i Partnerskapsavtaler 2021–2024',
    );
    await expectAccessible(page, 'the overview of all regions');

    // Filter by phase and by name, and sort by the days in the phase, longest first.
    await page.getByRole('combobox', { name: 'Fase' }).selectOption({ label: 'Felles arbeid' });
    await expect.poll(() => rows.count()).toBeLessThan(12);
    const joint = await rows.count();
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(
      Array(joint).fill('Felles arbeid'),
    );
    await page.getByRole('button', { name: 'Dager i fasen' }).click();
    await page.getByRole('button', { name: 'Dager i fasen' }).click();
    const days = async () =>
      (await rows.locator('td:nth-child(3)').allTextContents()).map((text) => Number.parseInt(text, 10));
    await expect
      .poll(async () => {
        const list = await days();
        return list.every((d, i) => i === 0 || (list[i - 1] ?? 0) >= d);
      })
      .toBe(true);
    await page.getByRole('textbox', { name: 'Region' }).fill('Moss');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.url()).toContain('q=Moss');
    const url = new URL(page.url());
    expect(url.searchParams.get('phase')).toBe('joint');
    expect(url.searchParams.get('sort')).toBe('days');
    expect(url.searchParams.get('dir')).toBe('desc');

    // The address keeps it all: after a reload the same rows, filters and order.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Regionoversikt' }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Region' }).inputValue()).toBe('Moss');
    expect(await page.getByRole('combobox', { name: 'Fase' }).inputValue()).toBe('joint');
    await page.getByRole('img', { name: 'Tidslinje over milepælene for 1 region' }).locator('svg').waitFor();

    // A row opens the region's agreement, whose overview tab has its status in one place.
    await rows.getByRole('link', { name: 'Mosseregionen interkommunale politiske råd' }).click();
    await page.getByRole('heading', { level: 2, name: 'Status for avtalen' }).waitFor();
    expect(page.url()).toMatch(/\/avtaler\/[0-9a-f-]{36}$/);
    const summary = page.locator('section.overview-summary');
    await summary.getByText('Felles arbeid').waitFor();
    await summary.getByRole('link', { name: 'Se milepælene' }).waitFor();
    await expectAccessible(page, "an agreement's overview with its status");
  });
});
