import { and, eq } from 'drizzle-orm';
import type { AttachmentMediaType } from '../../shared/contracts/hearings.js';
import { authorize, everyone } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { hearingInputs, inputAttachments } from './hearing.table.js';
import { closedForInput, findHearing, isInvited, visibleInputs } from './hearing-rules.js';
import { assertInputId } from './input-rules.js';

export type AttachmentFile = { filename: string; mediaType: AttachmentMediaType; content: Buffer };

/**
 * An attachment's file, for whoever may see its input (the same rule as the input list); to anyone else
 * it does not exist (404). The file is read only once that is settled.
 */
export async function getAttachment(ctx: Ctx, id: string): Promise<AttachmentFile> {
  const { db, actor } = authorize(ctx, everyone);
  assertInputId(id);
  const [meta] = await db
    .select({ inputId: inputAttachments.inputId, hearingId: hearingInputs.hearingId })
    .from(inputAttachments)
    .innerJoin(hearingInputs, eq(hearingInputs.id, inputAttachments.inputId))
    .where(eq(inputAttachments.id, id));
  if (!meta) throw notFound();
  const hearing = await findHearing(db, meta.hearingId);
  if (actor.role === 'region' && !(actor.regionId && (await isInvited(db, hearing.id, actor.regionId)))) {
    throw notFound();
  }
  const closed = closedForInput(hearing, await databaseNow(db));
  const [visible] = await db
    .select({ id: hearingInputs.id })
    .from(hearingInputs)
    .where(and(eq(hearingInputs.id, meta.inputId), visibleInputs(actor, closed)));
  if (!visible) throw notFound();
  const [file] = await db
    .select({
      filename: inputAttachments.filename,
      mediaType: inputAttachments.mediaType,
      content: inputAttachments.content,
    })
    .from(inputAttachments)
    .where(eq(inputAttachments.id, id));
  if (!file) throw notFound();
  return { ...file, mediaType: file.mediaType as AttachmentMediaType };
}
