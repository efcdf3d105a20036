import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  type Meeting,
  type MeetingSummary,
  type MeetingType,
  type ParticipantSide,
  type Representation,
  representedTypes,
} from '../../shared/contracts/meetings.js';
import { toOsloIso } from '../../shared/contracts/oslo-time.js';
import type { MeetingAction } from '../../shared/contracts/tasks.js';
import { agreements } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import type { Actor } from '../platform/context.js';
import { decodeKeyCursorWithId, toPage } from '../platform/cursor.js';
import { departments, people, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import {
  type AgreementJson,
  ownerOf,
  toAgendaItem,
  toMeetingSummary,
  toOutcome,
  toParticipant,
} from './meeting.mapper.js';
import {
  meetingAgendaItems,
  meetingAgreements,
  meetingComments,
  meetingOutcomes,
  meetingParticipants,
  meetings,
} from './meeting.table.js';
import { representationOf } from './meeting-representation.js';
import {
  type MeetingScope,
  mayComment,
  mayManage,
  mayMarkDone,
  mayPropose,
  participantDepartmentIdsOf,
  personIdsOf,
  stateChoices,
} from './meeting-rules.js';

const agreementsJson = sql<AgreementJson[]>`coalesce((
  select json_agg(json_build_object('id', ${agreements.id}, 'regionId', ${regions.id}, 'regionName', ${regions.name}) order by ${regions.name})
  from ${meetingAgreements}
  join ${agreements} on ${agreements.id} = ${meetingAgreements.agreementId}
  join ${regions} on ${regions.id} = ${agreements.regionId}
  where ${meetingAgreements.meetingId} = ${meetings.id}), '[]'::json)`;

const participantCount = sql<number>`(select count(*)::int from ${meetingParticipants} where ${meetingParticipants.meetingId} = ${meetings.id})`;

const openActions = sql<number>`(select count(*)::int from ${meetingOutcomes} where ${meetingOutcomes.meetingId} = ${meetings.id} and ${meetingOutcomes.kind} = 'action' and ${meetingOutcomes.doneAt} is null)`;

/** Meetings matching `where`, earliest first, as the list shows them. */
export async function readMeetingSummaries(db: Db | Tx, where: SQL | undefined): Promise<MeetingSummary[]> {
  return (await meetingRows(db, where)).map(toMeetingSummary);
}

/**
 * A page of the meetings matching `where`, earliest first: `limit` of them after the cursor's key (start,
 * title, id: the list's order; `meetings_cycle` seeks to the start), and the key of the last as the next cursor.
 */
export async function readMeetingPage(
  db: Db | Tx,
  where: SQL | undefined,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: MeetingSummary[]; nextCursor: string | null }> {
  const after = decodeKeyCursorWithId(cursor, 3);
  const rows = await meetingRows(
    db,
    and(
      where,
      after
        ? sql`(${meetings.startsAt}, ${meetings.title}, ${meetings.id}) > (${after[0]}::timestamptz, ${after[1]}, ${after[2]}::uuid)`
        : undefined,
    ),
    limit + 1,
  );
  return toPage(rows, limit, toMeetingSummary, (r) => [r.startsAtKey, r.row.title, r.row.id]);
}

function meetingRows(db: Db | Tx, where: SQL | undefined, limit?: number) {
  const q = db
    .select({
      row: meetings,
      departmentName: departments.name,
      agreements: agreementsJson,
      participantCount,
      openActions,
      // The start as PostgreSQL writes it, to the microsecond: a cursor compares it exactly.
      startsAtKey: sql<string>`${meetings.startsAt}::text`,
    })
    .from(meetings)
    .leftJoin(departments, eq(departments.id, meetings.ownerDepartmentId))
    .where(where)
    .orderBy(asc(meetings.startsAt), asc(meetings.title), asc(meetings.id));
  return limit === undefined ? q : q.limit(limit);
}

/** Meetings that concern a region's agreement. */
export const concernsRegion = (regionId: string) =>
  sql`exists (select 1 from ${meetingAgreements} join ${agreements} on ${agreements.id} = ${meetingAgreements.agreementId} where ${meetingAgreements.meetingId} = ${meetings.id} and ${agreements.regionId} = ${regionId})`;

export const concernsAgreement = (agreementId: string) =>
  sql`exists (select 1 from ${meetingAgreements} where ${meetingAgreements.meetingId} = ${meetings.id} and ${meetingAgreements.agreementId} = ${agreementId})`;

/** A meeting as the caller sees it, with what they may do with it; null when it does not exist. */
export async function readMeeting(db: Db | Tx, actor: Actor, id: string): Promise<Meeting | null> {
  const [summary] = await readMeetingSummaries(db, eq(meetings.id, id));
  const [row] = await db
    .select({ row: meetings, minutesByName: users.name })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.minutesUpdatedBy))
    .where(eq(meetings.id, id));
  if (!summary || !row) return null;
  const m = row.row;
  const [creator] = m.createdBy
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, m.createdBy))
    : [];
  const [registrar] = m.registeredAfterwardsBy
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.id, m.registeredAfterwardsBy))
    : [];
  const scope: MeetingScope = {
    type: m.type,
    ownerDepartmentId: m.ownerDepartmentId,
    state: m.state,
    regionIds: summary.agreements.map((a) => a.region.id),
  };
  const manage = mayManage(actor, scope);

  const participantRows = await db
    .select({ p: meetingParticipants, personName: people.name, departmentName: departments.name })
    .from(meetingParticipants)
    .leftJoin(people, eq(people.id, meetingParticipants.personId))
    .leftJoin(departments, eq(departments.id, meetingParticipants.departmentId))
    .where(eq(meetingParticipants.meetingId, id))
    .orderBy(asc(meetingParticipants.position));

  const agendaRows = await agendaRowsOf(db, eq(meetingAgendaItems.meetingId, id));

  const outcomeRows = await outcomeRowsOf(db, eq(meetingOutcomes.meetingId, id));
  const ownPersonIds = await personIdsOf(db, actor);

  const commentRows = await db
    .select({ comment: meetingComments, authorName: users.name })
    .from(meetingComments)
    .innerJoin(users, eq(users.id, meetingComments.authorId))
    .where(eq(meetingComments.meetingId, id))
    .orderBy(asc(meetingComments.createdAt), asc(meetingComments.id));

  return {
    ...summary,
    participants: participantRows.map(toParticipant),
    agenda: agendaRows.map((r) => toAgendaItem(r, actor, { manages: manage, open: m.state === 'planned' })),
    minutes: m.minutes,
    minutesUpdatedAt: m.minutesUpdatedAt?.toISOString() ?? null,
    minutesUpdatedBy:
      m.minutesUpdatedBy && row.minutesByName ? { id: m.minutesUpdatedBy, name: row.minutesByName } : null,
    outcomes: outcomeRows.map((r) => toOutcome(r, mayMarkDone(actor, scope, r.outcome, ownPersonIds))),
    comments: commentRows.map((r) => ({
      id: r.comment.id,
      author: { id: r.comment.authorId, name: r.authorName },
      body: r.comment.body,
      createdAt: r.comment.createdAt.toISOString(),
    })),
    createdBy: creator ?? null,
    heldAt: m.heldAt?.toISOString() ?? null,
    minutesSentAt: m.minutesSentAt?.toISOString() ?? null,
    minutesApprovedAt: m.minutesApprovedAt?.toISOString() ?? null,
    cancelledAt: m.cancelledAt?.toISOString() ?? null,
    registeredAfterwards: m.registeredAfterwardsAt
      ? { by: registrar ?? null, at: m.registeredAfterwardsAt.toISOString() }
      : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    canManage: manage,
    canPropose: mayPropose(actor, scope),
    canComment: mayComment(actor, scope, await participantDepartmentIdsOf(db, id)),
    stateChoices: stateChoices(actor, scope),
    representation: representedTypes.includes(m.type as MeetingType)
      ? await readRepresentation(
          db,
          m,
          participantRows.map((r) => r.p),
        )
      : null,
  };
}

/**
 * A collaboration or final meeting's representation: its participants against the departments with
 * contributions (not dropped) for the agreements it concerns, by the ratio its cycle sets.
 */
async function readRepresentation(
  db: Db | Tx,
  meeting: typeof meetings.$inferSelect,
  participants: readonly (typeof meetingParticipants.$inferSelect)[],
): Promise<Representation> {
  const [cycle] = await db
    .select({ ratio: cycles.representationRatio })
    .from(cycles)
    .where(eq(cycles.id, meeting.cycleId));
  const contributing = await db
    .selectDistinct({ id: contributions.ownerDepartmentId })
    .from(contributions)
    .innerJoin(meetingAgreements, eq(meetingAgreements.agreementId, contributions.agreementId))
    .where(and(eq(meetingAgreements.meetingId, meeting.id), sql`${contributions.status} <> 'dropped'`));
  const contributingIds = contributing.flatMap((r) => (r.id ? [r.id] : []));
  const departmentIds = [
    ...new Set([
      ...contributingIds,
      ...participants.flatMap((p) => (p.departmentId ? [p.departmentId] : [])),
    ]),
  ];
  const named = departmentIds.length
    ? await db
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(inArray(departments.id, departmentIds))
    : [];
  return representationOf({
    participants: participants.map((p) => ({ ...p, side: p.side as ParticipantSide })),
    departments: named,
    contributingDepartmentIds: contributingIds,
    ratio: cycle?.ratio ?? 2,
  });
}

const proposerName = sql<
  string | null
>`(select ${users.name} from ${users} where ${users.id} = ${meetingAgendaItems.proposedBy})`;
const accepterName = sql<
  string | null
>`(select ${users.name} from ${users} where ${users.id} = ${meetingAgendaItems.acceptedBy})`;

function agendaRowsOf(db: Db | Tx, where: SQL) {
  return db
    .select({ item: meetingAgendaItems, proposerName, accepterName })
    .from(meetingAgendaItems)
    .where(where)
    .orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.createdAt));
}

/** One agenda item of a planned meeting after a change, as the caller sees it. */
export async function readAgendaItem(db: Db | Tx, actor: Actor, id: string, manages: boolean) {
  const [row] = await agendaRowsOf(db, eq(meetingAgendaItems.id, id));
  if (!row) throw new Error('agenda item vanished');
  return toAgendaItem(row, actor, { manages, open: true });
}

const ownerPersonName = sql<
  string | null
>`(select ${people.name} from ${people} where ${people.id} = ${meetingOutcomes.ownerPersonId})`;

function outcomeRowsOf(db: Db | Tx, where: SQL) {
  return db
    .select({
      outcome: meetingOutcomes,
      ownerPersonName,
      ownerDepartmentName: departments.name,
      contributionTitle: contributions.title,
      contributionAgreementId: contributions.agreementId,
    })
    .from(meetingOutcomes)
    .leftJoin(departments, eq(departments.id, meetingOutcomes.ownerDepartmentId))
    .leftJoin(contributions, eq(contributions.id, meetingOutcomes.contributionId))
    .where(where)
    .orderBy(asc(meetingOutcomes.position), asc(meetingOutcomes.createdAt));
}

/** One outcome after a change, as the caller sees it. */
export async function readOutcome(db: Db | Tx, actor: Actor, id: string, scope: MeetingScope) {
  const [row] = await outcomeRowsOf(db, eq(meetingOutcomes.id, id));
  if (!row) throw new Error('outcome vanished');
  return toOutcome(row, mayMarkDone(actor, scope, row.outcome, await personIdsOf(db, actor)));
}

/** Inside a writer's transaction, after a change: the meeting as it now is. */
export async function readMeetingAfter(tx: Tx, actor: Actor, id: string): Promise<Meeting> {
  const meeting = await readMeeting(tx, actor, id);
  if (!meeting) throw new Error('meeting vanished');
  return meeting;
}

/**
 * The open actions a person owns in a cycle, for "Mine oppgaver": those owned by a registry person who is
 * the caller, and, for a department editor, those owned by their department. Earliest due first.
 */
export async function openActionsFor(db: Db | Tx, actor: Actor, cycleId: string): Promise<MeetingAction[]> {
  if (actor.role === 'viewer') return [];
  const personIds = await personIdsOf(db, actor);
  const owners: SQL[] = [];
  if (personIds.length) owners.push(inArray(meetingOutcomes.ownerPersonId, personIds));
  if (actor.role === 'department' && actor.departmentId) {
    owners.push(eq(meetingOutcomes.ownerDepartmentId, actor.departmentId));
  }
  if (owners.length === 0) return [];
  const rows = await db
    .select({
      outcome: meetingOutcomes,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingType: meetings.type,
      startsAt: meetings.startsAt,
      ownerPersonName,
      ownerDepartmentName: departments.name,
    })
    .from(meetingOutcomes)
    .innerJoin(meetings, eq(meetings.id, meetingOutcomes.meetingId))
    .leftJoin(departments, eq(departments.id, meetingOutcomes.ownerDepartmentId))
    .where(
      and(
        eq(meetings.cycleId, cycleId),
        eq(meetingOutcomes.kind, 'action'),
        isNull(meetingOutcomes.doneAt),
        or(...owners),
      ),
    )
    .orderBy(asc(meetingOutcomes.dueDate), asc(meetings.startsAt), asc(meetingOutcomes.position));
  // An action always has an owner (a CHECK holds it); the guard only satisfies the types.
  return rows.flatMap((r) => {
    const owner = ownerOf(r.outcome, r.ownerPersonName, r.ownerDepartmentName);
    if (!owner || !r.outcome.dueDate) return [];
    return [
      {
        outcomeId: r.outcome.id,
        meetingId: r.meetingId,
        meetingTitle: r.meetingTitle,
        meetingType: r.meetingType as MeetingType,
        meetingStartsAt: toOsloIso(r.startsAt),
        text: r.outcome.text,
        dueDate: r.outcome.dueDate,
        owner,
        version: r.outcome.version,
      },
    ];
  });
}
