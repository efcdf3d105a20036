import { and, asc, count, desc, eq, isNull, not, or, sql } from 'drizzle-orm';
import { HearingKind } from '../../shared/contracts/hearings.js';
import { type CoordinatorTasks, lateInputsShown } from '../../shared/contracts/tasks.js';
import { agreements } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import {
  dispositionInputs,
  dispositions,
  hearingInputs,
  hearingInvitations,
  hearings,
} from '../hearings/hearing.table.js';
import { closedSql, osloTodaySql } from '../hearings/hearing-rules.js';
import { manuallyReminded, silentRegions } from '../hearings/silent-region-reads.js';
import type { Actor } from '../platform/context.js';
import { regions } from '../registry/registry.table.js';

const kindOf = (kind: string): HearingKind => HearingKind.parse(kind);

/**
 * The coordinator's inbox in a cycle: what waits for them to agree, to answer and to chase. Five queries
 * whatever the size of the cycle, each bounded by the cycle's own rows through its indexes.
 */
export async function coordinatorTasks(
  db: Db | Tx,
  actor: Actor,
  cycleId: string,
): Promise<CoordinatorTasks | null> {
  if (actor.role !== 'admin') return null;
  return {
    discussed: await discussedContributions(db, cycleId),
    lateInputs: await lateInputs(db, cycleId),
    silentHearings: await silentHearings(db, cycleId),
  };
}

/**
 * Per region, the contributions that have been discussed and now wait to be agreed (or dropped); the link
 * lands on the one that has waited longest since it last changed.
 */
async function discussedContributions(db: Db | Tx, cycleId: string) {
  return db
    .select({
      agreementId: contributions.agreementId,
      regionName: regions.name,
      count: count(),
      firstContributionId: sql<string>`(array_agg(${contributions.id} order by ${contributions.updatedAt}, ${contributions.id}))[1]`,
    })
    .from(contributions)
    .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(and(eq(contributions.cycleId, cycleId), eq(contributions.status, 'discussed')))
    .groupBy(contributions.agreementId, regions.name)
    .orderBy(asc(regions.name));
}

/**
 * The live inputs registered after their hearing closed (`late`, submit-input.ts) that have no final
 * disposition yet: the coordinator decides whether and how they are taken into account. Newest first, the
 * first few with the total.
 */
async function lateInputs(db: Db | Tx, cycleId: string) {
  const rows = await db
    .select({
      inputId: hearingInputs.id,
      hearingId: hearings.id,
      kind: hearings.kind,
      versionNumber: generalPartVersions.number,
      regionName: regions.name,
      submittedAt: hearingInputs.submittedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(hearingInputs)
    .innerJoin(hearings, eq(hearings.id, hearingInputs.hearingId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
    .innerJoin(regions, eq(regions.id, hearingInputs.regionId))
    .leftJoin(dispositionInputs, eq(dispositionInputs.inputId, hearingInputs.id))
    .leftJoin(dispositions, eq(dispositions.id, dispositionInputs.dispositionId))
    .where(
      and(
        eq(hearings.cycleId, cycleId),
        eq(hearingInputs.late, true),
        isNull(hearingInputs.withdrawnAt),
        or(isNull(dispositions.id), eq(dispositions.final, false)),
      ),
    )
    .orderBy(desc(hearingInputs.submittedAt), desc(hearingInputs.id))
    .limit(lateInputsShown);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _, kind, submittedAt, ...r }) => ({
      ...r,
      kind: kindOf(kind),
      submittedAt: submittedAt.toISOString(),
    })),
  };
}

/**
 * The cycle's open hearings with invited regions that have not given input, each region marked if the
 * coordinator has reminded it already. A closed hearing takes no more input, so it is not chased here.
 */
async function silentHearings(db: Db | Tx, cycleId: string) {
  const invited = db
    .select({ n: count() })
    .from(hearingInvitations)
    .where(eq(hearingInvitations.hearingId, hearings.id));
  const open = await db
    .select({
      hearingId: hearings.id,
      kind: hearings.kind,
      versionNumber: generalPartVersions.number,
      deadline: hearings.deadline,
      invitedRegions: sql<number>`(${invited})`.mapWith(Number),
    })
    .from(hearings)
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
    .where(and(eq(hearings.cycleId, cycleId), not(closedSql(osloTodaySql))))
    .orderBy(asc(hearings.deadline), asc(hearings.createdAt));
  const ids = open.map((h) => h.hearingId);
  const silent = await silentRegions(db, ids);
  const reminded = await manuallyReminded(db, ids);
  return open.flatMap((h) => {
    const regionsOf = silent
      .filter((s) => s.hearingId === h.hearingId)
      .map((s) => ({
        regionId: s.regionId,
        regionName: s.regionName,
        reminded: reminded.has(`${h.hearingId}:${s.regionId}`),
      }));
    return regionsOf.length ? [{ ...h, kind: kindOf(h.kind), silentRegions: regionsOf }] : [];
  });
}
