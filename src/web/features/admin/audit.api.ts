import { useQuery } from '@tanstack/react-query';
import type { AuditActions, AuditEvent } from '../../../shared/contracts/audit';
import { api } from '../../shared/api';
import { usePagedList } from '../../shared/use-paged-list';
import { adminKey } from './admin-key';

export const useAuditList = (params: Record<string, string>) =>
  usePagedList<AuditEvent>([...adminKey, 'audit'], '/api/v1/audit-events', params);

export function useAuditActions() {
  return useQuery({
    queryKey: [...adminKey, 'audit-actions'],
    queryFn: async () => (await api<AuditActions>('GET', '/api/v1/audit-events/actions')).items,
  });
}
