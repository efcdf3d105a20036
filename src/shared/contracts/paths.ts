/**
 * Where the web app shows things, for links and for the e-mails that point into it. Kept apart from the
 * contract modules, which build their zod schemas when loaded: a page that only links to an agreement, a
 * hearing or a meeting (the start page) then loads no zod (issue 15, item 7). The contract modules export
 * these again, so either import works.
 */

export const agreementPath = (id: string) => `/avtaler/${id}`;

export const contributionsPath = (agreementId: string, contributionId?: string) =>
  `/avtaler/${agreementId}/bidrag${contributionId ? `#bidrag-${contributionId}` : ''}`;

/** An agreement's special part, at one of its versions when named. */
export const specialPartPath = (agreementId: string, versionId?: string) =>
  `/avtaler/${agreementId}/spesiell-del${versionId ? `?versjon=${versionId}` : ''}`;

export const hearingPath = (id: string) => `/horinger/${id}`;

export const meetingPath = (id: string) => `/moter/${id}`;
