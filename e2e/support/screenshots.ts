import type { Locator, Page } from 'playwright-core';

/** A desktop's and a phone's screen, the two widths every changed screen is looked at in. */
const widths = [
  [1366, 900],
  [390, 844],
] as const;

/** The folder SCREENSHOTS names, where the pictures go; without it a journey takes none. */
const folder = () => process.env.SCREENSHOTS;

async function atEachWidth(page: Page, take: (width: number) => Promise<void>) {
  const before = page.viewportSize();
  for (const [width, height] of widths) {
    await page.setViewportSize({ width, height });
    await take(width);
  }
  if (before) await page.setViewportSize(before);
}

/**
 * With SCREENSHOTS=<dir>, the page at a desktop's and a phone's width, for a person to look at: the whole
 * page, or (with `at`) the screen scrolled to one element, such as a message that must be in view.
 */
export async function shoot(page: Page, name: string, at?: Locator) {
  const dir = folder();
  if (!dir) return;
  await atEachWidth(page, async (width) => {
    if (at) await at.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: at === undefined });
  });
}

/** The same for an open dialog: what the screen shows of it, scrolled to its top and to its end. */
export async function shootDialog(page: Page, dialog: Locator, name: string) {
  const dir = folder();
  if (!dir) return;
  await atEachWidth(page, async (width) => {
    for (const [end, top] of [
      ['top', true],
      ['end', false],
    ] as const) {
      await dialog.evaluate((el, toTop) => el.scrollTo(0, toTop ? 0 : el.scrollHeight), top);
      await page.screenshot({ path: `${dir}/${name}-${end}-${width}.png` });
    }
  });
}
