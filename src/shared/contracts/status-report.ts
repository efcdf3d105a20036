import { z } from 'zod';
import { IsoDate } from './common.js';

/**
 * The cycle's status report: a document for the county's leadership and the political case (docs/process.md),
 * per region its phase, what happened since a chosen date and what comes next, with a summary table first.
 * Made on request as DOCX or PDF; nothing is stored.
 */

export const statusReportFormats = ['docx', 'pdf'] as const;
export const StatusReportFormat = z.enum(statusReportFormats, { error: 'validation.invalid' });
export type StatusReportFormat = z.infer<typeof StatusReportFormat>;

/**
 * `since`: the first day the report tells about (meetings held, milestones completed, contributions agreed
 * from that day on, Oslo time). A day after today is refused by the server (`validation.sinceInFuture`):
 * nothing can have happened since then, so it is a slip of the keyboard rather than a question.
 */
export const StatusReportQuery = z.object({ format: StatusReportFormat, since: IsoDate });
export type StatusReportQuery = z.infer<typeof StatusReportQuery>;
