import { eq } from 'drizzle-orm';
import type { Municipality } from '../../shared/contracts/registry.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { toMunicipality } from './municipality.mapper.js';
import { municipalities } from './registry.table.js';

export async function getMunicipality(ctx: Ctx, id: string): Promise<Municipality> {
  const { db } = authorize(ctx, everyone);
  assertId(id);
  const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id));
  if (!row) throw notFound();
  return toMunicipality(row);
}
