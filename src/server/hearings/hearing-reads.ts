import { and, asc, count, countDistinct, desc, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Hearing, HearingCounts, HearingSummary } from '../../shared/contracts/hearings.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import type { Actor } from '../platform/context.js';
import { noId } from '../platform/ids.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { osloDate } from './deadline.js';
import { toHearingSummary } from './hearing.mapper.js';
import {
  dispositionInputs,
  dispositions,
  hearingInputs,
  hearingInvitations,
  hearings,
} from './hearing.table.js';
import { closedSql, type HearingRow, visibleInputs } from './hearing-rules.js';

const opener = alias(users, 'opener');
const closer = alias(users, 'closer');
const registrar = alias(users, 'registrar');

const noCounts = (): HearingCounts => ({
  invitedRegions: 0,
  regionsWithInput: 0,
  inputs: 0,
  lateInputs: 0,
  unanswered: 0,
});

/**
 * Hearings as the list shows them, newest first, with counts of the input the actor may see. A region
 * contact gets only the hearings their region is invited to. Three queries whatever the number of hearings.
 */
export async function loadHearingSummaries(
  db: Db | Tx,
  actor: Actor,
  now: Date,
  where?: SQL,
): Promise<HearingSummary[]> {
  const invitedOnly =
    actor.role === 'region'
      ? exists(
          db
            .select({ one: sql`1` })
            .from(hearingInvitations)
            .where(
              and(
                eq(hearingInvitations.hearingId, hearings.id),
                eq(hearingInvitations.regionId, actor.regionId ?? noId),
              ),
            ),
        )
      : undefined;
  const rows = await db
    .select({
      row: hearings,
      cycleName: cycles.name,
      versionNumber: generalPartVersions.number,
      openerName: opener.name,
    })
    .from(hearings)
    .innerJoin(cycles, eq(cycles.id, hearings.cycleId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
    .leftJoin(opener, eq(opener.id, hearings.openedBy))
    .where(and(where, invitedOnly))
    .orderBy(desc(hearings.createdAt), desc(hearings.id));
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.row.id);
  const counts = new Map<string, HearingCounts>(ids.map((id) => [id, noCounts()]));
  const invited = await db
    .select({ hearingId: hearingInvitations.hearingId, n: count() })
    .from(hearingInvitations)
    .where(inArray(hearingInvitations.hearingId, ids))
    .groupBy(hearingInvitations.hearingId);
  for (const r of invited) {
    const c = counts.get(r.hearingId);
    if (c) c.invitedRegions = r.n;
  }
  const inputs = await db
    .select({
      hearingId: hearingInputs.hearingId,
      inputs: count(),
      regions: countDistinct(hearingInputs.regionId),
      late: sql<number>`(count(*) filter (where ${hearingInputs.late}))::int`,
      unanswered: sql<number>`(count(*) filter (where ${dispositions.final} is not true))::int`,
    })
    .from(hearingInputs)
    .innerJoin(hearings, eq(hearings.id, hearingInputs.hearingId))
    .leftJoin(dispositionInputs, eq(dispositionInputs.inputId, hearingInputs.id))
    .leftJoin(dispositions, eq(dispositions.id, dispositionInputs.dispositionId))
    .where(and(inArray(hearingInputs.hearingId, ids), visibleInputs(actor, closedSql(osloDate(now)))))
    .groupBy(hearingInputs.hearingId);
  for (const r of inputs) {
    const c = counts.get(r.hearingId);
    if (!c) continue;
    c.inputs = r.inputs;
    c.regionsWithInput = r.regions;
    c.lateInputs = Number(r.late);
    c.unanswered = Number(r.unanswered);
  }
  return rows.map((r) => toHearingSummary(r.row, r, counts.get(r.row.id) ?? noCounts(), now));
}

/** One hearing with its cover letter and invited regions, or null (also when the actor may not see it). */
export async function loadHearing(db: Db | Tx, actor: Actor, now: Date, id: string): Promise<Hearing | null> {
  const [summary] = await loadHearingSummaries(db, actor, now, eq(hearings.id, id));
  if (!summary) return null;
  const [extra] = await db
    .select({
      coverLetter: hearings.coverLetter,
      closedBy: hearings.closedBy,
      closerName: closer.name,
      registeredAt: hearings.registeredAfterwardsAt,
      registeredBy: hearings.registeredAfterwardsBy,
      registrarName: registrar.name,
    })
    .from(hearings)
    .leftJoin(closer, eq(closer.id, hearings.closedBy))
    .leftJoin(registrar, eq(registrar.id, hearings.registeredAfterwardsBy))
    .where(eq(hearings.id, id));
  if (!extra) return null;
  const invitedRegions = await db
    .select({ id: regions.id, name: regions.name })
    .from(hearingInvitations)
    .innerJoin(regions, eq(regions.id, hearingInvitations.regionId))
    .where(eq(hearingInvitations.hearingId, id))
    .orderBy(asc(regions.name));
  return {
    ...summary,
    coverLetter: extra.coverLetter,
    invitedRegions,
    closedBy: extra.closedBy && extra.closerName ? { id: extra.closedBy, name: extra.closerName } : null,
    registeredAfterwards: extra.registeredAt
      ? {
          by:
            extra.registeredBy && extra.registrarName
              ? { id: extra.registeredBy, name: extra.registrarName }
              : null,
          at: extra.registeredAt.toISOString(),
        }
      : null,
  };
}

/**
 * What a cached read of one hearing (platform/read-cache.ts) depends on besides what the audit trail
 * versions: who reads (admin and viewer see the same, so do all department editors, a region contact sees
 * as their region), the day in Oslo (open or closed, days left), and the hearing's deadline and closing as
 * this request found them, so that even a change made outside the use cases shows as soon as the row does.
 */
export function hearingReadKey(hearing: HearingRow, actor: Actor, now: Date, query: unknown = null): string {
  const reader =
    actor.role === 'admin' || actor.role === 'viewer'
      ? 'county'
      : actor.role === 'region'
        ? `region:${actor.regionId ?? ''}`
        : actor.role;
  return JSON.stringify([
    hearing.id,
    reader,
    osloDate(now),
    hearing.deadline,
    hearing.closedAt?.toISOString() ?? null,
    query,
  ]);
}
