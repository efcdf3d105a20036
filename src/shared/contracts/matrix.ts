import { z } from 'zod';
import { Id } from './common.js';
import { ContributionStatus } from './contributions.js';

/**
 * The departments × regions matrix of a cycle. Its filters: subject areas and negotiation statuses, each
 * repeatable (`status=agreed&status=discussed`) or a comma list (`status=agreed,discussed`); absent means
 * all. The export of the contributions takes the same filters (contribution-export.ts).
 */

/** A repeatable query parameter that also takes a comma list: one value, several, or none. */
const listParam = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string())], { error: 'validation.invalid' })
    .optional()
    .transform((v) =>
      (v === undefined ? [] : Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(
      // The split values are strings whatever `item` accepts; the cast only widens its input type to say so.
      z.array(item).max(50, { error: 'validation.invalid' }) as unknown as z.ZodType<z.output<T>[], string[]>,
    )
    // The same filter twice is the filter once; sorted, so that equal filters are one cache entry.
    .transform((values) => [...new Set(values)].sort());

export const MatrixQuery = z.object({
  cycle: Id,
  subjectArea: listParam(Id),
  status: listParam(ContributionStatus),
});
export type MatrixQuery = z.infer<typeof MatrixQuery>;
/** What a client sends: the filters before they are split and checked. */
export type MatrixQueryInput = z.input<typeof MatrixQuery>;

export const StatusCounts = z.object({
  proposed: z.number(),
  discussed: z.number(),
  agreed: z.number(),
  dropped: z.number(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

/**
 * One department's (or the region's own) contributions in one region's agreement, counted by status after
 * the filters: `[proposed, discussed, agreed, dropped]`, in the order of `contributionStatuses`. Every row ×
 * column pair has a cell: an empty one is all zeros, which the screen marks as "nothing yet". A cell names
 * no ids and no keys: its row says whose it is, its place in the row which region's, its place in the tuple
 * which status. A national matrix has ten thousand cells, reloaded again and again while the departments
 * fill it in; as objects with named counts they were a third larger on the wire, compressed.
 */
export const MatrixCell = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type MatrixCell = z.infer<typeof MatrixCell>;

/** A cell's counts by status, and their sum. */
export function matrixCellCounts(cell: MatrixCell): StatusCounts & { total: number } {
  const [proposed, discussed, agreed, dropped] = cell;
  return { proposed, discussed, agreed, dropped, total: proposed + discussed + agreed + dropped };
}

/**
 * One row of the matrix: a department's (`departmentId`), or with `departmentId` null the region's own
 * contributions. `cells[j]` is the cell of `regions[j]`, in that region's agreement
 * (`regions[j].agreementId`), so every row has as many cells as there are regions.
 */
export const MatrixRow = z.object({
  departmentId: z.string().nullable(),
  cells: z.array(MatrixCell),
});
export type MatrixRow = z.infer<typeof MatrixRow>;

export const MatrixDepartment = z.object({ id: z.string(), name: z.string(), active: z.boolean() });
export type MatrixDepartment = z.infer<typeof MatrixDepartment>;

/**
 * A column: a region with an agreement in the cycle, named once and known by its agreement (the region
 * itself is the agreement's). Only the agreement's id is sent: a national matrix has 1,200 columns, and a
 * second random id for each was a third of the compressed answer.
 */
export const MatrixRegion = z.object({
  name: z.string(),
  agreementId: z.string(),
  /**
   * The subject areas the region wants (marked on its agreement) that no department has answered yet: no
   * department owns a contribution in that subject area in this agreement, dropped ones not counted. The
   * region's own contributions do not answer its wish, and the status filter does not apply here; the
   * subject area filter does. In the subject areas' order.
   */
  unansweredSubjectAreaIds: z.array(z.string()),
});
export type MatrixRegion = z.infer<typeof MatrixRegion>;

export const MatrixSubjectArea = z.object({ id: z.string(), name: z.string() });
export type MatrixSubjectArea = z.infer<typeof MatrixSubjectArea>;

/**
 * Rows: the active departments by name, plus an inactive one that still owns contributions in the cycle,
 * then the region itself. Columns: the regions with an agreement in the cycle, by name. Names and ids
 * appear once, in these lists; `rows` holds one row per entry of `departments`, in that order, and then the
 * region's own row, and each row's cells are in the order of `regions`.
 */
export const Matrix = z.object({
  cycle: z.object({ id: z.string(), name: z.string() }),
  /** All of the cycle's subject areas in their order (for the filter and the unanswered lists). */
  subjectAreas: z.array(MatrixSubjectArea),
  departments: z.array(MatrixDepartment),
  regions: z.array(MatrixRegion),
  rows: z
    .array(MatrixRow)
    .describe(
      "One row per entry of `departments`, in that order, then the region's own row (departmentId null). Each row's `cells[j]` counts its contributions in the agreement of `regions[j]` by status: [proposed, discussed, agreed, dropped].",
    ),
});
export type Matrix = z.infer<typeof Matrix>;

/** The query string of the matrix's filters, as the web app and the export links write it. */
export function matrixFilterParams(filters: { subjectArea?: readonly string[]; status?: readonly string[] }) {
  const params = new URLSearchParams();
  if (filters.subjectArea && filters.subjectArea.length > 0)
    params.set('subjectArea', filters.subjectArea.join(','));
  if (filters.status && filters.status.length > 0) params.set('status', filters.status.join(','));
  return params;
}
