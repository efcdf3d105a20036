import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  AgreementMilestones,
  AgreementPhase,
  Evidence,
  EvidenceKind,
  MilestoneStage,
  MilestoneState,
  MilestoneTemplate,
} from '../../shared/contracts/milestones.js';
import { politicalStatesOf } from '../adoption/political-state.js';
import { agreementSubjectAreas, agreements } from '../agreements/agreement.table.js';
import { type AgreementRow, findAgreement } from '../agreements/agreement-reads.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { meetingAgreements, meetings } from '../meetings/meeting.table.js';
import type { Actor } from '../platform/context.js';
import { departments } from '../registry/registry.table.js';
import { specialPartVersions } from '../special-part/special-part.table.js';
import { users } from '../users/user.table.js';
import { toMilestone, toTemplateItem } from './milestone.mapper.js';
import { agreementMilestones, milestoneTemplateItems } from './milestone.table.js';
import {
  cycleWideMeetingTypes,
  type EvidenceFacts,
  evidenceMeetingTypes,
  evidenceOf,
  type HeldMeeting,
  noEvidenceFacts,
} from './milestone-evidence.js';
import { phaseOf, stateOf } from './milestone-phase.js';
import { canEditMilestone, canMarkRegionReady } from './milestone-rules.js';
import { type PlanMilestone, planIsEmpty, planTemplate } from './milestone-template-plan.js';

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

type Scope = { cycleId: string } | { agreementId: string };

/**
 * The outer agreement's id, qualified: Drizzle writes a single table's columns unqualified, and inside a
 * subquery "id" would be the subquery's own table's.
 */
const outerAgreementId = sql.raw('"agreements"."id"');
const whereOf = (scope: Scope): SQL =>
  'cycleId' in scope ? eq(agreements.cycleId, scope.cycleId) : eq(agreements.id, scope.agreementId);
/** The scope's cycle as a value, not correlated with the outer row: the subquery using it runs once. */
const cycleOf = (scope: Scope): SQL =>
  'cycleId' in scope
    ? sql`${scope.cycleId}::uuid`
    : sql`(select a.cycle_id from ${agreements} a where a.id = ${scope.agreementId})`;

const heldStates = sql.raw(`('held', 'minutes_for_comment', 'minutes_approved')`);
const typeList = (types: readonly string[]) => sql.raw(`(${types.map((t) => `'${t}'`).join(', ')})`);
const heldMeetingJson = sql`json_build_object('id', m.id, 'type', m.type, 'title', m.title, 'startsAt', m.starts_at, 'ownerDepartmentId', m.owner_department_id)`;

/**
 * The evidence facts of every agreement in a cycle, or of one agreement, in one query: each kind of
 * evidence is a subquery on an index by agreement, but for the cycle's internal meetings that name no
 * agreement, one subquery the whole query shares. A new kind of evidence adds its subquery here and its
 * rule in milestone-evidence.ts.
 */
export async function evidenceFactsOf(db: Db | Tx, scope: Scope): Promise<Map<string, EvidenceFacts>> {
  const rows = await db
    .select({
      id: agreements.id,
      wanted: sql<unknown>`(select json_build_object('count', count(*), 'firstAt', min(${agreementSubjectAreas.markedAt})) from ${agreementSubjectAreas} where ${agreementSubjectAreas.agreementId} = ${outerAgreementId})`,
      departments: sql<unknown>`(select coalesce(json_agg(json_build_object('departmentId', d.id, 'name', d.name, 'count', x.n, 'firstAt', x.first_at) order by d.name, d.id), '[]'::json) from (select ${contributions.ownerDepartmentId} as department_id, count(*) as n, min(${contributions.createdAt}) as first_at from ${contributions} where ${contributions.agreementId} = ${outerAgreementId} and ${contributions.ownerDepartmentId} is not null group by ${contributions.ownerDepartmentId}) x join ${departments} d on d.id = x.department_id)`,
      region: sql<unknown>`(select json_build_object('count', count(*), 'firstAt', min(${contributions.createdAt})) from ${contributions} where ${contributions.agreementId} = ${outerAgreementId} and ${contributions.ownerDepartmentId} is null)`,
      agreed: sql<unknown>`(select json_build_object('number', ${specialPartVersions.number}, 'agreedAt', ${specialPartVersions.agreedAt}) from ${specialPartVersions} where ${specialPartVersions.agreementId} = ${outerAgreementId} and ${specialPartVersions.state} = 'agreed')`,
      // The meetings held that name the agreement, on the index by agreement.
      meetings: sql<unknown>`(select coalesce(json_agg(${heldMeetingJson} order by m.starts_at, m.id), '[]'::json) from ${meetingAgreements} ma join ${meetings} m on m.id = ma.meeting_id where ma.agreement_id = ${outerAgreementId} and m.state in ${heldStates} and m.type in ${typeList(evidenceMeetingTypes)})`,
      // The cycle's internal meetings held that name no agreement, which concern them all: not correlated
      // with the agreement, so it runs once for the whole query.
      cycleWide: sql<unknown>`(select coalesce(json_agg(${heldMeetingJson} order by m.starts_at, m.id), '[]'::json) from ${meetings} m where m.cycle_id = ${cycleOf(scope)} and m.state in ${heldStates} and m.type in ${typeList(cycleWideMeetingTypes)} and not exists (select 1 from ${meetingAgreements} mx where mx.meeting_id = m.id))`,
    })
    .from(agreements)
    .where(whereOf(scope));
  type Counted = { count: number; firstAt: string | null };
  type Department = { departmentId: string; name: string; count: number; firstAt: string };
  const heldOf = (value: unknown): HeldMeeting[] =>
    json<HeldMeeting[]>(value).map((m) => ({ ...m, startsAt: iso(m.startsAt) ?? '' }));
  return new Map(
    rows.map((r) => {
      const wanted = json<Counted>(r.wanted);
      const own = json<Counted>(r.region);
      const agreed = json<{ number: number; agreedAt: string } | null>(r.agreed);
      const facts: EvidenceFacts = {
        wantedSubjectAreas: { count: Number(wanted.count), firstAt: iso(wanted.firstAt) },
        departmentProposals: json<Department[]>(r.departments).map((d) => ({
          departmentId: d.departmentId,
          name: d.name,
          count: Number(d.count),
          firstAt: iso(d.firstAt) ?? '',
        })),
        regionContributions: { count: Number(own.count), firstAt: iso(own.firstAt) },
        agreedSpecialPart: agreed ? { number: agreed.number, agreedAt: iso(agreed.agreedAt) ?? '' } : null,
        heldMeetings: [...heldOf(r.cycleWide), ...heldOf(r.meetings)],
      };
      return [r.id, facts];
    }),
  );
}

/**
 * A region contact never reads the county's internal meetings (meeting-rules.ts): their milestone shows as
 * met, without links to meeting pages the contact could not open.
 */
function evidenceFor(actor: Actor, evidence: Evidence | null): Evidence | null {
  if (actor.role !== 'region' || !evidence) return evidence;
  return evidence.kind === 'kickoff_held' || evidence.kind === 'summary_held'
    ? { ...evidence, links: [] }
    : evidence;
}

/** One agreement's milestones in order, with who completed each by hand. */
function milestoneRowsOf(db: Db | Tx, agreementId: string) {
  return db
    .select({ m: agreementMilestones, doneById: users.id, doneByName: users.name })
    .from(agreementMilestones)
    .leftJoin(users, eq(users.id, agreementMilestones.doneBy))
    .where(eq(agreementMilestones.agreementId, agreementId))
    .orderBy(asc(agreementMilestones.position), asc(agreementMilestones.createdAt));
}

/**
 * An agreement's milestones as the actor sees them, with the phase they give, the region's ready flag and
 * what the actor may change. The caller has checked that the actor may read them.
 */
export async function loadAgreementMilestones(
  db: Db | Tx,
  agreement: AgreementRow,
  actor: Actor,
): Promise<AgreementMilestones> {
  const rows = await milestoneRowsOf(db, agreement.id);
  const facts =
    (await evidenceFactsOf(db, { agreementId: agreement.id })).get(agreement.id) ?? noEvidenceFacts;
  const [marker] = agreement.regionReadyMarkedBy
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.id, agreement.regionReadyMarkedBy))
    : [];
  const milestones = rows.map(({ m, doneById, doneByName }) =>
    toMilestone(
      m,
      evidenceFor(actor, evidenceOf(m.evidence as EvidenceKind | null, facts)),
      doneById && doneByName ? { id: doneById, name: doneByName } : null,
      canEditMilestone(actor, agreement, m.stage as MilestoneStage),
    ),
  );
  const specialPartAgreed = facts.agreedSpecialPart !== null;
  const political = (await politicalStatesOf(db, { agreementId: agreement.id })).get(agreement.id) ?? null;
  return {
    agreementId: agreement.id,
    cycleId: agreement.cycleId,
    regionId: agreement.regionId,
    phase: phaseOf({ milestones, regionReady: agreement.regionReady, specialPartAgreed, political }),
    regionReady: {
      ready: agreement.regionReady,
      note: agreement.regionReadyNote,
      markedBy: marker ?? null,
      markedAt: agreement.regionReadyMarkedAt?.toISOString() ?? null,
    },
    specialPartAgreed,
    canMarkReady: canMarkRegionReady(actor, agreement),
    agreementVersion: agreement.version,
    milestones,
  };
}

/** Reads the agreement afresh (inside the caller's transaction) and its milestones. */
export async function reloadAgreementMilestones(db: Db | Tx, agreementId: string, actor: Actor) {
  return loadAgreementMilestones(db, await findAgreement(db, agreementId), actor);
}

/**
 * The phase of every agreement of a cycle, from a fixed number of queries whatever the number of
 * agreements: the milestones, the evidence facts, the ready flags and the political states.
 */
export async function phasesOfCycle(db: Db | Tx, cycleId: string): Promise<Map<string, AgreementPhase>> {
  const rows = await db
    .select({
      agreementId: agreementMilestones.agreementId,
      stage: agreementMilestones.stage,
      optional: agreementMilestones.optional,
      state: agreementMilestones.state,
      evidence: agreementMilestones.evidence,
    })
    .from(agreementMilestones)
    .innerJoin(agreements, eq(agreements.id, agreementMilestones.agreementId))
    .where(eq(agreements.cycleId, cycleId));
  const facts = await evidenceFactsOf(db, { cycleId });
  const ready = await db
    .select({ id: agreements.id, ready: agreements.regionReady })
    .from(agreements)
    .where(eq(agreements.cycleId, cycleId));
  const byAgreement = groupBy(rows, (r) => r.agreementId);
  const political = await politicalStatesOf(db, { cycleId });
  return new Map(
    ready.map(({ id, ready: regionReady }) => {
      const own = facts.get(id) ?? noEvidenceFacts;
      const milestones = (byAgreement.get(id) ?? []).map((m) => ({
        stage: m.stage as MilestoneStage,
        optional: m.optional,
        state: stateOf(m.state as MilestoneState, evidenceOf(m.evidence as EvidenceKind | null, own)),
      }));
      return [
        id,
        phaseOf({
          milestones,
          regionReady,
          specialPartAgreed: own.agreedSpecialPart !== null,
          political: political.get(id) ?? null,
        }),
      ];
    }),
  );
}

/** A cycle's template items, in order. */
export const templateItemsOf = (db: Db | Tx, cycleId: string) =>
  db
    .select()
    .from(milestoneTemplateItems)
    .where(eq(milestoneTemplateItems.cycleId, cycleId))
    .orderBy(asc(milestoneTemplateItems.position), asc(milestoneTemplateItems.name));

/** The columns planTemplate reads of a milestone. */
export const planColumns = {
  id: agreementMilestones.id,
  agreementId: agreementMilestones.agreementId,
  templateItemId: agreementMilestones.templateItemId,
  name: agreementMilestones.name,
  stage: agreementMilestones.stage,
  evidence: agreementMilestones.evidence,
  optional: agreementMilestones.optional,
  position: agreementMilestones.position,
  state: agreementMilestones.state,
  plannedDate: agreementMilestones.plannedDate,
  actualDate: agreementMilestones.actualDate,
  note: agreementMilestones.note,
};

type PlanRow = { [K in keyof typeof planColumns]: (typeof planColumns)[K]['_']['data'] | null } & {
  id: string;
  agreementId: string;
  stage: string;
  state: string;
};

export const asPlanMilestone = (row: PlanRow): PlanMilestone & { agreementId: string } => ({
  ...row,
  name: row.name ?? '',
  optional: row.optional ?? false,
  position: row.position ?? 0,
  stage: row.stage as MilestoneStage,
  evidence: row.evidence as EvidenceKind | null,
  state: row.state as MilestoneState,
});

/** The template with the number of the cycle's agreements, and of those that differ from it. */
export async function loadTemplate(db: Db | Tx, cycleId: string): Promise<MilestoneTemplate> {
  const items = await templateItemsOf(db, cycleId);
  const ids = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.cycleId, cycleId));
  const milestones = await db
    .select(planColumns)
    .from(agreementMilestones)
    .innerJoin(agreements, eq(agreements.id, agreementMilestones.agreementId))
    .where(eq(agreements.cycleId, cycleId));
  const byAgreement = groupBy(milestones.map(asPlanMilestone), (m) => m.agreementId);
  const plan = items.map((i) => toTemplateItem(i));
  const behind = ids.filter(({ id }) => !planIsEmpty(planTemplate(plan, byAgreement.get(id) ?? []))).length;
  return { cycleId, items: plan, agreements: ids.length, agreementsBehind: behind };
}
