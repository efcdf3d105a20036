import { eq } from 'drizzle-orm';
import type { AgreementArchive } from '../../shared/contracts/agreement-document.js';
import type { DocumentFile } from '../documents/download.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { agreementArchives } from './agreement-archive.table.js';
import { findArchive } from './agreement-archive-reads.js';

/** An archive's progress (admin), which the app polls while it is made. */
export async function getAgreementArchive(ctx: Ctx, id: string): Promise<AgreementArchive> {
  const { db } = authorize(ctx, adminOnly);
  return findArchive(db, id);
}

/** The finished ZIP (admin); 409 while it is still being made or when it failed. */
export async function getAgreementArchiveFile(ctx: Ctx, id: string): Promise<DocumentFile> {
  const { db } = authorize(ctx, adminOnly);
  const archive = await findArchive(db, id);
  if (archive.state !== 'done') {
    throw new AppError('conflict', [{ field: '_', code: 'validation.archiveNotReady', params: {} }]);
  }
  const [row] = await db
    .select({ content: agreementArchives.content, filename: agreementArchives.filename })
    .from(agreementArchives)
    .where(eq(agreementArchives.id, id));
  if (!row?.content || !row.filename) throw new AppError('conflict');
  return { filename: row.filename, mediaType: 'application/zip', content: Buffer.from(row.content) };
}
