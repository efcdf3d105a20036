import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SilentRegionsReminded } from '../../../shared/contracts/hearings';
import type { MyTasks } from '../../../shared/contracts/tasks';
import { api, query } from '../../shared/api';

/** What waits for the signed-in person in a cycle; read again whenever the start page is shown. */
export function useMyTasks(cycleId: string | undefined) {
  return useQuery({
    queryKey: ['my-tasks', cycleId],
    queryFn: () => api<MyTasks>('GET', `/api/v1/my-tasks${query({ cycle: cycleId })}`),
    enabled: Boolean(cycleId),
    staleTime: 0,
  });
}

/** The coordinator reminds the regions that have not answered a hearing; the inbox is read again after. */
export function useRemindSilentRegions(hearingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<SilentRegionsReminded>('POST', `/api/v1/hearings/${encodeURIComponent(hearingId)}/remind`),
    onSettled: () => client.invalidateQueries({ queryKey: ['my-tasks'] }),
  });
}
