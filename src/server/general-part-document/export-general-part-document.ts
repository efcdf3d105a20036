import { eq } from 'drizzle-orm';
import type { VersionState } from '../../shared/contracts/general-part.js';
import type { Db } from '../db/client.js';
import type { DocumentLanguage } from '../documents/document-model.js';
import { type DocumentFile, type DocumentFormat, renderDocument } from '../documents/download.js';
import { documentCaller } from '../documents/render-pool.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { generalPartText } from '../general-part/nynorsk-reads.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { county, regions } from '../registry/registry.table.js';
import {
  type GeneralPartDocumentData,
  generalPartDocument,
  generalPartFileName,
} from './general-part-document-model.js';

/**
 * Who may download a version of the general part: everyone signed in, as everyone reads the version itself.
 * A region contact takes the version on hearing to the regional council; the county prints it for its own.
 */
export const generalPartDocumentReaders = everyone;

/**
 * One version of the general part as DOCX or PDF. A region contact whose region writes nynorsk gets the
 * nynorsk text when the coordinator has entered one (only an approved version has it); everyone else, and
 * that region while there is none, the bokmål. The version may change while it is a draft, so the file is
 * made fresh on every download.
 */
export async function exportGeneralPartDocument(
  ctx: Ctx,
  versionId: string,
  format: DocumentFormat,
): Promise<DocumentFile> {
  const actx = authorize(ctx, generalPartDocumentReaders);
  assertId(versionId);
  const [row] = await actx.db
    .select({
      number: generalPartVersions.number,
      state: generalPartVersions.state,
      approvedOn: generalPartVersions.approvedOn,
      cycleName: cycles.name,
      periodFrom: cycles.periodFrom,
      periodTo: cycles.periodTo,
    })
    .from(generalPartVersions)
    .innerJoin(cycles, eq(cycles.id, generalPartVersions.cycleId))
    .where(eq(generalPartVersions.id, versionId));
  if (!row) throw notFound();
  const [countyRow] = await actx.db.select({ name: county.name }).from(county);
  const data: GeneralPartDocumentData = {
    county: countyRow?.name ?? '',
    cycleName: row.cycleName,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    number: row.number,
    // The CHECK constraint holds the column to these values.
    state: row.state as VersionState,
    approvedOn: row.approvedOn,
    text: await generalPartText(actx.db, versionId, await writtenStandardOf(actx.db, actx.actor)),
  };
  return renderDocument(documentCaller(ctx), generalPartDocument(data), format, generalPartFileName(data));
}

/** The written standard of the region a region contact speaks for; bokmål for everyone else. */
async function writtenStandardOf(db: Db, actor: Actor): Promise<DocumentLanguage> {
  if (actor.role !== 'region' || !actor.regionId) return 'nb';
  const [region] = await db
    .select({ writtenStandard: regions.writtenStandard })
    .from(regions)
    .where(eq(regions.id, actor.regionId));
  return region?.writtenStandard === 'nn' ? 'nn' : 'nb';
}
