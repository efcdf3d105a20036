import { and, eq } from 'drizzle-orm';
import { Locale, Role } from '../../shared/contracts/common.js';
import type { Db, Tx } from '../db/client.js';
import { approveVersion } from '../general-part/approve-version.js';
import { createCycle } from '../general-part/create-cycle.js';
import { createDraft } from '../general-part/create-draft.js';
import { generalPartVersions } from '../general-part/general-part.table.js';
import { updateSections } from '../general-part/update-sections.js';
import { createDisposition } from '../hearings/create-disposition.js';
import type { Actor, ActorCtx } from '../platform/context.js';
import { departments, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { demoSections } from './demo-general-part-text.js';
import {
  approvalOfVersion2,
  type DemoHearing,
  formalHearing,
  informalHearing,
  timeline,
} from './demo-hearing-inputs.js';
import { backdate, recordPastHearing, recordPastInput } from './demo-past-hearings.js';

export const demoCycle = {
  name: 'Partnerskapsavtaler 2021–2024',
  periodFrom: '2021-01-01',
  periodTo: '2024-12-31',
  status: 'active',
} as const;

/** The demo's people and registry, looked up once: who acts, and the ids behind the names in the texts. */
type Cast = {
  admin: Actor;
  contactOf(region: string): Actor;
  regionId(name: string): string;
  departmentId(name: string): string;
  allRegionIds: string[];
};

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: Role.parse(u.role),
  departmentId: u.departmentId,
  regionId: u.regionId,
  locale: Locale.parse(u.locale),
});

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (found === undefined) throw new Error(`the demo has no ${what} "${key}"`);
  return found;
}

async function castOf(tx: Tx, adminEmail: string): Promise<Cast> {
  const [admin] = await tx.select().from(users).where(eq(users.email, adminEmail));
  if (!admin) throw new Error(`the demo has no admin ${adminEmail}`);
  const regionRows = await tx.select({ id: regions.id, name: regions.name }).from(regions);
  const departmentRows = await tx.select({ id: departments.id, name: departments.name }).from(departments);
  const contacts = await tx
    .select()
    .from(users)
    .where(and(eq(users.role, 'region'), eq(users.active, true)))
    .orderBy(users.email);
  const regionIds = new Map(regionRows.map((r) => [r.name, r.id]));
  const departmentIds = new Map(departmentRows.map((d) => [d.name, d.id]));
  const contactByRegion = new Map<string, Actor>();
  for (const c of contacts) {
    if (c.regionId && !contactByRegion.has(c.regionId)) contactByRegion.set(c.regionId, actorOf(c));
  }
  return {
    admin: actorOf(admin),
    contactOf: (region) => lookup(contactByRegion, lookup(regionIds, region, 'region'), 'contact of'),
    regionId: (name) => lookup(regionIds, name, 'region'),
    departmentId: (name) => lookup(departmentIds, name, 'department'),
    allRegionIds: regionRows.map((r) => r.id),
  };
}

/**
 * The demo cycle's general part as it came about in 2020: version 1 written by the county, an informal
 * and a formal hearing on it with the regions' input, version 2 that took some of it in, the answers to
 * the input, and the county executive board's approval of version 2 on 22.10.2020. In one transaction
 * (the use cases nest in it as savepoints): fast, and a demo that fails halfway leaves nothing behind.
 */
export async function loadDemoGeneralPart(db: Db, adminEmail: string): Promise<void> {
  await db.transaction(async (tx) => {
    const cast = await castOf(tx, adminEmail);
    const asAdmin: ActorCtx = { db: tx, actor: cast.admin, requestId: 'demo' };

    const cycle = await createCycle(asAdmin, demoCycle);
    const [first] = await tx
      .select({ id: generalPartVersions.id, version: generalPartVersions.version })
      .from(generalPartVersions)
      .where(and(eq(generalPartVersions.cycleId, cycle.id), eq(generalPartVersions.number, 1)));
    if (!first) throw new Error('a new cycle has a first draft');
    const v1 = await updateSections(asAdmin, first.id, { version: first.version, sections: demoSections(1) });

    const informal = await holdPastHearing(tx, asAdmin, cast, cycle.id, v1.id, informalHearing);
    const formal = await holdPastHearing(tx, asAdmin, cast, cycle.id, v1.id, formalHearing);

    const draft = await createDraft(asAdmin, v1.id);
    const v2 = await updateSections(asAdmin, draft.id, { version: draft.version, sections: demoSections(2) });
    await answer(asAdmin, cast, informal, v2.id);
    await answer(asAdmin, cast, formal, v2.id);
    await approveVersion(asAdmin, v2.id, { ...approvalOfVersion2, version: v2.version });

    const at = (iso: string) => new Date(iso);
    await backdate(tx, {
      cycle: { id: cycle.id, at: at(timeline.cycleCreated) },
      versions: [
        // Version 1 last changed when it was sent on hearing; version 2 when it was approved.
        { id: v1.id, createdAt: at(timeline.cycleCreated), updatedAt: at(informalHearing.openedAt) },
        { id: v2.id, createdAt: at(timeline.version2Created), updatedAt: at(timeline.version2Created) },
      ],
      approval: { versionId: v2.id, recordedAt: at(timeline.approvalRecorded) },
      dispositions: [
        { hearingId: informal.id, decidedAt: at(timeline.informalAnswered) },
        { hearingId: formal.id, decidedAt: at(timeline.formalAnswered) },
      ],
    });
  });
}

type HeldHearing = { id: string; plan: DemoHearing; inputIds: Map<string, string> };

async function holdPastHearing(
  tx: Tx,
  asAdmin: ActorCtx,
  cast: Cast,
  cycleId: string,
  versionId: string,
  plan: DemoHearing,
): Promise<HeldHearing> {
  const hearing = await recordPastHearing(tx, asAdmin, {
    cycleId,
    versionId,
    kind: plan.kind,
    openedAt: new Date(plan.openedAt),
    deadline: plan.deadline,
    coverLetter: plan.coverLetter,
    regionIds: cast.allRegionIds,
  });
  const inputIds = new Map<string, string>();
  for (const input of plan.inputs) {
    const by = input.registeredByCounty ? asAdmin : { ...asAdmin, actor: cast.contactOf(input.region) };
    const id = await recordPastInput(tx, by, hearing, {
      regionId: cast.regionId(input.region),
      sectionKey: input.sectionKey,
      text: input.text,
      submittedAt: new Date(input.submittedAt),
      late: input.registeredByCounty === 'late',
    });
    inputIds.set(input.ref, id);
  }
  return { id: hearing.id, plan, inputIds };
}

/** The county's answers, through the use case: the hearing has closed, which is when the rules allow it. */
async function answer(asAdmin: ActorCtx, cast: Cast, hearing: HeldHearing, newVersionId: string) {
  for (const d of hearing.plan.dispositions) {
    await createDisposition(asAdmin, hearing.id, {
      inputIds: d.inputs.map((ref) => lookup(hearing.inputIds, ref, 'input')),
      outcome: d.outcome,
      reason: d.reason,
      assignedDepartmentId: d.department ? cast.departmentId(d.department) : null,
      takenInVersionId: d.takenIn ? newVersionId : null,
      takenInSectionKey: d.takenIn && d.takenIn !== 'document' ? d.takenIn : null,
    });
  }
}
