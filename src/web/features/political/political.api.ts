import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BodyKind,
  BodyList,
  BodyListQuery,
  BodyMeeting,
  BodySyncResult,
  CreateBodyMeetingInput,
  PoliticalBodyWithPlan,
  UpdateBodyMeetingInput,
} from '../../../shared/contracts/bodies';
import type {
  BatchPlan,
  CaseList,
  CreateCaseInput,
  PoliticalCase,
  RecordDecisionInput,
  ReplaceDecisionPointsInput,
  UpdateCaseInput,
  UpdateTreatmentInput,
} from '../../../shared/contracts/cases';
import { api, query } from '../../shared/api';

/**
 * Every query of this feature starts with one of these keys: a change to a body's plan reads the bodies (and
 * the batch planner's reachable meetings) again; a change to a case reads the cases and the planner again.
 */
export const bodiesKey = ['political', 'bodies'] as const;
export const casesKey = ['political', 'cases'] as const;
const politicalKey = ['political'] as const;

const enc = encodeURIComponent;

/** The paths of this feature's pages, all under the menu's "Politisk behandling". */
export const politicalPaths = {
  home: '/politisk',
  cases: '/politisk/saker',
  bodies: '/politisk/utvalg',
  body: (id: string) => `/politisk/utvalg/${enc(id)}`,
  case: (id: string) => `/politisk/saker/${enc(id)}`,
};

/** The public address of a body's meeting plan as a calendar feed, as a calendar program subscribes to it. */
export const bodyCalendarUrl = (id: string) =>
  `${window.location.origin}/api/v1/bodies/${enc(id)}/calendar.ics`;

/** The case document's address: the browser saves it under the name the server gives. */
export const caseDocumentUrl = (id: string, format: 'docx' | 'pdf') =>
  `/api/v1/cases/${enc(id)}/document${query({ format })}`;

export function useBodies(filters: BodyListQuery & { kind?: BodyKind }) {
  return useQuery({
    queryKey: [...bodiesKey, 'list', filters],
    queryFn: () => api<BodyList>('GET', `/api/v1/bodies${query(filters)}`),
    select: (list) => list.items,
  });
}

export function useBody(id: string) {
  return useQuery({
    queryKey: [...bodiesKey, 'body', id],
    queryFn: () => api<PoliticalBodyWithPlan>('GET', `/api/v1/bodies/${enc(id)}`),
  });
}

export function useCases(cycleId: string) {
  return useQuery({
    queryKey: [...casesKey, 'list', cycleId],
    queryFn: () => api<CaseList>('GET', `/api/v1/cases${query({ cycleId })}`),
    select: (list) => list.items,
  });
}

export function useBatchPlan(cycleId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...casesKey, 'batch-plan', cycleId],
    queryFn: () => api<BatchPlan>('GET', `/api/v1/cycles/${enc(cycleId)}/batch-plan`),
    enabled,
  });
}

const caseQuery = (id: string) => ({
  queryKey: [...casesKey, 'case', id],
  queryFn: () => api<PoliticalCase>('GET', `/api/v1/cases/${enc(id)}`),
});

export function useCase(id: string) {
  return useQuery(caseQuery(id));
}

/** Reads a case again now (after an edit conflict), and answers it as it is saved. */
export function useReloadCase() {
  const qc = useQueryClient();
  return (id: string) => qc.fetchQuery({ ...caseQuery(id), staleTime: 0 });
}

/**
 * A write of this feature: everything political is read again once it is done (a body's plan changes the
 * planner's meetings and the cases' treatments; a case changes the planner's agreements).
 */
function useWrite<In, Out>(send: (input: In) => Promise<Out>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => qc.invalidateQueries({ queryKey: politicalKey }),
  });
}

export const useSyncBodies = () => useWrite(() => api<BodySyncResult>('POST', '/api/v1/bodies/sync'));

export const useCreateBodyMeeting = () =>
  useWrite(({ bodyId, ...body }: CreateBodyMeetingInput & { bodyId: string }) =>
    api<BodyMeeting>('POST', `/api/v1/bodies/${enc(bodyId)}/meetings`, body),
  );

export const useUpdateBodyMeeting = () =>
  useWrite(({ bodyId, id, ...body }: UpdateBodyMeetingInput & { bodyId: string; id: string }) =>
    api<BodyMeeting>('PUT', `/api/v1/bodies/${enc(bodyId)}/meetings/${enc(id)}`, body),
  );

export const useDeleteBodyMeeting = () =>
  useWrite(({ bodyId, id, version }: { bodyId: string; id: string; version: number }) =>
    api<void>('DELETE', `/api/v1/bodies/${enc(bodyId)}/meetings/${enc(id)}${query({ version })}`),
  );

export const useCreateCase = () =>
  useWrite((body: CreateCaseInput) => api<PoliticalCase>('POST', '/api/v1/cases', body));

export const useUpdateCase = () =>
  useWrite(({ id, ...body }: UpdateCaseInput & { id: string }) =>
    api<PoliticalCase>('PUT', `/api/v1/cases/${enc(id)}`, body),
  );

export const useReplaceDecisionPoints = () =>
  useWrite(({ id, ...body }: ReplaceDecisionPointsInput & { id: string }) =>
    api<PoliticalCase>('PUT', `/api/v1/cases/${enc(id)}/decision-points`, body),
  );

export const useUpdateTreatment = () =>
  useWrite(
    ({ caseId, treatmentId, ...body }: UpdateTreatmentInput & { caseId: string; treatmentId: string }) =>
      api<PoliticalCase>('PUT', `/api/v1/cases/${enc(caseId)}/treatments/${enc(treatmentId)}`, body),
  );

export const useRecordDecision = () =>
  useWrite(
    ({ caseId, treatmentId, ...body }: RecordDecisionInput & { caseId: string; treatmentId: string }) =>
      api<PoliticalCase>(
        'POST',
        `/api/v1/cases/${enc(caseId)}/treatments/${enc(treatmentId)}/decision`,
        body,
      ),
  );

export const useCreateCouncilCase = () =>
  useWrite((id: string) => api<PoliticalCase>('POST', `/api/v1/cases/${enc(id)}/council-case`));
