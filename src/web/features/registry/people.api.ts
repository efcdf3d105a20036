import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePersonInput, Person, UpdatePersonInput } from '../../../shared/contracts/registry';
import { api, query } from '../../shared/api';
import { usePagedList } from '../../shared/use-paged-list';
import { registryKey } from './registry-key';

export function usePeople(q: string) {
  return usePagedList<Person>([...registryKey, 'people'], '/api/v1/people', { q });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: [...registryKey, 'person', id],
    queryFn: () => api<Person>('GET', `/api/v1/people/${id}`),
  });
}

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePersonInput) => api<Person>('POST', '/api/v1/people', input),
    onSuccess: () => client.invalidateQueries({ queryKey: registryKey }),
  });
}

export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePersonInput) => api<Person>('PATCH', `/api/v1/people/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: registryKey }),
  });
}

export function useDeletePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: Pick<Person, 'id' | 'version'>) =>
      api<void>('DELETE', `/api/v1/people/${p.id}${query({ version: p.version })}`),
    // The deleted person's own query must not be read again (it would be a 404), only the lists.
    onSuccess: (_, p) => {
      client.removeQueries({ queryKey: [...registryKey, 'person', p.id] });
      return client.invalidateQueries({ queryKey: registryKey });
    },
  });
}
