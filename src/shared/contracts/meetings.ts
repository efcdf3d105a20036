import { z } from 'zod';
import {
  Email,
  Id,
  IsoDate,
  IsoDateTime,
  ListQuery,
  optionalText,
  page,
  requiredText,
  Version,
} from './common.js';
import { PersonRef, SectionKey } from './general-part.js';
import { DepartmentRef, RegionRef, RegisteredAfterwards } from './hearings.js';
import { MailOutcome } from './mail.js';
import { RichTextDoc, RichTextInput } from './rich-text.js';

/**
 * Meetings of the process (docs/process.md): the county's internal kickoff and summary, the collaboration
 * meeting with a regional council, the departments' bilateral meetings, the final joint meeting and
 * follow-up. A meeting concerns none, one or several agreements of a cycle; it has participants on three
 * sides, an agenda (a region contact proposes items the owner accepts), minutes in rich text that go to the
 * participants for comment and are then approved, and outcomes (information, decision, action). An action
 * has an owner and a due date, and waits on its owner's start page until it is done.
 *
 * Start and end are ISO date-times with an offset; the server answers in Oslo's offset of that moment
 * (`oslo-time.ts`), and the web edits them as Oslo's wall clock.
 */

export const meetingTypes = [
  'kickoff',
  'internal_summary',
  'collaboration',
  'bilateral',
  'final',
  'follow_up',
  'other',
] as const;
export const MeetingType = z.enum(meetingTypes, { error: 'validation.chooseMeetingType' });
export type MeetingType = z.infer<typeof MeetingType>;

/** The county's own meetings: a region contact never reads them, whatever agreements they concern. */
export const countyInternalTypes: readonly MeetingType[] = ['kickoff', 'internal_summary'];

export const meetingStates = [
  'planned',
  'held',
  'minutes_for_comment',
  'minutes_approved',
  'cancelled',
] as const;
export const MeetingState = z.enum(meetingStates, { error: 'validation.invalid' });
export type MeetingState = z.infer<typeof MeetingState>;

/**
 * The moves of a meeting's state: planned → held → minutes for comment → minutes approved, and cancelled
 * while it is still planned. No way back: a meeting that was held stays held.
 */
export const meetingTransitions: Readonly<Record<MeetingState, readonly MeetingState[]>> = {
  planned: ['held', 'cancelled'],
  held: ['minutes_for_comment'],
  minutes_for_comment: ['minutes_approved'],
  minutes_approved: [],
  cancelled: [],
};

export const participantSides = ['county', 'region', 'municipality'] as const;
export const ParticipantSide = z.enum(participantSides, { error: 'validation.chooseSide' });
export type ParticipantSide = z.infer<typeof ParticipantSide>;

export const attendances = ['invited', 'attended', 'excused', 'absent'] as const;
export const Attendance = z.enum(attendances, { error: 'validation.invalid' });
export type Attendance = z.infer<typeof Attendance>;

export const outcomeKinds = ['information', 'decision', 'action'] as const;
export const OutcomeKind = z.enum(outcomeKinds, { error: 'validation.chooseOutcomeKind' });
export type OutcomeKind = z.infer<typeof OutcomeKind>;

export const meetingTitleMax = 300;
export const maxParticipants = 200;
export const maxAgreementsPerMeeting = 100;
export const agendaTitleMax = 300;
/** A day's meeting at most: longer is a typing slip. */
export const maxAgendaMinutes = 600;
export const outcomeTextMax = 5000;
export const meetingCommentMax = 10_000;

/** A moment with its offset ("2025-03-18T15:00:00+01:00" or "…Z"); a time without one is refused. */
export const MeetingTime = IsoDateTime;

const isWebAddress = (value: string) => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

/** A video meeting's address: a web address, or none. */
export const VideoLink = z
  .string({ error: 'validation.text' })
  .trim()
  .max(2048, { error: 'validation.tooLong' })
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isWebAddress(v), { error: 'validation.videoLink' });

const optionalEmail = z
  .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), Email.nullish())
  .transform((v) => v ?? null);

// ---- Participants ----

export const ParticipantInput = z
  .object({
    /** A person from the registry; null for someone given by name and organisation only. */
    personId: Id.nullish().transform((v) => v ?? null),
    name: optionalText(200),
    organisation: optionalText(200),
    /** Where the invitation and the minutes go; a registry person's own e-mail when left empty. */
    email: optionalEmail,
    side: ParticipantSide,
    /** The county department a county-side participant comes from. */
    departmentId: Id.nullish().transform((v) => v ?? null),
    attendance: Attendance.default('invited'),
  })
  .superRefine((p, ctx) => {
    if (p.personId === null && p.name === null) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.participantName' });
    }
    if (p.side !== 'county' && p.departmentId !== null) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'validation.departmentOnlyForCounty' });
    }
  });
export type ParticipantInput = z.infer<typeof ParticipantInput>;
export type ParticipantBody = z.input<typeof ParticipantInput>;

/** Who a participant is, for telling two apart: the registry person, else name and organisation. */
export const participantIdentity = (p: Pick<ParticipantInput, 'personId' | 'name' | 'organisation'>) =>
  p.personId
    ? `person:${p.personId}`
    : `name:${(p.name ?? '').toLowerCase()}|${(p.organisation ?? '').toLowerCase()}`;

/** The same participant twice is refused on the second one's field that names them. */
function checkUniqueParticipants(
  participants: readonly ParticipantInput[],
  ctx: z.RefinementCtx,
  prefix: (string | number)[],
) {
  const seen = new Set<string>();
  participants.forEach((p, index) => {
    const identity = participantIdentity(p);
    if (seen.has(identity)) {
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, index, p.personId ? 'personId' : 'name'],
        message: 'validation.duplicateParticipant',
      });
    }
    seen.add(identity);
  });
}

const ParticipantList = z
  .array(ParticipantInput, { error: 'validation.invalid' })
  .max(maxParticipants, { error: 'validation.tooMany' });

export const ReplaceParticipantsInput = z
  .object({ participants: ParticipantList, version: Version })
  .superRefine((input, ctx) => checkUniqueParticipants(input.participants, ctx, ['participants']));
export type ReplaceParticipantsInput = z.infer<typeof ReplaceParticipantsInput>;
export type ReplaceParticipantsBody = z.input<typeof ReplaceParticipantsInput>;

// ---- The meeting ----

const AgreementIds = z
  .array(Id, { error: 'validation.invalid' })
  .max(maxAgreementsPerMeeting, { error: 'validation.tooMany' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.duplicateAgreement' });

const meetingFields = {
  type: MeetingType,
  title: requiredText(meetingTitleMax),
  startsAt: MeetingTime,
  endsAt: MeetingTime,
  place: optionalText(300),
  videoLink: VideoLink,
  /** The agreements it concerns; none for the county's internal meetings. */
  agreementIds: AgreementIds,
  /** The department that owns it; required for a bilateral meeting, which that department manages. */
  ownerDepartmentId: Id.nullish().transform((v) => v ?? null),
};

/** A meeting's end must come after its start, and a bilateral meeting must have an owner department. */
export function meetingIssues(m: {
  type?: MeetingType;
  startsAt?: string;
  endsAt?: string;
  ownerDepartmentId?: string | null;
}): { field: 'endsAt' | 'ownerDepartmentId'; code: string }[] {
  const issues: { field: 'endsAt' | 'ownerDepartmentId'; code: string }[] = [];
  if (m.startsAt && m.endsAt && Date.parse(m.endsAt) <= Date.parse(m.startsAt)) {
    issues.push({ field: 'endsAt', code: 'validation.meetingEndsBeforeStart' });
  }
  if (m.type === 'bilateral' && m.ownerDepartmentId === null) {
    issues.push({ field: 'ownerDepartmentId', code: 'validation.bilateralNeedsOwner' });
  }
  return issues;
}

function checkMeeting(m: Parameters<typeof meetingIssues>[0], ctx: z.RefinementCtx) {
  for (const issue of meetingIssues(m)) {
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.code });
  }
}

export const CreateMeetingInput = z
  .object({
    cycleId: Id,
    ...meetingFields,
    agreementIds: meetingFields.agreementIds.default([]),
    participants: ParticipantList.default([]),
  })
  .superRefine((m, ctx) => {
    checkMeeting(m, ctx);
    checkUniqueParticipants(m.participants, ctx, ['participants']);
  });
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;
export type CreateMeetingBody = z.input<typeof CreateMeetingInput>;

/** The states a meeting registered afterwards starts in: held, or with its minutes approved then. */
export const registeredStates = ['held', 'minutes_approved'] as const;

/**
 * A meeting that took place before, registered afterwards (bringing an ongoing process in): a meeting's
 * fields, its minutes if written, and whether they were approved then (which needs the minutes).
 */
export const RegisterMeetingInput = z
  .object({
    cycleId: Id,
    ...meetingFields,
    agreementIds: meetingFields.agreementIds.default([]),
    participants: ParticipantList.default([]),
    minutes: RichTextInput.nullish().transform((v) => v ?? null),
    state: z.enum(registeredStates, { error: 'validation.chooseStatus' }).default('held'),
  })
  .superRefine((m, ctx) => {
    checkMeeting(m, ctx);
    checkUniqueParticipants(m.participants, ctx, ['participants']);
    if (m.state === 'minutes_approved' && m.minutes === null) {
      ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'validation.approvedMinutesRequired' });
    }
  });
export type RegisterMeetingInput = z.infer<typeof RegisterMeetingInput>;
export type RegisterMeetingBody = z.input<typeof RegisterMeetingInput>;

/** Changes the fields given; the server checks the end against the start and the owner as they end up. */
export const UpdateMeetingInput = z
  .object({
    type: meetingFields.type.optional(),
    title: meetingFields.title.optional(),
    startsAt: meetingFields.startsAt.optional(),
    endsAt: meetingFields.endsAt.optional(),
    place: meetingFields.place.optional(),
    videoLink: meetingFields.videoLink.optional(),
    agreementIds: meetingFields.agreementIds.optional(),
    ownerDepartmentId: Id.nullable().optional(),
    version: Version,
  })
  .superRefine(checkMeeting);
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;
export type UpdateMeetingBody = z.input<typeof UpdateMeetingInput>;

export const ChangeMeetingStateInput = z.object({
  state: z.enum(['held', 'minutes_for_comment', 'minutes_approved', 'cancelled'], {
    error: 'validation.chooseStatus',
  }),
  version: Version,
});
export type ChangeMeetingStateInput = z.infer<typeof ChangeMeetingStateInput>;

export const WriteMinutesInput = z.object({ minutes: RichTextInput, version: Version });
export type WriteMinutesInput = z.infer<typeof WriteMinutesInput>;

// ---- Agenda ----

const agendaFields = {
  title: requiredText(agendaTitleMax),
  durationMinutes: z
    .number({ error: 'validation.duration' })
    .int({ error: 'validation.duration' })
    .min(1, { error: 'validation.duration' })
    .max(maxAgendaMinutes, { error: 'validation.duration' }),
};

/** A new item last on the agenda: the owner's is on it at once, a region contact's is proposed. */
export const CreateAgendaItemInput = z.object(agendaFields);
export type CreateAgendaItemInput = z.infer<typeof CreateAgendaItemInput>;

export const UpdateAgendaItemInput = z.object({
  title: agendaFields.title.optional(),
  durationMinutes: agendaFields.durationMinutes.optional(),
  version: Version,
});
export type UpdateAgendaItemInput = z.infer<typeof UpdateAgendaItemInput>;

export const MoveAgendaItemInput = z.object({
  direction: z.enum(['up', 'down'], { error: 'validation.invalid' }),
  version: Version,
});
export type MoveAgendaItemInput = z.infer<typeof MoveAgendaItemInput>;

export const VersionInput = z.object({ version: Version });
export type VersionInput = z.infer<typeof VersionInput>;

export const VersionQuery = z.object({
  version: z.coerce.number({ error: 'validation.version' }).int().min(1),
});
export type VersionQuery = z.infer<typeof VersionQuery>;

// ---- Outcomes ----

export const ActionOwnerInput = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('person'), personId: Id }),
    z.object({ type: z.literal('department'), departmentId: Id }),
  ],
  { error: 'validation.invalid' },
);
export type ActionOwnerInput = z.infer<typeof ActionOwnerInput>;

/** What an action changed: a contribution, or a section of a special part (its agreement and key). */
export const OutcomeLinkInput = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('contribution'), contributionId: Id }),
    z.object({ type: z.literal('section'), agreementId: Id, sectionKey: SectionKey }),
  ],
  { error: 'validation.invalid' },
);
export type OutcomeLinkInput = z.infer<typeof OutcomeLinkInput>;

const outcomeFields = {
  kind: OutcomeKind,
  text: requiredText(outcomeTextMax),
  owner: ActionOwnerInput.nullish().transform((v) => v ?? null),
  dueDate: IsoDate.nullish().transform((v) => v ?? null),
  link: OutcomeLinkInput.nullish().transform((v) => v ?? null),
};

type OutcomeFields = {
  kind: OutcomeKind;
  owner: ActionOwnerInput | null;
  dueDate: string | null;
  link: OutcomeLinkInput | null;
};

function checkAction(o: OutcomeFields, ctx: z.RefinementCtx) {
  if (o.kind !== 'action') return;
  if (o.owner === null) ctx.addIssue({ code: 'custom', path: ['owner'], message: 'validation.actionOwner' });
  if (o.dueDate === null)
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'validation.actionDueDate' });
}

const onlyActionsOwn = <T extends OutcomeFields>(o: T): T =>
  o.kind === 'action' ? o : { ...o, owner: null, dueDate: null, link: null };

/**
 * An outcome. Only an action has an owner, a due date and a link: they are dropped from information and
 * decisions, and an action without an owner or a due date is refused on that field.
 */
export const OutcomeInput = z.object(outcomeFields).superRefine(checkAction).transform(onlyActionsOwn);
export type OutcomeInput = z.infer<typeof OutcomeInput>;
export type OutcomeBody = z.input<typeof OutcomeInput>;

/** An outcome's fields all given again, from the version the caller saw. */
export const UpdateOutcomeInput = z
  .object({ ...outcomeFields, version: Version })
  .superRefine(checkAction)
  .transform(onlyActionsOwn);
export type UpdateOutcomeInput = z.infer<typeof UpdateOutcomeInput>;
export type UpdateOutcomeBody = z.input<typeof UpdateOutcomeInput>;

export const MarkOutcomeDoneInput = z.object({
  done: z.boolean({ error: 'validation.invalid' }),
  version: Version,
});
export type MarkOutcomeDoneInput = z.infer<typeof MarkOutcomeDoneInput>;

// ---- Comments on the minutes ----

export const CreateMeetingCommentInput = z.object({ body: requiredText(meetingCommentMax) });
export type CreateMeetingCommentInput = z.infer<typeof CreateMeetingCommentInput>;

// ---- Answers ----

export const MeetingAgreementRef = z.object({ id: z.string(), region: RegionRef });
export type MeetingAgreementRef = z.infer<typeof MeetingAgreementRef>;

export const Participant = z.object({
  id: z.string(),
  /** The registry person, when the participant is one; their current name is `name`. */
  personId: z.string().nullable(),
  name: z.string(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  side: ParticipantSide,
  department: DepartmentRef.nullable(),
  attendance: Attendance,
});
export type Participant = z.infer<typeof Participant>;

export const AgendaItem = z.object({
  id: z.string(),
  /** 0 first. */
  position: z.number(),
  title: z.string(),
  durationMinutes: z.number(),
  /** Proposed by a region contact and not yet accepted by the admin or the owner. */
  proposed: z.boolean(),
  proposedBy: PersonRef.nullable(),
  acceptedBy: PersonRef.nullable(),
  version: z.number(),
  /** Whether the caller may change, move or remove it. */
  canEdit: z.boolean(),
  /** Whether the caller may withdraw it (their own proposal, still proposed) or remove it. */
  canDelete: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const ActionOwner = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), person: PersonRef }),
  z.object({ type: z.literal('department'), department: DepartmentRef }),
]);
export type ActionOwner = z.infer<typeof ActionOwner>;

export const OutcomeLink = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('contribution'),
    contribution: z.object({ id: z.string(), title: z.string(), agreementId: z.string() }),
  }),
  z.object({ type: z.literal('section'), agreementId: z.string(), sectionKey: z.string() }),
]);
export type OutcomeLink = z.infer<typeof OutcomeLink>;

export const Outcome = z.object({
  id: z.string(),
  position: z.number(),
  kind: OutcomeKind,
  text: z.string(),
  owner: ActionOwner.nullable(),
  dueDate: z.string().nullable(),
  doneAt: z.string().nullable(),
  link: OutcomeLink.nullable(),
  version: z.number(),
  /** Whether the caller may mark it done (its owner, or who manages the meeting). */
  canMarkDone: z.boolean(),
});
export type Outcome = z.infer<typeof Outcome>;

export const MeetingComment = z.object({
  id: z.string(),
  author: PersonRef,
  body: z.string(),
  createdAt: z.string(),
});
export type MeetingComment = z.infer<typeof MeetingComment>;

export const MeetingSummary = z.object({
  id: z.string(),
  cycleId: z.string(),
  type: MeetingType,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  ownerDepartment: DepartmentRef.nullable(),
  agreements: z.array(MeetingAgreementRef),
  state: MeetingState,
  participantCount: z.number(),
  openActions: z.number(),
  /** Rises with every change of time or place (and a cancellation), as calendar invitations count. */
  sequence: z.number(),
  /** For optimistic concurrency: send it back with a change. */
  version: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

/** A page of meetings, earliest first; `nextCursor` asks for the next (null on the last). */
export const MeetingList = page(MeetingSummary);
export type MeetingList = z.infer<typeof MeetingList>;

/** The meeting types whose page shows the representation of the sides and departments. */
export const representedTypes: readonly MeetingType[] = ['collaboration', 'final'];

/**
 * Who represents whom at a collaboration or final meeting: the participants counted per side and per county
 * department (a participant marked excused or absent is not counted), with the two warnings.
 */
export const Representation = z.object({
  sides: z.object({ county: z.number(), region: z.number(), municipality: z.number() }),
  /** The county's departments with participants or contributions for the meeting's regions, by name. */
  departments: z.array(
    z.object({ department: DepartmentRef, participants: z.number(), hasContributions: z.boolean() }),
  ),
  /** The county's participants outside any department (the coordinator, say). */
  countyWithoutDepartment: z.number(),
  /** The cycle's ratio: how many of the county's people for each of the region's side before a warning. */
  ratio: z.number(),
  /** Departments with contributions for the meeting's regions and nobody at the meeting. */
  absentDepartments: z.array(DepartmentRef),
  /** The county's side outnumbers the region's (the region and its municipalities) by more than the ratio. */
  countyOutnumbers: z.boolean(),
});
export type Representation = z.infer<typeof Representation>;

export const Meeting = MeetingSummary.extend({
  participants: z.array(Participant),
  agenda: z.array(AgendaItem),
  minutes: RichTextDoc.nullable(),
  minutesUpdatedAt: z.string().nullable(),
  minutesUpdatedBy: PersonRef.nullable(),
  outcomes: z.array(Outcome),
  /** Oldest first. */
  comments: z.array(MeetingComment),
  createdBy: PersonRef.nullable(),
  heldAt: z.string().nullable(),
  minutesSentAt: z.string().nullable(),
  minutesApprovedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /**
   * Set when the meeting was registered after it took place (`POST /api/v1/meetings/registered-afterwards`):
   * created held, nobody invited or e-mailed. Invitations and other mail about the meeting honour it.
   */
  registeredAfterwards: RegisteredAfterwards.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether the caller manages it: details, participants, agenda, minutes, outcomes and state. */
  canManage: z.boolean(),
  /** Whether the caller may propose agenda items (a region contact of a region it concerns, while planned). */
  canPropose: z.boolean(),
  /** Whether the caller may comment on the minutes now. */
  canComment: z.boolean(),
  /** The states the caller may move it to now. */
  stateChoices: z.array(MeetingState),
  /** For a collaboration or final meeting; null for the other types. */
  representation: Representation.nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

/**
 * The answer to moving a meeting on: the meeting, and what became of the e-mail the move queued (the
 * minutes to the participants, a cancellation to their calendars); both counts 0 when it queued none.
 */
export const MeetingMoved = Meeting.extend({ mail: MailOutcome });
export type MeetingMoved = z.infer<typeof MeetingMoved>;

/** Filters, and a page: `limit` meetings (50 unless told, at most 500) after `cursor`. */
export const MeetingListQuery = ListQuery.extend({
  cycle: Id.optional(),
  type: MeetingType.optional(),
  state: MeetingState.optional(),
  /** Meetings that concern this region's agreement. */
  region: Id.optional(),
  agreement: Id.optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

/** Where the web app shows a meeting; the e-mails link here. */
export { meetingPath } from './paths.js';
