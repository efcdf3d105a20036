import { and, eq } from 'drizzle-orm';
import type { AgreementAdoption } from '../../shared/contracts/adoption.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { conflict, forbidden, notFound } from '../platform/errors.js';
import { checkFile, type Upload } from '../platform/files.js';
import { assertId } from '../platform/ids.js';
import { adoptionProtocols, municipalAdoptions } from './adoption.table.js';
import { loadAdoption, mayRecordFor, protocolColumns } from './adoption-reads.js';
import { adoptionRecorders } from './record-adoption.js';

/**
 * Attaches the council's protocol (saksprotokoll or særutskrift) to a municipality's recorded decision on an
 * agreement: PDF or DOCX, at most 10 MB, checked by content. Whoever may record the decision may attach it
 * (the coordinator; a region contact for its own region), and only once the decision is recorded (409
 * otherwise). A new file replaces the one before; the decision itself (its `version`) does not change.
 */
export async function attachProtocol(
  ctx: Ctx,
  agreementId: string,
  municipalityId: string,
  upload: Upload,
): Promise<AgreementAdoption> {
  const actx = authorize(ctx, adoptionRecorders);
  assertId(agreementId);
  assertId(municipalityId);
  const file = await checkFile(upload.filename, upload.mediaType, upload.content);
  return actx.db.transaction(async (tx) => {
    const [agreement] = await tx
      .select({ regionId: agreements.regionId })
      .from(agreements)
      .where(eq(agreements.id, agreementId))
      .for('update');
    if (!agreement) throw notFound();
    if (!mayRecordFor(actx.actor, agreement.regionId)) throw forbidden();
    const [adoption] = await tx
      .select({ id: municipalAdoptions.id })
      .from(municipalAdoptions)
      .where(
        and(
          eq(municipalAdoptions.agreementId, agreementId),
          eq(municipalAdoptions.municipalityId, municipalityId),
        ),
      )
      .for('update');
    if (!adoption) throw conflict('validation.adoptionNotRecorded');
    const [before] = await tx
      .select(protocolColumns)
      .from(adoptionProtocols)
      .where(eq(adoptionProtocols.adoptionId, adoption.id));
    const values = { ...file, content: upload.content };
    const [after] = await tx
      .insert(adoptionProtocols)
      .values({ adoptionId: adoption.id, ...values })
      .onConflictDoUpdate({
        target: adoptionProtocols.adoptionId,
        set: { ...values, uploadedAt: new Date() },
      })
      .returning(protocolColumns);
    await appendAudit(tx, actx, {
      action: 'adoption.attachProtocol',
      entityType: 'adoption',
      entityId: adoption.id,
      before: before ?? null,
      after: { agreementId, municipalityId, ...after },
    });
    return loadAdoption(tx, actx.actor, agreementId);
  });
}
