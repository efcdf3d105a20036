import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Region } from '../../../shared/contracts/registry';
import type {
  CreateUserInput,
  ResetPasswordInput,
  UpdateUserInput,
  User,
} from '../../../shared/contracts/users';
import { api, query } from '../../shared/api';
import { type Paged, usePagedList } from '../../shared/use-paged-list';
import { useDepartments } from '../registry';
import { adminKey } from './admin-key';

export const useUserList = (params: Record<string, string>) =>
  usePagedList<User>([...adminKey, 'users'], '/api/v1/users', params);

export function useUser(id: string) {
  return useQuery({
    queryKey: [...adminKey, 'user', id],
    queryFn: () => api<User>('GET', `/api/v1/users/${encodeURIComponent(id)}`),
  });
}

/** The departments and regions a user can be bound to, and the names shown for the ids. */
export function useBindings() {
  const departments = useDepartments();
  const regions = useQuery({
    queryKey: [...adminKey, 'regions'],
    queryFn: async () => (await api<Paged<Region>>('GET', `/api/v1/regions${query({ limit: 500 })}`)).items,
    staleTime: 60_000,
  });
  const names = new Map<string, string>();
  for (const d of departments.data ?? []) names.set(d.id, d.name);
  for (const r of regions.data ?? []) names.set(r.id, r.name);
  return {
    departments: departments.data ?? [],
    regions: regions.data ?? [],
    nameOf: (id: string | null) => (id ? names.get(id) : undefined),
  };
}
export type Bindings = ReturnType<typeof useBindings>;

function useAdminMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: adminKey }) });
}

export const useCreateUser = () =>
  useAdminMutation((input: CreateUserInput) => api<User>('POST', '/api/v1/users', input));

/** Reads everything again afterwards: the admin may have changed their own name or role. */
export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) =>
      api<User>('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, input),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export const useResetPassword = (id: string) =>
  useAdminMutation((input: ResetPasswordInput) =>
    api<void>('POST', `/api/v1/users/${encodeURIComponent(id)}/password`, input),
  );
