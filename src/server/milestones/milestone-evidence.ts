import type { Evidence, EvidenceKind, EvidenceLink } from '../../shared/contracts/milestones.js';

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
};

export const noEvidenceFacts: EvidenceFacts = {
  wantedSubjectAreas: { count: 0, firstAt: null },
  departmentProposals: [],
  regionContributions: { count: 0, firstAt: null },
  agreedSpecialPart: null,
};

type Found = Omit<Evidence, 'kind'>;
type Rule = (facts: EvidenceFacts) => Found;

const notMet: Found = { met: false, at: null, links: [] };

const link = (
  target: EvidenceLink['target'],
  count: number,
  owner: string | null = null,
  name: string | null = null,
) => ({ target, owner, name, count }) satisfies EvidenceLink;

const earliest = (times: readonly string[]): string | null =>
  times.reduce<string | null>((first, at) => (first === null || at < first ? at : first), null);

/**
 * One rule per evidence kind that Partnerskap holds. A kind without a rule (the meetings, until the meetings
 * feature supplies them) has no evidence here, and its milestone is completed by hand; adding the rule is
 * all it takes to let such a milestone complete itself.
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
};

/** The evidence of a kind for one agreement: null when the milestone has no kind, or its kind no rule yet. */
export function evidenceOf(kind: EvidenceKind | null, facts: EvidenceFacts): Evidence | null {
  const rule = kind ? evidenceRules[kind] : undefined;
  if (!kind || !rule) return null;
  return { kind, ...rule(facts) };
}
