import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Overview, OverviewParams } from '../../../shared/contracts/overview';
import { api, query } from '../../shared/api';

/**
 * One agreement's row of the overview (the agreement page's summary). Read
 * again when the screen shows it after a while: the milestones, meetings and contributions it counts are
 * written on other pages. The answer is compact (shared/contracts/overview.ts): `overviewEntries` reads its
 * rows into named fields.
 */
export function useOverview(cycleId: string, agreementId: string) {
  const params = new URLSearchParams({ cycle: cycleId, agreement: agreementId });
  return useQuery({
    queryKey: ['overview', cycleId, agreementId],
    queryFn: () => api<Overview>('GET', `/api/v1/overview?${params}`),
    staleTime: 30_000,
  });
}

/** Rows the table asks for at a time: a screenful and more, far from a national county's 1,200. */
const pageSize = 100;

/**
 * The overview's table: the rows the filters let through, in the column's order, a page at a time from
 * the server (its query is kept in the address by the page); `fetchNextPage` adds the next page below.
 * A changed filter keeps the last rows on screen until its first page comes.
 */
export function useOverviewPages(
  cycleId: string,
  params: Pick<OverviewParams, 'phase' | 'ready' | 'q' | 'sort' | 'dir'>,
) {
  return useInfiniteQuery({
    queryKey: ['overview', cycleId, 'pages', params],
    queryFn: ({ pageParam }) =>
      api<Overview>(
        'GET',
        `/api/v1/overview${query({ cycle: cycleId, ...params, limit: pageSize, cursor: pageParam })}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
