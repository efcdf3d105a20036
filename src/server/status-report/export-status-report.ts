import type { Role } from '../../shared/contracts/common.js';
import { osloParts } from '../../shared/contracts/oslo-time.js';
import { StatusReportQuery } from '../../shared/contracts/status-report.js';
import { type DocumentFile, renderDocument } from '../documents/download.js';
import { documentCaller } from '../documents/render-pool.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { fieldError } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadStatusReportData } from './status-report-data.js';
import { statusReportDocument, statusReportFileName } from './status-report-model.js';

/**
 * Who makes the status report: the coordinator, the county's leadership (viewers) and the department
 * editors. It holds nothing they do not read already (every agreement, its milestones and contributions,
 * every meeting), and the departments follow the regions' progress too. Not a region contact: it covers
 * every region, and the others' milestones and the county's internal meetings are not theirs to read.
 */
export const statusReportMakers: readonly Role[] = ['admin', 'viewer', 'department'];

/** The cycle's status report since a day, as DOCX or PDF, in nynorsk for a user who reads nynorsk. */
export async function exportStatusReport(ctx: Ctx, cycleId: string, input: unknown): Promise<DocumentFile> {
  const { db, actor } = authorize(ctx, statusReportMakers);
  const query = parse(StatusReportQuery, input);
  assertId(cycleId);
  const today = osloParts((await databaseNow(db)).toISOString()).date;
  if (query.since > today) throw fieldError('since', 'validation.sinceInFuture');
  const data = await loadStatusReportData(db, cycleId, query.since);
  const language = actor.locale === 'nn' ? 'nn' : 'nb';
  return renderDocument(
    documentCaller(ctx),
    statusReportDocument(data, language),
    query.format,
    statusReportFileName(data),
  );
}
