import type { StatusReportFormat } from '../../../shared/contracts/status-report';
import { query } from '../../shared/api';

/** The cycle's status report as a file since a day; the server writes it in the user's language. */
export const statusReportUrl = (cycleId: string, format: StatusReportFormat, since: string) =>
  `/api/v1/cycles/${encodeURIComponent(cycleId)}/status-report${query({ format, since })}`;
