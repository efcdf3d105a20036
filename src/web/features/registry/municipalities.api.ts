import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateMunicipalityInput,
  Municipality,
  UpdateMunicipalityInput,
} from '../../../shared/contracts/registry';
import { api, query } from '../../shared/api';
import { usePagedList } from '../../shared/use-paged-list';
import { registryKey } from './registry-key';

const municipalitiesKey = [...registryKey, 'municipalities'] as const;

export function useMunicipalities(q: string) {
  return usePagedList<Municipality>(municipalitiesKey, '/api/v1/municipalities', { q });
}

/** All municipalities, for choosing one: a county has a few dozen to a few hundred, within one page of 500. */
export function useAllMunicipalities() {
  return useQuery({
    queryKey: [...municipalitiesKey, 'all'],
    queryFn: () => api<{ items: Municipality[] }>('GET', `/api/v1/municipalities${query({ limit: 500 })}`),
    select: (page) => page.items,
  });
}

export function useMunicipality(id: string) {
  return useQuery({
    queryKey: [...registryKey, 'municipality', id],
    queryFn: () => api<Municipality>('GET', `/api/v1/municipalities/${id}`),
  });
}

export function useCreateMunicipality() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMunicipalityInput) =>
      api<Municipality>('POST', '/api/v1/municipalities', input),
    onSuccess: () => client.invalidateQueries({ queryKey: registryKey }),
  });
}

export function useUpdateMunicipality(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMunicipalityInput) =>
      api<Municipality>('PATCH', `/api/v1/municipalities/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: registryKey }),
  });
}
