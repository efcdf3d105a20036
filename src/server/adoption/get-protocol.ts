import { and, eq } from 'drizzle-orm';
import { agreements } from '../agreements/agreement.table.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { StoredFile } from '../platform/files.js';
import { assertId } from '../platform/ids.js';
import { adoptionProtocols, municipalAdoptions } from './adoption.table.js';

/**
 * A municipal council's protocol for its decision on an agreement, for everyone who may read the agreement's
 * adoption record (a region contact: its own region's). 404 when none is attached.
 */
export async function getProtocol(
  ctx: Ctx,
  agreementId: string,
  municipalityId: string,
): Promise<StoredFile> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(agreementId);
  assertId(municipalityId);
  const [agreement] = await db
    .select({ regionId: agreements.regionId })
    .from(agreements)
    .where(eq(agreements.id, agreementId));
  if (!agreement) throw notFound();
  if (actor.role === 'region' && actor.regionId !== agreement.regionId) throw forbidden();
  const [file] = await db
    .select({
      filename: adoptionProtocols.filename,
      mediaType: adoptionProtocols.mediaType,
      content: adoptionProtocols.content,
    })
    .from(adoptionProtocols)
    .innerJoin(municipalAdoptions, eq(municipalAdoptions.id, adoptionProtocols.adoptionId))
    .where(
      and(
        eq(municipalAdoptions.agreementId, agreementId),
        eq(municipalAdoptions.municipalityId, municipalityId),
      ),
    );
  if (!file) throw notFound();
  return file;
}
