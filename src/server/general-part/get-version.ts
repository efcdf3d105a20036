import type { GeneralPartVersion } from '../../shared/contracts/general-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadVersion } from './version-reads.js';

export async function getVersion(ctx: Ctx, id: string): Promise<GeneralPartVersion> {
  const { db } = authorize(ctx, everyone);
  assertId(id);
  const version = await loadVersion(db, id);
  if (!version) throw notFound();
  return version;
}
