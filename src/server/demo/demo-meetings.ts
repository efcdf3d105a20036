import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type {
  Attendance,
  MeetingState,
  MeetingType,
  ParticipantSide,
} from '../../shared/contracts/meetings.js';
import { fromOsloParts, osloParts, toOsloIso } from '../../shared/contracts/oslo-time.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { contributions } from '../contributions/contribution.table.js';
import type { Db } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import {
  meetingAgendaItems,
  meetingAgreements,
  meetingComments,
  meetingOutcomes,
  meetingParticipants,
  meetings,
} from '../meetings/meeting.table.js';
import { departments, people, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { demoCycle } from './demo-general-part.js';
import { bullets, doc, h3, p } from './demo-rich-text.js';
import {
  type DepartmentKey,
  demoDepartments,
  demoRegionStories,
  gardermoSpecialPart,
  indreOstfoldSpecialPart,
  nedreGlommaSpecialPart,
} from './demo-special-parts-text.js';

/**
 * DEMO ONLY. The demo cycle's meetings, told from the same story as the contributions and the milestones:
 * the kickoff with every department in January 2021, the internal summary a week before each of the first
 * collaboration meetings, the collaboration meetings with Indre Østfold, Mosseregionen and Hallingdal, the
 * bilateral meetings where items were agreed, and the final meetings of Indre Østfold (June 2021),
 * Gardermoregionen and Nedre Glomma (October and November 2021); then the follow-up of
 * today: a bilateral meeting held last week whose minutes are out for comment, a follow-up meeting with open
 * actions on the start pages of Samferdsel and Indre Østfold, a cancelled meeting, and meetings planned for
 * the coming weeks (one with a region's proposed agenda item). Rows with the dates of then, as the rest of
 * the demo; nothing is e-mailed and no reminder is asked for. One audit event records the load.
 */

const indre = 'Indre Østfold regionråd';
const moss = 'Mosseregionen interkommunale politiske råd';
const hallingdal = 'Regionrådet for Hallingdal';

/** A county person: the coordinator, or a department's editor. */
type Who = 'admin' | DepartmentKey;
type Contact = { contact: string };

type DemoParticipant =
  | { who: Who | Contact; attendance?: Attendance }
  | { name: string; organisation: string; side: ParticipantSide; attendance?: Attendance };

type DemoOutcome = {
  kind: 'information' | 'decision' | 'action';
  text: string;
  owner?: DepartmentKey | Contact;
  due?: string;
  /** When the action was done; absent: still open. */
  done?: string;
  /** The owner department's first agreed contribution in the meeting's (first) agreement. */
  linkContribution?: true;
};

type DemoMeeting = {
  type: MeetingType;
  title: string;
  startsAt: string;
  durationMinutes: number;
  place?: string;
  videoLink?: string;
  regions: string[];
  owner?: DepartmentKey;
  state: MeetingState;
  participants: DemoParticipant[];
  agenda: { title: string; minutes: number; proposedBy?: string; accepted?: true }[];
  minutes?: RichTextDoc;
  outcomes?: DemoOutcome[];
  comments?: { by: Who | Contact; at: string; text: string }[];
};

const allDepartments = Object.keys(demoDepartments) as DepartmentKey[];
const countySide = (...keys: Who[]): DemoParticipant[] => keys.map((who) => ({ who }));
const everyDepartment = () => countySide('admin', ...allDepartments);
const mayor = (municipality: string, attendance?: Attendance): DemoParticipant => ({
  name: `Ordfører i ${municipality} (demo)`,
  organisation: `${municipality} kommune`,
  side: 'municipality',
  ...(attendance ? { attendance } : {}),
});

const storyOf = (region: string) => {
  const story = demoRegionStories.find((s) => s.region === region);
  if (!story) throw new Error(`the demo has no story of ${region}`);
  return story;
};

const dayMs = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
/** A time of day in Oslo, some days from `date`. */
const at = (date: string, days: number, time: string) => {
  const iso = fromOsloParts(addDays(date, days), time);
  if (!iso) throw new Error(`no time ${date} ${time}`);
  return iso;
};

function demoMeetings(today: string): DemoMeeting[] {
  const indreStory = storyOf(indre);
  const mossStory = storyOf(moss);
  const hallingdalStory = storyOf(hallingdal);
  const summaryBefore = (discussed: string) => at(discussed.slice(0, 10), -7, '13:00');
  const finalDate = addDays(indreOstfoldSpecialPart.sentAt.slice(0, 10), -2);
  return [
    {
      type: 'kickoff',
      title: 'Oppstartsmøte for de spesielle delene',
      startsAt: '2021-01-19T09:00:00+01:00',
      durationMinutes: 150,
      place: 'Fylkeshuset, møterom Kongsberg',
      regions: [],
      state: 'minutes_approved',
      participants: everyDepartment(),
      agenda: [
        { title: 'Vedtaket om prosessen for de spesielle delene', minutes: 20 },
        { title: 'Hvordan rådsområdene arbeider fram sine forslag', minutes: 60 },
        { title: 'Tidsplan for samhandlingsmøtene', minutes: 40 },
        { title: 'Eventuelt', minutes: 10 },
      ],
      minutes: doc(
        h3('Vedtaket om prosessen'),
        p(
          'Koordinatoren gikk gjennom fylkesrådets vedtak av 22.10.2020. Hvert rådsområde **eier sin del** av den spesielle delen i hver region.',
        ),
        h3('Rådsområdenes forslag'),
        bullets(
          'Rådsområdene lager forslag til hver region ut fra regionenes ønskede fagområder.',
          'Forslagene legges inn som bidrag i Partnerskap, slik at matrisen viser hvor det mangler noe.',
        ),
      ),
      outcomes: [
        {
          kind: 'decision',
          text: 'Hvert rådsområde legger inn sine forslag til regionene før oppsummeringsmøtet for regionen.',
        },
        {
          kind: 'action',
          text: 'Sende ut tidsplan for samhandlingsmøtene til rådsområdene.',
          owner: 'frk',
          due: '2021-01-29',
          done: '2021-01-27T14:00:00+01:00',
        },
      ],
    },
    ...[indreStory, mossStory, hallingdalStory].map(
      (story): DemoMeeting => ({
        type: 'internal_summary',
        title: `Oppsummeringsmøte før samhandlingsmøtet med ${story.region}`,
        startsAt: summaryBefore(story.meetings.discussed),
        durationMinutes: 90,
        videoLink: 'https://teams.example.no/partnerskap/oppsummering',
        regions: [story.region],
        state: 'minutes_approved',
        participants: everyDepartment(),
        agenda: [
          { title: 'Hva fylkeskommunen legger fram samlet', minutes: 45 },
          { title: 'Hvem fra hvert rådsområde møter', minutes: 30 },
        ],
        minutes: doc(
          p(
            `Rådsområdene gikk gjennom forslagene til ${story.region} og ble enige om hva fylkeskommunen legger fram samlet i samhandlingsmøtet.`,
          ),
        ),
        outcomes: [{ kind: 'decision', text: 'Hvert rådsområde stiller med én person i samhandlingsmøtet.' }],
      }),
    ),
    {
      type: 'collaboration',
      title: `Samhandlingsmøte med ${indre}`,
      startsAt: indreStory.meetings.discussed,
      durationMinutes: 150,
      place: 'Askim rådhus, kommunestyresalen',
      regions: [indre],
      state: 'minutes_approved',
      participants: [
        ...countySide('admin', 'frk', 'samferdsel', 'utdanning', 'kultur', 'naering', 'klima'),
        { who: 'tannhelse', attendance: 'excused' },
        { who: { contact: indre } },
        mayor('Marker'),
        mayor('Rakkestad'),
      ],
      agenda: [
        { title: 'Fylkeskommunen legger fram sine forslag', minutes: 45 },
        { title: 'Regionen legger fram sine ønsker', minutes: 45 },
        { title: 'Veien videre: de bilaterale møtene', minutes: 30 },
      ],
      minutes: doc(
        h3('Forslagene og ønskene'),
        p(
          'Regionen prioriterer **næring**, **utdanning og kompetanse** og **trafikksikre skoleveier**. Fylkeskommunen la fram forslag fra alle rådsområdene.',
        ),
        h3('Veien videre'),
        bullets(
          'Næring, Utdanning og kompetanse og Samferdsel har bilaterale møter med regionen i mai.',
          'Sykkelveien langs fv. 115 tas opp igjen ved neste rullering av handlingsprogrammet.',
        ),
      ),
      outcomes: [
        { kind: 'information', text: 'Fagskolen kan starte en avdeling i Mysen høsten 2022.' },
        {
          kind: 'decision',
          text: 'Næring, utdanning og trafikksikkerhet er regionens tre hovedområder i den spesielle delen.',
        },
        {
          kind: 'action',
          text: 'Bekrefte lokaler til fagskoleavdelingen i kompetansesenteret i Mysen.',
          owner: { contact: indre },
          due: '2021-04-30',
          done: '2021-04-19T08:30:00+02:00',
        },
      ],
    },
    {
      type: 'collaboration',
      title: `Samhandlingsmøte med ${moss}`,
      startsAt: mossStory.meetings.discussed,
      durationMinutes: 150,
      place: 'Moss rådhus',
      regions: [moss],
      state: 'minutes_approved',
      participants: [
        ...everyDepartment(),
        { who: { contact: moss } },
        mayor('Råde'),
        mayor('Vestby', 'excused'),
      ],
      agenda: [
        { title: 'Fylkeskommunen legger fram sine forslag', minutes: 45 },
        { title: 'Regionen legger fram sine ønsker', minutes: 45 },
        { title: 'Avtale de bilaterale møtene', minutes: 30 },
      ],
      minutes: doc(
        p('Partene gikk gjennom forslagene og regionens ønsker, og avtalte bilaterale møter til høsten.'),
      ),
      outcomes: [{ kind: 'decision', text: 'De bilaterale møtene holdes i august og september.' }],
    },
    {
      type: 'collaboration',
      title: `Samhandlingsmøte med ${hallingdal}`,
      startsAt: hallingdalStory.meetings.discussed,
      durationMinutes: 150,
      place: 'Gol kulturhus',
      regions: [hallingdal],
      state: 'minutes_approved',
      participants: [...everyDepartment(), { who: { contact: hallingdal } }, mayor('Gol'), mayor('Hemsedal')],
      agenda: [
        { title: 'Fylkeskommunen legg fram forslaga sine', minutes: 45 },
        { title: 'Regionen legg fram ønska sine', minutes: 45 },
        { title: 'Vegen vidare', minutes: 30 },
      ],
      minutes: doc(
        p(
          'Regionen la vekt på reiseliv, kulturarv og kollektivtilbodet langs Hallingdalsbanen. Rådsområda tek med seg ønska til dei bilaterale møta.',
        ),
      ),
      outcomes: [
        { kind: 'decision', text: 'Samferdsel og Kultur har bilaterale møte med regionen i haust.' },
      ],
    },
    ...(
      [
        ['naering', '09:00', 'Bilateralt møte om etablererservice og reiseliv'],
        ['utdanning', '11:00', 'Bilateralt møte om fagskole og desentraliserte studier'],
        ['samferdsel', '13:00', 'Bilateralt møte om trafikksikre skoleveier'],
      ] as const
    ).map(
      ([owner, time, title]): DemoMeeting => ({
        type: 'bilateral',
        title,
        startsAt: at(indreStory.meetings.agreed.slice(0, 10), 0, time),
        durationMinutes: 90,
        place: 'Mysen, kompetansesenteret',
        regions: [indre],
        owner,
        state: 'minutes_approved',
        participants: [{ who: owner }, { who: { contact: indre } }],
        agenda: [
          { title: 'Gjennomgang av bidragene', minutes: 60 },
          { title: 'Hva som skrives i den spesielle delen', minutes: 30 },
        ],
        minutes: doc(
          p('Partene ble enige om bidragene slik de står i Partnerskap, med de endringene som ble avtalt.'),
        ),
        outcomes: [
          {
            kind: 'action',
            text: 'Oppdatere bidraget i Partnerskap etter møtet og sette det til enighet.',
            owner,
            due: addDays(indreStory.meetings.agreed.slice(0, 10), 7),
            done: at(indreStory.meetings.agreed.slice(0, 10), 1, '10:00'),
            linkContribution: true,
          },
        ],
      }),
    ),
    {
      type: 'bilateral',
      title: 'Bilateralt møte om kollektivtilbodet i Hallingdal',
      startsAt: hallingdalStory.meetings.agreed,
      durationMinutes: 90,
      videoLink: 'https://teams.example.no/partnerskap/hallingdal-samferdsel',
      regions: [hallingdal],
      owner: 'samferdsel',
      state: 'minutes_approved',
      participants: [{ who: 'samferdsel' }, { who: { contact: hallingdal } }],
      agenda: [{ title: 'Pendlarparkering og bussmating til toget', minutes: 60 }],
      minutes: doc(p('Partane vart samde om pendlarparkering ved Gol stasjon.')),
      outcomes: [
        { kind: 'decision', text: 'Pendlarparkeringa ved Gol stasjon kjem inn i den særskilde delen.' },
      ],
    },
    {
      type: 'final',
      title: `Fellesmøte med ${indre}`,
      startsAt: at(finalDate, 0, '10:00'),
      durationMinutes: 120,
      place: 'Askim rådhus',
      regions: [indre],
      state: 'minutes_approved',
      participants: [...countySide('admin', 'frk'), { who: { contact: indre } }, mayor('Marker')],
      agenda: [{ title: 'Teksten som legges fram for regionrådet og fylkesrådet', minutes: 90 }],
      minutes: doc(
        p('Partene ble enige om teksten i den spesielle delen. Den sendes til regionrådet 3. juni.'),
      ),
      outcomes: [
        {
          kind: 'decision',
          text: 'Den spesielle delen sendes til politisk behandling i regionrådet og fylkesrådet.',
        },
      ],
    },
    ...(
      [
        [gardermoSpecialPart, 'Jessheim, rådhuset', 'Ullensaker'],
        [nedreGlommaSpecialPart, 'Sarpsborg rådhus', 'Hvaler'],
      ] as const
    ).map(
      ([plan, place, municipality]): DemoMeeting => ({
        type: 'final',
        title: `Fellesmøte med ${plan.region}`,
        startsAt: at(plan.sentAt.slice(0, 10), -2, '10:00'),
        durationMinutes: 120,
        place,
        regions: [plan.region],
        state: 'minutes_approved',
        participants: [...countySide('admin', 'frk'), { who: { contact: plan.region } }, mayor(municipality)],
        agenda: [{ title: 'Teksten som legges fram for regionrådet og fylkesrådet', minutes: 90 }],
        minutes: doc(p('Partene ble enige om teksten i den spesielle delen, som nå sendes til regionrådet.')),
        outcomes: [
          {
            kind: 'decision',
            text: 'Den spesielle delen sendes til politisk behandling i regionrådet og fylkesrådet.',
          },
        ],
      }),
    ),
    // The follow-up of today.
    {
      type: 'bilateral',
      title: 'Bilateralt møte om kulturarv i Hallingdal',
      startsAt: at(today, -6, '10:00'),
      durationMinutes: 90,
      videoLink: 'https://teams.example.no/partnerskap/hallingdal-kultur',
      regions: [hallingdal],
      owner: 'kultur',
      state: 'minutes_for_comment',
      participants: [{ who: 'kultur' }, { who: { contact: hallingdal } }, mayor('Ål')],
      agenda: [
        { title: 'Status for kulturarvsprosjektet', minutes: 45 },
        { title: 'Stølsdrift og formidling', minutes: 30, proposedBy: hallingdal, accepted: true },
      ],
      minutes: doc(
        h3('Status'),
        p('Kulturarvsprosjektet er i rute. Kultur orienterte om tilskotsordninga for 2026.'),
        h3('Stølsdrift og formidling'),
        p(
          'Regionen ønskjer ei felles formidlingssatsing på stølane. Kultur greier ut korleis det kan finansierast.',
        ),
      ),
      outcomes: [
        {
          kind: 'action',
          text: 'Greie ut finansiering av ei felles formidlingssatsing på stølane.',
          owner: 'kultur',
          due: addDays(today, 14),
        },
        {
          kind: 'action',
          text: 'Sende oversikt over stølar med aktiv drift.',
          owner: { contact: hallingdal },
          due: addDays(today, 21),
        },
      ],
      comments: [
        {
          by: { contact: hallingdal },
          at: at(today, -3, '09:15'),
          text: 'Under punkt 2: Hemsedal vil òg vere med i formidlingssatsinga. Kan det takast inn?',
        },
      ],
    },
    {
      type: 'follow_up',
      title: `Oppfølgingsmøte med ${indre}`,
      startsAt: at(today, -9, '13:00'),
      durationMinutes: 120,
      place: 'Mysen, kompetansesenteret',
      regions: [indre],
      state: 'minutes_approved',
      participants: [
        ...countySide('admin', 'samferdsel', 'naering', 'utdanning'),
        { who: { contact: indre } },
        mayor('Marker', 'absent'),
      ],
      agenda: [
        { title: 'Status for bidragene', minutes: 60 },
        { title: 'Trafikksikre skoleveier', minutes: 30, proposedBy: indre, accepted: true },
      ],
      minutes: doc(
        p('Bidragene går etter planen. Fagskoleavdelingen i Mysen har fått sitt andre kull.'),
        p('Regionen ba om en oppdatert plan for trafikksikre skoleveier langs fylkesveiene.'),
      ),
      outcomes: [
        { kind: 'information', text: 'Fagskoleavdelingen i Mysen har tatt opp sitt andre kull.' },
        {
          kind: 'action',
          text: 'Sende oppdatert plan for trafikksikre skoleveier langs fylkesveiene.',
          owner: 'samferdsel',
          due: addDays(today, 10),
          linkContribution: true,
        },
        {
          kind: 'action',
          text: 'Melde inn hvilke skoleveier kommunene prioriterer.',
          owner: { contact: indre },
          due: addDays(today, 7),
        },
      ],
    },
    {
      type: 'bilateral',
      title: 'Bilateralt møte om klimanettverket i Kongsbergregionen',
      startsAt: at(today, 5, '10:00'),
      durationMinutes: 60,
      videoLink: 'https://teams.example.no/partnerskap/kongsberg-klima',
      regions: ['Kongsbergregionen'],
      owner: 'klima',
      state: 'cancelled',
      participants: [{ who: 'klima' }, { who: { contact: 'Kongsbergregionen' } }],
      agenda: [{ title: 'Klimanettverkets arbeidsplan', minutes: 45 }],
    },
    {
      type: 'follow_up',
      title: `Oppfølgingsmøte med ${moss}`,
      startsAt: at(today, 8, '10:00'),
      durationMinutes: 120,
      place: 'Moss rådhus',
      regions: [moss],
      state: 'planned',
      participants: [...countySide('admin', 'samferdsel', 'naering'), { who: { contact: moss } }],
      agenda: [
        { title: 'Status for bidragene', minutes: 60 },
        { title: 'Innfartsparkering ved Moss stasjon', minutes: 30 },
        { title: 'Vannområde Morsa: felles tiltaksplan', minutes: 30, proposedBy: moss },
      ],
    },
    {
      type: 'bilateral',
      title: 'Bilateralt møte om etablererservicen',
      startsAt: at(today, 12, '13:00'),
      durationMinutes: 60,
      videoLink: 'https://teams.example.no/partnerskap/indre-ostfold-naering',
      regions: [indre],
      owner: 'naering',
      state: 'planned',
      participants: [{ who: 'naering' }, { who: { contact: indre } }],
      agenda: [
        { title: 'Erfaringer med etablererservicen så langt', minutes: 30 },
        { title: 'Veiledning på flere språk', minutes: 20, proposedBy: indre },
      ],
    },
    {
      type: 'other',
      title: 'Årlig partnerskapsmøte',
      startsAt: at(today, 20, '09:00'),
      durationMinutes: 360,
      place: 'Fylkeshuset, storsalen',
      regions: demoRegionStories.map((s) => s.region),
      state: 'planned',
      participants: [...everyDepartment(), ...demoRegionStories.map((s) => ({ who: { contact: s.region } }))],
      agenda: [
        { title: 'Året som gikk i partnerskapene', minutes: 60 },
        { title: 'Erfaringer fra regionene', minutes: 120 },
        { title: 'Neste avtaleperiode', minutes: 90 },
      ],
    },
  ];
}

export type DemoMeetingsSummary = { meetings: number; openActions: number };

export async function loadDemoMeetings(db: Db, adminEmail: string): Promise<DemoMeetingsSummary> {
  return db.transaction(async (tx) => {
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.name, demoCycle.name));
    if (!cycle) throw new Error('the demo has no cycle');
    const [admin] = await tx
      .select({ id: users.id, name: users.name, personId: users.personId })
      .from(users)
      .where(eq(users.email, adminEmail));
    if (!admin) throw new Error(`the demo has no admin ${adminEmail}`);
    const departmentIds = new Map(
      (await tx.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [
        d.name,
        d.id,
      ]),
    );
    const agreementOf = new Map(
      (
        await tx
          .select({ id: agreements.id, region: regions.name })
          .from(agreements)
          .innerJoin(regions, eq(regions.id, agreements.regionId))
          .where(eq(agreements.cycleId, cycle.id))
      ).map((a) => [a.region, a.id]),
    );
    const accounts = await tx
      .select({
        id: users.id,
        role: users.role,
        departmentId: users.departmentId,
        regionId: users.regionId,
        region: regions.name,
        personId: users.personId,
        name: people.name,
        email: people.email,
        organisation: people.organisation,
      })
      .from(users)
      .innerJoin(people, eq(people.id, users.personId))
      .leftJoin(regions, eq(regions.id, users.regionId))
      .where(eq(users.active, true))
      .orderBy(asc(users.email));

    const departmentOf = (key: DepartmentKey) => {
      const id = departmentIds.get(demoDepartments[key]);
      if (!id) throw new Error(`the demo has no department ${key}`);
      return id;
    };
    const account = (who: Who | Contact) => {
      const found =
        typeof who === 'object'
          ? accounts.find((a) => a.role === 'region' && a.region === who.contact)
          : who === 'admin'
            ? accounts.find((a) => a.id === admin.id)
            : accounts.find((a) => a.role === 'department' && a.departmentId === departmentOf(who));
      if (!found) throw new Error(`the demo has no account for ${JSON.stringify(who)}`);
      return found;
    };
    const agreementIdOf = (region: string) => {
      const id = agreementOf.get(region);
      if (!id) throw new Error(`the demo has no agreement of ${region}`);
      return id;
    };
    const firstAgreed = async (agreementId: string, departmentId: string) => {
      const [found] = await tx
        .select({ id: contributions.id })
        .from(contributions)
        .where(
          and(
            eq(contributions.agreementId, agreementId),
            eq(contributions.ownerDepartmentId, departmentId),
            eq(contributions.status, 'agreed'),
          ),
        )
        .orderBy(asc(contributions.position))
        .limit(1);
      return found?.id ?? null;
    };

    const now = new Date();
    const today = osloParts(toOsloIso(now)).date;
    const rows = {
      meetings: [] as (typeof meetings.$inferInsert)[],
      agreements: [] as (typeof meetingAgreements.$inferInsert)[],
      participants: [] as (typeof meetingParticipants.$inferInsert)[],
      agenda: [] as (typeof meetingAgendaItems.$inferInsert)[],
      outcomes: [] as (typeof meetingOutcomes.$inferInsert)[],
      comments: [] as (typeof meetingComments.$inferInsert)[],
    };
    let openActions = 0;
    for (const m of demoMeetings(today)) {
      const id = randomUUID();
      const startsAt = new Date(m.startsAt);
      const endsAt = new Date(startsAt.getTime() + m.durationMinutes * 60_000);
      const createdAt = new Date(Math.min(startsAt.getTime() - 21 * dayMs, now.getTime() - dayMs));
      const held = ['held', 'minutes_for_comment', 'minutes_approved'].includes(m.state);
      const sent = m.state === 'minutes_for_comment' || m.state === 'minutes_approved';
      const minutesAt = new Date(endsAt.getTime() + dayMs);
      const sentAt = new Date(endsAt.getTime() + 2 * dayMs);
      const approvedAt = new Date(Math.min(endsAt.getTime() + 9 * dayMs, now.getTime() - 3_600_000));
      const owner = m.owner ? departmentOf(m.owner) : null;
      const ownerEditor = m.owner ? account(m.owner).id : null;
      const writer = ownerEditor ?? admin.id;
      rows.meetings.push({
        id,
        cycleId: cycle.id,
        type: m.type,
        title: m.title,
        startsAt,
        endsAt,
        place: m.place ?? null,
        videoLink: m.videoLink ?? null,
        ownerDepartmentId: owner,
        state: m.state,
        minutes: m.minutes ?? null,
        minutesUpdatedAt: m.minutes ? minutesAt : null,
        minutesUpdatedBy: m.minutes ? writer : null,
        heldAt: held ? endsAt : null,
        minutesSentAt: sent ? sentAt : null,
        minutesApprovedAt: m.state === 'minutes_approved' ? approvedAt : null,
        cancelledAt: m.state === 'cancelled' ? new Date(now.getTime() - dayMs) : null,
        // A cancellation is a change a calendar counts.
        sequence: m.state === 'cancelled' ? 1 : 0,
        // The use cases count every change: made, held, minutes written, sent, approved (or cancelled).
        version: { planned: 1, cancelled: 2, held: 3, minutes_for_comment: 4, minutes_approved: 5 }[m.state],
        createdBy: writer,
        createdAt,
        updatedAt:
          m.state === 'minutes_approved'
            ? approvedAt
            : sent
              ? sentAt
              : m.state === 'cancelled'
                ? new Date(now.getTime() - dayMs)
                : createdAt,
      });
      for (const region of m.regions) {
        rows.agreements.push({ meetingId: id, cycleId: cycle.id, agreementId: agreementIdOf(region) });
      }
      m.participants.forEach((participant, position) => {
        const attendance = participant.attendance ?? (held ? 'attended' : 'invited');
        if ('name' in participant) {
          rows.participants.push({ meetingId: id, position, ...participant, email: null, attendance });
          return;
        }
        const who = account(participant.who);
        rows.participants.push({
          meetingId: id,
          position,
          personId: who.personId,
          name: who.name,
          organisation: who.organisation,
          email: who.email,
          side: who.role === 'region' ? 'region' : 'county',
          departmentId: who.role === 'department' ? who.departmentId : null,
          attendance,
        });
      });
      m.agenda.forEach((item, position) => {
        const proposedBy = item.proposedBy ? account({ contact: item.proposedBy }).id : null;
        rows.agenda.push({
          meetingId: id,
          position,
          title: item.title,
          durationMinutes: item.minutes,
          proposed: proposedBy !== null && !item.accepted,
          proposedBy,
          acceptedBy: proposedBy && item.accepted ? writer : null,
          acceptedAt: proposedBy && item.accepted ? createdAt : null,
          version: proposedBy && item.accepted ? 2 : 1,
          createdAt,
          updatedAt: createdAt,
        });
      });
      let position = 0;
      for (const outcome of m.outcomes ?? []) {
        const ownerAccount = outcome.owner ? account(outcome.owner) : null;
        const firstRegion = m.regions[0];
        const contributionId =
          outcome.linkContribution && outcome.owner && typeof outcome.owner === 'string' && firstRegion
            ? await firstAgreed(agreementIdOf(firstRegion), departmentOf(outcome.owner))
            : null;
        if (outcome.kind === 'action' && !outcome.done) openActions++;
        rows.outcomes.push({
          meetingId: id,
          position: position++,
          kind: outcome.kind,
          text: outcome.text,
          ownerPersonId:
            outcome.owner && typeof outcome.owner === 'object' ? (ownerAccount?.personId ?? null) : null,
          ownerDepartmentId:
            outcome.owner && typeof outcome.owner === 'string' ? departmentOf(outcome.owner) : null,
          dueDate: outcome.due ?? null,
          doneAt: outcome.done ? new Date(outcome.done) : null,
          doneBy: outcome.done ? (ownerAccount?.id ?? writer) : null,
          contributionId,
          createdBy: writer,
          version: outcome.done ? 2 : 1,
          createdAt: minutesAt,
          updatedAt: outcome.done ? new Date(outcome.done) : minutesAt,
        });
      }
      for (const comment of m.comments ?? []) {
        rows.comments.push({
          meetingId: id,
          authorId: account(comment.by).id,
          body: comment.text,
          createdAt: new Date(comment.at),
        });
      }
    }

    await tx.insert(meetings).values(rows.meetings);
    await tx.insert(meetingAgreements).values(rows.agreements);
    await tx.insert(meetingParticipants).values(rows.participants);
    await tx.insert(meetingAgendaItems).values(rows.agenda);
    await tx.insert(meetingOutcomes).values(rows.outcomes);
    await tx.insert(meetingComments).values(rows.comments);
    const summary = { meetings: rows.meetings.length, openActions };
    await appendAudit(
      tx,
      { actor: admin, requestId: 'demo' },
      {
        action: 'cycle.loadDemoMeetings',
        entityType: 'cycle',
        entityId: cycle.id,
        before: null,
        after: { name: cycle.name, ...summary, meetingIds: rows.meetings.map((m) => m.id) },
      },
    );
    return summary;
  });
}
