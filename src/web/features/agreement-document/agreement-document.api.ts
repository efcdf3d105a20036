import { useMutation, useQuery } from '@tanstack/react-query';
import type { AgreementArchive, AgreementDocumentFormat } from '../../../shared/contracts/agreement-document';
import { api, query } from '../../shared/api';

/** The whole agreement as a file, in the region's written standard (the server decides the words). */
export const agreementDocumentUrl = (id: string, format: AgreementDocumentFormat) =>
  `/api/v1/agreements/${encodeURIComponent(id)}/document${query({ format })}`;

export const archiveFileUrl = (id: string) => `/api/v1/agreement-archives/${encodeURIComponent(id)}/file`;

/** Starts the ZIP of every agreement of a cycle (or answers the one being made). */
export function useStartArchive(cycleId: string) {
  return useMutation({
    mutationFn: () =>
      api<AgreementArchive>('POST', `/api/v1/cycles/${encodeURIComponent(cycleId)}/agreement-archives`),
  });
}

/** An archive's progress, read every second until it is done or failed. */
export function useArchive(id: string | null) {
  return useQuery({
    queryKey: ['agreement-archives', id],
    queryFn: () => api<AgreementArchive>('GET', `/api/v1/agreement-archives/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (q) => {
      const state = q.state.data?.state;
      return state === 'done' || state === 'failed' ? false : 1000;
    },
  });
}
