import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedList, CreatedCalendarFeed } from '../../../shared/contracts/calendar';
import { api } from '../../shared/api';

const feedsKey = ['calendar-feeds'] as const;

export function useCalendarFeeds() {
  return useQuery({
    queryKey: feedsKey,
    queryFn: () => api<CalendarFeedList>('GET', '/api/v1/calendar-feeds'),
    select: (list) => list.items,
  });
}

export function useCreateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<CreatedCalendarFeed>('POST', '/api/v1/calendar-feeds'),
    onSettled: () => client.invalidateQueries({ queryKey: feedsKey }),
  });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/calendar-feeds/${encodeURIComponent(id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: feedsKey }),
  });
}
