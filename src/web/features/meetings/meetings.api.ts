import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgendaItem,
  ChangeMeetingStateInput,
  CreateAgendaItemInput,
  CreateMeetingBody,
  MarkOutcomeDoneInput,
  Meeting,
  MeetingComment,
  MeetingListQuery,
  MeetingMoved,
  MeetingSummary,
  MoveAgendaItemInput,
  Outcome,
  OutcomeBody,
  RegisterMeetingBody,
  ReplaceParticipantsBody,
  UpdateAgendaItemInput,
  UpdateMeetingBody,
  UpdateOutcomeBody,
} from '../../../shared/contracts/meetings';
import type { RichTextDoc } from '../../../shared/contracts/rich-text';
import { api, query } from '../../shared/api';
import { usePagedList } from '../../shared/use-paged-list';

/**
 * Every query of this feature starts with this key: a change to a meeting reads the lists and the meeting
 * again. An action's done mark also changes "Mine oppgaver", so its queries are marked stale too.
 */
export const meetingsKey = ['meetings'] as const;
const dependentKeys = [['my-tasks']] as const;

const enc = encodeURIComponent;

/** The meetings the filters find, earliest first, a page at a time ("Vis flere" adds the next). */
export function useMeetings(filters: Omit<MeetingListQuery, 'limit' | 'cursor'>) {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (v) params[k] = v;
  return usePagedList<MeetingSummary>([...meetingsKey, 'list'], '/api/v1/meetings', params);
}

const meetingQuery = (id: string) => ({
  queryKey: [...meetingsKey, 'meeting', id],
  queryFn: () => api<Meeting>('GET', `/api/v1/meetings/${enc(id)}`),
});

export function useMeeting(id: string) {
  return useQuery(meetingQuery(id));
}

/** Reads a meeting again now (after an edit conflict), and answers it as it is saved. */
export function useReloadMeeting() {
  const qc = useQueryClient();
  return (id: string) => qc.fetchQuery({ ...meetingQuery(id), staleTime: 0 });
}

function useInvalidate() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: meetingsKey }),
      ...dependentKeys.map((key) => qc.invalidateQueries({ queryKey: key })),
    ]);
  };
}

/** A write of this feature: the meetings (and what depends on them) are read again once it is done. */
function useWrite<In, Out>(send: (input: In) => Promise<Out>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: send, onSuccess: invalidate });
}

export const useCreateMeeting = () =>
  useWrite((body: CreateMeetingBody) => api<Meeting>('POST', '/api/v1/meetings', body));

/** A meeting that took place before, registered afterwards: nobody is invited or e-mailed. */
export const useRegisterMeeting = () =>
  useWrite((body: RegisterMeetingBody) =>
    api<Meeting>('POST', '/api/v1/meetings/registered-afterwards', body),
  );

export const useUpdateMeeting = () =>
  useWrite(({ id, ...body }: UpdateMeetingBody & { id: string }) =>
    api<Meeting>('PATCH', `/api/v1/meetings/${enc(id)}`, body),
  );

export const useChangeMeetingState = () =>
  useWrite(({ id, ...body }: ChangeMeetingStateInput & { id: string }) =>
    api<MeetingMoved>('POST', `/api/v1/meetings/${enc(id)}/state`, body),
  );

export const useReplaceParticipants = () =>
  useWrite(({ id, ...body }: ReplaceParticipantsBody & { id: string }) =>
    api<Meeting>('PUT', `/api/v1/meetings/${enc(id)}/participants`, body),
  );

export const useWriteMinutes = () =>
  useWrite(({ id, ...body }: { id: string; minutes: RichTextDoc; version: number }) =>
    api<Meeting>('PUT', `/api/v1/meetings/${enc(id)}/minutes`, body),
  );

export const useAddAgendaItem = () =>
  useWrite(({ meetingId, ...body }: CreateAgendaItemInput & { meetingId: string }) =>
    api<AgendaItem>('POST', `/api/v1/meetings/${enc(meetingId)}/agenda-items`, body),
  );

export const useUpdateAgendaItem = () =>
  useWrite(({ id, ...body }: UpdateAgendaItemInput & { id: string }) =>
    api<AgendaItem>('PATCH', `/api/v1/agenda-items/${enc(id)}`, body),
  );

export const useAcceptAgendaItem = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api<AgendaItem>('POST', `/api/v1/agenda-items/${enc(id)}/accept`, { version }),
  );

export const useMoveAgendaItem = () =>
  useWrite(({ id, ...body }: MoveAgendaItemInput & { id: string }) =>
    api<AgendaItem>('POST', `/api/v1/agenda-items/${enc(id)}/move`, body),
  );

export const useDeleteAgendaItem = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api<void>('DELETE', `/api/v1/agenda-items/${enc(id)}${query({ version })}`),
  );

export const useAddOutcome = () =>
  useWrite(({ meetingId, ...body }: OutcomeBody & { meetingId: string }) =>
    api<Outcome>('POST', `/api/v1/meetings/${enc(meetingId)}/outcomes`, body),
  );

export const useUpdateOutcome = () =>
  useWrite(({ id, ...body }: UpdateOutcomeBody & { id: string }) =>
    api<Outcome>('PATCH', `/api/v1/outcomes/${enc(id)}`, body),
  );

export const useDeleteOutcome = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api<void>('DELETE', `/api/v1/outcomes/${enc(id)}${query({ version })}`),
  );

export const useMarkOutcomeDone = () =>
  useWrite(({ id, ...body }: MarkOutcomeDoneInput & { id: string }) =>
    api<Outcome>('POST', `/api/v1/outcomes/${enc(id)}/done`, body),
  );

export const useAddMeetingComment = () =>
  useWrite(({ meetingId, body }: { meetingId: string; body: string }) =>
    api<MeetingComment>('POST', `/api/v1/meetings/${enc(meetingId)}/comments`, { body }),
  );
