import type {
  ActionOwner,
  AgendaItem,
  Attendance,
  MeetingState,
  MeetingSummary,
  MeetingType,
  Outcome,
  OutcomeKind,
  OutcomeLink,
  Participant,
  ParticipantSide,
} from '../../shared/contracts/meetings.js';
import { toOsloIso } from '../../shared/contracts/oslo-time.js';
import type { Actor } from '../platform/context.js';
import type { meetingAgendaItems, meetingOutcomes, meetingParticipants, meetings } from './meeting.table.js';

/** An agreement a meeting concerns, as the list query aggregates it. */
export type AgreementJson = { id: string; regionId: string; regionName: string };

// The CHECK constraints hold the text columns to the contract's values, so they are cast, not parsed.

export const toMeetingSummary = (r: {
  row: typeof meetings.$inferSelect;
  departmentName: string | null;
  agreements: AgreementJson[];
  participantCount: number;
  openActions: number;
}): MeetingSummary => ({
  id: r.row.id,
  cycleId: r.row.cycleId,
  type: r.row.type as MeetingType,
  title: r.row.title,
  startsAt: toOsloIso(r.row.startsAt),
  endsAt: toOsloIso(r.row.endsAt),
  place: r.row.place,
  videoLink: r.row.videoLink,
  ownerDepartment:
    r.row.ownerDepartmentId === null ? null : { id: r.row.ownerDepartmentId, name: r.departmentName ?? '' },
  agreements: r.agreements.map((a) => ({ id: a.id, region: { id: a.regionId, name: a.regionName } })),
  state: r.row.state as MeetingState,
  participantCount: Number(r.participantCount),
  openActions: Number(r.openActions),
  sequence: r.row.sequence,
  version: r.row.version,
});

export const toParticipant = (r: {
  p: typeof meetingParticipants.$inferSelect;
  personName: string | null;
  departmentName: string | null;
}): Participant => ({
  id: r.p.id,
  personId: r.p.personId,
  // A registry person is named as the registry names them now.
  name: r.personName ?? r.p.name,
  organisation: r.p.organisation,
  email: r.p.email,
  side: r.p.side as ParticipantSide,
  department: r.p.departmentId ? { id: r.p.departmentId, name: r.departmentName ?? '' } : null,
  attendance: r.p.attendance as Attendance,
});

/**
 * An agenda item with what the caller may do while the agenda is open (the meeting is planned): who
 * manages the meeting edits and removes any item; a region contact withdraws their own proposal while it
 * is still proposed.
 */
export const toAgendaItem = (
  r: {
    item: typeof meetingAgendaItems.$inferSelect;
    proposerName: string | null;
    accepterName: string | null;
  },
  actor: Actor,
  { manages, open }: { manages: boolean; open: boolean },
): AgendaItem => ({
  id: r.item.id,
  position: r.item.position,
  title: r.item.title,
  durationMinutes: r.item.durationMinutes,
  proposed: r.item.proposed,
  proposedBy: r.item.proposedBy ? { id: r.item.proposedBy, name: r.proposerName ?? '' } : null,
  acceptedBy: r.item.acceptedBy ? { id: r.item.acceptedBy, name: r.accepterName ?? '' } : null,
  version: r.item.version,
  canEdit: open && manages,
  canDelete: open && (manages || (r.item.proposed && r.item.proposedBy === actor.id)),
});

/** An outcome's owner as the contract names it; null for information and decisions. */
export function ownerOf(
  o: Pick<typeof meetingOutcomes.$inferSelect, 'ownerPersonId' | 'ownerDepartmentId'>,
  personName: string | null,
  departmentName: string | null,
): ActionOwner | null {
  if (o.ownerPersonId) return { type: 'person', person: { id: o.ownerPersonId, name: personName ?? '' } };
  if (o.ownerDepartmentId) {
    return { type: 'department', department: { id: o.ownerDepartmentId, name: departmentName ?? '' } };
  }
  return null;
}

function linkOf(
  o: typeof meetingOutcomes.$inferSelect,
  contributionTitle: string | null,
  contributionAgreementId: string | null,
): OutcomeLink | null {
  if (o.contributionId && contributionAgreementId) {
    return {
      type: 'contribution',
      contribution: {
        id: o.contributionId,
        title: contributionTitle ?? '',
        agreementId: contributionAgreementId,
      },
    };
  }
  if (o.sectionAgreementId && o.sectionKey) {
    return { type: 'section', agreementId: o.sectionAgreementId, sectionKey: o.sectionKey };
  }
  return null;
}

export const toOutcome = (
  r: {
    outcome: typeof meetingOutcomes.$inferSelect;
    ownerPersonName: string | null;
    ownerDepartmentName: string | null;
    contributionTitle: string | null;
    contributionAgreementId: string | null;
  },
  canMarkDone: boolean,
): Outcome => ({
  id: r.outcome.id,
  position: r.outcome.position,
  kind: r.outcome.kind as OutcomeKind,
  text: r.outcome.text,
  owner: ownerOf(r.outcome, r.ownerPersonName, r.ownerDepartmentName),
  dueDate: r.outcome.dueDate,
  doneAt: r.outcome.doneAt?.toISOString() ?? null,
  link: linkOf(r.outcome, r.contributionTitle, r.contributionAgreementId),
  version: r.outcome.version,
  canMarkDone,
});
