import {
  type AgreementPhase,
  type Evidence,
  type MilestoneStage,
  type MilestoneState,
  workStages,
} from '../../shared/contracts/milestones.js';

/** A milestone as the phase sees it: its stage, whether it may be skipped, and its state as it stands. */
export type PhaseMilestone = { stage: MilestoneStage; optional: boolean; state: MilestoneState };

export type PhaseInput = {
  milestones: readonly PhaseMilestone[];
  regionReady: boolean;
  specialPartAgreed: boolean;
  /** Where the agreement stands politically (adoption/political-state.ts): in a case, or in force. */
  political?: 'processing' | 'in_force' | null;
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
 * Optional milestones never hold a phase back. Once the agreement is in a political case it is in
 * political processing, and in force once the board and every member municipality have adopted it.
 */
export function phaseOf({
  milestones,
  regionReady,
  specialPartAgreed,
  political,
}: PhaseInput): AgreementPhase {
  if (political === 'in_force') return 'in_force';
  if (political === 'processing') return 'political_processing';
  const work = milestones.filter((m) => (workStages as readonly MilestoneStage[]).includes(m.stage));
  if (!regionReady && !work.some((m) => begun(m.state))) return 'preparation';
  for (const stage of workStages) {
    if (work.some((m) => m.stage === stage && !m.optional && !complete(m.state))) return stage;
  }
  return specialPartAgreed ? 'ready_for_political_processing' : 'joint';
}

/** A milestone as the phase's start sees it: as for the phase, and the day it was completed (null: open). */
export type DatedPhaseMilestone = PhaseMilestone & { doneDate: string | null };

export type PhaseStartInput = {
  phase: AgreementPhase;
  milestones: readonly DatedPhaseMilestone[];
  /** The agreement's creation, the day the region said it was ready, the day a special part was agreed. */
  createdOn: string;
  regionReadyOn: string | null;
  specialPartAgreedOn: string | null;
};

const latest = (dates: readonly (string | null)[]) =>
  dates.reduce<string | null>((last, d) => (d !== null && (last === null || d > last) ? d : last), null);
const earliestOf = (dates: readonly (string | null)[]) =>
  dates.reduce<string | null>((first, d) => (d !== null && (first === null || d < first) ? d : first), null);

/**
 * The day the agreement entered its phase (ISO dates, compared as text), by the rule `phaseOf` follows: a
 * stage's phase begins when every required milestone of the stages before it is complete, so it began on
 * the latest completion day among those milestones; ready for political processing on the latest of every
 * required milestone and the special part's agreement. Preparation began with the agreement, and the
 * county's internal work when the region said it was ready or a milestone was first completed, whichever
 * came first. Where the milestones that moved it carry no day (not applicable without an actual date) the
 * agreement's creation stands in. A day recorded by hand may come before the agreement was made in
 * Partnerskap (the work began before it was registered): it is kept, not moved.
 */
export function phaseStartOf(input: PhaseStartInput): string {
  const { phase, milestones, createdOn } = input;
  const required = milestones.filter((m) => !m.optional);
  const completedBefore = (stages: readonly MilestoneStage[]) =>
    latest(required.filter((m) => stages.includes(m.stage)).map((m) => m.doneDate));
  let began: string | null;
  switch (phase) {
    case 'preparation':
      began = createdOn;
      break;
    case 'county_internal':
      began = earliestOf([
        input.regionReadyOn,
        ...milestones
          .filter((m) => (workStages as readonly MilestoneStage[]).includes(m.stage))
          .map((m) => m.doneDate),
      ]);
      break;
    case 'region_internal':
    case 'joint':
      began = completedBefore(workStages.slice(0, workStages.indexOf(phase)));
      break;
    case 'in_force':
      // Coming into force completes the political milestones: the last of them dates it.
      began = latest([
        completedBefore(workStages),
        input.specialPartAgreedOn,
        completedBefore(['political']),
      ]);
      break;
    default:
      began = latest([completedBefore(workStages), input.specialPartAgreedOn]);
  }
  return began ?? createdOn;
}
