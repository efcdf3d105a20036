import { useQuery } from '@tanstack/react-query';
import type { EqualTreatment, Rollup, RollupDimension } from '../../../shared/contracts/follow-up-rollup';
import { api, query } from '../../shared/api';

/** The roll-up of a cycle by one dimension; read again whenever the screen is shown (reports come in). */
export function useRollup(cycleId: string, by: RollupDimension) {
  return useQuery({
    queryKey: ['follow-up-rollup', cycleId, by],
    queryFn: () => api<Rollup>('GET', `/api/v1/follow-up/rollup${query({ cycle: cycleId, by })}`),
    placeholderData: (previous) => previous,
  });
}

/** The equal-treatment view of a cycle (inhabitants as of today, within the cycle's period). */
export function useEqualTreatment(cycleId: string) {
  return useQuery({
    queryKey: ['follow-up-equal-treatment', cycleId],
    queryFn: () =>
      api<EqualTreatment>('GET', `/api/v1/follow-up/equal-treatment${query({ cycle: cycleId })}`),
  });
}
