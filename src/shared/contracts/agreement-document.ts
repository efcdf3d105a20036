import { z } from 'zod';

/**
 * The agreement as a document (DOCX or PDF), and all agreements of a cycle as one ZIP made in the
 * background (an agreement archive) whose progress the app polls.
 */

export const agreementDocumentFormats = ['docx', 'pdf'] as const;
export const AgreementDocumentFormat = z.enum(agreementDocumentFormats, { error: 'validation.invalid' });
export type AgreementDocumentFormat = z.infer<typeof AgreementDocumentFormat>;

export const AgreementDocumentQuery = z.object({ format: AgreementDocumentFormat });
export type AgreementDocumentQuery = z.infer<typeof AgreementDocumentQuery>;

export const archiveStates = ['queued', 'running', 'done', 'failed'] as const;
export const ArchiveState = z.enum(archiveStates);
export type ArchiveState = z.infer<typeof ArchiveState>;

/**
 * Why an archive failed, as a code the app translates: `document` when an agreement could not be
 * rendered, `unexpected` for anything else. The details are in the server's log, never sent.
 */
export const archiveFailures = ['document', 'unexpected'] as const;
export const ArchiveFailure = z.enum(archiveFailures);
export type ArchiveFailure = z.infer<typeof ArchiveFailure>;

export const AgreementArchive = z.object({
  id: z.string(),
  cycleId: z.string(),
  state: ArchiveState,
  /** Agreements rendered so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  /** Set when the archive is done. */
  filename: z.string().nullable(),
  size: z.number().int().nullable(),
  failure: ArchiveFailure.nullable(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type AgreementArchive = z.infer<typeof AgreementArchive>;
