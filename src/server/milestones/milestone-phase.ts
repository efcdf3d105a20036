import {
  type AgreementPhase,
  type Evidence,
  type MilestoneStage,
  type MilestoneState,
  milestoneStages,
} from '../../shared/contracts/milestones.js';

/** A milestone as the phase sees it: its stage, whether it may be skipped, and its state as it stands. */
export type PhaseMilestone = { stage: MilestoneStage; optional: boolean; state: MilestoneState };

export type PhaseInput = {
  milestones: readonly PhaseMilestone[];
  regionReady: boolean;
  specialPartAgreed: boolean;
};

const complete = (state: MilestoneState) => state === 'done' || state === 'not_applicable';
const begun = (state: MilestoneState) => state === 'done' || state === 'in_progress';

/** A milestone's state as it stands: done when its evidence is met, else what was recorded by hand. */
export const stateOf = (recorded: MilestoneState, evidence: Evidence | null): MilestoneState =>
  evidence?.met ? 'done' : recorded;

/**
 * The agreement's phase, derived so that the milestones never contradict it: a phase is the first stage
 * (county internal, region internal, joint) with a required milestone still open, so every stage before it
 * is complete whatever was done out of order after it. Before anything has begun, and while the region has
 * not said it is ready, the agreement is in preparation. With every required milestone complete it is ready
 * for political processing only once the special part is agreed; until then the joint work goes on.
 * Optional milestones never hold a phase back. Political processing and in force are not recorded in
 * Partnerskap yet, so they are never reached here.
 */
export function phaseOf({ milestones, regionReady, specialPartAgreed }: PhaseInput): AgreementPhase {
  if (!regionReady && !milestones.some((m) => begun(m.state))) return 'preparation';
  for (const stage of milestoneStages) {
    if (milestones.some((m) => m.stage === stage && !m.optional && !complete(m.state))) return stage;
  }
  return specialPartAgreed ? 'ready_for_political_processing' : 'joint';
}
