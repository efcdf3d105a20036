import { z } from 'zod';

/**
 * Validation messages are catalogue keys (`validation.*`), translated where they are shown: by the server
 * into problem+json in the caller's language, and by the web app next to the field.
 */
export const roles = ['admin', 'department', 'region', 'viewer'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const locales = ['nb', 'nn', 'en'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

export const Id = z.string().uuid({ error: 'validation.id' });

/** A missing value is "required"; a value of the wrong type is "must be text". */
export const missingOrText = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.text';

/** A required, trimmed line of text. */
export const requiredText = (max: number) =>
  z
    .string({ error: missingOrText })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });

/** An optional line of text: empty means none. */
export const optionalText = (max: number) =>
  z
    .string({ error: 'validation.text' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date (ISO 8601, no time), checked to exist. */
export const IsoDate = z
  .string({ error: 'validation.date' })
  .regex(isoDatePattern, { error: 'validation.date' })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    { error: 'validation.date' },
  );

export const optionalIsoDate = IsoDate.nullish().transform((v) => v ?? null);

export const Email = z
  .string({ error: missingOrText })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(254, { error: 'validation.tooLong' })
  .email({ error: 'validation.email' })
  .transform((v) => v.toLowerCase());

export const Version = z.number({ error: 'validation.version' }).int().min(1);

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  // A cursor holds the last row's sort key, which may be a 200-character name.
  cursor: z.string().max(2000).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdParams = z.object({ id: Id });

export const FieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error leaves the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

// ---- Uploaded files (a hearing input's attachments, an approval's decision document) ----

export const attachmentMediaTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export const AttachmentMediaType = z.enum(attachmentMediaTypes);
export type AttachmentMediaType = z.infer<typeof AttachmentMediaType>;
/** The most one attachment may take. */
export const attachmentMaxBytes = 10 * 1024 * 1024;

/** An upload's query: the raw file is the body, its type the Content-Type, its name here. */
export const AttachmentQuery = z.object({
  filename: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(255, { error: 'validation.tooLong' }),
});
export type AttachmentQuery = z.infer<typeof AttachmentQuery>;

/** What is told of an uploaded file once it is stored: its name, checked type, size and SHA-256, and when. */
export const UploadedFile = z.object({
  filename: z.string(),
  mediaType: AttachmentMediaType,
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
