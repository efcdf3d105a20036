import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { BodyKind, BodyMeeting, PoliticalBody } from '../../shared/contracts/bodies.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { municipalities, regionMemberships } from '../registry/registry.table.js';
import { bodyMeetings, politicalBodies } from './body.table.js';

export type BodyRow = typeof politicalBodies.$inferSelect;

export const toBodyMeeting = (row: typeof bodyMeetings.$inferSelect): BodyMeeting => ({
  id: row.id,
  bodyId: row.bodyId,
  date: row.date,
  documentsDue: row.documentsDue,
  place: row.place,
  version: row.version,
});

/**
 * The regions each body belongs to today: a regional council its region, a municipal council the regions
 * its municipality is a member of on the day (a municipality may sit in two). One query for any number.
 */
export async function regionsOfBodies(db: Db | Tx, bodies: readonly BodyRow[], today: string) {
  const byBody = new Map<string, string[]>(bodies.map((b) => [b.id, b.regionId ? [b.regionId] : []]));
  const municipal = bodies.filter((b) => b.municipalityId !== null);
  if (municipal.length === 0) return byBody;
  const rows = await db
    .select({ municipalityId: regionMemberships.municipalityId, regionId: regionMemberships.regionId })
    .from(regionMemberships)
    .where(
      and(
        inArray(
          regionMemberships.municipalityId,
          municipal.map((b) => b.municipalityId as string),
        ),
        sql`${regionMemberships.validFrom} <= ${today}`,
        or(isNull(regionMemberships.validTo), sql`${regionMemberships.validTo} > ${today}`),
      ),
    );
  const byMunicipality = new Map<string, string[]>();
  for (const r of rows)
    byMunicipality.set(r.municipalityId, [...(byMunicipality.get(r.municipalityId) ?? []), r.regionId]);
  for (const b of municipal) byBody.set(b.id, byMunicipality.get(b.municipalityId as string) ?? []);
  return byBody;
}

/**
 * Who keeps a body's meeting plan: the coordinator every body's; a region contact its own regional
 * council's and the councils of the municipalities that are members of its region today.
 */
export function mayPlan(actor: Actor, kind: BodyKind, regionIds: readonly string[]): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'region' || !actor.regionId) return false;
  return (kind === 'regional_council' || kind === 'municipal_council') && regionIds.includes(actor.regionId);
}

/** The first meeting of each body from the day on, in one query. */
export async function nextMeetingsOf(db: Db | Tx, bodyIds: readonly string[], today: string) {
  const next = new Map<string, BodyMeeting>();
  if (bodyIds.length === 0) return next;
  const rows = await db
    .selectDistinctOn([bodyMeetings.bodyId])
    .from(bodyMeetings)
    .where(and(inArray(bodyMeetings.bodyId, [...bodyIds]), gte(bodyMeetings.date, today)))
    .orderBy(bodyMeetings.bodyId, asc(bodyMeetings.date));
  for (const r of rows) next.set(r.bodyId, toBodyMeeting(r));
  return next;
}

/** Bodies as the API shows them, with their regions, next meeting and whether the caller may plan them. */
export async function toPoliticalBodies(
  db: Db | Tx,
  actor: Actor,
  rows: readonly BodyRow[],
  today: string,
): Promise<PoliticalBody[]> {
  const numbers = new Map<string, string>();
  const ids = rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : []));
  if (ids.length > 0) {
    const found = await db
      .select({ id: municipalities.id, number: municipalities.number })
      .from(municipalities)
      .where(inArray(municipalities.id, ids));
    for (const m of found) numbers.set(m.id, m.number);
  }
  const regionsBy = await regionsOfBodies(db, rows, today);
  const next = await nextMeetingsOf(
    db,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((r) => {
    const regionIds = regionsBy.get(r.id) ?? [];
    const kind = r.kind as BodyKind;
    return {
      id: r.id,
      kind,
      name: r.name,
      regionId: r.regionId,
      municipalityId: r.municipalityId,
      municipalityNumber: r.municipalityId ? (numbers.get(r.municipalityId) ?? null) : null,
      regionIds,
      nextMeeting: next.get(r.id) ?? null,
      mayPlan: mayPlan(actor, kind, regionIds),
    };
  });
}

/** The order bodies are listed in: the county's first, then regional councils, then municipal councils. */
export const bodyOrder = sql`case ${politicalBodies.kind} when 'executive_board' then 0 when 'county_council' then 1 when 'regional_council' then 2 else 3 end`;

export async function lockBody(tx: Tx, id: string) {
  const [body] = await tx.select().from(politicalBodies).where(eq(politicalBodies.id, id)).for('share');
  return body;
}
