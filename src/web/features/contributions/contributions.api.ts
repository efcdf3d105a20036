import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeStatusInput,
  Comment,
  CommentList,
  ContributionCopies,
  ContributionDetail,
  ContributionList,
  ContributionListQuery,
  CopyContributionInput,
  CopyTargetList,
  CreateCommentBody,
  CreateContributionBody,
  MentionableUserList,
  MoveContributionInput,
  UpdateContributionBody,
} from '../../../shared/contracts/contributions';
import { api, query } from '../../shared/api';

/**
 * Every query of this feature starts with this key: a change to one contribution reads the agreement's
 * list, the item's history and its comments again. The matrix and agreement pages read counts made from
 * contributions too, and the special part's text has a section generated from the agreed ones, so a change
 * also marks their queries stale.
 */
export const contributionsKey = ['contributions'] as const;
const dependentKeys = [['matrix'], ['agreements'], ['special-part']] as const;

const enc = encodeURIComponent;

export function useContributions(agreementId: string, filters: ContributionListQuery = {}) {
  return useQuery({
    queryKey: [...contributionsKey, 'list', agreementId, filters],
    queryFn: () =>
      api<ContributionList>('GET', `/api/v1/agreements/${enc(agreementId)}/contributions${query(filters)}`),
  });
}

/** One contribution with its status history; read when the history is opened. */
export function useContribution(id: string, enabled = true) {
  return useQuery({
    queryKey: [...contributionsKey, 'detail', id],
    queryFn: () => api<ContributionDetail>('GET', `/api/v1/contributions/${enc(id)}`),
    enabled,
  });
}

export function useComments(id: string, enabled = true) {
  return useQuery({
    queryKey: [...contributionsKey, 'comments', id],
    queryFn: () => api<CommentList>('GET', `/api/v1/contributions/${enc(id)}/comments`),
    select: (list) => list.items,
    enabled,
  });
}

/** The people a comment can mention (active users: name, role and organisation). */
export function useMentionableUsers(enabled = true) {
  return useQuery({
    queryKey: [...contributionsKey, 'mentionable'],
    queryFn: () => api<MentionableUserList>('GET', '/api/v1/mentionable-users'),
    select: (list) => list.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: contributionsKey }),
      ...dependentKeys.map((key) => qc.invalidateQueries({ queryKey: key })),
    ]);
  };
}

export function useCreateContribution(agreementId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateContributionBody) =>
      api<ContributionDetail>('POST', `/api/v1/agreements/${enc(agreementId)}/contributions`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateContribution() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateContributionBody & { id: string }) =>
      api<ContributionDetail>('PATCH', `/api/v1/contributions/${enc(id)}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteContribution() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/v1/contributions/${enc(id)}${query({ version })}`),
    onSuccess: invalidate,
  });
}

export function useChangeStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: ChangeStatusInput & { id: string }) =>
      api<ContributionDetail>('POST', `/api/v1/contributions/${enc(id)}/status`, body),
    onSuccess: invalidate,
  });
}

/** Moves an item; resolves once the list has been read again, so focus can follow the item. */
export function useMoveContribution() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveContributionInput & { id: string }) =>
      api<ContributionDetail>('POST', `/api/v1/contributions/${enc(id)}/move`, body),
    onSuccess: invalidate,
  });
}

export function useAddComment(contributionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) =>
      api<Comment>('POST', `/api/v1/contributions/${enc(contributionId)}/comments`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: contributionsKey }),
  });
}

/** The regions a contribution can be copied to, with why not where it cannot; read when the dialog opens. */
export function useCopyTargets(id: string) {
  return useQuery({
    queryKey: [...contributionsKey, 'copy-targets', id],
    queryFn: () => api<CopyTargetList>('GET', `/api/v1/contributions/${enc(id)}/copy-targets`),
    select: (list) => list.items,
  });
}

/** Copies a contribution to the regions given, all or none; the answer is the copies made. */
export function useCopyContribution() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: CopyContributionInput & { id: string }) =>
      api<ContributionCopies>('POST', `/api/v1/contributions/${enc(id)}/copies`, body),
    onSuccess: invalidate,
  });
}
