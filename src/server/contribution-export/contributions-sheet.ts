import type { SheetTask } from '../documents/render-tasks.js';

/** One exported contribution, in the caller's language, before it is written as CSV or XLSX. */
export type ExportRow = {
  region: string;
  owner: string;
  subjectArea: string;
  kind: string;
  title: string;
  description: string;
  responsible: string;
  budget: number | null;
  timeFrame: string;
  status: string;
  indicators: string;
  /** Oslo wall-clock time, `YYYY-MM-DD HH:MM`. */
  updatedAt: string;
};

export const columnKeys = [
  'region',
  'owner',
  'subjectArea',
  'kind',
  'title',
  'description',
  'responsible',
  'budget',
  'timeFrame',
  'status',
  'indicators',
  'updatedAt',
] as const satisfies readonly (keyof ExportRow)[];

/** Column widths in the XLSX, in characters. */
const widths: Record<(typeof columnKeys)[number], number> = {
  region: 28,
  owner: 24,
  subjectArea: 22,
  kind: 14,
  title: 40,
  description: 60,
  responsible: 22,
  budget: 16,
  timeFrame: 16,
  status: 12,
  indicators: 50,
  updatedAt: 18,
};

/**
 * The rows as an XLSX workbook: one sheet, the header row frozen and filtered, the budget as a number and
 * the time as a date. Made in the document workers (documents/render-pool.ts), never on the main loop.
 */
export async function toXlsx({ headers, rows, sheetName }: Omit<SheetTask, 'kind'>): Promise<Buffer> {
  // Loaded on the first export, not at start: ExcelJS alone took a fifth of the server's start-up.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Partnerskap';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnKeys.map((key, i) => ({
    key,
    header: headers[i] ?? key,
    width: widths[key],
    ...(key === 'budget' ? { style: { numFmt: '#,##0' } } : {}),
    ...(key === 'updatedAt' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  // A spreadsheet's dates have no time zone: the Oslo wall-clock time is written as it reads, so Excel
  // shows, sorts and filters it as a date and time.
  for (const row of rows)
    sheet.addRow({ ...row, updatedAt: new Date(`${row.updatedAt.replace(' ', 'T')}:00Z`) });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnKeys.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
