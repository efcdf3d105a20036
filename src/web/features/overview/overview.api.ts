import { useQuery } from '@tanstack/react-query';
import type { Overview } from '../../../shared/contracts/overview';
import { api } from '../../shared/api';

/**
 * The overview of a cycle, or of one agreement in it (`agreementId`, the agreement page's summary). Read
 * again when the screen shows it after a while: the milestones, meetings and contributions it counts are
 * written on other pages. The answer is compact (shared/contracts/overview.ts): `overviewEntries` reads its
 * rows into named fields.
 */
export function useOverview(cycleId: string, agreementId?: string) {
  const params = new URLSearchParams({ cycle: cycleId });
  if (agreementId) params.set('agreement', agreementId);
  return useQuery({
    queryKey: ['overview', cycleId, agreementId ?? null],
    queryFn: () => api<Overview>('GET', `/api/v1/overview?${params}`),
    staleTime: 30_000,
  });
}
