import type { FieldIssue } from '../../shared/contracts/field-errors.js';

/** One municipality's count from one year column of the file. */
export type CsvCount = { line: number; number: string; name: string; countedOn: string; count: number };
export type ParsedPopulationCsv = { counts: CsvCount[]; skipped: number; issues: FieldIssue[] };

/** SSB's symbols for a figure that is not given: not available, not applicable, confidential. */
const missingSymbols = new Set(['..', '.', ':', '…']);
/** "3001 Halden", or "K-3001 Halden" as newer downloads write it. */
const municipalityCell = /^(?:K-)?(\d{4})(?:\s+(.*))?$/;
/** "Personer 2020", "Folkemengde 2020", "2020": the column's year ends its header. */
const yearHeader = /(?:^|\D)((?:19|20|21)\d{2})$/;

const issue = (line: number, code: string, params: Record<string, unknown> = {}): FieldIssue => ({
  field: `lines.${line}`,
  code,
  params: { line, ...params },
});

/** Splits one line on semicolons, honouring double quotes ("" is a quote inside a quoted cell). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Reads SSB's population table (07459 "Befolkning" or 11342 "Areal og befolkning") as Statistikkbanken
 * downloads it: semicolon-separated, a title line or two, then a header row with a region column and one
 * column per year ("Personer 2020"), then one row per region ("3001 Halden";31444). Every year column
 * gives a count dated 1 January of its year. Rows that are not a municipality (the country, a county, 9999
 * "unknown") and figures SSB marks as missing are skipped and counted; anything else that is not a
 * municipality's whole, non-negative count is an issue naming its line (1-based). Nothing is looked up
 * here: whether the numbers are in the registry is the use case's question.
 */
export function parsePopulationCsv(content: string): ParsedPopulationCsv {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const counts: CsvCount[] = [];
  const issues: FieldIssue[] = [];
  let skipped = 0;

  let headerIndex = -1;
  let regionColumn = 0;
  let yearColumns: { index: number; year: string }[] = [];
  for (let i = 0; i < lines.length && headerIndex < 0; i++) {
    const cells = splitCsvLine(lines[i] ?? '');
    if (cells.length < 2) continue;
    const years = cells
      .map((cell, index) => ({ index, year: yearHeader.exec(cell)?.[1] }))
      .filter((c): c is { index: number; year: string } => c.index > 0 && c.year !== undefined);
    if (years.length === 0) continue;
    headerIndex = i;
    yearColumns = years;
    const named = cells.findIndex((cell) => /region/i.test(cell));
    regionColumn = named >= 0 && !years.some((y) => y.index === named) ? named : 0;
  }
  if (headerIndex < 0)
    return {
      counts,
      skipped,
      issues: [{ field: 'content', code: 'validation.populationNoHeader', params: {} }],
    };

  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = i + 1;
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    const cells = splitCsvLine(text);
    const region = cells[regionColumn] ?? '';
    const match = municipalityCell.exec(region);
    if (!match) {
      // The country ("0 Hele landet"), a county ("30 Viken"), or a note below the table.
      skipped++;
      continue;
    }
    const number = match[1] as string;
    if (number === '9999') {
      skipped++;
      continue;
    }
    const name = (match[2] ?? '').trim();
    for (const { index, year } of yearColumns) {
      const raw = (cells[index] ?? '').replace(/[\s\u00a0]/g, '');
      if (missingSymbols.has(raw)) {
        skipped++;
        continue;
      }
      // SSB writes "-" for nil.
      const value = raw === '-' ? '0' : raw;
      if (!/^\d{1,9}$/.test(value)) {
        issues.push(issue(line, 'validation.populationBadCount', { value: cells[index] ?? '' }));
        continue;
      }
      const key = `${number}:${year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        issues.push(issue(line, 'validation.populationDuplicateRow', { number, earlier }));
        continue;
      }
      seen.set(key, line);
      counts.push({ line, number, name, countedOn: `${year}-01-01`, count: Number(value) });
    }
  }
  if (counts.length === 0 && issues.length === 0)
    issues.push({ field: 'content', code: 'validation.populationNoRows', params: {} });
  return { counts, skipped, issues };
}
