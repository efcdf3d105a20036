import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { contributionsSectionKey } from '../../shared/contracts/special-part.js';
import { agreementSubjectAreas, agreements, subjectAreas } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import {
  contributionComments,
  contributionStatusChanges,
  contributions,
} from '../contributions/contribution.table.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { departments, regions } from '../registry/registry.table.js';
import { generateContributionsContent } from '../special-part/contributions-content.js';
import { defaultSections } from '../special-part/default-sections.js';
import { specialPartSections, specialPartVersions } from '../special-part/special-part.table.js';
import { users } from '../users/user.table.js';
import { demoCycle } from './demo-general-part.js';
import type { SubjectKey } from './demo-special-parts-ideas.js';
import {
  type DemoAgreedSpecialPart,
  type DemoItem,
  type DepartmentKey,
  demoAgreedSpecialParts,
  demoDepartments,
  demoRegionStories,
  demoSubjectAreas,
  type RegionStory,
  type Speaker,
} from './demo-special-parts-text.js';

/**
 * DEMO ONLY. The demo cycle's special parts as they were negotiated in 2021 (`demo-special-parts-text.ts`):
 * subject areas, an agreement for every region pinning the approved general part, the regions' wanted
 * subject areas, the contributions with their dated status history and comments, and the special parts
 * agreed in 2021 (Indre Østfold's in June, Gardermoregionen's and Nedre Glomma's in November). Written as rows with the dates of then, as `demo-past-hearings.ts` does for the
 * hearings of 2020: the use cases stamp today's date and refuse a history (a special part agreed in 2021
 * from items agreed the month before), and every test file loads the demo, so the rows go in with a few
 * bulk inserts in one transaction. One audit event records the load, by the coordinator, today.
 */

type NewContribution = typeof contributions.$inferInsert;
type NewStatusChange = typeof contributionStatusChanges.$inferInsert;
type NewComment = typeof contributionComments.$inferInsert;

type Standard = 'nb' | 'nn';

/** The history's fixed reasons: the county's in bokmål, the region's in its own standard. */
const reasons = {
  proposedByDepartment: 'Rådsområdets forslag til regionen fra fylkeskommunens interne runde.',
  proposedByRegion: {
    nb: 'Regionens eget bidrag fra regionrådets interne arbeid.',
    nn: 'Bidraget til regionen sjølv frå det interne arbeidet i regionrådet.',
  } satisfies Record<Standard, string>,
  discussed: (date: string) => `Drøftet i første samarbeidsmøte med regionrådet ${date}.`,
  agreedByDepartment: (date: string) => `Enighet i bilateralt møte med regionen ${date}.`,
  agreedByRegion: {
    nb: (date: string) => `Avklart med fylkeskommunen i samarbeidsmøte ${date}.`,
    nn: (date: string) => `Avklart med fylkeskommunen i samarbeidsmøte ${date}.`,
  } satisfies Record<Standard, (date: string) => string>,
};

/** "2021-03-18T15:00:00+01:00" → "18.03.2021": the Oslo date the stories are written in. */
const norwegianDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The moment plus some minutes, so that items of one meeting keep their order in the history. */
const after = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (found === undefined) throw new Error(`the demo has no ${what} "${key}"`);
  return found;
}

export type DemoSpecialPartsSummary = {
  agreements: number;
  subjectAreas: number;
  wantedSubjectAreas: number;
  contributions: number;
  statusChanges: number;
  comments: number;
  specialPartVersions: number;
};

export async function loadDemoSpecialParts(db: Db, adminEmail: string): Promise<DemoSpecialPartsSummary> {
  return db.transaction(async (tx) => {
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.name, demoCycle.name));
    if (!cycle) throw new Error('the demo has no cycle');
    const [approved] = await tx
      .select({ id: generalPartVersions.id })
      .from(generalPartVersions)
      .where(and(eq(generalPartVersions.cycleId, cycle.id), eq(generalPartVersions.state, 'approved')));
    if (!approved) throw new Error('the demo cycle has no approved general part');

    const people = await castOf(tx, adminEmail);
    const areaIds = await subjectAreasOf(tx, cycle.id);

    const agreementRows: (typeof agreements.$inferInsert)[] = [];
    const wantedRows: (typeof agreementSubjectAreas.$inferInsert)[] = [];
    const contributionRows: NewContribution[] = [];
    const changeRows: NewStatusChange[] = [];
    const commentRows: NewComment[] = [];
    const agreementIdOf = new Map<string, string>();

    for (const story of demoRegionStories) {
      const region = lookup(people.regions, story.region, 'region');
      const contact = lookup(people.contacts, region.id, 'contact of region');
      const agreementId = randomUUID();
      agreementIdOf.set(story.region, agreementId);
      const createdAt = new Date(story.createdAt);
      agreementRows.push({
        id: agreementId,
        cycleId: cycle.id,
        regionId: region.id,
        generalPartVersionId: approved.id,
        periodFrom: story.periodFrom ?? cycle.periodFrom,
        periodTo: cycle.periodTo,
        createdBy: people.admin.id,
        createdAt,
        updatedAt: createdAt,
      });
      for (const wanted of story.wanted) {
        wantedRows.push({
          agreementId,
          subjectAreaId: lookup(areaIds, wanted.subject, 'subject area'),
          justification: wanted.justification,
          markedBy: contact,
          markedAt: new Date(story.wantedAt),
        });
      }
      const positions = new Map<SubjectKey, number>();
      story.items.forEach((item, index) => {
        const position = positions.get(item.subject) ?? 0;
        positions.set(item.subject, position + 1);
        const ownerUserId =
          item.owner === 'region' ? contact : lookup(people.editors, item.owner, 'editor of department');
        const id = randomUUID();
        const history = historyOf(story, item, index, {
          admin: people.admin.id,
          owner: ownerUserId,
          standard: region.writtenStandard,
        });
        const last = history.at(-1);
        contributionRows.push({
          id,
          agreementId,
          cycleId: cycle.id,
          subjectAreaId: lookup(areaIds, item.subject, 'subject area'),
          kind: item.kind,
          ownerDepartmentId:
            item.owner === 'region' ? null : lookup(people.departments, item.owner, 'department'),
          title: item.title,
          description: item.description,
          responsible: item.responsible,
          budgetNokPerYear: item.budget,
          timeFrame: item.timeFrame,
          indicators: item.indicators,
          status: item.status,
          position,
          createdBy: ownerUserId,
          // The use cases count every change of an item, its status changes included.
          version: history.length,
          createdAt: history[0]?.changedAt,
          updatedAt: last?.changedAt,
        });
        changeRows.push(...history.map((change) => ({ ...change, contributionId: id })));
        const ids: string[] = [];
        for (const comment of item.comments ?? []) {
          const who = (speaker: Speaker): string => {
            if (speaker === 'region') return contact;
            if (speaker === 'admin') return people.admin.id;
            if (speaker === 'owner') return ownerUserId;
            return lookup(people.editors, speaker, 'editor of department');
          };
          const commentId = randomUUID();
          const parentId = comment.replyTo === undefined ? null : ids[comment.replyTo];
          if (parentId === undefined) throw new Error(`the demo comment answers no comment: ${comment.text}`);
          ids.push(commentId);
          commentRows.push({
            id: commentId,
            contributionId: id,
            parentId,
            authorId: who(comment.by),
            body: comment.text,
            mentionedUserIds: (comment.mentions ?? []).map(who),
            createdAt: new Date(comment.at),
          });
        }
      });
    }

    await tx.insert(agreements).values(agreementRows);
    await tx.insert(agreementSubjectAreas).values(wantedRows);
    await tx.insert(contributions).values(contributionRows);
    await tx.insert(contributionStatusChanges).values(changeRows);
    await tx.insert(contributionComments).values(commentRows);

    const agreedSpecialPartVersionIds: string[] = [];
    for (const plan of demoAgreedSpecialParts) {
      agreedSpecialPartVersionIds.push(
        await agreeSpecialPart(tx, lookup(agreementIdOf, plan.region, 'agreement of region'), plan, {
          adminId: people.admin.id,
          standard: lookup(people.regions, plan.region, 'region').writtenStandard,
        }),
      );
    }

    const summary: DemoSpecialPartsSummary = {
      agreements: agreementRows.length,
      subjectAreas: areaIds.size,
      wantedSubjectAreas: wantedRows.length,
      contributions: contributionRows.length,
      statusChanges: changeRows.length,
      comments: commentRows.length,
      specialPartVersions: agreedSpecialPartVersionIds.length,
    };
    await appendAudit(
      tx,
      { actor: people.admin, requestId: 'demo' },
      {
        action: 'cycle.loadDemoSpecialParts',
        entityType: 'cycle',
        entityId: cycle.id,
        before: null,
        after: {
          name: cycle.name,
          ...summary,
          agreementIds: agreementRows.map((a) => a.id),
          agreedSpecialPartVersionIds,
        },
      },
    );
    return summary;
  });
}

type Cast = {
  admin: { id: string; name: string };
  departments: Map<DepartmentKey, string>;
  /** A department's editor, by the department's key. */
  editors: Map<DepartmentKey, string>;
  regions: Map<string, { id: string; writtenStandard: Standard }>;
  /** A region's contact, by the region's id. */
  contacts: Map<string, string>;
};

async function castOf(tx: Tx, adminEmail: string): Promise<Cast> {
  const [admin] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, adminEmail));
  if (!admin) throw new Error(`the demo has no admin ${adminEmail}`);
  const departmentRows = await tx.select({ id: departments.id, name: departments.name }).from(departments);
  const regionRows = await tx
    .select({ id: regions.id, name: regions.name, writtenStandard: regions.writtenStandard })
    .from(regions);
  const people = await tx
    .select({ id: users.id, role: users.role, departmentId: users.departmentId, regionId: users.regionId })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.email));

  const departmentIds = new Map(departmentRows.map((d) => [d.name, d.id]));
  const byKey = new Map<DepartmentKey, string>();
  const editors = new Map<DepartmentKey, string>();
  for (const [key, name] of Object.entries(demoDepartments) as [DepartmentKey, string][]) {
    const id = lookup(departmentIds, name, 'department');
    byKey.set(key, id);
    const editor = people.find((u) => u.role === 'department' && u.departmentId === id);
    if (editor) editors.set(key, editor.id);
  }
  const contacts = new Map<string, string>();
  for (const u of people) {
    if (u.role === 'region' && u.regionId && !contacts.has(u.regionId)) contacts.set(u.regionId, u.id);
  }
  return {
    admin,
    departments: byKey,
    editors,
    regions: new Map(
      regionRows.map((r) => [
        r.name,
        { id: r.id, writtenStandard: r.writtenStandard === 'nn' ? 'nn' : 'nb' },
      ]),
    ),
    contacts,
  };
}

/**
 * The cycle's subject areas by the demo's keys: those the cycle already has (a new cycle may start with a
 * default list) are used as they are, by name, and given the demo's description where they have none; the
 * rest are added after them.
 */
async function subjectAreasOf(tx: Tx, cycleId: string): Promise<Map<SubjectKey, string>> {
  const existing = await tx
    .select({ id: subjectAreas.id, name: subjectAreas.name, description: subjectAreas.description })
    .from(subjectAreas)
    .where(eq(subjectAreas.cycleId, cycleId))
    .orderBy(asc(subjectAreas.position));
  const byName = new Map(existing.map((a) => [a.name.toLowerCase(), a]));
  const ids = new Map<SubjectKey, string>();
  const missing: (typeof subjectAreas.$inferInsert)[] = [];
  for (const area of demoSubjectAreas) {
    const found = byName.get(area.name.toLowerCase());
    if (found) {
      ids.set(area.key, found.id);
      if (found.description === null) {
        await tx
          .update(subjectAreas)
          .set({ description: area.description })
          .where(eq(subjectAreas.id, found.id));
      }
      continue;
    }
    const id = randomUUID();
    ids.set(area.key, id);
    missing.push({
      id,
      cycleId,
      name: area.name,
      description: area.description,
      position: existing.length + missing.length,
    });
  }
  if (missing.length > 0) await tx.insert(subjectAreas).values(missing);
  return ids;
}

/**
 * An item's dated history: proposed at the county's internal round (or by the region), discussed at the
 * first joint meeting, agreed at the bilateral meetings, or dropped with its reason.
 */
function historyOf(
  story: RegionStory,
  item: DemoItem,
  index: number,
  who: { admin: string; owner: string; standard: Standard },
): Omit<NewStatusChange, 'contributionId'>[] {
  const { meetings } = story;
  const byRegion = item.owner === 'region';
  const history: Omit<NewStatusChange, 'contributionId'>[] = [
    {
      fromStatus: null,
      toStatus: 'proposed',
      reason: byRegion ? reasons.proposedByRegion[who.standard] : reasons.proposedByDepartment,
      changedBy: who.owner,
      changedAt: after(meetings.proposed, index),
    },
  ];
  const reached = item.status === 'dropped' ? (item.dropped?.from ?? 'proposed') : item.status;
  if (reached === 'discussed' || reached === 'agreed') {
    history.push({
      fromStatus: 'proposed',
      toStatus: 'discussed',
      reason: reasons.discussed(norwegianDate(meetings.discussed)),
      changedBy: who.admin,
      changedAt: after(meetings.discussed, index),
    });
  }
  if (reached === 'agreed') {
    const date = norwegianDate(meetings.agreed);
    history.push({
      fromStatus: 'discussed',
      toStatus: 'agreed',
      reason: byRegion ? reasons.agreedByRegion[who.standard](date) : reasons.agreedByDepartment(date),
      changedBy: who.owner,
      changedAt: after(meetings.agreed, index),
    });
  }
  if (item.status === 'dropped' && item.dropped) {
    const at = item.dropped.from === 'proposed' ? meetings.discussed : meetings.agreed;
    history.push({
      fromStatus: item.dropped.from,
      toStatus: 'dropped',
      reason: item.dropped.reason,
      changedBy: who.owner,
      changedAt: after(at, index),
    });
  }
  return history;
}

/**
 * An agreed special part, version 1 (Indre Østfold's, Gardermoregionen's, Nedre Glomma's): sent to the
 * regional council and agreed, its contributions section frozen as the special part's own generator made it
 * on the day it was sent.
 */
async function agreeSpecialPart(
  tx: Tx,
  agreementId: string,
  plan: DemoAgreedSpecialPart,
  who: { adminId: string; standard: Standard },
): Promise<string> {
  const { adminId } = who;
  const sentAt = new Date(plan.sentAt);
  const agreedAt = new Date(plan.agreedAt);
  const snapshot = await generateContributionsContent(tx, agreementId, { at: sentAt });
  const id = randomUUID();
  await tx.insert(specialPartVersions).values({
    id,
    agreementId,
    number: 1,
    state: 'agreed',
    contributionsSnapshot: snapshot,
    createdBy: adminId,
    sentAt,
    sentBy: adminId,
    agreedAt,
    agreedBy: adminId,
    // Written, sent and agreed: three changes, as the use cases count them.
    version: 3,
    createdAt: new Date(plan.createdAt),
    updatedAt: agreedAt,
  });
  const written = plan.sections;
  await tx.insert(specialPartSections).values(
    defaultSections(who.standard, plan.region).map((section, position) => ({
      versionId: id,
      key: section.key,
      title: section.title,
      body: section.key === contributionsSectionKey ? snapshot.body : (written[section.key] ?? section.body),
      position,
    })),
  );
  return id;
}
