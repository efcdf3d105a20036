import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementMilestones,
  ApplyMilestoneTemplateResult,
  CreateMilestoneTemplateItemInput,
  MarkRegionReadyInput,
  MilestoneTemplate,
  MilestoneTemplateItem,
  UpdateMilestoneInput,
  UpdateMilestoneTemplateItemInput,
} from '../../../shared/contracts/milestones';
import { api, query } from '../../shared/api';
import { agreementsKey } from '../agreements';

/**
 * The milestones' queries live under the agreements' key: marking a wanted subject area (the agreements'
 * own write) reads an agreement's milestones again, and every write here reads the agreements again (the
 * ready flag changes the agreement's version, applying the template every agreement's milestones).
 */
const milestonesKey = [...agreementsKey, 'milestones'] as const;

const enc = encodeURIComponent;

export function useAgreementMilestones(agreementId: string) {
  return useQuery({
    queryKey: [...milestonesKey, 'agreement', agreementId],
    queryFn: () => api<AgreementMilestones>('GET', `/api/v1/agreements/${enc(agreementId)}/milestones`),
  });
}

export function useMilestoneTemplate(cycleId: string) {
  return useQuery({
    queryKey: [...milestonesKey, 'template', cycleId],
    queryFn: () => api<MilestoneTemplate>('GET', `/api/v1/cycles/${enc(cycleId)}/milestone-template`),
  });
}

function useInvalidating<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: agreementsKey }),
  });
}

export const useUpdateMilestone = () =>
  useInvalidating(({ id, ...input }: UpdateMilestoneInput & { id: string }) =>
    api<AgreementMilestones>('PATCH', `/api/v1/milestones/${enc(id)}`, input),
  );

export const useMarkRegionReady = (agreementId: string) =>
  useInvalidating((input: MarkRegionReadyInput) =>
    api<AgreementMilestones>('PUT', `/api/v1/agreements/${enc(agreementId)}/region-ready`, input),
  );

export const useCreateTemplateItem = (cycleId: string) =>
  useInvalidating((input: CreateMilestoneTemplateItemInput) =>
    api<MilestoneTemplateItem>('POST', `/api/v1/cycles/${enc(cycleId)}/milestone-template/items`, input),
  );

export const useUpdateTemplateItem = () =>
  useInvalidating(({ id, ...input }: UpdateMilestoneTemplateItemInput & { id: string }) =>
    api<MilestoneTemplateItem>('PATCH', `/api/v1/milestone-template-items/${enc(id)}`, input),
  );

export const useDeleteTemplateItem = () =>
  useInvalidating(({ id, version }: { id: string; version: number }) =>
    api<void>('DELETE', `/api/v1/milestone-template-items/${enc(id)}${query({ version })}`),
  );

export const useApplyTemplate = (cycleId: string) =>
  useInvalidating(() =>
    api<ApplyMilestoneTemplateResult>('POST', `/api/v1/cycles/${enc(cycleId)}/milestone-template/apply`, {}),
  );
