import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Me } from '../../../shared/contracts/auth';
import type { Locale } from '../../../shared/contracts/common';
import { ApiError, api } from '../../shared/api';
import { applyLocale } from '../../shared/i18n';

export const meKey = ['auth', 'me'] as const;

/** The signed-in person, or null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>('GET', '/api/v1/auth/me');
        await applyLocale(me.locale);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<Me>('POST', '/api/v1/auth/login', input),
    onSuccess: async (me) => {
      await applyLocale(me.locale);
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/v1/auth/logout'),
    onSuccess: () => {
      // Forget everything read as this person. The me query is set to null rather than removed: clearing
      // the cache would detach the shell's observer from it, and the page would stay as if still signed in.
      qc.setQueryData(meKey, null);
      qc.removeQueries({ predicate: (q) => !(q.queryKey[0] === meKey[0] && q.queryKey[1] === meKey[1]) });
    },
  });
}

/** Changes the language at once and remembers it for the signed-in person. */
export function useSetLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await applyLocale(locale);
      await api('PUT', '/api/v1/auth/me/preferences', { locale });
      return locale;
    },
    onSuccess: (locale) => {
      qc.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, locale } : me));
    },
  });
}
