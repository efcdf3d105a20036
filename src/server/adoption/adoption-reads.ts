import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AgreementAdoption, Divergence } from '../../shared/contracts/adoption.js';
import type { AttachmentMediaType } from '../../shared/contracts/common.js';
import { agreements } from '../agreements/agreement.table.js';
import { politicalBodies } from '../bodies/body.table.js';
import { caseAgreements, caseTreatments } from '../cases/case.table.js';
import type { Db, Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { membersOf } from '../registry/region-members.js';
import { municipalities, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { adoptionProtocols, agreementDivergences, municipalAdoptions } from './adoption.table.js';
import { inForceOf, type Outcome, type Resolution, requiredMunicipalities } from './in-force.js';

/** Who records a region's council decisions: the coordinator, and the region's own contact. */
export const mayRecordFor = (actor: Actor, regionId: string) =>
  actor.role === 'admin' || (actor.role === 'region' && actor.regionId === regionId);

/** A council protocol's facts as the API tells them: everything but its bytes. */
export const protocolColumns = {
  filename: adoptionProtocols.filename,
  mediaType: adoptionProtocols.mediaType,
  size: adoptionProtocols.size,
  sha256: adoptionProtocols.sha256,
  uploadedAt: adoptionProtocols.uploadedAt,
};

/** The latest treatment of the agreement by one of the county's bodies, with its case. */
async function latestTreatment(db: Db | Tx, agreementId: string, kind: 'executive_board' | 'county_council') {
  const [row] = await db
    .select({
      id: caseTreatments.id,
      caseId: caseTreatments.caseId,
      outcome: caseTreatments.outcome,
      decidedOn: caseTreatments.decidedOn,
    })
    .from(caseTreatments)
    .innerJoin(caseAgreements, eq(caseAgreements.caseId, caseTreatments.caseId))
    .innerJoin(politicalBodies, eq(politicalBodies.id, caseTreatments.bodyId))
    .where(and(eq(caseAgreements.agreementId, agreementId), eq(politicalBodies.kind, kind)))
    .orderBy(desc(caseTreatments.createdAt), desc(caseTreatments.id))
    .limit(1);
  return row ?? null;
}

/**
 * An agreement's adoption record: each member municipality inside the county on the start date with its
 * council's decision, the changes made on the way and how they were resolved, the executive board's and the
 * county council's treatment, and whether the agreement is in force. The caller may read the agreement: a
 * region contact only its own region's.
 */
export async function loadAdoption(
  db: Db | Tx,
  actor: Actor,
  agreementId: string,
): Promise<AgreementAdoption> {
  const [agreement] = await db
    .select({
      id: agreements.id,
      regionId: agreements.regionId,
      regionName: regions.name,
      startDate: agreements.periodFrom,
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.id, agreementId));
  if (!agreement) throw notFound();
  if (actor.role === 'region' && actor.regionId !== agreement.regionId) throw forbidden();
  const memberships = (await membersOf(db, [agreement.regionId])).get(agreement.regionId) ?? [];
  const adoptions = await db
    .select({ a: municipalAdoptions, recordedBy: users.name, protocol: protocolColumns })
    .from(municipalAdoptions)
    .leftJoin(users, eq(users.id, municipalAdoptions.recordedBy))
    .leftJoin(adoptionProtocols, eq(adoptionProtocols.adoptionId, municipalAdoptions.id))
    .where(eq(municipalAdoptions.agreementId, agreementId));
  const divergenceRows = await db
    .select({
      d: agreementDivergences,
      municipalityName: municipalities.name,
      adoptionMunicipality: municipalAdoptions.municipalityId,
    })
    .from(agreementDivergences)
    .leftJoin(municipalAdoptions, eq(municipalAdoptions.id, agreementDivergences.adoptionId))
    .leftJoin(municipalities, eq(municipalities.id, municipalAdoptions.municipalityId))
    .where(eq(agreementDivergences.agreementId, agreementId))
    .orderBy(asc(agreementDivergences.createdAt), asc(agreementDivergences.id));
  const board = await latestTreatment(db, agreementId, 'executive_board');
  const council = await latestTreatment(db, agreementId, 'county_council');

  const facts = memberships.map((m) => ({
    municipalityId: m.municipalityId,
    outsideCounty: m.outsideCounty,
    validFrom: m.validFrom,
    validTo: m.validTo,
  }));
  const resolutionsOf = (pick: (d: (typeof divergenceRows)[number]) => boolean): Resolution[] =>
    divergenceRows.filter(pick).map((r) => r.d.resolution as Resolution);
  const decided = new Map(
    adoptions.map(({ a }) => [
      a.municipalityId,
      { outcome: a.outcome as Outcome, divergences: resolutionsOf((r) => r.d.adoptionId === a.id) },
    ]),
  );
  const result = inForceOf({
    startDate: agreement.startDate,
    board: board
      ? {
          outcome: board.outcome as Outcome | null,
          divergences: resolutionsOf((r) => r.d.treatmentId === board.id),
        }
      : null,
    memberships: facts,
    adoptions: decided,
  });
  const required = requiredMunicipalities(agreement.startDate, facts);
  const byMunicipality = new Map(memberships.map((m) => [m.municipalityId, m]));
  const councils = required.length
    ? await db
        .select({ id: politicalBodies.id, municipalityId: politicalBodies.municipalityId })
        .from(politicalBodies)
        .where(inArray(politicalBodies.municipalityId, required))
    : [];
  const divergences: Divergence[] = divergenceRows.map(({ d, municipalityName }) => ({
    id: d.id,
    source: d.treatmentId ? 'board' : 'municipality',
    municipalityName,
    changedText: d.changedText,
    createdAt: d.createdAt.toISOString(),
    resolution: d.resolution as Divergence['resolution'],
    resolutionNote: d.resolutionNote,
    specialPartVersionId: d.specialPartVersionId,
    generalPartVersionId: d.generalPartVersionId,
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
  }));
  return {
    agreementId: agreement.id,
    regionId: agreement.regionId,
    regionName: agreement.regionName,
    startDate: agreement.startDate,
    inForce: result.inForce,
    board: board
      ? {
          caseId: board.caseId,
          outcome: board.outcome,
          decidedOn: board.decidedOn,
          approved: result.boardApproved,
        }
      : null,
    council: council
      ? { caseId: council.caseId, outcome: council.outcome, decidedOn: council.decidedOn }
      : null,
    rows: required
      .map((id) => {
        const m = byMunicipality.get(id);
        const found = adoptions.find(({ a }) => a.municipalityId === id);
        return {
          municipalityId: id,
          municipalityNumber: m?.municipalityNumber ?? '',
          municipalityName: m?.municipalityName ?? '',
          councilId: councils.find((c) => c.municipalityId === id)?.id ?? null,
          adoption: found
            ? {
                id: found.a.id,
                bodyMeetingId: found.a.bodyMeetingId,
                decidedOn: found.a.decidedOn,
                caseReference: found.a.caseReference,
                recordUrl: found.a.recordUrl,
                outcome: found.a.outcome as Outcome,
                changedText: found.a.changedText,
                recordedBy: found.recordedBy,
                version: found.a.version,
                protocol: found.protocol
                  ? {
                      ...found.protocol,
                      mediaType: found.protocol.mediaType as AttachmentMediaType,
                      uploadedAt: found.protocol.uploadedAt.toISOString(),
                    }
                  : null,
              }
            : null,
          counts: !result.missing.includes(id),
        };
      })
      .sort((a, b) => a.municipalityNumber.localeCompare(b.municipalityNumber)),
    divergences,
    mayRecord: mayRecordFor(actor, agreement.regionId),
  };
}
