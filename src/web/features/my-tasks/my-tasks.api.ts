import { useQuery } from '@tanstack/react-query';
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
