import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Locale, Role } from '../../shared/contracts/common.js';
import type { ReportStatus } from '../../shared/contracts/follow-up.js';
import { osloParts, toOsloIso } from '../../shared/contracts/oslo-time.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Db } from '../db/client.js';
import { commitmentIndicators, commitments, indicatorGoals } from '../follow-up/commitment.table.js';
import { openRound } from '../follow-up/open-round.js';
import {
  commitmentReports,
  reportIndicatorValues,
  reportingRoundCommitments,
  reportingRounds,
} from '../follow-up/reporting-round.table.js';
import { saveReport } from '../follow-up/save-report.js';
import { cycles } from '../general-part/general-part.table.js';
import type { Actor, Ctx } from '../platform/context.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { demoCycle } from './demo-general-part.js';
import { doc, p } from './demo-rich-text.js';
import { indreOstfoldSpecialPart } from './demo-special-parts-text.js';

/**
 * DEMO ONLY. The follow-up of Indre Østfold's agreement, in force since October 2021 (demo-political.ts
 * made its commitments from the agreed contributions: the departments' and the region's own, with their
 * budgets and indicators):
 *
 * - intermediate goals for two indicators (commercial guest nights and vocational students);
 * - two closed and published rounds, «Årsrapport 2022» and «Årsrapport 2023», where every owner reported
 *   on every commitment. In 2023 the traffic safety measures along fv. 115 are **delayed** (an appealed
 *   zoning plan, explained in the report) and the commercial guest nights are **behind their goal**
 *   (98 000 against 105 000), so «Indre Østfold som reisemål» is at risk;
 * - an open round, «Årsrapport 2024», with its deadline three weeks from today: Næring and the region have
 *   submitted a report each, Samferdsel has saved a draft, and the other owners have not reported.
 *
 * The closed rounds are history and go in as rows with one audit event, as the demo's other history does
 * (a round cannot be opened with a deadline in the past); the open round and its reports are made through
 * the use cases, so they schedule the reminders and check the owners as the app does.
 */

const region = indreOstfoldSpecialPart.region;

const traffic = 'Trafikksikkerhetstiltak langs fv. 115';
const destination = 'Indre Østfold som reisemål';
const startups = 'Etablererservice i Indre Østfold';
const municipalShare = 'Kommunenes andel av etablererservicen';

/** The intermediate goals, by indicator name: the value due at the end of 2022 and of 2023. */
const goals: Record<string, [number, number]> = {
  'Kommersielle gjestedøgn': [100_000, 105_000],
  'Fagskolestudenter ved avdelingen': [20, 35],
};

type Closed = {
  name: string;
  year: number;
  openedAt: string;
  deadline: string;
  closedAt: string;
  publishedAt: string;
  /** How far along the commitments on track are, and how far the indicators have come towards target. */
  share: number;
};
const closedRounds: Closed[] = [
  {
    name: 'Årsrapport 2022',
    year: 2022,
    openedAt: '2023-01-09T09:00:00+01:00',
    deadline: '2023-02-15',
    closedAt: '2023-02-27T10:00:00+01:00',
    publishedAt: '2023-03-10T12:00:00+01:00',
    share: 0.35,
  },
  {
    name: 'Årsrapport 2023',
    year: 2023,
    openedAt: '2024-01-08T09:00:00+01:00',
    deadline: '2024-02-15',
    closedAt: '2024-02-26T10:00:00+01:00',
    publishedAt: '2024-03-08T12:00:00+01:00',
    share: 0.65,
  },
];
const openRoundName = 'Årsrapport 2024';

type DemoReport = {
  status: ReportStatus;
  progress: number;
  done: RichTextDoc;
  next: RichTextDoc;
  /** Values by indicator name, where they differ from the steady course. */
  values?: Record<string, number>;
};

/** What the owner reported on a commitment in a year: the story's exceptions, else the steady course. */
function reportOf(title: string, year: number, share: number): DemoReport {
  if (title === traffic && year === 2022) {
    return {
      status: 'at_risk',
      progress: 20,
      done: doc(
        p('Tiltakene på to skoleveier er prosjektert, og reguleringsplanen for Tenor skole er vedtatt.'),
      ),
      next: doc(
        p(
          'Reguleringsplanen for gang- og sykkelveien ved Ørje er påklaget. Utbyggingen starter når klagen er avgjort.',
        ),
      ),
    };
  }
  if (title === traffic && year === 2023) {
    return {
      status: 'delayed',
      progress: 30,
      done: doc(
        p(
          'To strekninger er utbedret. **Forsinkelse:** klagen på reguleringsplanen ved Ørje ble først avgjort i november 2023, og anleggsarbeidet er flyttet til 2024. Kostnadene har økt med om lag 15 prosent.',
        ),
      ),
      next: doc(
        p(
          'Anbud for strekningen ved Ørje lyses ut i februar 2024. Samferdsel legger fram et forslag til ny fremdrift for regionrådet i mars 2024.',
        ),
      ),
    };
  }
  if (title === traffic) {
    return {
      status: 'delayed',
      progress: 60,
      done: doc(p('Strekningen ved Ørje er under bygging, og fire av seks strekninger er ferdige.')),
      next: doc(p('De to siste strekningene blir ferdige høsten 2025, ett år senere enn avtalt.')),
    };
  }
  if (title === destination && year === 2023) {
    return {
      status: 'at_risk',
      progress: 55,
      done: doc(p('Fellesmarkedsføringen har 22 bedrifter med, og nettsiden for reisemålet er lansert.')),
      next: doc(
        p(
          'Gjestedøgnene er under delmålet for 2023 (98 000 mot 105 000) etter at et av hotellene i Mysen stengte. Næring og regionen setter inn tiltak for sommersesongen 2024.',
        ),
      ),
      values: { 'Kommersielle gjestedøgn': 98_000, 'Bedrifter med i fellesmarkedsføringen': 22 },
    };
  }
  return {
    status: 'on_track',
    progress: Math.round(share * 100),
    done: doc(p(`Arbeidet med «${title}» fulgte planen for ${year}.`)),
    next: doc(p(`Arbeidet fortsetter etter planen i ${year + 1}.`)),
  };
}

/** An indicator's value on the steady course: the share of the way from baseline to target. */
const steady = (baseline: number, target: number, share: number) =>
  Math.round(baseline + (target - baseline) * share);

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function actorOf(db: Db, where: SQL | undefined): Promise<Actor> {
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
    .where(where)
    .orderBy(asc(users.email))
    .limit(1);
  if (!u) throw new Error('the demo has no user for a follow-up owner');
  return { ...u, role: u.role as Role, locale: u.locale as Locale };
}

export type DemoFollowUpSummary = { closedRounds: number; reports: number; openRoundId: string };

export async function loadDemoFollowUp(db: Db, adminEmail: string): Promise<DemoFollowUpSummary> {
  const admin = await actorOf(db, eq(users.email, adminEmail));
  const [cycle] = await db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('the demo has no cycle');
  const [agreement] = await db
    .select({ id: agreements.id, regionId: agreements.regionId })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(and(eq(agreements.cycleId, cycle.id), eq(regions.name, region)));
  if (!agreement) throw new Error(`the demo has no agreement of ${region}`);
  const own = await db
    .select()
    .from(commitments)
    .where(and(eq(commitments.agreementId, agreement.id), eq(commitments.state, 'active')))
    .orderBy(asc(commitments.subjectAreaId), asc(commitments.title));
  if (own.length === 0) throw new Error(`${region}'s agreement has no commitments: is it in force?`);
  const indicators = await db
    .select()
    .from(commitmentIndicators)
    .innerJoin(commitments, eq(commitments.id, commitmentIndicators.commitmentId))
    .where(eq(commitments.agreementId, agreement.id));

  const ownerOf = (ownerDepartmentId: string | null): Promise<Actor> =>
    actorOf(
      db,
      ownerDepartmentId === null
        ? and(eq(users.role, 'region'), eq(users.regionId, agreement.regionId))
        : and(eq(users.role, 'department'), eq(users.departmentId, ownerDepartmentId)),
    );
  const owners = new Map<string, Actor>();
  for (const c of own) {
    const key = c.ownerDepartmentId ?? 'region';
    if (!owners.has(key)) owners.set(key, await ownerOf(c.ownerDepartmentId));
  }
  const reporterOf = (c: (typeof own)[number]) => {
    const actor = owners.get(c.ownerDepartmentId ?? 'region');
    if (!actor) throw new Error('a commitment without its owner');
    return actor;
  };

  let reports = 0;
  await db.transaction(async (tx) => {
    const goalRows = indicators.flatMap(({ commitment_indicators: i }) => {
      const due = goals[i.name];
      return due
        ? [
            { indicatorId: i.id, value: due[0], dueOn: '2022-12-31' },
            { indicatorId: i.id, value: due[1], dueOn: '2023-12-31' },
          ]
        : [];
    });
    if (goalRows.length > 0) await tx.insert(indicatorGoals).values(goalRows);

    const roundIds: string[] = [];
    for (const r of closedRounds) {
      const [round] = await tx
        .insert(reportingRounds)
        .values({
          cycleId: cycle.id,
          name: r.name,
          deadline: r.deadline,
          state: 'closed',
          closedAt: new Date(r.closedAt),
          closedBy: admin.id,
          publishedAt: new Date(r.publishedAt),
          publishedBy: admin.id,
          createdBy: admin.id,
          createdAt: new Date(r.openedAt),
          updatedAt: new Date(r.publishedAt),
        })
        .returning({ id: reportingRounds.id });
      if (!round) throw new Error('insert returned nothing');
      roundIds.push(round.id);
      await tx
        .insert(reportingRoundCommitments)
        .values(own.map((c) => ({ roundId: round.id, commitmentId: c.id })));
      // Reports come in over the week before the deadline.
      const made = own.map((c, index) => {
        const story = reportOf(c.title, r.year, r.share);
        const submittedAt = new Date(`${addDays(r.deadline, -(index % 7))}T13:00:00+01:00`);
        const reporter = reporterOf(c).id;
        return {
          roundId: round.id,
          commitmentId: c.id,
          status: story.status,
          progress: story.progress,
          done: story.done,
          next: story.next,
          spentNok:
            c.budgetNok === null ? null : Math.round((c.budgetNok * story.progress) / 100 / 1000) * 1000,
          state: 'submitted',
          savedBy: reporter,
          submittedBy: reporter,
          submittedAt,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        };
      });
      const rows = await tx
        .insert(commitmentReports)
        .values(made)
        .returning({ id: commitmentReports.id, commitmentId: commitmentReports.commitmentId });
      reports += rows.length;
      const values = rows.flatMap((row) => {
        const c = own.find((x) => x.id === row.commitmentId);
        if (!c) return [];
        const story = reportOf(c.title, r.year, r.share);
        return indicators
          .filter(({ commitment_indicators: i }) => i.commitmentId === c.id)
          .map(({ commitment_indicators: i }) => ({
            reportId: row.id,
            indicatorId: i.id,
            unit: i.unit,
            value: story.values?.[i.name] ?? steady(i.baselineValue, i.targetValue, r.share),
            measuredOn: `${r.year}-12-31`,
          }));
      });
      if (values.length > 0) await tx.insert(reportIndicatorValues).values(values);
    }
    await appendAudit(
      tx,
      { actor: admin, requestId: 'demo' },
      {
        action: 'cycle.loadDemoFollowUp',
        entityType: 'cycle',
        entityId: cycle.id,
        before: null,
        after: { roundIds, reports, indicatorGoals: goalRows.length },
      },
    );
  });

  // The open round, three weeks to its deadline, through the use cases.
  const adminCtx: Ctx = { db, actor: admin, requestId: 'demo' };
  const today = osloParts(toOsloIso(new Date())).date;
  const opened = await openRound(
    adminCtx,
    { cycleId: cycle.id, name: openRoundName, deadline: addDays(today, 21) },
    { appUrl: process.env.PUBLIC_URL ?? 'http://localhost:3000' },
  );
  const report = async (title: string, submit: boolean, values: Record<string, number>) => {
    const c = own.find((x) => x.title === title);
    if (!c) throw new Error(`the demo agreement has no commitment «${title}»`);
    const story = reportOf(c.title, 2024, 0.9);
    await saveReport(
      { db, actor: reporterOf(c), requestId: 'demo' },
      opened.id,
      c.id,
      {
        status: story.status,
        progress: story.progress,
        done: story.done,
        next: story.next,
        spentNok: c.budgetNok === null ? null : Math.round((c.budgetNok * 0.9) / 1000) * 1000,
        values: indicators
          .filter(({ commitment_indicators: i }) => i.commitmentId === c.id && values[i.name] !== undefined)
          .map(({ commitment_indicators: i }) => ({
            indicatorId: i.id,
            unit: i.unit,
            value: values[i.name],
            measuredOn: '2024-12-31',
          })),
      },
      { submit },
    );
    reports += 1;
  };
  await report(startups, true, {
    'Veiledningssamtaler med etablerere': 242,
    'Nye foretak etter veiledning': 57,
  });
  await report(municipalShare, true, {});
  await report(traffic, false, { 'Utbedrede skoleveier': 4 });
  return { closedRounds: closedRounds.length, reports, openRoundId: opened.id };
}
