import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementInForceList,
  ChangeCommitmentInput,
  CommitmentDetail,
  CommitmentList,
  CommitmentReport,
  CreateCommitmentInput,
  IndicatorInput,
  OpenRoundInput,
  ReopenReportInput,
  ReportingRound,
  ReportingRoundList,
  RoundCommitmentQuery,
  RoundRow,
  RoundStatus,
  SaveReportInput,
} from '../../../shared/contracts/follow-up';
import type { User } from '../../../shared/contracts/users';
import { api, query } from '../../shared/api';
import { type Paged, usePagedList } from '../../shared/use-paged-list';

/** Every query of this feature starts with this key: a report, a round or a commitment changed reads all again. */
export const followUpKey = ['follow-up'] as const;

const enc = encodeURIComponent;

/** The paths of this feature's pages, under the menu's "Oppfølging". */
export const followUpPaths = {
  home: '/oppfolging',
  rounds: '/oppfolging/runder',
  round: (id: string) => `/oppfolging/runder/${enc(id)}`,
  report: (roundId: string, commitmentId: string) =>
    `/oppfolging/runder/${enc(roundId)}/forpliktelser/${enc(commitmentId)}`,
  commitments: '/oppfolging/forpliktelser',
  /** Samlet oppfølging (features/follow-up-rollup), a part of this section with a feature of its own. */
  rollup: '/oppfolging/samlet',
  commitment: (id: string) => `/oppfolging/forpliktelser/${enc(id)}`,
};

const reportUrl = (roundId: string, commitmentId: string) =>
  `/api/v1/reporting-rounds/${enc(roundId)}/commitments/${enc(commitmentId)}/report`;

export function useRounds(cycleId: string) {
  return useQuery({
    queryKey: [...followUpKey, 'rounds', cycleId],
    queryFn: () => api<ReportingRoundList>('GET', `/api/v1/reporting-rounds${query({ cycleId })}`),
    select: (list) => list.items,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: [...followUpKey, 'round', id],
    queryFn: () => api<RoundStatus>('GET', `/api/v1/reporting-rounds/${enc(id)}`),
  });
}

/**
 * A round's commitments the filters select, a page at a time ("Vis flere" adds the next); under this
 * feature's key, so a report saved or reopened, or the round closed, reads them again.
 */
export function useRoundCommitments(
  id: string,
  filters: Partial<Pick<RoundCommitmentQuery, 'state' | 'region' | 'owner'>>,
) {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (v) params[k] = v;
  return usePagedList<RoundRow>(
    [...followUpKey, 'round-commitments', id],
    `/api/v1/reporting-rounds/${enc(id)}/commitments`,
    params,
  );
}

export function useCommitments(cycleId: string) {
  return useQuery({
    queryKey: [...followUpKey, 'commitments', cycleId],
    queryFn: () => api<CommitmentList>('GET', `/api/v1/commitments${query({ cycleId })}`),
    select: (list) => list.items,
  });
}

export function useCommitment(id: string) {
  return useQuery({
    queryKey: [...followUpKey, 'commitment', id],
    queryFn: () => api<CommitmentDetail>('GET', `/api/v1/commitments/${enc(id)}`),
  });
}

/** The cycle's agreements in force, which the admin adds commitments agreed elsewhere to. */
export function useAgreementsInForce(cycleId: string) {
  return useQuery({
    queryKey: [...followUpKey, 'agreements-in-force', cycleId],
    queryFn: () => api<AgreementInForceList>('GET', `/api/v1/cycles/${enc(cycleId)}/agreements-in-force`),
    select: (list) => list.items,
  });
}

/** Active users whose name or e-mail has the words typed, to choose who is responsible; none before two letters. */
export function useUserSearch(q: string) {
  const words = q.trim();
  return useQuery({
    queryKey: [...followUpKey, 'users', words],
    queryFn: () => api<Paged<User>>('GET', `/api/v1/users${query({ q: words, active: 'true', limit: 20 })}`),
    select: (page) => page.items,
    enabled: words.length >= 2,
  });
}

export function useReport(roundId: string, commitmentId: string) {
  return useQuery({
    queryKey: [...followUpKey, 'report', roundId, commitmentId],
    queryFn: () => api<CommitmentReport>('GET', reportUrl(roundId, commitmentId)),
  });
}

function useFollowUpMutation<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: followUpKey }),
  });
}

export const useOpenRound = () =>
  useFollowUpMutation((input: OpenRoundInput) =>
    api<ReportingRound>('POST', '/api/v1/reporting-rounds', input),
  );

export const useCloseRound = (id: string) =>
  useFollowUpMutation((version: number) =>
    api<RoundStatus>('POST', `/api/v1/reporting-rounds/${enc(id)}/close`, { version }),
  );

export const usePublishRound = (id: string) =>
  useFollowUpMutation((version: number) =>
    api<RoundStatus>('POST', `/api/v1/reporting-rounds/${enc(id)}/publish`, { version }),
  );

export const useSaveReport = (roundId: string, commitmentId: string) =>
  useFollowUpMutation(({ input, submit }: { input: SaveReportInput; submit: boolean }) =>
    submit
      ? api<CommitmentReport>('POST', `${reportUrl(roundId, commitmentId)}/submit`, input)
      : api<CommitmentReport>('PUT', reportUrl(roundId, commitmentId), input),
  );

export const useReopenReport = (roundId: string, commitmentId: string) =>
  useFollowUpMutation((input: ReopenReportInput) =>
    api<CommitmentReport>('POST', `${reportUrl(roundId, commitmentId)}/reopen`, input),
  );

export const useCreateCommitment = () =>
  useFollowUpMutation((input: CreateCommitmentInput) =>
    api<CommitmentDetail>('POST', '/api/v1/commitments', input),
  );

export const useAddIndicator = (commitmentId: string) =>
  useFollowUpMutation((input: IndicatorInput) =>
    api<CommitmentDetail>('POST', `/api/v1/commitments/${enc(commitmentId)}/indicators`, input),
  );

export const useChangeCommitment = (id: string) =>
  useFollowUpMutation((input: ChangeCommitmentInput) =>
    api<CommitmentDetail>('PATCH', `/api/v1/commitments/${enc(id)}`, input),
  );
