import { asc, eq } from 'drizzle-orm';
import type { EvidenceKind } from '../../shared/contracts/milestones.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Db } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import { agreementMilestones, milestoneTemplateItems } from '../milestones/milestone.table.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { demoCycle } from './demo-general-part.js';
import { demoAgreedSpecialParts, demoRegionStories, type RegionStory } from './demo-special-parts-text.js';

/**
 * DEMO ONLY. How far each demo agreement has come through the cycle's milestones, told from the same story
 * as the contributions (demo-special-parts-text.ts): the kickoff in January 2021, each region's summary
 * meeting a week before its first collaboration meeting, the bilateral meetings where the items were
 * agreed, and the final meetings before the agreed special parts were sent. The milestones whose evidence
 * is in Partnerskap (the departments' proposals, the wanted subject areas, the region's own commitments, the
 * agreed special part) are left to their evidence. Indre Østfold, Gardermoregionen and Nedre Glomma held
 * their final meetings two days before their special parts were sent (demoAgreedSpecialParts). Two regions
 * are not ready to start: Drammensregionen, new in 2022, and Haldenregionen. Rows with the dates of then, as the rest of the demo, and one audit event.
 */

type Progress = 'not_ready' | 'collaboration' | 'bilaterals' | 'bilaterals_done' | 'agreed';

const notReady: Record<string, string> = {
  Drammensregionen:
    'Regionrådet ble etablert i april 2022 og avklarer først hvordan det skal arbeide med avtalen. Vi melder fra når vi er klare for samhandlingsmøtet.',
  Haldenregionen:
    'Regionrådet behandler i sitt neste møte hvilke forpliktelser regionen selv kan ta på seg. Først da er vi klare til å starte.',
};

/** How far a region came: from its contributions' statuses, as the story tells them. */
function progressOf(story: RegionStory): Progress {
  if (story.region in notReady) return 'not_ready';
  if (demoAgreedSpecialParts.some((plan) => plan.region === story.region)) return 'agreed';
  const statuses = story.items
    .filter((i) => i.owner !== 'region' && i.status !== 'dropped')
    .map((i) => i.status);
  if (!statuses.includes('agreed')) return 'collaboration';
  return statuses.includes('proposed') || statuses.includes('discussed') ? 'bilaterals' : 'bilaterals_done';
}

const dateOf = (iso: string) => iso.slice(0, 10);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const norwegian = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
/** A meeting's afternoon, when its milestone was recorded. */
const afternoonOf = (date: string) => new Date(`${date}T15:00:00Z`);

type Recorded = {
  plannedDate?: string;
  actualDate?: string;
  state?: 'in_progress' | 'done';
  note?: string;
  doneReason?: string;
};

/** What the coordinator recorded by hand on a milestone of this evidence kind, in this region's story. */
function recordedFor(kind: EvidenceKind | null, story: RegionStory, progress: Progress): Recorded {
  const proposed = dateOf(story.meetings.proposed);
  const discussed = dateOf(story.meetings.discussed);
  const agreed = dateOf(story.meetings.agreed);
  const begun = progress !== 'not_ready';
  switch (kind) {
    case 'kickoff_held': {
      const held = story.region === 'Drammensregionen' ? '2022-05-10' : '2021-01-19';
      return {
        actualDate: held,
        state: 'done',
        doneReason: `Oppstartsmøtet med alle rådsområdene ble holdt ${norwegian(held)}. Referatet er arkivert.`,
      };
    }
    case 'department_proposals':
      return { plannedDate: proposed };
    case 'summary_held':
      return begun
        ? {
            actualDate: addDays(discussed, -7),
            state: 'done',
            doneReason: `Oppsummeringsmøtet ${norwegian(addDays(discussed, -7))} avklarte hva fylkeskommunen legger fram i samhandlingsmøtet.`,
          }
        : { plannedDate: addDays(proposed, 21) };
    case 'wanted_subject_areas':
      return { plannedDate: dateOf(story.wantedAt) };
    case 'collaboration_held':
      return begun
        ? {
            actualDate: discussed,
            state: 'done',
            doneReason: `Første samhandlingsmøte med regionrådet ble holdt ${norwegian(discussed)}.`,
          }
        : {};
    case 'bilateral_held':
      if (progress === 'bilaterals_done' || progress === 'agreed')
        return {
          actualDate: agreed,
          state: 'done',
          doneReason: `Alle rådsområdene med bidrag har hatt bilateralt møte med regionen; det siste ${norwegian(agreed)}.`,
        };
      if (progress === 'bilaterals')
        return {
          plannedDate: agreed,
          state: 'in_progress',
          note: 'Noen rådsområder har hatt sitt bilaterale møte; de andre er avtalt.',
        };
      return progress === 'collaboration' ? { plannedDate: agreed } : {};
    case 'final_held': {
      const plan = demoAgreedSpecialParts.find((s) => s.region === story.region);
      if (progress === 'agreed' && plan) {
        const held = addDays(dateOf(plan.sentAt), -2);
        return {
          actualDate: held,
          state: 'done',
          doneReason: `Fellesmøtet ${norwegian(held)} ble enige om teksten som sendes til regionrådet.`,
        };
      }
      return progress === 'bilaterals_done' ? { plannedDate: addDays(agreed, 30) } : {};
    }
    default:
      return {};
  }
}

export async function loadDemoMilestones(db: Db, adminEmail: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.name, demoCycle.name));
    if (!cycle) throw new Error('the demo has no cycle');
    const [admin] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.email, adminEmail));
    if (!admin) throw new Error(`the demo has no admin ${adminEmail}`);
    const template = await tx
      .select()
      .from(milestoneTemplateItems)
      .where(eq(milestoneTemplateItems.cycleId, cycle.id))
      .orderBy(asc(milestoneTemplateItems.position));
    const rows = await tx
      .select({ agreement: agreements, region: regions.name })
      .from(agreements)
      .innerJoin(regions, eq(regions.id, agreements.regionId))
      .where(eq(agreements.cycleId, cycle.id));
    const contacts = await tx
      .select({ id: users.id, regionId: users.regionId })
      .from(users)
      .where(eq(users.role, 'region'))
      .orderBy(asc(users.email));

    const milestoneRows: (typeof agreementMilestones.$inferInsert)[] = [];
    for (const { agreement, region } of rows) {
      const story = demoRegionStories.find((s) => s.region === region);
      if (!story) continue;
      const progress = progressOf(story);
      template.forEach((item, position) => {
        const recorded = recordedFor(item.evidence as EvidenceKind | null, story, progress);
        const done = recorded.state === 'done';
        const touched = Object.keys(recorded).length > 0;
        const changedAt = afternoonOf(recorded.actualDate ?? recorded.plannedDate ?? dateOf(story.createdAt));
        milestoneRows.push({
          agreementId: agreement.id,
          templateItemId: item.id,
          name: item.name,
          stage: item.stage,
          evidence: item.evidence,
          optional: item.optional,
          position,
          plannedDate: recorded.plannedDate ?? null,
          actualDate: recorded.actualDate ?? null,
          state: recorded.state ?? 'not_started',
          note: recorded.note ?? null,
          doneReason: done ? (recorded.doneReason ?? null) : null,
          doneBy: done ? admin.id : null,
          doneAt: done ? changedAt : null,
          // The use cases count every change: one edit for a milestone recorded by hand.
          version: touched ? 2 : 1,
          createdAt: agreement.createdAt,
          updatedAt: touched ? changedAt : agreement.createdAt,
        });
      });
      const contact = contacts.find((c) => c.regionId === agreement.regionId);
      const ready = !(region in notReady);
      const markedAt = ready ? new Date(story.wantedAt) : afternoonOf(addDays(dateOf(story.wantedAt), 14));
      await tx
        .update(agreements)
        .set({
          regionReady: ready,
          regionReadyNote: notReady[region] ?? null,
          regionReadyMarkedBy: contact?.id ?? null,
          regionReadyMarkedAt: markedAt,
          version: agreement.version + 1,
          updatedAt: markedAt,
        })
        .where(eq(agreements.id, agreement.id));
    }
    if (milestoneRows.length > 0) await tx.insert(agreementMilestones).values(milestoneRows);
    await appendAudit(
      tx,
      { actor: admin, requestId: 'demo' },
      {
        action: 'cycle.loadDemoMilestones',
        entityType: 'cycle',
        entityId: cycle.id,
        before: null,
        after: {
          name: cycle.name,
          agreements: rows.length,
          milestones: milestoneRows.length,
          notReady: Object.keys(notReady),
        },
      },
    );
  });
}
