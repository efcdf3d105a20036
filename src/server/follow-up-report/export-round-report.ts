import type { Role } from '../../shared/contracts/common.js';
import { RoundReportQuery } from '../../shared/contracts/follow-up-report.js';
import { type DocumentFile, renderDocument } from '../documents/download.js';
import { documentCaller } from '../documents/render-pool.js';
import { authorize, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadRoundReportData } from './round-report-data.js';
import { roundReportDocument, roundReportFileName } from './round-report-model.js';

/**
 * Who reads a round's annual report, by analogy with the status report: the coordinator, the county's
 * leadership (viewers) and the department editors read the county's report and every region's, since they
 * read every commitment and report it holds already. A region contact reads its own region's report only:
 * the regions see each other's figures side by side in the roll-up, but another region's reports (what was
 * done, the explanations of its deviations) are that region's and the county's.
 */
export const roundReportReaders: readonly Role[] = ['admin', 'viewer', 'department', 'region'];

/** The round's annual report, for the county (bokmål) or one region (in its written standard), as DOCX or PDF. */
export async function exportRoundReport(ctx: Ctx, roundId: string, input: unknown): Promise<DocumentFile> {
  const { db, actor } = authorize(ctx, roundReportReaders);
  const query = parse(RoundReportQuery, input);
  assertId(roundId);
  const regionId = query.region ?? null;
  if (actor.role === 'region' && (regionId === null || regionId !== actor.regionId)) throw forbidden();
  const data = await loadRoundReportData(db, roundId, regionId);
  const madeAt = (await databaseNow(db)).toISOString();
  return renderDocument(
    documentCaller(ctx),
    roundReportDocument(data, regionId, madeAt),
    query.format,
    roundReportFileName(data, regionId),
  );
}
