import { agreementPath } from '../../../shared/contracts/agreements';
import {
  type AgreementPhase,
  type EvidenceLink,
  type Milestone,
  type MilestoneState,
  meetingEvidenceKinds,
} from '../../../shared/contracts/milestones';

/** A phase's tag colour: neutral before anything happens, accent while under way, success when ready. */
export const phaseColour = {
  preparation: 'neutral',
  county_internal: 'accent',
  region_internal: 'accent',
  joint: 'accent',
  ready_for_political_processing: 'success',
  political_processing: 'info',
  in_force: 'success',
} as const satisfies Record<AgreementPhase, string>;

export const stateColour = {
  not_started: 'neutral',
  in_progress: 'warning',
  done: 'success',
  not_applicable: 'neutral',
} as const satisfies Record<MilestoneState, string>;

/** How a milestone not done yet will be: by its evidence, by hand until meetings are recorded, or by hand. */
export function howCompleted(m: Milestone): 'evidence' | 'meeting' | 'hand' {
  if (m.evidence) return 'evidence';
  if (m.evidenceKind && (meetingEvidenceKinds as readonly string[]).includes(m.evidenceKind))
    return 'meeting';
  return 'hand';
}

/**
 * Where an evidence link leads in the agreement's own pages: the wanted subject areas on its overview, a
 * department's (or the region's own) contributions, the special part.
 */
export function evidenceHref(agreementId: string, link: EvidenceLink): string {
  const base = agreementPath(agreementId);
  switch (link.target) {
    case 'wanted_subject_areas':
      return `${base}#agreement-wanted`;
    case 'contributions':
      return link.owner ? `${base}/bidrag?eier=${encodeURIComponent(link.owner)}` : `${base}/bidrag`;
    case 'special_part':
      return `${base}/spesiell-del`;
  }
}
