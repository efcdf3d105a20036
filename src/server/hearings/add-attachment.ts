import { count, eq } from 'drizzle-orm';
import { type Attachment, maxAttachmentsPerInput } from '../../shared/contracts/hearings.js';
import { appendAudit } from '../audit/append-audit.js';
import { cacheScope } from '../audit/cache-scopes.js';
import { authorize } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, forbidden, notFound } from '../platform/errors.js';
import { checkFile } from '../platform/files.js';
import { toAttachment } from './hearing.mapper.js';
import { hearingInputs, inputAttachments } from './hearing.table.js';
import { closedForInput, lockHearing } from './hearing-rules.js';
import { assertInputId, assertMayChangeInput } from './input-rules.js';
import { inputWriters } from './submit-input.js';

export type Upload = { filename: string; mediaType: string; content: Buffer };

/**
 * Attaches a PDF or DOCX (at most 10 MB, checked by content) to an input. A region contact attaches to
 * their own region's input while the hearing is open; the admin to any input at any time (a document a
 * region sent by e-mail, say). The file is kept in the database with its SHA-256.
 */
export async function addAttachment(ctx: Ctx, inputId: string, upload: Upload): Promise<Attachment> {
  const actx = authorize(ctx, inputWriters);
  const { actor } = actx;
  assertInputId(inputId);
  const file = await checkFile(upload.filename, upload.mediaType, upload.content);
  return actx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ hearingId: hearingInputs.hearingId })
      .from(hearingInputs)
      .where(eq(hearingInputs.id, inputId));
    if (!found) throw notFound();
    const hearing = await lockHearing(tx, found.hearingId, 'share');
    const [input] = await tx.select().from(hearingInputs).where(eq(hearingInputs.id, inputId)).for('update');
    if (!input) throw notFound();
    if (actor.role === 'region') {
      await assertMayChangeInput(tx, actor, input, closedForInput(hearing, await databaseNow(tx)));
    } else if (actor.role !== 'admin') {
      throw forbidden();
    } else if (input.withdrawnAt) {
      throw conflict('validation.inputWithdrawn');
    }
    const [attached] = await tx
      .select({ n: count() })
      .from(inputAttachments)
      .where(eq(inputAttachments.inputId, inputId));
    if ((attached?.n ?? 0) >= maxAttachmentsPerInput) throw conflict('validation.tooManyAttachments');

    const [row] = await tx
      .insert(inputAttachments)
      .values({ inputId, ...file, content: upload.content, uploadedBy: userIdOf(actor) })
      .returning({
        id: inputAttachments.id,
        inputId: inputAttachments.inputId,
        filename: inputAttachments.filename,
        mediaType: inputAttachments.mediaType,
        size: inputAttachments.size,
        sha256: inputAttachments.sha256,
        createdAt: inputAttachments.createdAt,
      });
    if (!row) throw new Error('insert returned nothing');
    const attachment = toAttachment(row);
    await appendAudit(tx, actx, {
      action: 'attachment.create',
      scopes: [cacheScope.hearing(found.hearingId)],
      entityType: 'inputAttachment',
      entityId: row.id,
      before: null,
      after: attachment,
    });
    return attachment;
  });
}
