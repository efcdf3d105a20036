import { eq } from 'drizzle-orm';
import { AgreementListQuery, type AgreementSummary } from '../../shared/contracts/agreements.js';
import { cycles } from '../general-part/general-part.table.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { listAgreementSummaries } from './agreement-reads.js';

/** The agreements of a cycle, by region name; everyone signed in reads them. */
export async function listAgreements(
  ctx: Ctx,
  raw: unknown,
): Promise<{ items: AgreementSummary[]; nextCursor: null }> {
  const actx = authorize(ctx, everyone);
  const query = parse(AgreementListQuery, raw);
  const [cycle] = await actx.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, query.cycle));
  if (!cycle) throw notFound();
  return { items: await listAgreementSummaries(actx.db, cycle.id), nextCursor: null };
}
