import type { SpecialPartVersion } from '../../shared/contracts/special-part.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { loadSpecialPartVersion } from './special-part-reads.js';

export async function getSpecialPartVersion(ctx: Ctx, id: string): Promise<SpecialPartVersion> {
  const { db } = authorize(ctx, everyone);
  assertId(id);
  const version = await loadSpecialPartVersion(db, id);
  if (!version) throw notFound();
  return version;
}
