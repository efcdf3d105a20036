import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  countyInternalTypes,
  type MeetingState,
  type MeetingType,
  meetingTransitions,
  type OutcomeInput,
  type ParticipantInput,
  participantIdentity,
} from '../../shared/contracts/meetings.js';
import { agreements } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { AppError, fieldError, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { departments, people } from '../registry/registry.table.js';
import { specialPartSections, specialPartVersions } from '../special-part/special-part.table.js';
import { users } from '../users/user.table.js';
import {
  meetingAgendaItems,
  meetingAgreements,
  meetingOutcomes,
  meetingParticipants,
  meetings,
} from './meeting.table.js';

export type MeetingRow = typeof meetings.$inferSelect;

/** What the rules need to know of a meeting: its type, owner, state and the regions it concerns. */
export type MeetingScope = {
  type: string;
  ownerDepartmentId: string | null;
  state: string;
  regionIds: readonly string[];
};

/**
 * Who reads a meeting. The county's people (the admin, viewers and department editors) read every meeting:
 * every agreement is open to them already, and a department takes part in the collaboration meetings and
 * the internal ones. A region contact reads only the meetings that concern their region's agreement, and
 * never the county's internal ones (kickoff, internal summary), whatever agreements those name.
 */
export function mayRead(actor: Actor, m: Pick<MeetingScope, 'type' | 'regionIds'>): boolean {
  if (actor.role !== 'region') return true;
  if (countyInternalTypes.includes(m.type as MeetingType)) return false;
  return actor.regionId !== null && m.regionIds.includes(actor.regionId);
}

/**
 * Who manages a meeting (its details, participants, agenda, minutes, outcomes and state): the admin every
 * meeting; a department editor the bilateral meetings their department owns.
 */
export function mayManage(actor: Actor, m: Pick<MeetingScope, 'type' | 'ownerDepartmentId'>): boolean {
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'department' &&
    m.type === 'bilateral' &&
    actor.departmentId !== null &&
    m.ownerDepartmentId === actor.departmentId
  );
}

/** A region contact of a region the meeting concerns proposes agenda items while it is planned. */
export const mayPropose = (actor: Actor, m: MeetingScope) =>
  actor.role === 'region' && m.state === 'planned' && mayRead(actor, m);

/**
 * Who comments on minutes sent for comment: who manages the meeting, a region contact who reads it, and a
 * department editor whose department takes part (the minutes go to the participants).
 */
export function mayComment(actor: Actor, m: MeetingScope, participantDepartmentIds: readonly string[]) {
  if (m.state !== 'minutes_for_comment') return false;
  if (mayManage(actor, m)) return true;
  if (actor.role === 'region') return mayRead(actor, m);
  return (
    actor.role === 'department' &&
    actor.departmentId !== null &&
    participantDepartmentIds.includes(actor.departmentId)
  );
}

/** The states the caller may move the meeting to now. */
export function stateChoices(actor: Actor, m: MeetingScope): MeetingState[] {
  if (!mayManage(actor, m)) return [];
  return [...(meetingTransitions[m.state as MeetingState] ?? [])];
}

/**
 * Who marks an action done (or open again): who manages its meeting, the editors of the department that
 * owns it, and the registry person who owns it (through their account's person or e-mail).
 */
export function mayMarkDone(
  actor: Actor,
  scope: MeetingScope,
  outcome: Pick<typeof meetingOutcomes.$inferSelect, 'kind' | 'ownerPersonId' | 'ownerDepartmentId'>,
  ownPersonIds: readonly string[],
): boolean {
  if (outcome.kind !== 'action' || actor.role === 'viewer') return false;
  if (mayManage(actor, scope)) return true;
  if (actor.role === 'department' && outcome.ownerDepartmentId === actor.departmentId) return true;
  return outcome.ownerPersonId !== null && ownPersonIds.includes(outcome.ownerPersonId);
}

/** A refusal that names the field it is about, so the screen can say why. */
const refused = (field: string, code: string) => new AppError('forbidden', [{ field, code, params: {} }]);

/** A region contact asking for another region's meeting (or the county's internal one) is refused. */
export function assertMayRead(actor: Actor, m: Pick<MeetingScope, 'type' | 'regionIds'>, field = 'id') {
  if (!mayRead(actor, m)) throw refused(field, 'validation.meetingOtherRegion');
}

/**
 * A department editor may manage only their department's bilateral meetings: another department's is
 * refused on the owner department, any other kind of meeting on its type.
 */
export function assertMayManage(actor: Actor, m: Pick<MeetingScope, 'type' | 'ownerDepartmentId'>) {
  if (mayManage(actor, m)) return;
  if (actor.role === 'department') {
    if (m.type !== 'bilateral') throw refused('type', 'validation.departmentBilateralOnly');
    throw refused('ownerDepartmentId', 'validation.meetingOtherDepartment');
  }
  throw new AppError('forbidden');
}

/** A 409 on the meeting's state, named on `field`: the change does not fit where the meeting is now. */
export const stateConflict = (code: string, field = 'state') =>
  new AppError('conflict', [{ field, code, params: {} }]);

/** The regions of the agreements a meeting concerns. */
export async function regionIdsOf(db: Db | Tx, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ regionId: agreements.regionId })
    .from(meetingAgreements)
    .innerJoin(agreements, eq(agreements.id, meetingAgreements.agreementId))
    .where(eq(meetingAgreements.meetingId, meetingId));
  return rows.map((r) => r.regionId);
}

/** The departments of the meeting's county-side participants. */
export async function participantDepartmentIdsOf(db: Db | Tx, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: meetingParticipants.departmentId })
    .from(meetingParticipants)
    .where(
      and(eq(meetingParticipants.meetingId, meetingId), sql`${meetingParticipants.departmentId} is not null`),
    );
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

/**
 * The meeting, locked for a write (`update` for a change to the meeting itself, `share` for a write that
 * depends on its state: an agenda item, an outcome, a comment), with the regions it concerns.
 */
export async function lockMeeting(
  tx: Tx,
  id: string,
  mode: 'update' | 'share' = 'update',
): Promise<{ row: MeetingRow; scope: MeetingScope }> {
  assertId(id);
  const [row] = await tx
    .select()
    .from(meetings)
    .where(eq(meetings.id, id))
    .for(mode === 'update' ? 'update' : 'share');
  if (!row) throw notFound();
  return { row, scope: { ...row, regionIds: await regionIdsOf(tx, id) } };
}

/**
 * The agreements a meeting may concern: each of the meeting's cycle. An unknown one is refused on its
 * place in the list.
 */
export async function checkAgreements(tx: Tx, cycleId: string, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return [];
  const found = await tx
    .select({ id: agreements.id, regionId: agreements.regionId })
    .from(agreements)
    .where(and(eq(agreements.cycleId, cycleId), inArray(agreements.id, [...agreementIds])))
    .for('key share');
  const known = new Set(found.map((a) => a.id));
  const index = agreementIds.findIndex((id) => !known.has(id));
  if (index !== -1) throw fieldError(`agreementIds.${index}`, 'validation.unknownAgreement');
}

/** An owner department must be an active department of the county. */
export async function checkDepartment(tx: Tx, departmentId: string | null, field: string) {
  if (departmentId === null) return;
  const [row] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.active, true)))
    .for('key share');
  if (!row) throw fieldError(field, 'validation.unknownDepartment');
}

/** A participant as stored: a registry person's name, organisation and e-mail filled in from the registry. */
export type ParticipantRow = Omit<typeof meetingParticipants.$inferInsert, 'meetingId'>;

/**
 * Checks a list of participants against the registry and makes their rows: each registry person must
 * exist, each county department too; the same participant twice is refused on the second (the contract
 * says so before the database is asked, a unique index behind it holds it).
 */
export async function resolveParticipants(
  tx: Tx,
  list: readonly ParticipantInput[],
  field = 'participants',
): Promise<ParticipantRow[]> {
  const personIds = [...new Set(list.flatMap((p) => (p.personId ? [p.personId] : [])))];
  const found = personIds.length
    ? await tx.select().from(people).where(inArray(people.id, personIds)).for('key share')
    : [];
  const departmentIds = [...new Set(list.flatMap((p) => (p.departmentId ? [p.departmentId] : [])))];
  const knownDepartments = departmentIds.length
    ? await tx
        .select({ id: departments.id })
        .from(departments)
        .where(inArray(departments.id, departmentIds))
        .for('key share')
    : [];
  const seen = new Set<string>();
  return list.map((p, index): ParticipantRow => {
    const identity = participantIdentity(p);
    if (seen.has(identity)) {
      throw fieldError(
        `${field}.${index}.${p.personId ? 'personId' : 'name'}`,
        'validation.duplicateParticipant',
      );
    }
    seen.add(identity);
    if (p.departmentId && !knownDepartments.some((d) => d.id === p.departmentId)) {
      throw fieldError(`${field}.${index}.departmentId`, 'validation.unknownDepartment');
    }
    const person = p.personId ? found.find((x) => x.id === p.personId) : undefined;
    if (p.personId && !person) throw fieldError(`${field}.${index}.personId`, 'validation.unknownPerson');
    return {
      personId: p.personId,
      name: person?.name ?? p.name ?? '',
      organisation: p.organisation ?? person?.organisation ?? null,
      email: p.email ?? person?.email?.toLowerCase() ?? null,
      side: p.side,
      departmentId: p.departmentId,
      attendance: p.attendance,
      position: index,
    };
  });
}

/**
 * The registry people who are the caller: the person their account is linked to, and any person with the
 * account's e-mail address (the registry and the accounts are kept apart, so either may be how they meet).
 */
export async function personIdsOf(db: Db | Tx, actor: Pick<Actor, 'id' | 'email'>): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      sql`${people.id} = (select ${users.personId} from ${users} where ${users.id} = ${actor.id}) or lower(${people.email}) = lower(${actor.email})`,
    );
  return rows.map((r) => r.id);
}

/** What the audit keeps of a meeting: all but the minutes (audited on their own) and the timestamps. */
export const auditedMeeting = (row: MeetingRow) => ({
  cycleId: row.cycleId,
  type: row.type,
  title: row.title,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  place: row.place,
  videoLink: row.videoLink,
  ownerDepartmentId: row.ownerDepartmentId,
  state: row.state,
  sequence: row.sequence,
  version: row.version,
});

/**
 * An agenda item with its meeting, both locked for a write (the meeting first, as every agenda write takes
 * it, so two writes never hand out the same position). 404 when the item does not exist.
 */
export async function lockAgendaItem(tx: Tx, id: string) {
  assertId(id);
  const [found] = await tx
    .select({ meetingId: meetingAgendaItems.meetingId })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.id, id));
  if (!found) throw notFound();
  const meeting = await lockMeeting(tx, found.meetingId);
  const [item] = await tx
    .select()
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.id, id))
    .for('update');
  if (!item) throw notFound();
  return { item, ...meeting };
}

/** The agenda is settled before the meeting: it changes only while the meeting is planned. */
export function assertAgendaOpen(state: string) {
  if (state !== 'planned') throw stateConflict('validation.agendaClosed');
}

/** Gives the agenda's items positions 0, 1, 2 … in their present order (after one is removed). */
export async function renumberAgenda(tx: Tx, meetingId: string) {
  await tx.execute(sql`
    update ${meetingAgendaItems} set position = ordered.n
    from (select id, (row_number() over (order by position, created_at) - 1)::int as n
          from ${meetingAgendaItems} where meeting_id = ${meetingId}) as ordered
    where ${meetingAgendaItems.id} = ordered.id and ${meetingAgendaItems.position} <> ordered.n`);
}

/** What the audit keeps of an agenda item. */
export const auditedAgendaItem = (row: typeof meetingAgendaItems.$inferSelect) => ({
  meetingId: row.meetingId,
  position: row.position,
  title: row.title,
  durationMinutes: row.durationMinutes,
  proposed: row.proposed,
  proposedBy: row.proposedBy,
  acceptedBy: row.acceptedBy,
  version: row.version,
});

/** Outcomes are what the meeting led to: written once it is held, until its minutes are approved. */
export function assertOutcomesOpen(state: string) {
  if (state === 'planned') throw stateConflict('validation.meetingNotHeld');
  if (state === 'cancelled') throw stateConflict('validation.meetingCancelled');
  if (state === 'minutes_approved') throw stateConflict('validation.minutesApproved');
}

/**
 * What an outcome refers to must exist: the owner (a registry person, or an active department), and what
 * an action changed, which must belong to an agreement the meeting concerns (a contribution of it, or a
 * section its special part has or had).
 */
export async function checkOutcomeTargets(tx: Tx, meetingId: string, input: OutcomeInput) {
  if (input.owner?.type === 'person') {
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.id, input.owner.personId))
      .for('key share');
    if (!person) throw fieldError('owner.personId', 'validation.unknownPerson');
  }
  if (input.owner?.type === 'department') {
    await checkDepartment(tx, input.owner.departmentId, 'owner.departmentId');
  }
  const link = input.link;
  if (!link) return;
  const concerned = (
    await tx
      .select({ id: meetingAgreements.agreementId })
      .from(meetingAgreements)
      .where(eq(meetingAgreements.meetingId, meetingId))
  ).map((r) => r.id);
  if (link.type === 'contribution') {
    const [found] = await tx
      .select({ agreementId: contributions.agreementId })
      .from(contributions)
      .where(eq(contributions.id, link.contributionId))
      .for('key share');
    if (!found || !concerned.includes(found.agreementId)) {
      throw fieldError('link.contributionId', 'validation.contributionNotInMeeting');
    }
    return;
  }
  if (!concerned.includes(link.agreementId)) {
    throw fieldError('link.agreementId', 'validation.agreementNotInMeeting');
  }
  const [section] = await tx
    .select({ key: specialPartSections.key })
    .from(specialPartSections)
    .innerJoin(specialPartVersions, eq(specialPartVersions.id, specialPartSections.versionId))
    .where(
      and(
        eq(specialPartVersions.agreementId, link.agreementId),
        eq(specialPartSections.key, link.sectionKey),
      ),
    )
    .limit(1);
  if (!section) throw fieldError('link.sectionKey', 'validation.unknownSpecialPartSection');
}

/** An outcome with its meeting, both locked for a write; 404 when the outcome does not exist. */
export async function lockOutcome(tx: Tx, id: string, mode: 'update' | 'share' = 'update') {
  assertId(id);
  const [found] = await tx
    .select({ meetingId: meetingOutcomes.meetingId })
    .from(meetingOutcomes)
    .where(eq(meetingOutcomes.id, id));
  if (!found) throw notFound();
  const meeting = await lockMeeting(tx, found.meetingId, mode);
  const [outcome] = await tx.select().from(meetingOutcomes).where(eq(meetingOutcomes.id, id)).for('update');
  if (!outcome) throw notFound();
  return { outcome, ...meeting };
}

/** An outcome's columns from its input: the owner and the link split into their columns. */
export const outcomeColumns = (input: OutcomeInput) => ({
  kind: input.kind,
  text: input.text,
  ownerPersonId: input.owner?.type === 'person' ? input.owner.personId : null,
  ownerDepartmentId: input.owner?.type === 'department' ? input.owner.departmentId : null,
  dueDate: input.dueDate,
  contributionId: input.link?.type === 'contribution' ? input.link.contributionId : null,
  sectionAgreementId: input.link?.type === 'section' ? input.link.agreementId : null,
  sectionKey: input.link?.type === 'section' ? input.link.sectionKey : null,
});

/** What the audit keeps of an outcome. */
export const auditedOutcome = (row: typeof meetingOutcomes.$inferSelect) => ({
  meetingId: row.meetingId,
  position: row.position,
  kind: row.kind,
  text: row.text,
  ownerPersonId: row.ownerPersonId,
  ownerDepartmentId: row.ownerDepartmentId,
  dueDate: row.dueDate,
  doneAt: row.doneAt?.toISOString() ?? null,
  contributionId: row.contributionId,
  sectionAgreementId: row.sectionAgreementId,
  sectionKey: row.sectionKey,
  version: row.version,
});
