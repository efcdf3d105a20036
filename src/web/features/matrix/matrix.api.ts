import { useQuery } from '@tanstack/react-query';
import { type Matrix, matrixFilterParams } from '../../../shared/contracts/matrix';
import { api } from '../../shared/api';

/** The filters the matrix screen sets (one subject area and one status at most; empty: all). */
export type MatrixFilters = { subjectArea: string; status: string };

const listOf = (value: string) => (value ? [value] : []);

/** The query string of a cycle's matrix or export with the screen's filters. */
export function matrixSearch(cycleId: string, filters: MatrixFilters, extra: Record<string, string> = {}) {
  const params = matrixFilterParams({
    subjectArea: listOf(filters.subjectArea),
    status: listOf(filters.status),
  });
  params.set('cycle', cycleId);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `?${params}`;
}

/** The export's address; the browser downloads it (Content-Disposition: attachment). */
export const exportHref = (cycleId: string, filters: MatrixFilters, format: 'csv' | 'xlsx') =>
  `/api/v1/contributions/export${matrixSearch(cycleId, filters, { format })}`;

/**
 * The matrix of a cycle. Its key starts with `matrix`: a change to a contribution (contributions.api.ts)
 * marks it stale, so it is read again when the screen shows it.
 */
export function useMatrix(cycleId: string, filters: MatrixFilters) {
  return useQuery({
    queryKey: ['matrix', cycleId, filters],
    queryFn: () => api<Matrix>('GET', `/api/v1/matrix${matrixSearch(cycleId, filters)}`),
    placeholderData: (previous) => previous,
  });
}
