import type { MeetingType } from '../../shared/contracts/meetings.js';
import type { Evidence, EvidenceKind, EvidenceLink } from '../../shared/contracts/milestones.js';

/** The meeting types that are evidence of a milestone. */
export const evidenceMeetingTypes = [
  'kickoff',
  'internal_summary',
  'collaboration',
  'bilateral',
  'final',
] as const satisfies readonly MeetingType[];
export type EvidenceMeetingType = (typeof evidenceMeetingTypes)[number];

/**
 * The county's internal meetings name no agreement as a rule (the contract says so): one that names none
 * concerns every agreement of its cycle; one that names some concerns those.
 */
export const cycleWideMeetingTypes = [
  'kickoff',
  'internal_summary',
] as const satisfies readonly EvidenceMeetingType[];

/** A meeting held (held, minutes for comment or minutes approved) that concerns the agreement. */
export type HeldMeeting = {
  id: string;
  type: EvidenceMeetingType;
  title: string;
  /** When it took place (ISO). */
  startsAt: string;
  ownerDepartmentId: string | null;
};

/**
 * What Partnerskap knows about one agreement that can show a milestone happened, read for a cycle or an
 * agreement in one query (milestone-reads.ts, evidenceFactsOf). Times are ISO strings.
 */
export type EvidenceFacts = {
  wantedSubjectAreas: { count: number; firstAt: string | null };
  /** Each department with contributions in the agreement, by name. */
  departmentProposals: readonly { departmentId: string; name: string; count: number; firstAt: string }[];
  /** The region's own contributions. */
  regionContributions: { count: number; firstAt: string | null };
  agreedSpecialPart: { number: number; agreedAt: string } | null;
  /** The meetings of the evidence types held that concern the agreement, earliest first. */
  heldMeetings: readonly HeldMeeting[];
};

export const noEvidenceFacts: EvidenceFacts = {
  wantedSubjectAreas: { count: 0, firstAt: null },
  departmentProposals: [],
  regionContributions: { count: 0, firstAt: null },
  agreedSpecialPart: null,
  heldMeetings: [],
};

type Found = Omit<Evidence, 'kind'>;
type Rule = (facts: EvidenceFacts) => Found;

const notMet: Found = { met: false, at: null, links: [] };

const link = (
  target: EvidenceLink['target'],
  count: number,
  owner: string | null = null,
  name: string | null = null,
) => ({ target, owner, name, count, meetingId: null }) satisfies EvidenceLink;

const meetingLink = (m: HeldMeeting): EvidenceLink => ({
  target: 'meeting',
  owner: m.ownerDepartmentId,
  name: m.title,
  count: 1,
  meetingId: m.id,
});

const earliest = (times: readonly string[]): string | null =>
  times.reduce<string | null>((first, at) => (first === null || at < first ? at : first), null);

/** The earliest start, so the sort of the facts does not matter. */
const firstOf = (meetings: readonly HeldMeeting[]): HeldMeeting | null =>
  meetings.reduce<HeldMeeting | null>(
    (first, m) => (first === null || m.startsAt < first.startsAt ? m : first),
    null,
  );

/** Met by the first meeting of a type held: dated by when it took place, linking to it. */
const meetingHeld =
  (type: EvidenceMeetingType): Rule =>
  ({ heldMeetings }) => {
    const first = firstOf(heldMeetings.filter((m) => m.type === type));
    return first ? { met: true, at: first.startsAt, links: [meetingLink(first)] } : notMet;
  };

/**
 * Met once every department with contributions in the agreement has held a bilateral meeting it owns about
 * the agreement; not met while no department has contributions (nobody to meet). Dated by the last of
 * those departments' first meetings, when the evidence first held; each department's first one is linked.
 */
const bilateralHeld: Rule = ({ departmentProposals, heldMeetings }) => {
  if (departmentProposals.length === 0) return notMet;
  const firsts = departmentProposals.map((d) =>
    firstOf(heldMeetings.filter((m) => m.type === 'bilateral' && m.ownerDepartmentId === d.departmentId)),
  );
  if (firsts.some((m) => m === null)) return notMet;
  const held = firsts.filter((m): m is HeldMeeting => m !== null);
  const at = held.reduce((last, m) => (m.startsAt > last ? m.startsAt : last), held[0]?.startsAt ?? '');
  return { met: true, at, links: held.map(meetingLink) };
};

/**
 * One rule per evidence kind: a milestone with a kind completes itself once its rule is met. A kind without
 * a rule would have no evidence, and its milestone would be completed by hand.
 */
export const evidenceRules: { readonly [K in EvidenceKind]?: Rule } = {
  wanted_subject_areas: ({ wantedSubjectAreas: wanted }) =>
    wanted.count > 0
      ? { met: true, at: wanted.firstAt, links: [link('wanted_subject_areas', wanted.count)] }
      : notMet,
  department_proposals: ({ departmentProposals: departments }) =>
    departments.length > 0
      ? {
          met: true,
          at: earliest(departments.map((d) => d.firstAt)),
          links: departments.map((d) => link('contributions', d.count, d.departmentId, d.name)),
        }
      : notMet,
  region_commitments: ({ regionContributions: own }) =>
    own.count > 0
      ? { met: true, at: own.firstAt, links: [link('contributions', own.count, 'region')] }
      : notMet,
  special_part_agreed: ({ agreedSpecialPart: agreed }) =>
    agreed ? { met: true, at: agreed.agreedAt, links: [link('special_part', agreed.number)] } : notMet,
  kickoff_held: meetingHeld('kickoff'),
  summary_held: meetingHeld('internal_summary'),
  collaboration_held: meetingHeld('collaboration'),
  bilateral_held: bilateralHeld,
  final_held: meetingHeld('final'),
};

/** The evidence of a kind for one agreement: null when the milestone has no kind, or its kind no rule yet. */
export function evidenceOf(kind: EvidenceKind | null, facts: EvidenceFacts): Evidence | null {
  const rule = kind ? evidenceRules[kind] : undefined;
  if (!kind || !rule) return null;
  return { kind, ...rule(facts) };
}
