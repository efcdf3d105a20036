import type { GeneralPartNynorsk } from '../../shared/contracts/general-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadNynorsk } from './nynorsk-reads.js';

/** A version's sections in bokmål beside their nynorsk text; read by everyone, as the version itself is. */
export async function getNynorsk(ctx: Ctx, versionId: string): Promise<GeneralPartNynorsk> {
  const { db } = authorize(ctx, everyone);
  assertId(versionId);
  const nynorsk = await loadNynorsk(db, versionId);
  if (!nynorsk) throw notFound();
  return nynorsk;
}
