import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { AgreementPhase } from '../../shared/contracts/milestones.js';
import type { PublicAgreement, PublicRegion, PublicRegionList } from '../../shared/contracts/public.js';
import { municipalAdoptions } from '../adoption/adoption.table.js';
import { requiredMunicipalities } from '../adoption/in-force.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreements } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { meetingAgreements, meetings } from '../meetings/meeting.table.js';
import { phasesOfCycle } from '../milestones/milestone-reads.js';
import { notFound } from '../platform/errors.js';
import { membersOf } from '../registry/region-members.js';
import { county, regions } from '../registry/registry.table.js';
import { specialPartVersions } from '../special-part/special-part.table.js';
import { loadPublicFollowUp } from './public-follow-up.js';

/**
 * The agreements in force, by region name, with their parties and adoption records: in a fixed number of
 * queries whatever their number (the political states, the agreements, the memberships, the decisions).
 */
export async function loadAgreementsInForce(db: Db | Tx, only?: string): Promise<PublicAgreement[]> {
  const states = await politicalStatesOf(db, only ? { agreementId: only } : { all: true });
  const ids = [...states].filter(([, state]) => state === 'in_force').map(([id]) => id);
  if (ids.length === 0) return [];
  const [owner] = await db.select({ name: county.name }).from(county);
  const rows = await db
    .select({
      id: agreements.id,
      regionId: agreements.regionId,
      regionName: regions.name,
      cycleName: cycles.name,
      periodFrom: agreements.periodFrom,
      periodTo: agreements.periodTo,
      generalPartVersion: generalPartVersions.number,
      specialPartVersion: specialPartVersions.number,
    })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .innerJoin(cycles, eq(cycles.id, agreements.cycleId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, agreements.generalPartVersionId))
    .leftJoin(
      specialPartVersions,
      and(eq(specialPartVersions.agreementId, agreements.id), eq(specialPartVersions.state, 'agreed')),
    )
    .where(inArray(agreements.id, ids))
    .orderBy(asc(regions.name), asc(agreements.periodFrom));
  const members = await membersOf(db, [...new Set(rows.map((r) => r.regionId))]);
  const decisions = await db
    .select({
      agreementId: municipalAdoptions.agreementId,
      municipalityId: municipalAdoptions.municipalityId,
      decidedOn: municipalAdoptions.decidedOn,
      caseReference: municipalAdoptions.caseReference,
      recordUrl: municipalAdoptions.recordUrl,
      outcome: municipalAdoptions.outcome,
    })
    .from(municipalAdoptions)
    .where(inArray(municipalAdoptions.agreementId, ids));
  const byAgreement = new Map<string, typeof decisions>();
  for (const d of decisions) byAgreement.set(d.agreementId, [...(byAgreement.get(d.agreementId) ?? []), d]);
  return rows.map((r) => {
    const memberships = members.get(r.regionId) ?? [];
    const required = requiredMunicipalities(r.periodFrom, memberships);
    const named = new Map(memberships.map((m) => [m.municipalityId, m]));
    const own = byAgreement.get(r.id) ?? [];
    return {
      ...r,
      county: owner?.name ?? '',
      parties: required.map((id) => named.get(id)?.municipalityName ?? ''),
      adoption: required
        .map((id) => {
          const m = named.get(id);
          const d = own.find((x) => x.municipalityId === id);
          return {
            municipalityNumber: m?.municipalityNumber ?? '',
            municipalityName: m?.municipalityName ?? '',
            decidedOn: d?.decidedOn ?? null,
            caseReference: d?.caseReference ?? null,
            recordUrl: d?.recordUrl ?? null,
            outcome: d?.outcome ?? null,
          };
        })
        .sort((a, b) => a.municipalityNumber.localeCompare(b.municipalityNumber)),
    };
  });
}

/** One agreement in force; 404 for any other, which is not public. */
export async function loadAgreementInForce(db: Db | Tx, id: string): Promise<PublicAgreement> {
  const [agreement] = await loadAgreementsInForce(db, id);
  if (!agreement) throw notFound();
  return agreement;
}

/** The newest cycle's agreement of each region, with its phase. */
async function newestAgreements(db: Db | Tx) {
  const rows = await db
    .selectDistinctOn([agreements.regionId], {
      id: agreements.id,
      regionId: agreements.regionId,
      cycleId: agreements.cycleId,
      cycleName: cycles.name,
    })
    .from(agreements)
    .innerJoin(cycles, eq(cycles.id, agreements.cycleId))
    .orderBy(agreements.regionId, desc(cycles.periodFrom));
  const phases = new Map<string, AgreementPhase>();
  for (const cycleId of new Set(rows.map((r) => r.cycleId))) {
    for (const [id, phase] of await phasesOfCycle(db, cycleId)) phases.set(id, phase);
  }
  return new Map(rows.map((r) => [r.regionId, { ...r, phase: phases.get(r.id) ?? 'preparation' }]));
}

export async function loadPublicRegions(db: Db | Tx): Promise<PublicRegionList> {
  const list = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .orderBy(asc(regions.name));
  const newest = await newestAgreements(db);
  return { items: list.map((r) => ({ ...r, phase: newest.get(r.id)?.phase ?? null })) };
}

/**
 * A region's public page: its agreement and phase, the dates of the meetings about it, and once it is in
 * force its follow-up (the published rounds' reports on its commitments).
 */
export async function loadPublicRegion(db: Db | Tx, id: string): Promise<PublicRegion> {
  const [region] = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(eq(regions.id, id));
  if (!region) throw notFound();
  const newest = (await newestAgreements(db)).get(id);
  const held = ['held', 'minutes_for_comment', 'minutes_approved'];
  const dates = newest
    ? await db
        .select({ startsAt: meetings.startsAt, type: meetings.type, state: meetings.state })
        .from(meetingAgreements)
        .innerJoin(meetings, eq(meetings.id, meetingAgreements.meetingId))
        .where(and(eq(meetingAgreements.agreementId, newest.id), ne(meetings.state, 'cancelled')))
        .orderBy(asc(meetings.startsAt))
    : [];
  const followUp = newest?.phase === 'in_force' ? await loadPublicFollowUp(db, newest.id, region.name) : null;
  return {
    ...region,
    agreement: newest
      ? {
          id: newest.id,
          cycleName: newest.cycleName,
          phase: newest.phase,
          inForce: newest.phase === 'in_force',
        }
      : null,
    meetings: dates.map((m) => ({
      date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(m.startsAt),
      type: m.type,
      held: held.includes(m.state),
    })),
    followUp,
  };
}
