import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SpecialPart,
  SpecialPartAnswerInput,
  SpecialPartAnswerView,
  SpecialPartComparison,
  SpecialPartVersion,
  SpecialPartVersionSent,
  UpdateSpecialPartSectionsInput,
} from '../../../shared/contracts/special-part';
import { api, query } from '../../shared/api';

export { specialPartPath } from '../../../shared/contracts/paths';

/** Every query of the special part starts with this key: a change reads the lists and comparisons again. */
const specialPartKey = ['special-part'] as const;
const partKey = (agreementId: string) => [...specialPartKey, 'agreement', agreementId] as const;
const versionKey = (id: string) => [...specialPartKey, 'version', id] as const;
const enc = encodeURIComponent;

export function useSpecialPart(agreementId: string) {
  return useQuery({
    queryKey: partKey(agreementId),
    queryFn: () => api<SpecialPart>('GET', `/api/v1/agreements/${enc(agreementId)}/special-part`),
  });
}

export function useSpecialPartVersion(id: string) {
  return useQuery({
    queryKey: versionKey(id),
    queryFn: () => api<SpecialPartVersion>('GET', `/api/v1/special-part-versions/${enc(id)}`),
    enabled: id !== '',
  });
}

export const loadSpecialPartVersion = (id: string) =>
  api<SpecialPartVersion>('GET', `/api/v1/special-part-versions/${enc(id)}`);

export function useSpecialPartComparison(from: string, to: string) {
  return useQuery({
    queryKey: [...specialPartKey, 'compare', from, to],
    queryFn: () =>
      api<SpecialPartComparison>('GET', `/api/v1/special-part-versions/compare${query({ from, to })}`),
    enabled: Boolean(from && to),
  });
}

/** After a change the changed version is cached as the server answered; everything else is read again. */
function useVersionChanged() {
  const client = useQueryClient();
  return (saved: SpecialPartVersion) => {
    client.setQueryData(versionKey(saved.id), saved);
    return client.invalidateQueries({
      queryKey: specialPartKey,
      predicate: (q) => !(q.queryKey[1] === 'version' && q.queryKey[2] === saved.id),
    });
  };
}

export function useStartSpecialPart(agreementId: string) {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: () => api<SpecialPartVersion>('POST', `/api/v1/agreements/${enc(agreementId)}/special-part`),
    onSuccess: changed,
  });
}

export function useSaveSpecialPartSections(id: string) {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: (input: UpdateSpecialPartSectionsInput) =>
      api<SpecialPartVersion>('PUT', `/api/v1/special-part-versions/${enc(id)}/sections`, input),
    onSuccess: changed,
  });
}

export function useTransition(id: string, to: 'send' | 'agree') {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: (version: number) =>
      api<SpecialPartVersion>('POST', `/api/v1/special-part-versions/${enc(id)}/${to}`, { version }),
    onSuccess: changed,
  });
}

/** Sending answers with the version and what became of the e-mail to the region's contacts. */
export function useSendSpecialPart(id: string) {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: (version: number) =>
      api<SpecialPartVersionSent>('POST', `/api/v1/special-part-versions/${enc(id)}/send`, { version }),
    onSuccess: ({ mail: _mail, regionsWithoutContact: _unreached, ...version }) => changed(version),
  });
}

const answerKey = (versionId: string) => [...specialPartKey, 'answer', versionId] as const;

/** The region's answer to a version; asked only by those who may read it (not another region's contact). */
export function useSpecialPartAnswer(versionId: string, enabled: boolean) {
  return useQuery({
    queryKey: answerKey(versionId),
    queryFn: () =>
      api<SpecialPartAnswerView>('GET', `/api/v1/special-part-versions/${enc(versionId)}/answer`),
    enabled,
  });
}

export function useAnswerSpecialPart(versionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SpecialPartAnswerInput) =>
      api<SpecialPartAnswerView>('PUT', `/api/v1/special-part-versions/${enc(versionId)}/answer`, input),
    onSuccess: (view) => {
      client.setQueryData(answerKey(versionId), view);
      return client.invalidateQueries({ queryKey: ['my-tasks'] });
    },
  });
}

export function useCreateSpecialPartDraft() {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: (sourceId: string) =>
      api<SpecialPartVersion>('POST', `/api/v1/special-part-versions/${enc(sourceId)}/drafts`),
    onSuccess: changed,
  });
}

/**
 * The sections of an agreement's special part as it stands now: its draft, else the agreed version, else
 * the newest; none before the special part is started. For choosing a section (a meeting's action).
 */
export function useSpecialPartSections(agreementId: string) {
  const part = useSpecialPart(agreementId);
  const id = part.data
    ? (part.data.draftVersionId ?? part.data.currentVersionId ?? part.data.versions[0]?.id ?? '')
    : '';
  const version = useSpecialPartVersion(id);
  return {
    sections: version.data?.sections ?? [],
    pending: part.isPending || (id !== '' && version.isPending),
  };
}
