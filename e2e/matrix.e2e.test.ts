import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Matrix, type MatrixCell, matrixCellCounts } from '../src/shared/contracts/matrix.js';
import { expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav, settled } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';

/** With SCREENSHOTS set to a folder, the page is photographed there, whole. */
async function shot(page: Page, name: string) {
  const folder = process.env.SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/** The matrix as the API gives it for the cycle the screen shows, read with the page's session. */
async function matrixOf(page: Page, search: string): Promise<Matrix> {
  return page.evaluate(async (s) => {
    const cycles = (await (await fetch('/api/v1/cycles')).json()) as {
      items: { id: string; status: string }[];
    };
    const chosen = localStorage.getItem('partnerskap.cycle');
    const cycle =
      cycles.items.find((c) => c.id === chosen) ??
      cycles.items.find((c) => c.status === 'active') ??
      cycles.items[0];
    const res = await fetch(`/api/v1/matrix?cycle=${cycle?.id}${s}`);
    return (await res.json()) as Matrix;
  }, search);
}

/** The button of the cell in the row named `owner` and the column of region number `column`. */
function cellButton(page: Page, owner: string, column: number): Locator {
  return page
    .locator('table.matrix tbody tr')
    .filter({ has: page.locator('th', { hasText: owner }) })
    .locator('td')
    .nth(column)
    .getByRole('button');
}

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
}, 300_000);
afterAll(async () => journey?.close());

describe('the matrix', () => {
  it('the coordinator reads the counts, filters, opens a cell and downloads the CSV', async () => {
    const { page } = journey;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Matrise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matrise' }).waitFor();
    const table = page.locator('table.matrix');
    await table.waitFor();

    // The demo cycle: every department and the region itself × the twelve regions.
    const m = await matrixOf(page, '');
    expect(m.regions.length).toBeGreaterThan(0);
    // Each column's header is the region's full name for a screen reader (shown shortened).
    const columnHeaders = await table.locator('thead th[scope="col"] .visually-hidden').allTextContents();
    expect(columnHeaders).toEqual(m.regions.map((r) => r.name));
    const rowHeaders = await table.locator('tbody th[scope="row"]').allTextContents();
    expect(rowHeaders).toEqual([...m.departments.map((d) => d.name), 'Regionen selv']);

    // A cell with items of several statuses shows each count with its letter; an empty one says so.
    const rowName = (departmentId: string | null) =>
      departmentId === null
        ? 'Regionen selv'
        : (m.departments.find((d) => d.id === departmentId)?.name ?? '');
    const placed = m.rows.flatMap((row) =>
      row.cells.map((cell, column) => ({
        ...matrixCellCounts(cell),
        departmentId: row.departmentId,
        owner: rowName(row.departmentId),
        column,
      })),
    );
    const busy = placed.find((c) => c.agreed > 0 && c.total > c.agreed && c.departmentId !== null);
    if (!busy) throw new Error('no busy cell');
    const busyOwner = busy.owner;
    const busyColumn = busy.column;
    const busyButton = cellButton(page, busyOwner, busyColumn);
    await expect.poll(() => busyButton.getAttribute('aria-label')).toContain(`${busy.agreed} Avtalt`);
    const empty = placed.find((c) => c.total === 0);
    if (empty) {
      await expect.poll(() => cellButton(page, empty.owner, empty.column).textContent()).toBe('ingen ennå');
    }
    await expectAccessible(page, 'the matrix');

    // Only the agreed items: the filter goes into the address and the counts follow it.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Avtalt' });
    await page.waitForURL(/status=agreed/);
    await expect.poll(() => busyButton.textContent()).toBe(`${busy.agreed} A`);
    expect(await busyButton.getAttribute('aria-label')).toBe(
      `${busyOwner}, ${m.regions[busyColumn]?.name}: ${busy.agreed} Avtalt`,
    );
    const agreed = await matrixOf(page, '&status=agreed');
    const agreedTotal = agreed.rows
      .flatMap((r) => r.cells)
      .reduce((sum, c) => sum + matrixCellCounts(c).total, 0);
    expect(agreedTotal).toBeGreaterThan(0);

    // Enter on a cell opens its contributions.
    await busyButton.focus();
    await page.keyboard.press('Enter');
    const region = m.regions[busyColumn]?.name ?? '';
    const dialog = page.getByRole('dialog', { name: `${busyOwner} – ${region}` });
    await settled(dialog);
    await expect.poll(() => dialog.locator('tbody tr').count()).toBe(busy.agreed);
    await dialog.getByText(`Viser ${busy.agreed} av ${busy.total} bidrag etter filteret.`).waitFor();
    await expectAccessible(page, 'a cell of the matrix');
    // The coordinator may edit every item: the contributions' own form opens over the cell.
    await dialog
      .getByRole('button', { name: /^Endre/ })
      .first()
      .click();
    const edit = page.getByRole('dialog', { name: 'Endre bidrag' });
    await settled(edit);
    await edit.getByRole('button', { name: 'Lukk' }).first().click();
    await edit.waitFor({ state: 'hidden' });
    await dialog.getByRole('button', { name: 'Lukk' }).first().click();
    await dialog.waitFor({ state: 'hidden' });

    // The CSV has the same filter: one line per agreed contribution, for Norwegian Excel.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Bidrag .+\.csv$/);
    const file = await readFile(await download.path());
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8').slice(1);
    expect(text.startsWith('Region;Eier;Fagområde;Type;Tittel;')).toBe(true);
    // Each record ends in the date it was last changed and CRLF (descriptions may hold line breaks).
    const records = text.match(/;\d{4}-\d{2}-\d{2} \d{2}:\d{2}\r\n/g) ?? [];
    expect(records).toHaveLength(agreedTotal);
    expect(text).not.toMatch(/;(Foreslått|Drøftet|Falt bort);/);
  });
  it("lets a region contact add in the region's own row of its own column, and nowhere else", async () => {
    const { page } = journey;
    await journey.context.clearCookies();
    await signIn(page, 'indre-ostfold@demo.partnerskap.no');
    await mainNav(page).getByRole('link', { name: 'Matrise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matrise' }).waitFor();
    const m = await matrixOf(page, '');
    const own = m.regions.findIndex((r) => r.name === 'Indre Østfold regionråd');
    const other = m.regions.findIndex((r) => r.name !== 'Indre Østfold regionråd');
    expect(own).toBeGreaterThanOrEqual(0);
    // Opens a cell and waits until its agreement is read: what may be added is decided from it.
    const open = async (owner: string, column: number) => {
      const agreementId = m.regions[column]?.agreementId ?? '';
      const read = page.waitForResponse(
        (r) => r.url().endsWith(`/api/v1/agreements/${agreementId}`) && r.ok(),
      );
      await cellButton(page, owner, column).click();
      const dialog = page.getByRole('dialog', { name: new RegExp(`^${owner} – `) });
      await settled(dialog);
      await read;
      await dialog.getByRole('link', { name: 'Åpne bidragene i avtalen' }).waitFor();
      return dialog;
    };
    // The cell's agreement says whose region it is; only there may the region add its own items.
    const mine = await open('Regionen selv', own);
    await mine.getByRole('button', { name: 'Legg til bidrag' }).waitFor();
    await mine.getByRole('button', { name: 'Lukk' }).first().click();
    await mine.waitFor({ state: 'hidden' });
    const theirs = await open('Regionen selv', other);
    expect(await theirs.getByRole('button', { name: 'Legg til bidrag' }).count()).toBe(0);
    await theirs.getByRole('button', { name: 'Lukk' }).first().click();
    await theirs.waitFor({ state: 'hidden' });
  });

  it('a viewer reads the totals, sees all twelve regions on a laptop, and walks the grid by the arrow keys', async () => {
    const { page } = journey;
    await journey.context.clearCookies();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, 'leser@demo.partnerskap.no');
    await mainNav(page).getByRole('link', { name: 'Matrise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matrise' }).waitFor();
    const table = page.locator('table.matrix');
    await table.waitFor();
    // A viewer reads: nothing tells them to edit.
    await page.getByText('Velg en celle for å se bidragene.', { exact: false }).waitFor();
    expect(await page.getByText('se og endre', { exact: false }).count()).toBe(0);

    const m = await matrixOf(page, '');
    expect(m.regions).toHaveLength(12);
    // All twelve regions and the totals fit at 1366 px: nothing to scroll sideways.
    const frame = page.locator('.matrix-scroll');
    await shot(page, 'matrix-1366');
    expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const header of await table.locator('thead th[scope="col"]').all()) {
      const box = await header.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(1366);
    }
    await expectAccessible(page, 'the matrix as a viewer');

    // The totals: in how many regions each row has nothing, and how many departments each region lacks.
    const names = (id: string | null) =>
      id === null ? 'Regionen selv' : (m.departments.find((d) => d.id === id)?.name ?? '');
    const totalOf = (cell: MatrixCell | undefined) => (cell ? matrixCellCounts(cell).total : 0);
    const first = m.rows[0];
    if (!first) throw new Error('no rows');
    const without = first.cells.filter((c) => totalOf(c) === 0).length;
    const sum = first.cells.reduce((n, c) => n + totalOf(c), 0);
    const rowTotal = table.locator('tbody tr').first().locator('td.matrix__total');
    expect(await rowTotal.getAttribute('aria-label')).toBe(
      `${names(first.departmentId)} i alt: ${sum} bidrag. Ingen bidrag i ${without} av 12 regioner.`,
    );
    const departmentRows = m.rows.filter((r) => r.departmentId !== null);
    const lacking = departmentRows.filter((r) => totalOf(r.cells[0]) === 0).length;
    const columnSum = m.rows.reduce((n, r) => n + totalOf(r.cells[0]), 0);
    expect(await table.locator('tfoot td').first().getAttribute('aria-label')).toBe(
      `${m.regions[0]?.name} i alt: ${columnSum} bidrag. Mangler fra ${lacking} av ${departmentRows.length} rådsområder.`,
    );

    // One stop: from the last control before the grid, Tab lands on the first cell.
    await page.getByRole('link', { name: 'Last ned Excel (XLSX)' }).focus();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          label: el?.getAttribute('aria-label') ?? '',
          row: el?.dataset.row ?? '',
          col: el?.dataset.col ?? '',
        };
      });
    const statusNames = {
      proposed: 'Foreslått',
      discussed: 'Drøftet',
      agreed: 'Avtalt',
      dropped: 'Falt bort',
    };
    const expected = (r: number, c: number) => {
      const row = m.rows[r];
      const counts = matrixCellCounts(row?.cells[c] ?? [0, 0, 0, 0]);
      const said =
        counts.total === 0
          ? 'ingen bidrag ennå'
          : (['proposed', 'discussed', 'agreed', 'dropped'] as const)
              .filter((s) => counts[s] > 0)
              .map((s) => `${counts[s]} ${statusNames[s]}`)
              .join(', ');
      return `${names(row?.departmentId ?? null)}, ${m.regions[c]?.name}: ${said}`;
    };
    // From the first cell to the last, row by row, reading each cell's accessible name on the way.
    const lastRow = m.rows.length - 1;
    const lastCol = m.regions.length - 1;
    for (let r = 0; r <= lastRow; r++) {
      for (let c = 0; c <= lastCol; c++) {
        expect(await focused()).toEqual({ label: expected(r, c), row: String(r), col: String(c) });
        if (c < lastCol) await page.keyboard.press('ArrowRight');
      }
      if (r < lastRow) {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Home');
      }
    }
    expect(await focused()).toMatchObject({ row: String(lastRow), col: String(lastCol) });
    // The edges hold; Ctrl+Home and Ctrl+End go to the first and the last cell, Home and End along the row.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ row: String(lastRow), col: String(lastCol) });
    await page.keyboard.press('Control+Home');
    expect(await focused()).toMatchObject({ row: '0', col: '0', label: expected(0, 0) });
    await page.keyboard.press('End');
    expect(await focused()).toMatchObject({ row: '0', col: String(lastCol) });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatchObject({ row: '0', col: String(lastCol - 1) });
    await page.keyboard.press('Control+End');
    expect(await focused()).toMatchObject({ row: String(lastRow), col: String(lastCol) });
    // Tab leaves the grid at once; Shift+Tab comes back to the cell it left.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('table.matrix') === null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ row: String(lastRow), col: String(lastCol) });
    // Enter opens the cell it is on.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', {
      name: `${names(m.rows[0]?.departmentId ?? null)} – ${m.regions[0]?.name}`,
    });
    await settled(dialog);
    await expectAccessible(page, 'a cell opened from the keyboard');
    await dialog.getByRole('button', { name: 'Lukk' }).first().click();
    await dialog.waitFor({ state: 'hidden' });

    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'the matrix on a phone');
    await shot(page, 'matrix-390');
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
