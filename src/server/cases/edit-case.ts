import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import {
  formatBodyCaseNumber,
  type PoliticalCase,
  parseArchiveReference,
  parseBodyCaseNumber,
  ReplaceDecisionPointsInput,
  type TemplateField,
  UpdateCaseInput,
  UpdateTreatmentInput,
} from '../../shared/contracts/cases.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound, rethrowUnique, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { caseDecisionPoints, caseTreatments, politicalCases } from './case.table.js';
import { loadCase } from './case-reads.js';
import { checkBodyMeeting } from './create-case.js';

/** The same text and structure, whatever order the stored JSON keeps its keys in. */
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/**
 * Changes the case document's parts, its archive number and its signer. A part the template filled stays
 * marked so only while its text is what the template wrote.
 */
export async function updateCase(ctx: Ctx, id: string, raw: unknown): Promise<PoliticalCase> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(UpdateCaseInput, raw);
  assertId(id);
  const archive = parseArchiveReference(input.archiveReference);
  try {
    return await actx.db.transaction(async (tx) => {
      const row = await lockVersioned(tx, politicalCases, id, input.version);
      const before = await loadCase(tx, id);
      const changed = new Set<TemplateField>();
      if (input.title !== row.title) changed.add('title');
      if (input.authority !== row.authority) changed.add('authority');
      for (const key of ['background', 'facts', 'alternatives', 'assessment', 'consequences'] as const) {
        if (!same(input[key], row[key])) changed.add(key);
      }
      await tx
        .update(politicalCases)
        .set({
          title: input.title,
          archiveYear: archive.year,
          archiveSequence: archive.sequence,
          background: input.background,
          facts: input.facts,
          alternatives: input.alternatives,
          assessment: input.assessment,
          consequences: input.consequences,
          authority: input.authority,
          signerName: input.signerName,
          signerTitle: input.signerTitle,
          signedOn: input.signedOn,
          templateFilled: row.templateFilled.filter((f) => !changed.has(f as TemplateField)),
          ...nextVersion(politicalCases),
        })
        .where(eq(politicalCases.id, id));
      const after = await loadCase(tx, id);
      await appendAudit(tx, actx, { action: 'case.update', entityType: 'case', entityId: id, before, after });
      return after;
    });
  } catch (error) {
    rethrowUnique(error, {
      political_cases_archive_unique: ['archiveReference', 'validation.archiveReferenceTaken'],
    });
  }
}

/**
 * Sets the proposed decision's points as they should stand, in order: a point kept with its text unchanged
 * keeps its template mark; a new or edited point is the coordinator's.
 */
export async function replaceDecisionPoints(ctx: Ctx, id: string, raw: unknown): Promise<PoliticalCase> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(ReplaceDecisionPointsInput, raw);
  assertId(id);
  return actx.db.transaction(async (tx) => {
    await lockVersioned(tx, politicalCases, id, input.version);
    const before = await loadCase(tx, id);
    const existing = new Map(before.decisionPoints.map((p) => [p.id, p]));
    await tx.delete(caseDecisionPoints).where(eq(caseDecisionPoints.caseId, id));
    await tx.insert(caseDecisionPoints).values(
      input.points.map((p, position) => {
        const kept = p.id ? existing.get(p.id) : undefined;
        return {
          caseId: id,
          position,
          text: p.text,
          fromTemplate: kept !== undefined && kept.fromTemplate && kept.text === p.text,
        };
      }),
    );
    await tx.update(politicalCases).set(nextVersion(politicalCases)).where(eq(politicalCases.id, id));
    const after = await loadCase(tx, id);
    await appendAudit(tx, actx, {
      action: 'case.decisionPoints',
      entityType: 'case',
      entityId: id,
      before: before.decisionPoints,
      after: after.decisionPoints,
    });
    return after;
  });
}

/** Sets a treatment's meeting and the body's case number (unique in the body and year). */
export async function updateTreatment(ctx: Ctx, caseId: string, treatmentId: string, raw: unknown) {
  const actx = authorize(ctx, adminOnly);
  const input = parse(UpdateTreatmentInput, raw);
  assertId(caseId);
  assertId(treatmentId);
  const number = parseBodyCaseNumber(input.caseNumber);
  try {
    return await actx.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(caseTreatments)
        .where(and(eq(caseTreatments.id, treatmentId), eq(caseTreatments.caseId, caseId)))
        .for('update');
      if (!row) throw notFound();
      if (row.version !== input.version) throw stale();
      await checkBodyMeeting(tx, row.bodyId, input.meetingId, 'meetingId');
      await tx
        .update(caseTreatments)
        .set({
          bodyMeetingId: input.meetingId,
          caseYear: number.year,
          caseNumber: number.number,
          ...nextVersion(caseTreatments),
        })
        .where(eq(caseTreatments.id, treatmentId));
      await tx.update(politicalCases).set(nextVersion(politicalCases)).where(eq(politicalCases.id, caseId));
      await appendAudit(tx, actx, {
        action: 'caseTreatment.update',
        entityType: 'caseTreatment',
        entityId: treatmentId,
        before: {
          meetingId: row.bodyMeetingId,
          caseNumber: formatBodyCaseNumber(row.caseNumber, row.caseYear),
        },
        after: { meetingId: input.meetingId, caseNumber: input.caseNumber },
      });
      return loadCase(tx, caseId);
    });
  } catch (error) {
    rethrowUnique(error, { case_treatments_number_unique: ['caseNumber', 'validation.caseNumberTaken'] });
  }
}
