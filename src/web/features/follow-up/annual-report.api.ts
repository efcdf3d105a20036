import { useMutation } from '@tanstack/react-query';
import type { PoliticalCase } from '../../../shared/contracts/cases';
import { api, query } from '../../shared/api';

const enc = encodeURIComponent;

/** The round's annual report as a file: the county's, or one region's (in the region's written standard). */
export const annualReportUrl = (roundId: string, format: 'docx' | 'pdf', regionId?: string | null) =>
  `/api/v1/reporting-rounds/${enc(roundId)}/annual-report${query({ format, region: regionId ?? undefined })}`;

/** Makes the round's annual report a case for the executive board (the coordinator). */
export const useCreateRoundCase = (roundId: string) =>
  useMutation({
    mutationFn: () => api<PoliticalCase>('POST', `/api/v1/reporting-rounds/${enc(roundId)}/case`, {}),
  });
