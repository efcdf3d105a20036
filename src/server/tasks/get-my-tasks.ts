import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { SpecialPartVerdict } from '../../shared/contracts/special-part.js';
import { type MyTasks, MyTasksQuery, type SpecialPartToAnswer } from '../../shared/contracts/tasks.js';
import { agreementSubjectAreas, agreements } from '../agreements/agreement.table.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { osloDate } from '../hearings/deadline.js';
import { dispositionInputs, dispositions, hearingInputs, hearings } from '../hearings/hearing.table.js';
import { openActionsFor } from '../meetings/meeting-reads.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { regions } from '../registry/registry.table.js';
import {
  specialPartAnswerComments,
  specialPartAnswers,
  specialPartVersions,
} from '../special-part/special-part.table.js';
import { answerOpenSql } from '../special-part/special-part-answer-reads.js';
import { commentTasks } from './comment-tasks.js';
import { coordinatorTasks } from './coordinator-tasks.js';

/** Statuses of an item still being negotiated: it waits for somebody to discuss or settle it. */
const negotiating = ['proposed', 'discussed'];

/** What the start page shows of a cycle, but the recent comments: kept per user while nothing it reads changes. */
type CachedTasks = Omit<MyTasks, 'comments'>;

/** The hearings of each cycle, whose versions the cached tasks count (a new hearing raises every read's). */
const cycleHearings = createReadCache<readonly string[]>({ maxEntries: 64 });

/**
 * Everyone opens the start page first, and it was nine queries, two of them over a department's items of the
 * whole cycle: kept per user and cycle while nothing it reads is written. It reads the cycle's agreements and
 * contributions (the cycle's scope) and its hearings' inputs and dispositions (each hearing's scope); the
 * meetings' actions, special parts, reminders and users change with writes that name no scope, which every
 * cached read counts. The coordinator's open hearings depend on the day, so the key names the Oslo date,
 * and on who reads (role, department, region). The recent comments are read afresh each time: comments
 * come all day, and should not throw the rest away.
 */
const tasksCache = createReadCache<CachedTasks | null>({ maxEntries: 1024 });

/**
 * What waits for the caller in one cycle (UX.md, "Mine oppgaver"): a department editor sees the inputs the
 * coordinator asked the department to answer, the regions whose agreement has nothing from the department
 * yet and the department's items still negotiated; a region contact sees the region's own agreement and
 * what in it is still open; everyone but a viewer sees the open actions from meetings that they (as a
 * registry person) or their department own. A region contact also sees the region's sent special parts to
 * answer, and the coordinator those the regions have answered. The coordinator has an inbox of their own
 * (coordinator-tasks.ts), and everyone but a viewer the recent comments for them (comment-tasks.ts).
 * Hearings are listed by their own route; the coordinator's overview is the matrix.
 */
export async function getMyTasks(ctx: Ctx, raw: unknown): Promise<MyTasks> {
  const { db, actor } = authorize(ctx, everyone);
  const query = parse(MyTasksQuery, raw);
  const hearingIds = await cycleHearings.read(ctx, [cacheScope.cycle(query.cycle)], query.cycle, (reader) =>
    reader
      .select({ id: hearings.id })
      .from(hearings)
      .where(eq(hearings.cycleId, query.cycle))
      .orderBy(asc(hearings.id))
      .then((rows) => rows.map((r) => r.id)),
  );
  const reader = [actor.id, actor.role, actor.departmentId ?? '', actor.regionId ?? ''].join(':');
  // The same key always comes with the same scopes: the hearings are part of it.
  const tasks = await tasksCache.read(
    ctx,
    [cacheScope.cycle(query.cycle), ...hearingIds.map((id) => cacheScope.hearing(id))],
    (now) => `${query.cycle}|${osloDate(now)}|${reader}|${hearingIds.join(',')}`,
    (tx) => loadTasks(tx, actor, query.cycle),
  );
  if (!tasks) throw notFound();
  return { ...tasks, comments: await commentTasks(db, actor, query.cycle) };
}

async function loadTasks(db: Db | Tx, actor: Actor, cycleId: string): Promise<CachedTasks | null> {
  const [cycle] = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) return null;
  return {
    assignedDispositions: await assignedDispositions(db, actor, cycle.id),
    department: await departmentTasks(db, actor, cycle.id),
    region: await regionTasks(db, actor, cycle.id),
    meetingActions: await openActionsFor(db, actor, cycle.id),
    specialParts: await specialPartTasks(db, actor, cycle.id),
    coordinator: await coordinatorTasks(db, actor, cycle.id),
  };
}

/**
 * The cycle's sent special part versions the regions may still answer: for a region contact the region's
 * own, answered or not (the oldest sent first); for the coordinator those answered (the latest answer first),
 * which wait for the coordinator to read them and record the version agreed.
 */
async function specialPartTasks(db: Db | Tx, actor: Actor, cycleId: string): Promise<SpecialPartToAnswer[]> {
  const forRegion = actor.role === 'region' && actor.regionId;
  if (!forRegion && actor.role !== 'admin') return [];
  const commented = db
    .select({ answerId: specialPartAnswerComments.answerId, n: count().as('n') })
    .from(specialPartAnswerComments)
    .groupBy(specialPartAnswerComments.answerId)
    .as('commented');
  const rows = await db
    .select({
      agreementId: agreements.id,
      regionName: regions.name,
      versionId: specialPartVersions.id,
      versionNumber: specialPartVersions.number,
      sentAt: specialPartVersions.sentAt,
      verdict: specialPartAnswers.verdict,
      comments: sql<number>`coalesce(${commented.n}, 0)`.mapWith(Number),
      answeredAt: specialPartAnswers.answeredAt,
    })
    .from(specialPartVersions)
    .innerJoin(agreements, eq(agreements.id, specialPartVersions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .leftJoin(
      specialPartAnswers,
      and(
        eq(specialPartAnswers.versionId, specialPartVersions.id),
        eq(specialPartAnswers.regionId, agreements.regionId),
      ),
    )
    .leftJoin(commented, eq(commented.answerId, specialPartAnswers.id))
    .where(
      and(
        eq(agreements.cycleId, cycleId),
        answerOpenSql,
        forRegion ? eq(agreements.regionId, forRegion) : isNotNull(specialPartAnswers.id),
      ),
    )
    .orderBy(
      ...(forRegion
        ? [asc(specialPartVersions.sentAt), asc(specialPartVersions.number)]
        : [desc(specialPartAnswers.answeredAt), asc(regions.name)]),
    );
  return rows.map((r) => ({
    agreementId: r.agreementId,
    regionName: r.regionName,
    versionId: r.versionId,
    versionNumber: r.versionNumber,
    sentAt: r.sentAt?.toISOString() ?? null,
    answer:
      r.verdict && r.answeredAt
        ? {
            verdict: r.verdict as SpecialPartVerdict,
            comments: r.comments,
            answeredAt: r.answeredAt.toISOString(),
          }
        : null,
  }));
}

/** Draft answers assigned to the caller's department, counted in inputs, per hearing of the cycle. */
async function assignedDispositions(db: Db | Tx, actor: Actor, cycleId: string) {
  if (actor.role !== 'department' || !actor.departmentId) return [];
  return db
    .select({
      hearingId: hearings.id,
      kind: hearings.kind,
      versionNumber: generalPartVersions.number,
      cycleName: cycles.name,
      count: count(dispositionInputs.inputId),
      firstInputId: sql<string>`(array_agg(${hearingInputs.id} order by ${regions.name}, ${hearingInputs.submittedAt}, ${hearingInputs.id}))[1]`,
    })
    .from(dispositions)
    .innerJoin(dispositionInputs, eq(dispositionInputs.dispositionId, dispositions.id))
    .innerJoin(hearingInputs, eq(hearingInputs.id, dispositionInputs.inputId))
    .innerJoin(regions, eq(regions.id, hearingInputs.regionId))
    .innerJoin(hearings, eq(hearings.id, dispositions.hearingId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
    .innerJoin(cycles, eq(cycles.id, hearings.cycleId))
    .where(
      and(
        eq(hearings.cycleId, cycleId),
        eq(dispositions.assignedDepartmentId, actor.departmentId),
        eq(dispositions.final, false),
      ),
    )
    .groupBy(hearings.id, hearings.kind, generalPartVersions.number, cycles.name, hearings.createdAt)
    .orderBy(asc(hearings.createdAt))
    .then((rows) => rows.map((r) => ({ ...r, kind: r.kind as 'informal' | 'formal' })));
}

/**
 * One query: the cycle's agreements, each with whether the department has an item in it that is not dropped
 * (a probe of the matrix index per agreement, where a list of the department's 24,000 items of a national
 * cycle took tens of milliseconds), and, computed once, how many of the department's items are negotiated.
 */
async function departmentTasks(db: Db | Tx, actor: Actor, cycleId: string) {
  if (actor.role !== 'department' || !actor.departmentId) return null;
  const departmentId = actor.departmentId;
  const own = db
    .select({ one: sql`1` })
    .from(contributions)
    .where(
      and(
        eq(contributions.cycleId, cycleId),
        eq(contributions.ownerDepartmentId, departmentId),
        eq(contributions.agreementId, agreements.id),
        sql`${contributions.status} <> 'dropped'`,
      ),
    );
  const negotiated = db
    .select({ n: count() })
    .from(contributions)
    .where(
      and(
        eq(contributions.cycleId, cycleId),
        eq(contributions.ownerDepartmentId, departmentId),
        inArray(contributions.status, negotiating),
      ),
    );
  const all = await db
    .select({
      agreementId: agreements.id,
      regionName: regions.name,
      has: sql<boolean>`exists (${own})`,
      negotiated: sql<number>`(${negotiated})`.mapWith(Number),
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.cycleId, cycleId))
    .orderBy(asc(regions.name));
  return {
    agreements: all.length,
    agreementsWithoutOwn: all
      .filter((a) => !a.has)
      .map(({ agreementId, regionName }) => ({ agreementId, regionName })),
    inNegotiation: all[0]?.negotiated ?? 0,
  };
}

async function regionTasks(db: Db | Tx, actor: Actor, cycleId: string) {
  if (actor.role !== 'region' || !actor.regionId) return null;
  const [agreement] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.cycleId, cycleId), eq(agreements.regionId, actor.regionId)));
  if (!agreement) return null;
  const [wanted] = await db
    .select({ n: count() })
    .from(agreementSubjectAreas)
    .where(eq(agreementSubjectAreas.agreementId, agreement.id));
  const [items] = await db
    .select({
      all: count(),
      region: sql<number>`count(*) filter (where ${isNull(contributions.ownerDepartmentId)})`.mapWith(Number),
    })
    .from(contributions)
    .where(and(eq(contributions.agreementId, agreement.id), inArray(contributions.status, negotiating)));
  return {
    agreementId: agreement.id,
    wantedSubjectAreas: wanted?.n ?? 0,
    regionItemsInNegotiation: items?.region ?? 0,
    itemsInNegotiation: items?.all ?? 0,
  };
}
