/**
 * The cycle's status report for the agreements list (StatusReportPanel): the county's people choose a day
 * and download the report as DOCX or PDF. The server makes the document; this feature asks for it.
 */
export { StatusReportPanel } from './StatusReportPanel';
