import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDepartmentInput,
  Department,
  UpdateDepartmentInput,
} from '../../../shared/contracts/registry';
import { api } from '../../shared/api';
import type { Paged } from '../../shared/use-paged-list';
import { registryKey } from './registry-key';

const allOf = (page: Paged<Department>) => page.items;
const activeOf = (page: Paged<Department>) => page.items.filter((d) => d.active);

/**
 * The county's departments, which several features name or offer (a user's binding, a contribution's
 * owner, the department that answers an input first): the one query of them in the app, read again with
 * the rest of the registry after each change. Departments are few, and the API answers them in one page.
 * `activeOnly` leaves out those no longer in use; `enabled: false` reads nothing.
 */
export function useDepartments({ activeOnly = false, enabled = true } = {}) {
  return useQuery({
    queryKey: [...registryKey, 'departments'],
    queryFn: () => api<Paged<Department>>('GET', '/api/v1/departments'),
    select: activeOnly ? activeOf : allOf,
    staleTime: 60_000,
    enabled,
  });
}

export function useCreateDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDepartmentInput) => api<Department>('POST', '/api/v1/departments', input),
    onSuccess: () => client.invalidateQueries({ queryKey: registryKey }),
  });
}

export function useUpdateDepartment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateDepartmentInput & { id: string }) =>
      api<Department>('PATCH', `/api/v1/departments/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: registryKey }),
  });
}
