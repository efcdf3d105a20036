import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from './api';

/** A page of a list, as every list endpoint answers (DESIGN.md "API conventions"). */
export type Paged<T> = { items: T[]; nextCursor: string | null };

const pageSize = 100;

/**
 * A list read page by page with `limit` and `cursor`. The rows of the pages fetched so far are shown
 * together, and `loadMore` adds the next page below them, so a long list stays quick to open. `params` are
 * the filters; they are part of the query's key, so a new filter starts from the first page. `P` is the
 * page's type where a page carries more than its rows (figures over the whole list): `pages` has them.
 */
export function usePagedList<T, P extends Paged<T> = Paged<T>>(
  key: readonly unknown[],
  path: string,
  params: Record<string, string>,
) {
  const list = useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam }) =>
      api<P>('GET', `${path}${query({ ...params, limit: pageSize, cursor: pageParam })}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new search keeps the rows of the last one on screen until its answer comes.
    placeholderData: keepPreviousData,
  });
  return {
    list,
    pages: list.data?.pages ?? [],
    items: list.data?.pages.flatMap((p) => p.items) ?? [],
    hasMore: list.hasNextPage,
    loadingMore: list.isFetchingNextPage,
    loadMore: () => void list.fetchNextPage(),
  };
}

/** What the list's count and "Vis flere" need to know of a paged list. */
export type PagedList = Pick<ReturnType<typeof usePagedList>, 'hasMore' | 'loadingMore' | 'loadMore'>;
