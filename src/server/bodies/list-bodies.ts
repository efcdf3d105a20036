import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type BodyList, BodyListQuery, type PoliticalBodyWithPlan } from '../../shared/contracts/bodies.js';
import { osloParts } from '../../shared/contracts/oslo-time.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { regionMemberships } from '../registry/registry.table.js';
import { bodyMeetings, politicalBodies } from './body.table.js';
import { bodyOrder, toBodyMeeting, toPoliticalBodies } from './body-reads.js';

export const osloToday = async (db: Parameters<typeof databaseNow>[0]) =>
  osloParts((await databaseNow(db)).toISOString()).date;

/**
 * The political bodies, the county's first, then the regional and municipal councils by name; by kind, and
 * by region (its regional council and the councils of its members today). Everyone signed in reads them:
 * who meets when is public in every municipality.
 */
export async function listBodies(ctx: Ctx, raw: unknown): Promise<BodyList> {
  const { db, actor } = authorize(ctx, everyone);
  const query = parse(BodyListQuery, raw);
  const today = await osloToday(db);
  const where: SQL[] = [];
  if (query.kind) where.push(eq(politicalBodies.kind, query.kind));
  if (query.regionId) {
    const members = db
      .select({ id: regionMemberships.municipalityId })
      .from(regionMemberships)
      .where(
        and(
          eq(regionMemberships.regionId, query.regionId),
          sql`${regionMemberships.validFrom} <= ${today}`,
          or(isNull(regionMemberships.validTo), sql`${regionMemberships.validTo} > ${today}`),
        ),
      );
    where.push(
      or(
        eq(politicalBodies.regionId, query.regionId),
        inArray(politicalBodies.municipalityId, members),
      ) as SQL,
    );
  }
  const rows = await db
    .select()
    .from(politicalBodies)
    .where(and(...where))
    .orderBy(bodyOrder, asc(politicalBodies.name));
  return { items: await toPoliticalBodies(db, actor, rows, today) };
}

/** A body with its whole meeting plan, earliest first. */
export async function getBody(ctx: Ctx, id: string): Promise<PoliticalBodyWithPlan> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(id);
  const [row] = await db.select().from(politicalBodies).where(eq(politicalBodies.id, id));
  if (!row) throw notFound();
  const today = await osloToday(db);
  const [body] = await toPoliticalBodies(db, actor, [row], today);
  const meetings = await db
    .select()
    .from(bodyMeetings)
    .where(eq(bodyMeetings.bodyId, id))
    .orderBy(asc(bodyMeetings.date));
  return { ...(body as NonNullable<typeof body>), meetings: meetings.map(toBodyMeeting) };
}
