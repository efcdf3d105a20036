import { z } from 'zod';
import { Email, requiredText } from '../../shared/contracts/common.js';
import type { Tx } from '../db/client.js';
import { requestJob } from '../jobs/request-job.js';
import { parse } from '../platform/authorize.js';
import { mailOutbox } from './mail.table.js';
import { sendMailJob } from './send-mail.js';

const MailInput = z.object({
  to: Email,
  // A line break in a subject would start a new header line: refused outright rather than cleaned.
  subject: requiredText(300).refine((s) => !/[\r\n]/.test(s), { error: 'validation.invalid' }),
  text: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(200_000),
  /** Made by our own templates from sanitised text; sent as given. */
  html: z.string().max(500_000).nullish(),
  /** What the message is about, shown to the admin with it (e.g. `hearing` and its id). */
  related: z.object({ type: z.string().min(1).max(100), id: z.string().min(1).max(100) }).nullish(),
  /** A message with a key is queued once only, however often it is asked for (a reminder, say). */
  key: z.string().min(1).max(300).nullish(),
  /** One file sent with the message, as text: a calendar invitation (`text/calendar; method=REQUEST`). */
  attachment: z
    .object({
      filename: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[\w.-]+$/),
      contentType: z
        .string()
        .min(1)
        .max(200)
        .refine((s) => !/[\r\n]/.test(s), { error: 'validation.invalid' }),
      content: z.string().min(1).max(1_000_000),
    })
    .nullish(),
});
export type MailMessage = z.input<typeof MailInput>;

/**
 * Queues an e-mail inside the caller's transaction: the message and its send job are written with the
 * change that caused them, so a message goes out only if that change commits. The caller audits its own
 * action; the message itself is not a user's write. Returns the message's id, or null when a message
 * with the same key was queued before (nothing is queued then).
 */
export async function queueMail(tx: Tx, message: MailMessage): Promise<string | null> {
  const m = parse(MailInput, message);
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html ?? null,
      entityType: m.related?.type ?? null,
      entityId: m.related?.id ?? null,
      key: m.key ?? null,
      attachmentName: m.attachment?.filename ?? null,
      attachmentType: m.attachment?.contentType ?? null,
      attachmentContent: m.attachment?.content ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.key })
    .returning({ id: mailOutbox.id });
  if (!row) return null;
  await requestJob(tx, sendMailJob, { messageId: row.id });
  return row.id;
}
