import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportPopulationInput,
  PopulationImportSummary,
  PopulationList,
} from '../../../shared/contracts/populations';
import { api } from '../../shared/api';
import { registryKey } from './registry-key';

/** Each municipality's latest number of inhabitants, today. */
export function usePopulations() {
  return useQuery({
    queryKey: [...registryKey, 'populations'],
    queryFn: () => api<PopulationList>('GET', '/api/v1/municipality-populations'),
  });
}

/** Imports SSB's population table; the registry's queries (and the follow-up's figures) are read again. */
export function useImportPopulations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportPopulationInput) =>
      api<PopulationImportSummary>('POST', '/api/v1/municipality-populations/import', input),
    onSuccess: () => client.invalidateQueries({ queryKey: registryKey }),
  });
}

/**
 * A downloaded CSV file as text: SSB's files are UTF-8 or, from older downloads and spreadsheets, Windows
 * Latin-1; a file that is not valid UTF-8 is read as the latter, so «Ås» and «Ørland» keep their letters.
 */
export async function readCsvText(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
