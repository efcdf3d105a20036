import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDepartmentInput,
  Department,
  UpdateDepartmentInput,
} from '../../../shared/contracts/registry';
import { api } from '../../shared/api';
import { registryKey } from './registry-key';

/** Departments are few, and the API answers them in one page. */
export function useDepartments() {
  return useQuery({
    queryKey: [...registryKey, 'departments'],
    queryFn: () => api<{ items: Department[] }>('GET', '/api/v1/departments'),
    select: (page) => page.items,
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
