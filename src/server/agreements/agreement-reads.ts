import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  Agreement,
  AgreementParties,
  AgreementSummary,
  GeneralPartMove,
  WantedSubjectArea,
} from '../../shared/contracts/agreements.js';
import type { VersionState } from '../../shared/contracts/general-part.js';

type WrittenStandard = AgreementSummary['writtenStandard'];

import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { county, municipalities, regionMemberships, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import {
  agreementGeneralPartMoves,
  agreementSubjectAreas,
  agreements,
  subjectAreas,
} from './agreement.table.js';

export type AgreementRow = typeof agreements.$inferSelect;

/**
 * An agreement's title in its written standard: "Partnerskapsavtale mellom Viken fylkeskommune og
 * Follorådet" (bokmål), "Partnarskapsavtale mellom …" (nynorsk).
 */
export function agreementTitle(regionName: string, countyName: string, standard: WrittenStandard): string {
  const word = standard === 'nn' ? 'Partnarskapsavtale' : 'Partnerskapsavtale';
  return `${word} mellom ${countyName} og ${regionName}`;
}

/** What the audit keeps of an agreement. */
export const auditedAgreement = (row: AgreementRow) => ({
  id: row.id,
  cycleId: row.cycleId,
  regionId: row.regionId,
  generalPartVersionId: row.generalPartVersionId,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  version: row.version,
});

const pinned = alias(generalPartVersions, 'pinned');
const approved = alias(generalPartVersions, 'approved');

/**
 * Agreements with their region, pinned version and, when the cycle's approved version is newer, that one
 * (drift). The counts are per-agreement subqueries on the (agreement, …) indexes, so a cycle of a thousand
 * agreements is still one query.
 */
async function selectSummaries(db: Db | Tx, where: SQL): Promise<AgreementSummary[]> {
  const rows = await db
    .select({
      id: agreements.id,
      cycleId: agreements.cycleId,
      regionId: regions.id,
      regionName: regions.name,
      writtenStandard: regions.writtenStandard,
      periodFrom: agreements.periodFrom,
      periodTo: agreements.periodTo,
      version: agreements.version,
      pinnedId: pinned.id,
      pinnedNumber: pinned.number,
      pinnedState: pinned.state,
      approvedId: approved.id,
      approvedNumber: approved.number,
      wanted: sql<number>`(select count(*)::int from ${agreementSubjectAreas} where ${agreementSubjectAreas.agreementId} = ${agreements.id})`,
      // Both contribution counts in one pass over the agreement's contributions.
      contributionCounts: sql<
        number[]
      >`(select array[count(*), count(*) filter (where ${contributions.status} = 'agreed')]::int[] from ${contributions} where ${contributions.agreementId} = ${agreements.id})`,
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(pinned, eq(pinned.id, agreements.generalPartVersionId))
    .leftJoin(approved, and(eq(approved.cycleId, agreements.cycleId), eq(approved.state, 'approved')))
    .where(where)
    .orderBy(asc(regions.name));
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycleId,
    region: { id: r.regionId, name: r.regionName },
    writtenStandard: r.writtenStandard as WrittenStandard,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    generalPartVersion: { id: r.pinnedId, number: r.pinnedNumber, state: r.pinnedState as VersionState },
    newerGeneralPartVersion:
      r.approvedId !== null && r.approvedNumber !== null && r.approvedNumber > r.pinnedNumber
        ? { id: r.approvedId, number: r.approvedNumber }
        : null,
    version: r.version,
    counts: {
      wantedSubjectAreas: Number(r.wanted),
      contributions: Number(r.contributionCounts?.[0] ?? 0),
      agreedContributions: Number(r.contributionCounts?.[1] ?? 0),
    },
  }));
}

/** The agreements of a cycle, by region name. */
export const listAgreementSummaries = (db: Db | Tx, cycleId: string) =>
  selectSummaries(db, eq(agreements.cycleId, cycleId));

/** The given agreements, by region name. */
export const agreementSummariesById = (db: Db | Tx, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : selectSummaries(db, inArray(agreements.id, ids));

/**
 * The parties of an agreement: the county, and the region's member municipalities on the given day
 * (memberships are `[validFrom, validTo)`), by name. A municipality is outside the county when it is marked
 * so or its county number is not the county's.
 */
export async function partiesOf(db: Db | Tx, regionId: string, onDate: string): Promise<AgreementParties> {
  const [theCounty] = await db.select({ name: county.name, number: county.number }).from(county);
  const countyNumber = theCounty?.number ?? null;
  const members = await db
    .select({
      id: municipalities.id,
      number: municipalities.number,
      name: municipalities.name,
      outsideCounty: municipalities.outsideCounty,
      countyNumber: municipalities.countyNumber,
    })
    .from(regionMemberships)
    .innerJoin(municipalities, eq(municipalities.id, regionMemberships.municipalityId))
    .where(
      and(
        eq(regionMemberships.regionId, regionId),
        sql`${regionMemberships.validFrom} <= ${onDate}::date`,
        sql`(${regionMemberships.validTo} is null or ${regionMemberships.validTo} > ${onDate}::date)`,
      ),
    )
    .orderBy(asc(municipalities.name), asc(municipalities.number));
  const seen = new Set<string>();
  return {
    county: { name: theCounty?.name ?? '' },
    municipalities: members
      .filter((m) => !seen.has(m.id) && seen.add(m.id))
      .map((m) => ({
        id: m.id,
        number: m.number,
        name: m.name,
        outsideCounty:
          m.outsideCounty ||
          (countyNumber !== null && m.countyNumber !== null && m.countyNumber !== countyNumber),
      })),
  };
}

async function wantedOf(db: Db | Tx, agreementId: string): Promise<WantedSubjectArea[]> {
  const rows = await db
    .select({
      id: subjectAreas.id,
      name: subjectAreas.name,
      justification: agreementSubjectAreas.justification,
      markedById: users.id,
      markedByName: users.name,
      markedAt: agreementSubjectAreas.markedAt,
    })
    .from(agreementSubjectAreas)
    .innerJoin(subjectAreas, eq(subjectAreas.id, agreementSubjectAreas.subjectAreaId))
    .leftJoin(users, eq(users.id, agreementSubjectAreas.markedBy))
    .where(eq(agreementSubjectAreas.agreementId, agreementId))
    .orderBy(asc(subjectAreas.position), asc(subjectAreas.name));
  return rows.map((r) => ({
    subjectArea: { id: r.id, name: r.name },
    justification: r.justification,
    markedBy: r.markedById && r.markedByName ? { id: r.markedById, name: r.markedByName } : null,
    markedAt: r.markedAt.toISOString(),
  }));
}

const fromVersion = alias(generalPartVersions, 'from_version');
const toVersion = alias(generalPartVersions, 'to_version');

async function movesOf(db: Db | Tx, agreementId: string): Promise<GeneralPartMove[]> {
  const rows = await db
    .select({
      fromId: fromVersion.id,
      fromNumber: fromVersion.number,
      toId: toVersion.id,
      toNumber: toVersion.number,
      reason: agreementGeneralPartMoves.reason,
      movedById: users.id,
      movedByName: users.name,
      movedAt: agreementGeneralPartMoves.movedAt,
    })
    .from(agreementGeneralPartMoves)
    .innerJoin(fromVersion, eq(fromVersion.id, agreementGeneralPartMoves.fromVersionId))
    .innerJoin(toVersion, eq(toVersion.id, agreementGeneralPartMoves.toVersionId))
    .leftJoin(users, eq(users.id, agreementGeneralPartMoves.movedBy))
    .where(eq(agreementGeneralPartMoves.agreementId, agreementId))
    .orderBy(asc(agreementGeneralPartMoves.movedAt), asc(agreementGeneralPartMoves.id));
  return rows.map((r) => ({
    from: { id: r.fromId, number: r.fromNumber },
    to: { id: r.toId, number: r.toNumber },
    reason: r.reason,
    movedBy: r.movedById && r.movedByName ? { id: r.movedById, name: r.movedByName } : null,
    movedAt: r.movedAt.toISOString(),
  }));
}

/**
 * One agreement as the API shows it, with its title, parties, wanted subject areas and the history of its
 * general part pin. Throws `notFound` for an unknown or malformed id. Reusable by other features (the
 * agreement document needs the parties and the title); pass a transaction to read inside one.
 */
export async function loadAgreement(db: Db | Tx, id: string): Promise<Agreement> {
  assertId(id);
  const [summary] = await selectSummaries(db, eq(agreements.id, id));
  if (!summary) throw notFound();
  const parties = await partiesOf(db, summary.region.id, summary.periodFrom);
  const wantedSubjectAreas = await wantedOf(db, id);
  const generalPartMoves = await movesOf(db, id);
  return {
    ...summary,
    title: agreementTitle(summary.region.name, parties.county.name, summary.writtenStandard),
    parties,
    wantedSubjectAreas,
    generalPartMoves,
  };
}

/** The agreement row, or 404 (a malformed id is a 404 too). */
export async function findAgreement(
  db: Db | Tx,
  id: string,
  lock?: 'update' | 'share',
): Promise<AgreementRow> {
  assertId(id);
  const query = db.select().from(agreements).where(eq(agreements.id, id));
  const [row] = await (lock ? query.for(lock) : query);
  if (!row) throw notFound();
  return row;
}
