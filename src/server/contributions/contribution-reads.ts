import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  Contribution,
  ContributionDetail,
  ContributionKind,
  ContributionListQuery,
  ContributionStatus,
  StatusChange,
} from '../../shared/contracts/contributions.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { contributionComments, contributionStatusChanges, contributions } from './contribution.table.js';
import { mayChange, statusChoices } from './contribution-rules.js';

const commentCount = sql<number>`(select count(*)::int from ${contributionComments} where ${contributionComments.contributionId} = ${contributions.id})`;

/**
 * A contribution as every reader sees it: without its comment count, which comments change, and without
 * what the caller may do with it. The agreement's list keeps these (list-contributions.ts).
 */
export type ContributionBase = Omit<Contribution, 'commentCount' | 'canEdit' | 'statusChoices'>;

const columns = {
  row: contributions,
  regionId: agreements.regionId,
  regionName: regions.name,
  subjectAreaName: subjectAreas.name,
  departmentName: departments.name,
};

/** The rows of `where`, in the agreement's order, with `extra` columns beside them. */
function selectRows<Extra extends Record<string, SQL.Aliased | SQL>>(
  db: Db | Tx,
  where: SQL | undefined,
  extra: Extra,
) {
  return db
    .select({ ...columns, ...extra })
    .from(contributions)
    .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(subjectAreas, eq(subjectAreas.id, contributions.subjectAreaId))
    .leftJoin(departments, eq(departments.id, contributions.ownerDepartmentId))
    .where(where)
    .orderBy(asc(subjectAreas.position), asc(contributions.position), asc(contributions.createdAt));
}

type Row = {
  row: typeof contributions.$inferSelect;
  regionId: string;
  regionName: string;
  subjectAreaName: string;
  departmentName: string | null;
};

function baseOf(r: Row): ContributionBase {
  return {
    id: r.row.id,
    agreementId: r.row.agreementId,
    cycleId: r.row.cycleId,
    region: { id: r.regionId, name: r.regionName },
    subjectArea: { id: r.row.subjectAreaId, name: r.subjectAreaName },
    // The CHECK constraints hold these columns to the contract's values.
    kind: r.row.kind as ContributionKind,
    owner:
      r.row.ownerDepartmentId === null
        ? { type: 'region' }
        : {
            type: 'department',
            department: { id: r.row.ownerDepartmentId, name: r.departmentName ?? '' },
          },
    title: r.row.title,
    description: r.row.description,
    responsible: r.row.responsible,
    budgetNokPerYear: r.row.budgetNokPerYear,
    timeFrame: r.row.timeFrame,
    indicators: r.row.indicators.map((i) => ({
      name: i.name,
      baseline: i.baseline ?? null,
      target: i.target ?? null,
      unit: i.unit ?? null,
    })),
    status: r.row.status as ContributionStatus,
    position: r.row.position,
    version: r.row.version,
    createdAt: r.row.createdAt.toISOString(),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}

/** What a contribution's answer adds to it for `actor`: its comment count and what the actor may do with it. */
export function readerFieldsOf(
  actor: Actor,
  base: ContributionBase,
  comments: number,
): Pick<Contribution, 'commentCount' | 'canEdit' | 'statusChoices'> {
  const ownerDepartmentId = base.owner.type === 'department' ? base.owner.department.id : null;
  return {
    commentCount: comments,
    canEdit: mayChange(actor, base.region.id, ownerDepartmentId, base.status),
    statusChoices: statusChoices(actor, base.region.id, ownerDepartmentId, base.status),
  };
}

/** A contribution as `actor` sees it: with its comment count and what the actor may do with it. */
export function asSeenBy(actor: Actor, base: ContributionBase, comments: number): Contribution {
  return { ...base, ...readerFieldsOf(actor, base, comments) };
}

/**
 * Contributions as the caller sees them, in the agreement's order: the cycle's subject area order, then
 * the position within the subject area.
 */
export async function readContributions(db: Db | Tx, actor: Actor, where: SQL | undefined) {
  const rows = await selectRows(db, where, { commentCount });
  return rows.map((r) => asSeenBy(actor, baseOf(r), Number(r.commentCount)));
}

/** `readContributions` as every reader sees them (`ContributionBase`), in the same order. */
export async function readContributionBases(db: Db | Tx, where: SQL | undefined) {
  return (await selectRows(db, where, {})).map(baseOf);
}

/**
 * The number of comments on each of an agreement's contributions that has any, as one scalar subquery that
 * gives a JSON object of contribution ids to counts (read-cache.ts `readJson`).
 */
export function commentCountsQuery(agreementId: string): SQL {
  return sql`(select coalesce(json_object_agg(counted.id, counted.n), '{}'::json)
               from (select ${contributionComments.contributionId} as id, count(*)::int as n
                       from ${contributionComments}
                       inner join ${contributions} on ${contributions.id} = ${contributionComments.contributionId}
                      where ${contributions.agreementId} = ${agreementId}
                      group by ${contributionComments.contributionId}) as counted)`;
}

const CommentCounts = z.record(z.string(), z.number().int().nonnegative());

/** The counts as `commentCountsQuery` gives them, checked: contribution ids to whole numbers. */
export function parseCommentCounts(json: unknown): Record<string, number> {
  return CommentCounts.parse(json);
}

/** The filters of an agreement's list. */
export function listFilter(agreementId: string, query: ContributionListQuery): SQL | undefined {
  return and(
    eq(contributions.agreementId, agreementId),
    query.owner === 'region'
      ? isNull(contributions.ownerDepartmentId)
      : query.owner
        ? eq(contributions.ownerDepartmentId, query.owner)
        : undefined,
    query.status ? eq(contributions.status, query.status) : undefined,
    query.subjectArea ? eq(contributions.subjectAreaId, query.subjectArea) : undefined,
  );
}

/** A status change as the history subquery gives it (JSON), before it is made a `StatusChange`. */
type StatusChangeJson = {
  from: string | null;
  to: string;
  reason: string;
  changedBy: string | null;
  changerName: string | null;
  changedAt: string;
};

/**
 * A contribution's status changes, oldest first (the first, from no status, before any other at the same
 * moment), with who made them, as JSON text: a subquery on the contribution of the outer query.
 */
const statusHistoryJson = sql<string>`(select coalesce(json_agg(json_build_object(
    'from', ${contributionStatusChanges.fromStatus}, 'to', ${contributionStatusChanges.toStatus},
    'reason', ${contributionStatusChanges.reason}, 'changedBy', ${contributionStatusChanges.changedBy},
    'changerName', ${users.name}, 'changedAt', ${contributionStatusChanges.changedAt})
    order by ${contributionStatusChanges.changedAt} asc, ${contributionStatusChanges.fromStatus} asc nulls first),
    '[]'::json)::text
  from ${contributionStatusChanges} left join ${users} on ${users.id} = ${contributionStatusChanges.changedBy}
  where ${contributionStatusChanges.contributionId} = ${contributions.id})`;

function statusHistoryOf(text: string): StatusChange[] {
  return (JSON.parse(text) as StatusChangeJson[]).map((change) => ({
    // The CHECK constraints hold the statuses to the contract's values.
    from: (change.from as ContributionStatus | null) ?? null,
    to: change.to as ContributionStatus,
    reason: change.reason,
    changedBy:
      change.changedBy && change.changerName ? { id: change.changedBy, name: change.changerName } : null,
    // JSON gives the database's own notation of the moment; the contract's is the ISO one, in milliseconds.
    changedAt: new Date(change.changedAt).toISOString(),
  }));
}

/** A contribution read inside the writer's transaction after a change: `findDetail`, which must find it. */
export async function readDetail(db: Db | Tx, actor: Actor, id: string): Promise<ContributionDetail> {
  const detail = await findDetail(db, actor, id);
  if (!detail) throw new Error('contribution vanished');
  return detail;
}

/**
 * A contribution as `actor` sees it, with its history, in one statement, or null when there is none: the
 * contribution's own page, and the answer of each write to it.
 */
export async function findDetail(db: Db | Tx, actor: Actor, id: string): Promise<ContributionDetail | null> {
  const [row] = await selectRows(db, eq(contributions.id, id), { commentCount, history: statusHistoryJson });
  if (!row) return null;
  return {
    ...asSeenBy(actor, baseOf(row), Number(row.commentCount)),
    statusHistory: statusHistoryOf(row.history),
  };
}
