import { z } from 'zod';
import { MatrixQuery } from './matrix.js';

/**
 * The export of a cycle's contributions as a spreadsheet: the matrix's filters (a cycle, subject areas,
 * statuses), so that what the matrix shows is what the export holds, and the file format.
 */

export const exportFormats = ['csv', 'xlsx'] as const;
export const ExportFormat = z.enum(exportFormats, { error: 'validation.invalid' });
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportQuery = MatrixQuery.extend({ format: ExportFormat });
export type ExportQuery = z.infer<typeof ExportQuery>;
