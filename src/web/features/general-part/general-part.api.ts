import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentMediaType } from '../../../shared/contracts/common';
import type {
  ApprovalAttachment,
  ApproveVersionInput,
  Comparison,
  CreateCycleInput,
  Cycle,
  GeneralPart,
  GeneralPartNynorsk,
  GeneralPartVersion,
  UpdateCycleInput,
  UpdateNynorskInput,
  UpdateSectionsInput,
} from '../../../shared/contracts/general-part';
import { api, query, uploadFile } from '../../shared/api';
import { cyclesKey } from '../../shared/current-cycle';

const generalPartKey = ['general-part'] as const;
const partKey = (cycleId: string) => [...generalPartKey, 'cycle', cycleId] as const;
const versionKey = (id: string) => [...generalPartKey, 'version', id] as const;

export function useGeneralPart(cycleId: string) {
  return useQuery({
    queryKey: partKey(cycleId),
    queryFn: () => api<GeneralPart>('GET', `/api/v1/cycles/${cycleId}/general-part`),
    enabled: cycleId !== '',
  });
}

export function useVersion(id: string) {
  return useQuery({
    queryKey: versionKey(id),
    queryFn: () => api<GeneralPartVersion>('GET', `/api/v1/general-part-versions/${id}`),
  });
}

export function useComparison(from: string, to: string) {
  return useQuery({
    queryKey: [...generalPartKey, 'compare', from, to],
    queryFn: () => api<Comparison>('GET', `/api/v1/general-part-versions/compare${query({ from, to })}`),
    enabled: Boolean(from && to),
  });
}

/**
 * After a change to a version, every list and comparison is read again; the changed version itself is put
 * in the cache as the server answered, so the screen shows it (with its new `version`) at once.
 */
function useVersionChanged() {
  const client = useQueryClient();
  return (saved: GeneralPartVersion) => {
    client.setQueryData(versionKey(saved.id), saved);
    return client.invalidateQueries({
      queryKey: generalPartKey,
      predicate: (q) => !(q.queryKey[1] === 'version' && q.queryKey[2] === saved.id),
    });
  };
}

export function useCreateCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCycleInput) => api<Cycle>('POST', '/api/v1/cycles', input),
    onSuccess: () => client.invalidateQueries({ queryKey: cyclesKey }),
  });
}

export function useUpdateCycle(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCycleInput) => api<Cycle>('PATCH', `/api/v1/cycles/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: cyclesKey }),
  });
}

export function useCreateDraft() {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: (sourceId: string) =>
      api<GeneralPartVersion>('POST', `/api/v1/general-part-versions/${sourceId}/drafts`),
    onSuccess: changed,
  });
}

export function useSaveSections(id: string) {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: (input: UpdateSectionsInput) =>
      api<GeneralPartVersion>('PUT', `/api/v1/general-part-versions/${id}/sections`, input),
    onSuccess: changed,
  });
}

export function useApproveVersion(id: string) {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: (input: ApproveVersionInput) =>
      api<GeneralPartVersion>('POST', `/api/v1/general-part-versions/${id}/approve`, input),
    onSuccess: changed,
  });
}

export const approvalAttachmentUrl = (id: string) => `/api/v1/approval-attachments/${encodeURIComponent(id)}`;

/** Attaches a document to an approved version's approval; the version is read again to list it. */
export function useUploadApprovalAttachment(versionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mediaType }: { file: File; mediaType: AttachmentMediaType }) =>
      uploadFile<ApprovalAttachment>(
        `/api/v1/general-part-versions/${encodeURIComponent(versionId)}/approval-attachments`,
        file,
        mediaType,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: versionKey(versionId) }),
  });
}

/** One version of the general part as a file; a region contact whose region writes nynorsk may get nynorsk. */
export const versionDocumentUrl = (id: string, format: 'docx' | 'pdf') =>
  `/api/v1/general-part-versions/${encodeURIComponent(id)}/document${query({ format })}`;

const nynorskKey = (id: string) => [...generalPartKey, 'nynorsk', id] as const;

export function useNynorsk(id: string) {
  return useQuery({
    queryKey: nynorskKey(id),
    queryFn: () =>
      api<GeneralPartNynorsk>('GET', `/api/v1/general-part-versions/${encodeURIComponent(id)}/nynorsk`),
  });
}

/** Saves an approved version's nynorsk text; the version (its `version` moved on) is read again. */
export function useSaveNynorsk(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateNynorskInput) =>
      api<GeneralPartNynorsk>(
        'PUT',
        `/api/v1/general-part-versions/${encodeURIComponent(id)}/nynorsk`,
        input,
      ),
    onSuccess: (saved) => {
      client.setQueryData(nynorskKey(id), saved);
      return client.invalidateQueries({ queryKey: versionKey(id) });
    },
  });
}
