import { eq } from 'drizzle-orm';
import type { SpecialPart } from '../../shared/contracts/special-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { writtenStandardOf } from './contributions-content.js';
import { specialPartVersions } from './special-part.table.js';
import { selectSummaries } from './special-part-reads.js';

/** An agreement's special part: every version, newest first; the agreed one is the agreement's current text. */
export async function getSpecialPart(ctx: Ctx, agreementId: string): Promise<SpecialPart> {
  const { db } = authorize(ctx, everyone);
  assertId(agreementId);
  const writtenStandard = await writtenStandardOf(db, agreementId);
  if (!writtenStandard) throw notFound();
  const versions = await selectSummaries(db, eq(specialPartVersions.agreementId, agreementId));
  return {
    agreementId,
    writtenStandard,
    currentVersionId: versions.find((v) => v.state === 'agreed')?.id ?? null,
    draftVersionId: versions.find((v) => v.state === 'draft')?.id ?? null,
    versions,
  };
}
