import { eq } from 'drizzle-orm';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import type { StoredFile } from '../platform/files.js';
import { assertId } from '../platform/ids.js';
import { approvalAttachments } from './general-part.table.js';

/**
 * An approval's document, for everyone signed in: the approval is public within the county, as the
 * version's text and decision are.
 */
export async function getApprovalAttachment(ctx: Ctx, id: string): Promise<StoredFile> {
  const { db } = authorize(ctx, everyone);
  assertId(id);
  const [file] = await db
    .select({
      filename: approvalAttachments.filename,
      mediaType: approvalAttachments.mediaType,
      content: approvalAttachments.content,
    })
    .from(approvalAttachments)
    .where(eq(approvalAttachments.id, id));
  if (!file) throw notFound();
  return file;
}
