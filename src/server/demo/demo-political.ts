import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Locale, Role } from '../../shared/contracts/common.js';
import { getAdoption } from '../adoption/adoption.routes.js';
import { recordAdoption } from '../adoption/record-adoption.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { bodyMeetings, politicalBodies } from '../bodies/body.table.js';
import { syncBodies } from '../bodies/sync-bodies.js';
import { createCase } from '../cases/create-case.js';
import { createCouncilCase } from '../cases/create-council-case.js';
import { updateCase, updateTreatment } from '../cases/edit-case.js';
import { recordDecision } from '../cases/record-decision.js';
import type { Db } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import type { Actor, Ctx } from '../platform/context.js';
import { membersOf } from '../registry/region-members.js';
import { municipalities, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { demoCycle } from './demo-general-part.js';
import {
  demoAgreedSpecialParts,
  gardermoSpecialPart,
  indreOstfoldSpecialPart,
  nedreGlommaSpecialPart,
} from './demo-special-parts-text.js';

/**
 * DEMO ONLY. The political processing of the demo cycle in 2021 and early 2022, made through the use cases
 * (as a coordinator and the regions' contacts would make it in the app), so every rule holds:
 *
 * - the political bodies made from the registry (syncBodies), each with a meeting plan: Fylkesrådet (the
 *   executive board) and Fylkestinget (the county council) with their deadlines for case documents, every
 *   regional council (its meeting on the day it agreed its special part among them) and every municipal
 *   council. The plans, some 400 meetings, go in as rows with one audit event, as the demo's other history
 *   does; the cases, decisions and municipal decisions through their use cases;
 * - the first batch: Indre Østfold's agreement, approved by Fylkesrådet on 19 August 2021, taken for
 *   information by Fylkestinget on 22 September 2021 (the council's information case), and adopted by the
 *   councils of its four municipalities in September and October 2021: **in force**;
 * - the second batch: Gardermoregionen's and Nedre Glomma's agreements, approved by Fylkesrådet on
 *   9 December 2021 and waiting for some municipal councils; Sarpsborg adopted with a change that the
 *   coordinator has not resolved yet; Fylkestinget's information case for it was **postponed** from
 *   16 February to 20 April 2022.
 *
 * The other regions are where the negotiation left them. The use cases stamp today on what they record
 * (who recorded a decision, when); every date the story tells (meetings, decisions) is the date of then.
 */

/** The first and second batch: the regions of each, its board meeting and the case numbers. */
const firstBatch = {
  regions: [indreOstfoldSpecialPart.region],
  boardMeeting: '2021-08-19',
  archive: '2021/10432',
  boardCaseNumber: '96/21',
  councilMeeting: '2021-09-22',
  councilCaseNumber: '78/21',
};
const secondBatch = {
  regions: [gardermoSpecialPart.region, nedreGlommaSpecialPart.region],
  boardMeeting: '2021-12-09',
  archive: '2021/18877',
  boardCaseNumber: '187/21',
  councilMeeting: '2022-02-16',
  councilCaseNumber: '12/22',
  postponedTo: '2022-04-20',
};

/** Fylkesrådet's meetings (Thursdays), the deadline for case documents two weeks before each. */
const boardMeetings = [
  '2021-01-21',
  '2021-02-11',
  '2021-03-04',
  '2021-03-25',
  '2021-04-22',
  '2021-05-20',
  '2021-06-10',
  '2021-06-24',
  '2021-08-19',
  '2021-09-09',
  '2021-09-30',
  '2021-10-21',
  '2021-11-11',
  '2021-12-09',
  '2022-01-13',
  '2022-02-03',
];
/** Fylkestinget's meetings, the deadline for case documents three weeks before each. */
const councilMeetings = [
  '2021-03-10',
  '2021-04-21',
  '2021-06-16',
  '2021-09-22',
  '2021-10-20',
  '2021-12-15',
  '2022-02-16',
  '2022-04-20',
];

/** The municipal councils' decisions, by municipality: the month of the council meeting and the outcome. */
type CouncilDecision = {
  municipality: string;
  /** The council meeting's month (YYYY-MM) in its plan: the decision is made there. */
  month: string;
  outcome: 'adopted' | 'adopted_with_changes';
  changedText?: string;
};
const councilDecisions: Record<string, CouncilDecision[]> = {
  [indreOstfoldSpecialPart.region]: [
    { municipality: 'Indre Østfold', month: '2021-09', outcome: 'adopted' },
    { municipality: 'Marker', month: '2021-09', outcome: 'adopted' },
    { municipality: 'Rakkestad', month: '2021-10', outcome: 'adopted' },
    { municipality: 'Skiptvet', month: '2021-10', outcome: 'adopted' },
  ],
  // Gjerdrum, Hurdal and Nannestad have not treated the agreement yet.
  [gardermoSpecialPart.region]: [
    { municipality: 'Ullensaker', month: '2022-02', outcome: 'adopted' },
    { municipality: 'Eidsvoll', month: '2022-02', outcome: 'adopted' },
    { municipality: 'Nes', month: '2022-03', outcome: 'adopted' },
  ],
  // Hvaler has not treated the agreement yet.
  [nedreGlommaSpecialPart.region]: [
    { municipality: 'Fredrikstad', month: '2022-02', outcome: 'adopted' },
    {
      municipality: 'Sarpsborg',
      month: '2022-02',
      outcome: 'adopted_with_changes',
      changedText:
        'Bystyret vedtar avtalen med den endring at tiltaket for levekår og folkehelse også skal omfatte Sarpsborgs bydeler øst for Glomma, og at Sarpsborg kommune deltar i styringsgruppen for tiltaket.',
    },
  ],
};

/** The months every municipal council meets in; the councils of the second batch's regions also in 2022. */
const councilMonths = ['2021-02', '2021-04', '2021-06', '2021-09', '2021-10', '2021-12'];
const councilMonths2022 = ['2022-02', '2022-03', '2022-05'];
/** The months every regional council meets in. */
const regionalMonths = ['2021-02', '2021-04', '2021-06', '2021-09', '2021-11'];

const dayMs = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/**
 * A weekday in a month for the body at this index: in the week of the month's first Monday or one of the
 * two after it, Monday to Thursday, so the plans do not all fall on one day (and never past the 24th).
 */
function meetingDay(month: string, index: number): string {
  const first = `${month}-01`;
  const weekday = new Date(`${first}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  const firstMonday = addDays(first, (8 - weekday) % 7);
  return addDays(firstMonday, 7 * (index % 3) + (index % 4));
}

async function actorOf(db: Db, email: string): Promise<Actor> {
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      departmentId: users.departmentId,
      regionId: users.regionId,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.email, email));
  if (!u) throw new Error(`the demo has no user ${email}`);
  return { ...u, role: u.role as Role, locale: u.locale as Locale };
}

export type DemoPoliticalSummary = {
  bodies: number;
  bodyMeetings: number;
  cases: number;
  municipalDecisions: number;
};

export async function loadDemoPolitical(db: Db, adminEmail: string): Promise<DemoPoliticalSummary> {
  const adminActor = await actorOf(db, adminEmail);
  const admin: Ctx = { db, actor: adminActor, requestId: 'demo' };
  const [cycle] = await db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('the demo has no cycle');
  const synced = await syncBodies(admin);

  const bodies = await db.select().from(politicalBodies).orderBy(asc(politicalBodies.name));
  const regionRows = await db.select({ id: regions.id, name: regions.name }).from(regions);
  const municipalityRows = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities);
  /** Every meeting planned, by body and date. */
  const meetingIds = new Map<string, string>();
  const planned: (typeof bodyMeetings.$inferInsert)[] = [];
  const plan = (bodyId: string, date: string, documentsDue: string | null, place: string | null) => {
    const id = randomUUID();
    meetingIds.set(`${bodyId} ${date}`, id);
    planned.push({ id, bodyId, date, documentsDue, place });
  };
  const meetingOf = (bodyId: string, date: string) => {
    const id = meetingIds.get(`${bodyId} ${date}`);
    if (!id) throw new Error(`the demo has no meeting of ${bodyId} on ${date}`);
    return id;
  };

  const board = bodies.find((b) => b.kind === 'executive_board');
  const council = bodies.find((b) => b.kind === 'county_council');
  if (!board || !council) throw new Error('the demo has no county bodies');
  for (const date of boardMeetings) plan(board.id, date, addDays(date, -14), 'Fylkeshuset');
  for (const date of councilMeetings)
    plan(council.id, date, addDays(date, -21), 'Fylkeshuset, fylkestingssalen');

  const secondBatchRegionIds = regionRows
    .filter((r) => secondBatch.regions.includes(r.name))
    .map((r) => r.id);
  const inSecondBatch = new Set(
    [...(await membersOf(db, secondBatchRegionIds)).values()].flatMap((list) =>
      list.map((m) => m.municipalityId),
    ),
  );
  /** Each municipality's council, by the municipality's id (a name may be two municipalities in turn). */
  const councilOf = new Map<string, string>();
  let index = 0;
  for (const body of bodies) {
    index++;
    if (body.kind === 'regional_council') {
      const region = regionRows.find((r) => r.id === body.regionId);
      const agreedOn = demoAgreedSpecialParts.find((s) => s.region === region?.name)?.agreedAt.slice(0, 10);
      const dates = regionalMonths.map((month) =>
        agreedOn?.startsWith(month) ? agreedOn : meetingDay(month, index),
      );
      if (agreedOn && !dates.includes(agreedOn)) dates.push(agreedOn);
      for (const date of dates.sort()) plan(body.id, date, null, null);
    }
    if (body.kind === 'municipal_council' && body.municipalityId) {
      const name = municipalityRows.find((m) => m.id === body.municipalityId)?.name ?? '';
      councilOf.set(body.municipalityId, body.id);
      const months = inSecondBatch.has(body.municipalityId)
        ? [...councilMonths, ...councilMonths2022]
        : councilMonths;
      for (const month of months) plan(body.id, meetingDay(month, index), null, `${name} rådhus`);
    }
  }
  // The plans as the county and the regions kept them in 2021: rows with one audit event, as the demo's
  // other history (createBodyMeeting, one transaction each, would make the demo several times slower).
  await db.transaction(async (tx) => {
    await tx.insert(bodyMeetings).values(planned);
    await appendAudit(
      tx,
      { actor: adminActor, requestId: 'demo' },
      {
        action: 'politicalBody.loadDemoPlans',
        entityType: 'cycle',
        entityId: cycle.id,
        before: null,
        after: { bodies: bodies.length, meetings: planned.length },
      },
    );
  });

  const agreementRows = await db
    .select({ id: agreements.id, region: regions.name })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.cycleId, cycle.id));
  const agreementOf = (region: string) => {
    const found = agreementRows.find((a) => a.region === region);
    if (!found) throw new Error(`the demo has no agreement of ${region}`);
    return found.id;
  };

  /** A batch through Fylkesrådet (approved, unanimously) and on to Fylkestinget for information. */
  const treatBatch = async (batch: typeof firstBatch & { postponedTo?: string }) => {
    const made = await createCase(admin, {
      cycleId: cycle.id,
      agreementIds: batch.regions.map(agreementOf),
      meetingId: meetingOf(board.id, batch.boardMeeting),
    });
    const signed = await updateCase(admin, made.id, {
      title: made.title,
      archiveReference: batch.archive,
      background: made.background,
      facts: made.facts,
      alternatives: made.alternatives,
      assessment: made.assessment,
      consequences: made.consequences,
      authority: made.authority,
      signerName: 'Prosesskoordinator (demo)',
      signerTitle: 'Prosesskoordinator, Fylkesrådsleders kontor',
      signedOn: addDays(batch.boardMeeting, -15),
      version: made.version,
    });
    const boardTreatment = signed.treatments[0];
    if (!boardTreatment) throw new Error('the case has no treatment');
    const numbered = await updateTreatment(admin, made.id, boardTreatment.id, {
      meetingId: meetingOf(board.id, batch.boardMeeting),
      caseNumber: batch.boardCaseNumber,
      version: boardTreatment.version,
    });
    const numberedTreatment = numbered.treatments[0];
    if (!numberedTreatment) throw new Error('the case has no treatment');
    await recordDecision(admin, made.id, numberedTreatment.id, {
      outcome: 'adopted',
      decisionText: signed.decisionPoints.map((p, i) => `${i + 1}. ${p.text}`).join('\n'),
      decidedOn: batch.boardMeeting,
      unanimous: true,
      version: numberedTreatment.version,
    });

    const informed = await createCouncilCase(admin, made.id);
    const councilTreatment = informed.treatments[0];
    if (!councilTreatment) throw new Error('the council case has no treatment');
    const planned = await updateTreatment(admin, informed.id, councilTreatment.id, {
      meetingId: meetingOf(council.id, batch.councilMeeting),
      caseNumber: batch.councilCaseNumber,
      version: councilTreatment.version,
    });
    const plannedTreatment = planned.treatments[0];
    if (!plannedTreatment) throw new Error('the council case has no treatment');
    if (batch.postponedTo) {
      await recordDecision(admin, informed.id, plannedTreatment.id, {
        outcome: 'postponed',
        decisionText: 'Fylkestinget rakk ikke saken og utsatte den til neste møte.',
        decidedOn: batch.councilMeeting,
        postponedToMeetingId: meetingOf(council.id, batch.postponedTo),
        version: plannedTreatment.version,
      });
    } else {
      await recordDecision(admin, informed.id, plannedTreatment.id, {
        outcome: 'information',
        decisionText: planned.decisionPoints.map((p) => p.text).join('\n'),
        decidedOn: batch.councilMeeting,
        version: plannedTreatment.version,
      });
    }
  };
  await treatBatch(firstBatch);
  await treatBatch(secondBatch);

  // The councils' decisions, recorded by each region's contact.
  let municipalDecisions = 0;
  for (const [region, decisions] of Object.entries(councilDecisions)) {
    const agreementId = agreementOf(region);
    const contact = await db
      .select({ email: users.email })
      .from(users)
      .innerJoin(regions, eq(regions.id, users.regionId))
      .where(eq(regions.name, region))
      .orderBy(asc(users.email))
      .limit(1);
    const email = contact[0]?.email;
    if (!email) throw new Error(`the demo has no contact of ${region}`);
    const ctx: Ctx = { db, actor: await actorOf(db, email), requestId: 'demo' };
    const adoption = await getAdoption(ctx, agreementId);
    for (const decision of decisions) {
      const row = adoption.rows.find((r) => r.municipalityName === decision.municipality);
      const councilId = row ? councilOf.get(row.municipalityId) : undefined;
      if (!row || !councilId) throw new Error(`${decision.municipality} is no member of ${region}`);
      const date = [...meetingIds.keys()]
        .filter((key) => key.startsWith(`${councilId} ${decision.month}`))
        .map((key) => key.slice(councilId.length + 1))[0];
      if (!date)
        throw new Error(`the council of ${decision.municipality} has no meeting in ${decision.month}`);
      const sequence = 10 + municipalDecisions * 7;
      await recordAdoption(ctx, agreementId, row.municipalityId, {
        bodyMeetingId: meetingOf(councilId, date),
        decidedOn: date,
        caseReference: `${sequence}/${date.slice(2, 4)}`,
        recordUrl: `https://einnsyn.no/sok?q=${encodeURIComponent(`partnerskapsavtale ${decision.municipality}`)}`,
        outcome: decision.outcome,
        changedText: decision.changedText ?? null,
      });
      municipalDecisions++;
    }
  }

  return {
    bodies: synced.created,
    bodyMeetings: meetingIds.size,
    cases: 4,
    municipalDecisions,
  };
}
