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

/**
 * Text that can be stored and shown: no NUL character (PostgreSQL refuses it in text) and no lone UTF-16
 * surrogate (half of a character, which PostgreSQL refuses in JSON and no renderer can draw). Every string
 * the API takes is held to this, by the shared helpers here and, for all input, by the server before
 * validation (`platform/http/input-guard.ts`).
 */
export function isStorableText(value: string): boolean {
  return !unstorable.test(value);
}
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for.
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The catalogue key of text with a character that cannot be stored. */
export const unstorableTextKey = 'validation.characters';

/** Any string, held to {@link isStorableText}: the base of every text field of a request. */
export const safeString = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isStorableText, { error: unstorableTextKey, abort: true });

/** A missing value is "required"; a value of the wrong type is "must be text". */
export const missingOrText = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.text';

/** A required, trimmed line of text. */
export const requiredText = (max: number) =>
  safeString({ error: missingOrText })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });

/** An optional line of text: empty means none. */
export const optionalText = (max: number) =>
  safeString({ error: 'validation.text' })
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * The years a date of the partnership may fall in. Outside them a date is a slip of the keyboard (0202 for
 * 2020), and some are no date the database can hold (year 0).
 */
export const dateRange = { minYear: 1900, maxYear: 2200 } as const;
const yearInRange = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= dateRange.minYear && year <= dateRange.maxYear;
};

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date (ISO 8601, no time), checked to exist, from 1900 to 2200. */
export const IsoDate = z
  .string({ error: 'validation.date' })
  .regex(isoDatePattern, { error: 'validation.date', abort: true })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    { error: 'validation.date', abort: true },
  )
  .refine(yearInRange, { error: 'validation.dateRange' });

/** A moment (ISO 8601 with an offset, `2025-03-04T10:00:00+01:00`), from 1900 to 2200. */
export const IsoDateTime = z.iso
  .datetime({ offset: true, error: 'validation.dateTime', abort: true })
  .refine(yearInRange, { error: 'validation.dateRange' });

export const optionalIsoDate = IsoDate.nullish().transform((v) => v ?? null);

export const Email = safeString({ error: missingOrText })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(254, { error: 'validation.tooLong' })
  .email({ error: 'validation.email' })
  .transform((v) => v.toLowerCase());

export const Version = z.number({ error: 'validation.version' }).int().min(1);

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  // A cursor holds the last row's sort key, which may be a 200-character name.
  cursor: safeString().max(2000).optional(),
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
  filename: safeString({ error: 'validation.required' })
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
