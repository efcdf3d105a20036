import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav } from './support/journey.js';

/**
 * The top bar on a phone is one row, the name and a menu button, and leaves the screen to the page; the
 * button opens the sections, the cycle, the language and who is signed in, by keyboard as well. On a
 * desktop everything stays in view, as before.
 */

const admin = 'admin@demo.partnerskap.no';

/** With SCREENSHOTS set to a folder, the page is photographed there (the top of it, as a user sees it). */
async function shot(page: Page, name: string) {
  const folder = process.env.SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png` });
}

const header = (page: Page) => page.locator('header.app-header');
const menuButton = (page: Page) => page.getByRole('button', { name: 'Meny' });

async function heightOf(page: Page, what: string): Promise<number> {
  const box = await header(page).boundingBox();
  if (!box) throw new Error(`no header on ${what}`);
  return box.height;
}

/** The vertical middle of each visible link in the main menu: one value when they stand in one row. */
const rowsOfLinks = (page: Page) =>
  mainNav(page)
    .getByRole('link')
    .evaluateAll((links) => [
      ...new Set(
        links.map((a) => {
          const r = a.getBoundingClientRect();
          return Math.round(r.top + r.height / 2);
        }),
      ),
    ]);

describe.skipIf(!chromiumPath)('the top bar', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => j?.close());

  it('on a phone is one row with a menu button that opens and closes by keyboard', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, admin);
    await shot(page, 'header-390-closed');

    const closed = await heightOf(page, 'the closed header');
    expect(closed).toBeLessThan(100);
    // The name and the button in one row; the menu's parts are out of sight (and out of the tab order).
    const brand = await page.getByRole('link', { name: 'Partnerskap', exact: true }).boundingBox();
    const button = await menuButton(page).boundingBox();
    expect(
      brand && button && Math.abs(brand.y + brand.height / 2 - (button.y + button.height / 2)),
    ).toBeLessThan(8);
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
    const controls = await menuButton(page).getAttribute('aria-controls');
    expect(controls).toBe('app-menu');
    expect(await mainNav(page).isVisible()).toBe(false);
    expect(await page.getByLabel('Språk').isVisible()).toBe(false);
    await expectAccessible(page, 'the start page on a phone, menu closed');

    // By keyboard: the skip link, the name, then the button.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await menuButton(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('true');
    await mainNav(page).waitFor();
    await page.getByLabel('Språk').waitFor();
    await page.getByLabel('Avtalesyklus').waitFor();
    await page.getByText(/^Innlogget som /).waitFor();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    expect(await mainNav(page).getByRole('link').count()).toBeGreaterThan(5);
    await expectAccessible(page, 'the start page on a phone, menu open');
    await shot(page, 'header-390-open');

    // Tab goes on into the menu; Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.getElementById('app-menu')?.contains(document.activeElement)),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await menuButton(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await mainNav(page).isVisible()).toBe(false);

    // Space opens it too; choosing a section goes there and closes the menu.
    await page.keyboard.press('Space');
    await mainNav(page).getByRole('link', { name: 'Avtaler' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Avtaler' }).waitFor();
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await heightOf(page, 'the agreements page')).toBeLessThan(100);
    await expectAccessible(page, 'the agreements on a phone, menu closed');
  });

  it('on a desktop shows everything in view, the sections in one row, and no menu button', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await shot(page, 'header-1366');
    expect(await menuButton(page).isVisible()).toBe(false);
    await mainNav(page).waitFor();
    expect(await rowsOfLinks(page)).toHaveLength(1);
    await page.getByLabel('Språk').waitFor();
    await page.getByLabel('Avtalesyklus').waitFor();
    await page.getByText('Viken', { exact: false }).first().waitFor();
    // As before the phone's menu: the bar's two rows (the tools wrap under the cycle at 1366 px) and the sections.
    expect(await heightOf(page, 'the desktop header')).toBeLessThan(230);
    await expectAccessible(page, 'the start page on a desktop');
  });
});
