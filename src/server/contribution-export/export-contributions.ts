import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../shared/contracts/common.js';
import { type ExportFormat, ExportQuery } from '../../shared/contracts/contribution-export.js';
import { translate } from '../../shared/i18n/translate.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import { contributions, type IndicatorRow } from '../contributions/contribution.table.js';
import type { DocumentFile } from '../documents/download.js';
import { documentCaller, renderOffLoop } from '../documents/render-pool.js';
import { loadMatrixScope } from '../matrix/matrix-scope.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { departments, regions } from '../registry/registry.table.js';
import { columnKeys, type ExportRow } from './contributions-sheet.js';

export const exportMediaType: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * All contributions of a cycle that the matrix's filters select, one row each, ordered by region, owner
 * (departments by name, the region's own last), subject area and position: as CSV for Norwegian Excel
 * (UTF-8 with BOM, `;` between fields, CRLF) or as XLSX. Headers, kinds and statuses in the caller's
 * language. Everyone signed in may export: everyone signed in reads every agreement.
 */
export async function exportContributions(ctx: Ctx, raw: unknown): Promise<DocumentFile> {
  const { db, actor } = authorize(ctx, everyone);
  const query = parse(ExportQuery, raw ?? {});
  const locale = actor.locale;
  const scope = await loadMatrixScope(db, query);
  const c = contributions;
  const found = await db
    .select({
      region: regions.name,
      department: departments.name,
      subjectArea: subjectAreas.name,
      kind: c.kind,
      title: c.title,
      description: c.description,
      responsible: c.responsible,
      budget: c.budgetNokPerYear,
      timeFrame: c.timeFrame,
      status: c.status,
      indicators: c.indicators,
      updatedAt: sql<string>`to_char(${c.updatedAt} at time zone 'Europe/Oslo', 'YYYY-MM-DD HH24:MI')`,
    })
    .from(c)
    .innerJoin(agreements, eq(agreements.id, c.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(subjectAreas, eq(subjectAreas.id, c.subjectAreaId))
    .leftJoin(departments, eq(departments.id, c.ownerDepartmentId))
    .where(
      and(
        eq(c.cycleId, scope.cycle.id),
        query.status.length > 0 ? inArray(c.status, query.status) : undefined,
        query.subjectArea.length > 0 ? inArray(c.subjectAreaId, query.subjectArea) : undefined,
      ),
    )
    .orderBy(
      asc(regions.name),
      sql`${departments.name} asc nulls last`,
      asc(subjectAreas.position),
      asc(c.position),
      asc(c.id),
    );

  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);
  const rows: ExportRow[] = found.map((r) => ({
    region: r.region,
    owner: r.department ?? t('contributionExport.region'),
    subjectArea: r.subjectArea,
    kind: t(`contributionExport.kinds.${r.kind}`),
    title: r.title,
    description: r.description,
    responsible: r.responsible ?? '',
    budget: r.budget,
    timeFrame: r.timeFrame ?? '',
    status: t(`contributionExport.statuses.${r.status}`),
    indicators: r.indicators.map((i) => indicatorText(locale, i)).join('; '),
    updatedAt: r.updatedAt,
  }));
  const headers = columnKeys.map((k) => t(`contributionExport.columns.${k}`));
  const name = safeFileName(t('contributionExport.fileName', { cycle: scope.cycle.name }));
  const content =
    query.format === 'csv'
      ? toCsv(headers, rows)
      : // The workbook is made in the document workers (render-pool.ts), off the main loop.
        await renderOffLoop(documentCaller(ctx), {
          kind: 'xlsx',
          headers,
          rows,
          sheetName: t('contributionExport.sheet'),
        });
  return { filename: `${name}.${query.format}`, mediaType: exportMediaType[query.format], content };
}

/** "Name (baseline 12 %, target 20 %)": what is known of one indicator, in one line. */
function indicatorText(locale: Locale, i: IndicatorRow): string {
  const unit = i.unit ? ` ${i.unit}` : '';
  const parts = [
    i.baseline
      ? translate(locale, 'contributionExport.indicator.baseline', { value: `${i.baseline}${unit}` })
      : '',
    i.target ? translate(locale, 'contributionExport.indicator.target', { value: `${i.target}${unit}` }) : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? `${i.name} (${parts.join(', ')})` : i.name;
}

/** A cycle's name made fit for a file name: no path separators or characters Windows refuses. */
function safeFileName(name: string): string {
  return (
    name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'export'
  );
}

/**
 * A text field for a spreadsheet: one that begins like a formula gets a leading apostrophe, so that opening
 * the file never runs what someone typed as a title (CSV injection, OWASP). A formula begins with =, +, -
 * or @, or with their full-width forms (＝ ＋ － ＠, which a Japanese or Chinese keyboard types and some
 * spreadsheets read as the ASCII ones), or with a tab or carriage return; spaces before it (some programs
 * trim cells on import) do not hide it. XLSX cells are written as text and need no such care.
 */
export function neutralizeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}
const formulaStart = /^[\t\r]|^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** RFC 4180 quoting with `;` as the separator: quoted when it holds `;`, `"`, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(headers: readonly string[], rows: readonly ExportRow[]): Buffer {
  const lines = [headers.map(csvField).join(';')];
  for (const row of rows) {
    lines.push(
      columnKeys
        .map((k) => {
          const value = row[k];
          if (value === null) return '';
          if (typeof value === 'number') return String(value);
          return csvField(neutralizeFormula(value));
        })
        .join(';'),
    );
  }
  // The byte order mark tells Excel the file is UTF-8, so æ, ø and å survive a double-click.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
