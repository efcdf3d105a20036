import type {
  EqualTreatment,
  EqualTreatmentRegion,
  Rollup,
  RollupDimension,
  RollupGroup,
} from '../../../shared/contracts/follow-up-rollup';
import { usePagedList } from '../../shared/use-paged-list';

/**
 * The roll-up of a cycle by one dimension, a page of groups at a time (the county's figures come with each);
 * read again whenever the screen is shown (reports come in).
 */
export const useRollup = (cycleId: string, by: RollupDimension) =>
  usePagedList<RollupGroup, Rollup>(['follow-up-rollup'], '/api/v1/follow-up/rollup', {
    cycle: cycleId,
    by,
  });

/**
 * The equal-treatment view of a cycle (inhabitants as of today, within the cycle's period), a page of
 * regions at a time, with the county's figures and the fences over every region.
 */
export const useEqualTreatment = (cycleId: string) =>
  usePagedList<EqualTreatmentRegion, EqualTreatment>(
    ['follow-up-equal-treatment'],
    '/api/v1/follow-up/equal-treatment',
    { cycle: cycleId },
  );
