import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementAdoption,
  RecordAdoptionInput,
  ResolveDivergenceInput,
} from '../../../shared/contracts/adoption';
import type { PoliticalBodyWithPlan } from '../../../shared/contracts/bodies';
import type { AttachmentMediaType } from '../../../shared/contracts/common';
import type { SpecialPart } from '../../../shared/contracts/special-part';
import { api, uploadFile } from '../../shared/api';

const enc = encodeURIComponent;

/** Every query of this feature starts with this key. */
const adoptionKey = ['adoption'] as const;
const agreementKey = (agreementId: string) => [...adoptionKey, 'agreement', agreementId] as const;
const councilKey = (bodyId: string) => [...adoptionKey, 'council', bodyId] as const;

/** An agreement's adoption: the member municipalities' decisions, the changes and the county's treatment. */
export function useAdoption(agreementId: string) {
  return useQuery({
    queryKey: agreementKey(agreementId),
    queryFn: () => api<AgreementAdoption>('GET', `/api/v1/agreements/${enc(agreementId)}/adoption`),
  });
}

const councilQuery = (bodyId: string) => ({
  queryKey: councilKey(bodyId),
  queryFn: () => api<PoliticalBodyWithPlan>('GET', `/api/v1/bodies/${enc(bodyId)}`),
});

/** A municipal council with its meeting plan (null: the council is not made yet). */
export function useCouncil(bodyId: string | null) {
  return useQuery({ ...councilQuery(bodyId ?? ''), enabled: Boolean(bodyId) });
}

/** The plans of several councils, for the dates of the meetings decisions were made in. */
export function useCouncils(bodyIds: readonly string[]) {
  return useQueries({ queries: [...new Set(bodyIds)].map(councilQuery) });
}

/** The agreement's special part versions, to choose the one a change was taken into. */
export function useSpecialPartVersions(agreementId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...adoptionKey, 'special-part', agreementId],
    queryFn: () => api<SpecialPart>('GET', `/api/v1/agreements/${enc(agreementId)}/special-part`),
    enabled,
    select: (part) => part.versions,
  });
}

/**
 * A write of this feature answers the agreement's adoption as it now stands: kept at once, and everything
 * else read again, since the agreement's phase (its tag, the progress, the overview) follows it.
 */
function useWrite<In>(agreementId: string, send: (input: In) => Promise<AgreementAdoption>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (adoption) => {
      qc.setQueryData(agreementKey(agreementId), adoption);
      return qc.invalidateQueries({
        predicate: (q) => !(q.queryKey[0] === adoptionKey[0] && q.queryKey[1] === 'agreement'),
      });
    },
  });
}

export const useRecordAdoption = (agreementId: string) =>
  useWrite(agreementId, ({ municipalityId, ...body }: RecordAdoptionInput & { municipalityId: string }) =>
    api<AgreementAdoption>(
      'PUT',
      `/api/v1/agreements/${enc(agreementId)}/adoption/${enc(municipalityId)}`,
      body,
    ),
  );

export const useResolveDivergence = (agreementId: string) =>
  useWrite(agreementId, ({ id, ...body }: ResolveDivergenceInput & { id: string }) =>
    api<AgreementAdoption>('POST', `/api/v1/divergences/${enc(id)}/resolve`, body),
  );

const protocolPath = (agreementId: string, municipalityId: string) =>
  `/api/v1/agreements/${enc(agreementId)}/adoption/${enc(municipalityId)}/protocol`;

/** Where a council's attached protocol is downloaded. */
export const protocolUrl = protocolPath;

/** Attaches the council's protocol to its recorded decision (replacing the one before). */
export const useAttachProtocol = (agreementId: string) =>
  useWrite(
    agreementId,
    ({
      municipalityId,
      file,
      mediaType,
    }: {
      municipalityId: string;
      file: File;
      mediaType: AttachmentMediaType;
    }) => uploadFile<AgreementAdoption>(protocolPath(agreementId, municipalityId), file, mediaType, 'PUT'),
  );
