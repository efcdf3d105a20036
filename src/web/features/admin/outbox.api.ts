import { useQuery } from '@tanstack/react-query';
import type { OutboxMessage, OutboxSummary } from '../../../shared/contracts/mail';
import { api } from '../../shared/api';
import { usePagedList } from '../../shared/use-paged-list';
import { adminKey } from './admin-key';

/** The outbox, newest first, filtered by `status` and part of the recipient's address (`to`). */
export const useOutboxList = (params: Record<string, string>) =>
  usePagedList<OutboxSummary>([...adminKey, 'outbox'], '/api/v1/outbox', params);

/** One message with its text. */
export function useOutboxMessage(id: string) {
  return useQuery({
    queryKey: [...adminKey, 'outbox-message', id],
    queryFn: () => api<OutboxMessage>('GET', `/api/v1/outbox/${encodeURIComponent(id)}`),
  });
}
