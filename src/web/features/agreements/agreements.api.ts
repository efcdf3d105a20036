import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agreement,
  AgreementList,
  AgreementListParams,
  AgreementSummary,
  CreateAgreementsInput,
  CreateSubjectAreaInput,
  MarkSubjectAreaInput,
  MoveGeneralPartInput,
  SubjectArea,
  UpdateAgreementInput,
  UpdateSubjectAreaInput,
} from '../../../shared/contracts/agreements';
import type { Region } from '../../../shared/contracts/registry';
import { api, query } from '../../shared/api';
import { type Paged, usePagedList } from '../../shared/use-paged-list';

/**
 * Every query of this feature starts with this key: a change to an agreement or a subject area reads the
 * lists and the agreement again (counts and wanted subject areas move with them).
 */
export const agreementsKey = ['agreements'] as const;

const enc = encodeURIComponent;

/**
 * The agreements table: a page of the cycle's agreements at a time, those whose region's name holds `q`,
 * in the column's order (a region contact's own first); `loadMore` adds the next page below.
 */
export function useAgreementPages(cycleId: string, params: Pick<AgreementListParams, 'q' | 'sort' | 'dir'>) {
  const defined = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string');
  return usePagedList<AgreementSummary, AgreementList>(
    [...agreementsKey, 'pages', cycleId],
    '/api/v1/agreements',
    { cycle: cycleId, ...Object.fromEntries(defined) },
  );
}

/** Every agreement of a cycle, by region name, for a screen that chooses among them. */
export function useAgreements(cycleId: string) {
  return useQuery({
    queryKey: [...agreementsKey, 'list', cycleId],
    queryFn: () => api<Paged<AgreementSummary>>('GET', `/api/v1/agreements${query({ cycle: cycleId })}`),
    select: (page) => page.items,
  });
}

export function useAgreement(id: string) {
  return useQuery({
    queryKey: [...agreementsKey, 'agreement', id],
    queryFn: () => api<Agreement>('GET', `/api/v1/agreements/${enc(id)}`),
  });
}

/** Every region of the county (a dozen or two, one request), to choose whom agreements are made for. */
export function useAllRegions() {
  return useQuery({
    queryKey: [...agreementsKey, 'regions'],
    queryFn: () => api<Paged<Region>>('GET', `/api/v1/regions${query({ limit: 500 })}`),
    select: (page) => page.items,
  });
}

export function useSubjectAreas(cycleId: string) {
  return useQuery({
    queryKey: [...agreementsKey, 'subject-areas', cycleId],
    queryFn: () => api<Paged<SubjectArea>>('GET', `/api/v1/cycles/${enc(cycleId)}/subject-areas`),
    select: (page) => page.items,
  });
}

function useInvalidating<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: agreementsKey }),
  });
}

export const useCreateAgreements = () =>
  useInvalidating((input: CreateAgreementsInput) =>
    api<AgreementSummary[]>('POST', '/api/v1/agreements', input),
  );

export const useUpdateAgreement = (id: string) =>
  useInvalidating((input: UpdateAgreementInput) =>
    api<Agreement>('PATCH', `/api/v1/agreements/${enc(id)}`, input),
  );

export const useMoveGeneralPart = (id: string) =>
  useInvalidating((input: MoveGeneralPartInput) =>
    api<Agreement>('POST', `/api/v1/agreements/${enc(id)}/general-part`, input),
  );

export const useMarkSubjectArea = (id: string) =>
  useInvalidating(({ subjectAreaId, ...input }: MarkSubjectAreaInput & { subjectAreaId: string }) =>
    api<Agreement>('PUT', `/api/v1/agreements/${enc(id)}/subject-areas/${enc(subjectAreaId)}`, input),
  );

export const useUnmarkSubjectArea = (id: string) =>
  useInvalidating((subjectAreaId: string) =>
    api<void>('DELETE', `/api/v1/agreements/${enc(id)}/subject-areas/${enc(subjectAreaId)}`),
  );

export const useCreateSubjectArea = (cycleId: string) =>
  useInvalidating((input: CreateSubjectAreaInput) =>
    api<SubjectArea>('POST', `/api/v1/cycles/${enc(cycleId)}/subject-areas`, input),
  );

export const useUpdateSubjectArea = () =>
  useInvalidating(({ id, ...input }: UpdateSubjectAreaInput & { id: string }) =>
    api<SubjectArea>('PATCH', `/api/v1/subject-areas/${enc(id)}`, input),
  );

export const useDeleteSubjectArea = () =>
  useInvalidating(({ id, version }: { id: string; version: number }) =>
    api<void>('DELETE', `/api/v1/subject-areas/${enc(id)}${query({ version })}`),
  );
