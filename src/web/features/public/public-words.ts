import type { TFunction } from 'i18next';
import { adoptionOutcomes } from '../../../shared/contracts/adoption';
import { type MeetingType, meetingTypes } from '../../../shared/contracts/meetings';
import type { AgreementPhase } from '../../../shared/contracts/milestones';

/** The phase's colour beside its word, as the signed-in app shows it; never the colour alone. */
export const phaseColour = {
  preparation: 'neutral',
  county_internal: 'accent',
  region_internal: 'accent',
  joint: 'accent',
  ready_for_political_processing: 'success',
  political_processing: 'info',
  in_force: 'success',
} as const satisfies Record<AgreementPhase, string>;

/** The phase in words: the same words the signed-in app uses. */
export const phaseWord = (t: TFunction, phase: AgreementPhase) => t(`milestones.phase.${phase}`);

/** A meeting type in words; a type the catalogue does not know is shown as "other meeting". */
export const meetingTypeWord = (t: TFunction, type: string) =>
  t(`meetings.type.${(meetingTypes as readonly string[]).includes(type) ? (type as MeetingType) : 'other'}`);

/** A council's outcome in words, or "not registered". */
export function outcomeWord(t: TFunction, outcome: string | null): string {
  if (outcome && (adoptionOutcomes as readonly string[]).includes(outcome))
    return t(`adoption.outcome.${outcome}`);
  return outcome ?? t('adoption.outcome.none');
}
