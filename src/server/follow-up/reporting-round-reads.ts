import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type ReportingRound,
  type ReportStatus,
  type RoundCommitmentPage,
  type RoundCommitmentQuery,
  type RoundCounts,
  type RoundOwner,
  type RoundReportState,
  type RoundRow,
  type RoundStatus,
  regionOwner,
  roundReportStates,
} from '../../shared/contracts/follow-up.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import type { Actor } from '../platform/context.js';
import { decodeKeyCursorWithId, toPage } from '../platform/cursor.js';
import { fieldError, notFound } from '../platform/errors.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { commitments } from './commitment.table.js';
import { ownerOf } from './commitment-reads.js';
import { mayReportOn } from './commitment-rules.js';
import { commitmentReports, reportingRoundCommitments, reportingRounds } from './reporting-round.table.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Rounds, the latest deadline first, with how many commitments each covers and how many are submitted. */
export async function listRounds(
  db: Db | Tx,
  where?: { cycleId?: string; id?: string },
): Promise<ReportingRound[]> {
  const filters: SQL[] = [];
  if (where?.cycleId) filters.push(eq(reportingRounds.cycleId, where.cycleId));
  if (where?.id) filters.push(eq(reportingRounds.id, where.id));
  const covered = db
    .select({ roundId: reportingRoundCommitments.roundId, n: count().as('n') })
    .from(reportingRoundCommitments)
    .groupBy(reportingRoundCommitments.roundId)
    .as('covered');
  const submitted = db
    .select({ roundId: commitmentReports.roundId, n: count().as('submitted_n') })
    .from(commitmentReports)
    .where(eq(commitmentReports.state, 'submitted'))
    .groupBy(commitmentReports.roundId)
    .as('submitted');
  const rows = await db
    .select({
      round: reportingRounds,
      cycleName: cycles.name,
      commitments: sql<number>`coalesce(${covered.n}, 0)::int`,
      submitted: sql<number>`coalesce(${submitted.n}, 0)::int`,
    })
    .from(reportingRounds)
    .innerJoin(cycles, eq(cycles.id, reportingRounds.cycleId))
    .leftJoin(covered, eq(covered.roundId, reportingRounds.id))
    .leftJoin(submitted, eq(submitted.roundId, reportingRounds.id))
    .where(and(...filters))
    .orderBy(desc(reportingRounds.deadline), desc(reportingRounds.createdAt));
  return rows.map(({ round, cycleName, ...counts }) => ({
    id: round.id,
    cycleId: round.cycleId,
    cycleName,
    name: round.name,
    deadline: round.deadline,
    state: round.state as ReportingRound['state'],
    closedAt: iso(round.closedAt),
    publishedAt: iso(round.publishedAt),
    commitments: Number(counts.commitments),
    submitted: Number(counts.submitted),
    version: round.version,
  }));
}

export async function loadRound(db: Db | Tx, id: string): Promise<ReportingRound> {
  const [round] = await listRounds(db, { id });
  if (!round) throw notFound();
  return round;
}

/**
 * Whether a commitment's report is in a `RoundReportState`, from its report row in the round (none: not
 * started). The counts and the list's filter both read these, so a commitment is counted where it is
 * listed; they name the report's columns plainly so the planner can use its statistics on them. "No
 * report" tests a column of the join's condition, which lets the planner see an anti-join and estimate
 * it (with `id is null` it expected one row of 160,000 and read the whole round for a page: seconds).
 */
const inState: Record<RoundReportState, SQL> = {
  not_started: sql`${commitmentReports.commitmentId} is null`,
  draft: sql`(${commitmentReports.state} = 'draft' and ${commitmentReports.reopenedReason} is null)`,
  reopened: sql`(${commitmentReports.state} = 'draft' and ${commitmentReports.reopenedReason} is not null)`,
  submitted: sql`${commitmentReports.state} = 'submitted'`,
};

/** A round's commitment and its report in the round: no row until one is saved. */
const reportInRound = and(
  eq(commitmentReports.roundId, reportingRoundCommitments.roundId),
  eq(commitmentReports.commitmentId, reportingRoundCommitments.commitmentId),
);

const counted = (state: RoundReportState) => sql<number>`(count(*) filter (where ${inState[state]}))::int`;

/** A round's status as everyone reads it: what the caller may do is added per request. */
export type RoundTally = Omit<RoundStatus, 'mayManage'>;

/**
 * A round's status over all its commitments, however many: how many are in each report state, each owner (a
 * department, or a region for its own commitments) with how many it has submitted, those with the most left
 * first, and the regions it covers; null when there is no such round. One grouped query, one row per owner
 * department and region, so the answer stays small; but it reads every commitment of the round (a second or
 * two at national size on PGlite), which is why the status route keeps it in a read cache. The commitments
 * themselves are read a page at a time (`listRoundCommitments`).
 */
export async function tallyRound(db: Db | Tx, id: string): Promise<RoundTally | null> {
  const [round] = await listRounds(db, { id });
  if (!round) return null;
  const groups = await db
    .select({
      departmentId: commitments.ownerDepartmentId,
      departmentName: departments.name,
      regionId: regions.id,
      regionName: regions.name,
      not_started: counted('not_started'),
      draft: counted('draft'),
      reopened: counted('reopened'),
      submitted: counted('submitted'),
    })
    .from(reportingRoundCommitments)
    .innerJoin(commitments, eq(commitments.id, reportingRoundCommitments.commitmentId))
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .leftJoin(departments, eq(departments.id, commitments.ownerDepartmentId))
    .leftJoin(commitmentReports, reportInRound)
    .where(eq(reportingRoundCommitments.roundId, id))
    .groupBy(commitments.ownerDepartmentId, departments.name, regions.id, regions.name);
  const counts: RoundCounts = { not_started: 0, draft: 0, reopened: 0, submitted: 0 };
  const owners = new Map<string, RoundOwner>();
  const covered = new Map<string, { id: string; name: string }>();
  for (const g of groups) {
    const total = roundReportStates.reduce((sum, state) => sum + g[state], 0);
    for (const state of roundReportStates) counts[state] += g[state];
    const region = { id: g.regionId, name: g.regionName };
    covered.set(region.id, region);
    const key = g.departmentId ? `department:${g.departmentId}` : `region:${g.regionId}`;
    const owner = owners.get(key) ?? {
      owner: ownerOf({ ownerDepartmentId: g.departmentId }, g.departmentName),
      region: g.departmentId ? null : region,
      commitments: 0,
      submitted: 0,
    };
    owner.commitments += total;
    owner.submitted += g.submitted;
    owners.set(key, owner);
  }
  const name = (o: RoundOwner) =>
    o.owner.type === 'department' ? o.owner.department.name : (o.region?.name ?? '');
  return {
    ...round,
    counts,
    owners: [...owners.values()].sort(
      (a, b) =>
        b.commitments - b.submitted - (a.commitments - a.submitted) || name(a).localeCompare(name(b), 'nb'),
    ),
    regions: [...covered.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')),
  };
}

/** A round's status for the caller, read now (after a write in the same transaction, say). */
export async function loadRoundStatus(db: Db | Tx, actor: Actor, id: string): Promise<RoundStatus> {
  const tally = await tallyRound(db, id);
  if (!tally) throw notFound();
  return { ...tally, mayManage: actor.role === 'admin' };
}

/**
 * The list's order: by region, the subject area's place in the cycle, the title, and the id to break ties.
 * Regions go by their lower-cased name, which `regions_name_unique` indexes: the planner then walks the
 * regions in order down to their commitments and sorts only within a region, so a page costs about what
 * it shows rather than a sort of the whole round (tens of milliseconds instead of seconds at national size).
 */
const regionKey = sql<string>`lower(${regions.name})`;
const order = [regionKey, subjectAreas.position, commitments.title, commitments.id] as const;

/**
 * A page of a round's commitments with where each one's report stands, in the order of `order`, filtered
 * by report state, region and owner. The cursor names the last commitment shown rather than carrying its
 * key: a region's name and a title together could make a longer query string than an address should hold.
 * Its key is read again here (a round's commitments stay in it, and none is ever deleted), and the page
 * starts right after that key. A cursor naming no commitment of the round is a 400 on `cursor`.
 */
export async function listRoundCommitments(
  db: Db | Tx,
  actor: Actor,
  id: string,
  query: RoundCommitmentQuery,
): Promise<RoundCommitmentPage> {
  const [round] = await db
    .select({ state: reportingRounds.state })
    .from(reportingRounds)
    .where(eq(reportingRounds.id, id));
  if (!round) throw notFound();
  const after = decodeKeyCursorWithId(query.cursor, 1)?.[0];
  const inRound = eq(reportingRoundCommitments.roundId, id);
  let seek: SQL | undefined;
  if (after) {
    const [key] = await db
      .select({ region: regionKey, position: subjectAreas.position, title: commitments.title })
      .from(reportingRoundCommitments)
      .innerJoin(commitments, eq(commitments.id, reportingRoundCommitments.commitmentId))
      .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .innerJoin(subjectAreas, eq(subjectAreas.id, commitments.subjectAreaId))
      .where(and(inRound, eq(reportingRoundCommitments.commitmentId, after)));
    if (!key) throw fieldError('cursor', 'validation.invalid');
    // The first condition repeats what the row comparison implies, for the index on the region's name.
    seek = and(
      sql`${regionKey} >= ${key.region}`,
      sql`(${sql.join([...order], sql`, `)}) > (${key.region}::text, ${key.position}::int, ${key.title}::text, ${after}::uuid)`,
    );
  }
  const submitter = alias(users, 'submitter');
  const rows = await db
    .select({
      commitment: commitments,
      regionId: regions.id,
      regionName: regions.name,
      subjectAreaName: subjectAreas.name,
      departmentName: departments.name,
      report: commitmentReports,
      submittedByName: submitter.name,
    })
    .from(reportingRoundCommitments)
    .innerJoin(commitments, eq(commitments.id, reportingRoundCommitments.commitmentId))
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(subjectAreas, eq(subjectAreas.id, commitments.subjectAreaId))
    .leftJoin(departments, eq(departments.id, commitments.ownerDepartmentId))
    .leftJoin(commitmentReports, reportInRound)
    .leftJoin(submitter, eq(submitter.id, commitmentReports.submittedBy))
    .where(
      and(
        inRound,
        seek,
        query.state ? inState[query.state] : undefined,
        query.region ? eq(regions.id, query.region) : undefined,
        query.owner === regionOwner
          ? isNull(commitments.ownerDepartmentId)
          : query.owner
            ? eq(commitments.ownerDepartmentId, query.owner)
            : undefined,
      ),
    )
    .orderBy(...order.map((column) => asc(column)))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r): RoundRow => ({
      commitment: {
        id: r.commitment.id,
        title: r.commitment.title,
        region: { id: r.regionId, name: r.regionName },
        subjectArea: { id: r.commitment.subjectAreaId, name: r.subjectAreaName },
        owner: ownerOf(r.commitment, r.departmentName),
      },
      report: r.report
        ? {
            id: r.report.id,
            state: r.report.state as 'draft' | 'submitted',
            status: (r.report.status as ReportStatus | null) ?? null,
            progress: r.report.progress,
            submittedAt: iso(r.report.submittedAt),
            submittedByName: r.submittedByName,
            reopenedReason: r.report.reopenedReason,
            version: r.report.version,
          }
        : null,
      mayReport:
        round.state === 'open' &&
        mayReportOn(actor, { ownerDepartmentId: r.commitment.ownerDepartmentId, regionId: r.regionId }),
    }),
    (r) => [r.commitment.id],
  );
}

/** The commitments of a round not yet submitted, with their owner's department and region. */
export async function unsubmittedOf(db: Db | Tx, roundId: string) {
  return db
    .select({
      commitmentId: commitments.id,
      ownerDepartmentId: commitments.ownerDepartmentId,
      regionId: agreements.regionId,
    })
    .from(reportingRoundCommitments)
    .innerJoin(commitments, eq(commitments.id, reportingRoundCommitments.commitmentId))
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .leftJoin(
      commitmentReports,
      and(
        eq(commitmentReports.roundId, reportingRoundCommitments.roundId),
        eq(commitmentReports.commitmentId, reportingRoundCommitments.commitmentId),
      ),
    )
    .where(
      and(
        eq(reportingRoundCommitments.roundId, roundId),
        sql`(${commitmentReports.state} is null or ${commitmentReports.state} <> 'submitted')`,
      ),
    );
}
