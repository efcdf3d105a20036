/**
 * What the agreements' pages show from the agreement document: the download buttons of one agreement
 * (AgreementDownloads, in its page's header) and the coordinator's archive of every agreement of a cycle
 * (AgreementArchivePanel, on the list), and where one agreement's document is downloaded (agreementDocumentUrl),
 * which a political case lists among its attachments. The server makes the documents; this feature asks for
 * them.
 */
export { AgreementArchivePanel } from './AgreementArchivePanel';
export { AgreementDownloads } from './AgreementDownloads';
export { agreementDocumentUrl } from './agreement-document.api';
