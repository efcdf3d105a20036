import type { County } from '../../shared/contracts/registry.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { toCounty } from './county.mapper.js';
import { county } from './registry.table.js';

/** The deployment's one county; 404 until the registry has been imported. */
export async function getCounty(ctx: Ctx): Promise<County> {
  const { db } = authorize(ctx, everyone);
  const [row] = await db.select().from(county);
  if (!row) throw notFound();
  return toCounty(row);
}
