import { count, eq } from 'drizzle-orm';
import { type ApprovalAttachment, maxApprovalAttachments } from '../../shared/contracts/general-part.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { userIdOf } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';
import { checkFile, type Upload } from '../platform/files.js';
import { assertId } from '../platform/ids.js';
import { approvalAttachmentColumns, toApprovalAttachment } from './general-part.mapper.js';
import { approvalAttachments, generalPartVersions } from './general-part.table.js';

/**
 * Attaches a document to a version's approval: the signed decision (saksprotokoll) or the case it was made
 * on, PDF or DOCX, at most 10 MB, checked by content. Only an approved version has an approval to attach
 * to (409 otherwise). The version is locked while the file is added, so an approval of another version
 * cannot supersede it half-way; the version itself (its text, its `version`) does not change.
 */
export async function addApprovalAttachment(
  ctx: Ctx,
  versionId: string,
  upload: Upload,
): Promise<ApprovalAttachment> {
  const actx = authorize(ctx, adminOnly);
  assertId(versionId);
  const file = await checkFile(upload.filename, upload.mediaType, upload.content);
  return actx.db.transaction(async (tx) => {
    const [version] = await tx
      .select({ state: generalPartVersions.state })
      .from(generalPartVersions)
      .where(eq(generalPartVersions.id, versionId))
      .for('update');
    if (!version) throw notFound();
    if (version.state !== 'approved') throw conflict('validation.versionNotApproved');
    const [attached] = await tx
      .select({ n: count() })
      .from(approvalAttachments)
      .where(eq(approvalAttachments.versionId, versionId));
    if ((attached?.n ?? 0) >= maxApprovalAttachments) throw conflict('validation.tooManyApprovalAttachments');

    const [row] = await tx
      .insert(approvalAttachments)
      .values({ versionId, ...file, content: upload.content, uploadedBy: userIdOf(actx.actor) })
      .returning(approvalAttachmentColumns);
    if (!row) throw new Error('insert returned nothing');
    const attachment = toApprovalAttachment(row);
    await appendAudit(tx, actx, {
      action: 'generalPartVersion.addApprovalAttachment',
      entityType: 'generalPartVersion',
      entityId: versionId,
      before: null,
      after: attachment,
    });
    return attachment;
  });
}
