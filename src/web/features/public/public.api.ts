import { useQuery } from '@tanstack/react-query';
import type {
  OpenDataCatalogue,
  PublicAgreement,
  PublicAgreementSummary,
  PublicCounty,
  PublicHearing,
  PublicHearingList,
  PublicRegion,
  PublicRegionList,
} from '../../../shared/contracts/public';
import { api } from '../../shared/api';
import { usePagedList } from '../../shared/use-paged-list';

/**
 * The public pages' reads: only `/api/v1/public/…`, which answer without a session. Nothing here asks who
 * is signed in, so the pages work the same for a visitor and for someone with an account.
 */
const base = '/api/v1/public';

/** The agreements in force, a page at a time ("Vis flere" adds the next). */
export function usePublicAgreements() {
  return usePagedList<PublicAgreementSummary>(['public', 'agreements'], `${base}/agreements`, {});
}

export function usePublicAgreement(id: string) {
  return useQuery({
    queryKey: ['public', 'agreements', id],
    queryFn: () => api<PublicAgreement>('GET', `${base}/agreements/${encodeURIComponent(id)}`),
  });
}

export function usePublicRegions() {
  return useQuery({
    queryKey: ['public', 'regions'],
    queryFn: () => api<PublicRegionList>('GET', `${base}/regions`),
  });
}

export function usePublicRegion(id: string) {
  return useQuery({
    queryKey: ['public', 'regions', id],
    queryFn: () => api<PublicRegion>('GET', `${base}/regions/${encodeURIComponent(id)}`),
  });
}

export function useOpenData() {
  return useQuery({
    queryKey: ['public', 'data'],
    queryFn: () => api<OpenDataCatalogue>('GET', `${base}/data`),
  });
}

/** The county's name, for the frame of every page. */
export function usePublicCounty() {
  return useQuery({
    queryKey: ['public', 'county'],
    queryFn: () => api<PublicCounty>('GET', `${base}/county`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The closed hearings of the general part; an open hearing is never among them. */
export function usePublicHearings() {
  return useQuery({
    queryKey: ['public', 'hearings'],
    queryFn: () => api<PublicHearingList>('GET', `${base}/hearings`),
  });
}

export function usePublicHearing(id: string) {
  return useQuery({
    queryKey: ['public', 'hearings', id],
    queryFn: () => api<PublicHearing>('GET', `${base}/hearings/${encodeURIComponent(id)}`),
  });
}

/** The agreement as one file, general and special part together. */
export const documentHref = (id: string, format: 'docx' | 'pdf') =>
  `${base}/agreements/${encodeURIComponent(id)}/document?format=${format}`;
