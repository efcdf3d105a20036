import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddMemberInput,
  CreateRegionInput,
  Membership,
  Region,
  UpdateMemberInput,
  UpdateRegionInput,
} from '../../../shared/contracts/registry';
import { api, query } from '../../shared/api';
import { usePagedList } from '../../shared/use-paged-list';
import { registryKey } from './registry-key';

const regionsKey = [...registryKey, 'regions'] as const;
const regionKey = (id: string) => [...registryKey, 'region', id] as const;

export function useRegions(q: string) {
  return usePagedList<Region>(regionsKey, '/api/v1/regions', { q });
}

/** Every region with its members: few enough (a county has a dozen or two) to read in one request. */
export function useAllRegions() {
  return useQuery({
    queryKey: [...regionsKey, 'all'],
    queryFn: () => api<{ items: Region[] }>('GET', `/api/v1/regions${query({ limit: 500 })}`),
    select: (page) => page.items,
  });
}

export function useRegion(id: string) {
  return useQuery({ queryKey: regionKey(id), queryFn: () => api<Region>('GET', `/api/v1/regions/${id}`) });
}

/** After any change to a region or its members, the lists and the region itself are read again. */
function useInvalidateRegions() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: registryKey });
}

export function useCreateRegion() {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: (input: CreateRegionInput) => api<Region>('POST', '/api/v1/regions', input),
    onSuccess: invalidate,
  });
}

export function useUpdateRegion(id: string) {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: (input: UpdateRegionInput) => api<Region>('PATCH', `/api/v1/regions/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useAddMember(regionId: string) {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: (input: AddMemberInput) =>
      api<Membership>('POST', `/api/v1/regions/${regionId}/members`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateMember(regionId: string) {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateMemberInput & { id: string }) =>
      api<Membership>('PATCH', `/api/v1/regions/${regionId}/members/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(regionId: string) {
  const invalidate = useInvalidateRegions();
  return useMutation({
    mutationFn: (m: Pick<Membership, 'id' | 'version'>) =>
      api<void>('DELETE', `/api/v1/regions/${regionId}/members/${m.id}${query({ version: m.version })}`),
    onSuccess: invalidate,
  });
}
