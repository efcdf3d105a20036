import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { InputSummary } from '../../../shared/contracts/hearing-summary';
import type {
  Attachment,
  AttachmentMediaType,
  CloseHearingInput,
  CreateDispositionInput,
  Disposition,
  ExtendHearingInput,
  Hearing,
  HearingInput,
  HearingMailed,
  HearingOverview,
  HearingState,
  HearingSummary,
  OpenHearingInput,
  RegisterHearingInput,
  SubmitInputInput,
  UpdateDispositionInput,
  UpdateInputInput,
} from '../../../shared/contracts/hearings';
import type { Region } from '../../../shared/contracts/registry';
import { ApiError, api, query, uploadFile } from '../../shared/api';
import type { Paged } from '../../shared/use-paged-list';

/**
 * Every query of this feature starts with this key: any change to a hearing, an input or a disposition
 * reads the lists, the hearing, its overview and its summary again, since each change moves their counts.
 */
export const hearingsKey = ['hearings'] as const;

/** A cycle's hearings (all cycles without one), optionally only open or closed ones. Not paged: a handful. */
export function useHearings(params: { cycle?: string; state?: HearingState }, enabled = true) {
  return useQuery({
    queryKey: [...hearingsKey, 'list', params],
    queryFn: () => api<Paged<HearingSummary>>('GET', `/api/v1/hearings${query(params)}`),
    select: (page) => page.items,
    enabled,
  });
}

export function useHearing(id: string) {
  return useQuery({
    queryKey: [...hearingsKey, 'hearing', id],
    queryFn: () => api<Hearing>('GET', `/api/v1/hearings/${encodeURIComponent(id)}`),
  });
}

/** How many inputs the hearing screen and the dispositions table fetch at a time. */
export const inputPageSize = 100;

/**
 * The hearing screen: the tallies per region and per section (the same on every page), and the inputs the
 * filters select in the document's order, `inputPageSize` at a time; `loadMore` adds the next page below the
 * inputs shown. With `paged` false every input comes at once: a region contact's own input while the
 * hearing is open, at most one per section, which their form shows whole. A new filter keeps the last
 * answer on screen until its own comes, so the tallies and the filters stay where they are.
 */
export function useHearingOverview(id: string, filters: Record<string, string> = {}, paged = true) {
  const list = useInfiniteQuery({
    queryKey: [...hearingsKey, 'overview', id, filters, paged],
    queryFn: ({ pageParam }) =>
      api<HearingOverview>(
        'GET',
        `/api/v1/hearings/${encodeURIComponent(id)}/overview${query({
          ...filters,
          ...(paged ? { limit: inputPageSize, cursor: pageParam } : {}),
        })}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = list.data?.pages ?? [];
  return {
    list,
    first: pages[0],
    inputs: pages.flatMap((p) => p.inputs),
    hasMore: list.hasNextPage,
    loadingMore: list.isFetchingNextPage,
    loadMore: () => void list.fetchNextPage(),
  };
}
export type HearingOverviewPages = ReturnType<typeof useHearingOverview>;

export function useSummary(id: string) {
  return useQuery({
    queryKey: [...hearingsKey, 'summary', id],
    queryFn: () => api<InputSummary>('GET', `/api/v1/hearings/${encodeURIComponent(id)}/summary`),
  });
}

/** Where the summary is downloaded as a document; the server names the file. */
export const summaryFileUrl = (id: string, format: 'docx' | 'pdf') =>
  `/api/v1/hearings/${encodeURIComponent(id)}/summary${query({ format })}`;

export const attachmentUrl = (id: string) => `/api/v1/input-attachments/${encodeURIComponent(id)}`;

/** The regions that can be invited: every region of the county (a dozen or two, one request). */
export function useRegions() {
  return useQuery({
    queryKey: [...hearingsKey, 'regions'],
    queryFn: () => api<Paged<Region>>('GET', `/api/v1/regions${query({ limit: 500 })}`),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}

/**
 * After a change, everything about hearings is read again, and so is the general part: opening a hearing
 * sends its version on hearing, which the general part's screens show.
 */
function useChanged() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: hearingsKey }),
      client.invalidateQueries({ queryKey: ['general-part'] }),
    ]);
}

/**
 * A change refused because someone else changed the same thing first (409): what is on screen is old, so it
 * is read again, and the next try starts from what is saved now.
 */
function useRefreshOnConflict() {
  const client = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 409)
      void client.invalidateQueries({ queryKey: hearingsKey });
  };
}

export function useOpenHearing() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: OpenHearingInput) => api<HearingMailed>('POST', '/api/v1/hearings', input),
    onSuccess: changed,
  });
}

/** Registers a hearing that took place before: nobody is e-mailed. */
export function useRegisterHearing() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: RegisterHearingInput) =>
      api<Hearing>('POST', '/api/v1/hearings/registered-afterwards', input),
    onSuccess: changed,
  });
}

export function useExtendHearing(id: string) {
  const changed = useChanged();
  const conflict = useRefreshOnConflict();
  return useMutation({
    mutationFn: (input: ExtendHearingInput) =>
      api<HearingMailed>('POST', `/api/v1/hearings/${encodeURIComponent(id)}/extend`, input),
    onSuccess: changed,
    onError: conflict,
  });
}

export function useCloseHearing(id: string) {
  const changed = useChanged();
  const conflict = useRefreshOnConflict();
  return useMutation({
    mutationFn: (input: CloseHearingInput) =>
      api<Hearing>('POST', `/api/v1/hearings/${encodeURIComponent(id)}/close`, input),
    onSuccess: changed,
    onError: conflict,
  });
}

export function useSubmitInput(hearingId: string) {
  const changed = useChanged();
  const conflict = useRefreshOnConflict();
  return useMutation({
    mutationFn: (input: SubmitInputInput) =>
      api<HearingInput>('POST', `/api/v1/hearings/${encodeURIComponent(hearingId)}/inputs`, input),
    onSuccess: changed,
    onError: conflict,
  });
}

export function useUpdateInput() {
  const changed = useChanged();
  const conflict = useRefreshOnConflict();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateInputInput & { id: string }) =>
      api<HearingInput>('PATCH', `/api/v1/hearing-inputs/${encodeURIComponent(id)}`, input),
    onSuccess: changed,
    onError: conflict,
  });
}

export function useWithdrawInput() {
  const changed = useChanged();
  const conflict = useRefreshOnConflict();
  return useMutation({
    mutationFn: (input: Pick<HearingInput, 'id' | 'version'>) =>
      api<void>(
        'DELETE',
        `/api/v1/hearing-inputs/${encodeURIComponent(input.id)}${query({ version: input.version })}`,
      ),
    onSuccess: changed,
    onError: conflict,
  });
}

export function useUploadAttachment() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({
      inputId,
      file,
      mediaType,
    }: {
      inputId: string;
      file: File;
      mediaType: AttachmentMediaType;
    }) =>
      uploadFile<Attachment>(
        `/api/v1/hearing-inputs/${encodeURIComponent(inputId)}/attachments`,
        file,
        mediaType,
      ),
    onSuccess: changed,
  });
}

export function useCreateDisposition(hearingId: string) {
  const changed = useChanged();
  const conflict = useRefreshOnConflict();
  return useMutation({
    mutationFn: (input: CreateDispositionInput) =>
      api<Disposition>('POST', `/api/v1/hearings/${encodeURIComponent(hearingId)}/dispositions`, input),
    onSuccess: changed,
    onError: conflict,
  });
}

export function useUpdateDisposition() {
  const changed = useChanged();
  const conflict = useRefreshOnConflict();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateDispositionInput & { id: string }) =>
      api<Disposition>('PATCH', `/api/v1/dispositions/${encodeURIComponent(id)}`, input),
    onSuccess: changed,
    onError: conflict,
  });
}
