import { agreementPath } from '../../../shared/contracts/agreements';
import { meetingPath } from '../../../shared/contracts/meetings';
import type {
  AgreementPhase,
  EvidenceLink,
  Milestone,
  MilestoneState,
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

/** How a milestone not done yet will be: by its evidence, or by hand. */
export function howCompleted(m: Milestone): 'evidence' | 'hand' {
  return m.evidence ? 'evidence' : 'hand';
}

/**
 * Where an evidence link leads: in the agreement's own pages the wanted subject areas on its overview, a
 * department's (or the region's own) contributions, the special part; or the meeting that was held.
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
    case 'meeting':
      return link.meetingId ? meetingPath(link.meetingId) : base;
  }
}
