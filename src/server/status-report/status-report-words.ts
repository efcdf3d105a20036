import type { MeetingType } from '../../shared/contracts/meetings.js';
import type { AgreementPhase } from '../../shared/contracts/milestones.js';
import type { DocumentLanguage } from '../documents/document-model.js';

/**
 * Every fixed text of the status report, in bokmål and nynorsk. The report is the county's, read by its
 * leadership: it is written in the language of whoever makes it (nynorsk for a user who reads nynorsk,
 * otherwise bokmål), not in each region's written standard. The phase names are the web app's (Fremdrift).
 */
export type StatusReportWords = {
  report: string;
  title: (cycle: string) => string;
  footer: (since: string, today: string) => string;
  cycle: string;
  period: string;
  since: string;
  made: string;
  regionCount: string;
  summary: string;
  summaryIntro: (today: string) => string;
  summaryColumns: [string, string, string, string, string, string];
  yes: string;
  no: string;
  of: (done: number, total: number) => string;
  noAgreements: string;
  cycleMeetings: string;
  regions: string;
  phase: string;
  ready: string;
  milestonesDone: string;
  contributionsAgreed: string;
  sinceHeading: (date: string) => string;
  meetingsHeld: string;
  milestonesCompleted: string;
  agreedContributions: string;
  none: string;
  next: string;
  nextMilestones: string;
  plannedMeetings: string;
  allMilestonesDone: string;
  noDate: string;
  optional: string;
  phases: Record<AgreementPhase, string>;
  meetingTypes: Record<MeetingType, string>;
};

const nb: StatusReportWords = {
  report: 'Statusrapport',
  title: (cycle) => `Statusrapport for ${cycle}`,
  footer: (since, today) => `Hendelser siden ${since} · laget ${today}`,
  cycle: 'Avtalesyklus',
  period: 'Avtaleperiode',
  since: 'Hendelser siden',
  made: 'Laget',
  regionCount: 'Regioner',
  summary: 'Oversikt',
  summaryIntro: (today) =>
    `Fasen og framdriften for hver region per ${today}. Neste milepæl er den første som ikke er fullført, med planlagt dato.`,
  summaryColumns: ['Region', 'Fase', 'Klar', 'Milepæler', 'Bidrag avtalt', 'Neste milepæl'],
  yes: 'Ja',
  no: 'Nei',
  of: (done, total) => `${done} av ${total}`,
  noAgreements: 'Avtalesyklusen har ingen avtaler ennå.',
  cycleMeetings: 'Møter for hele avtalesyklusen',
  regions: 'Regionene',
  phase: 'Fase',
  ready: 'Klar til å starte',
  milestonesDone: 'Milepæler fullført',
  contributionsAgreed: 'Bidrag avtalt',
  sinceHeading: (date) => `Siden ${date}`,
  meetingsHeld: 'Møter holdt',
  milestonesCompleted: 'Milepæler fullført',
  agreedContributions: 'Bidrag avtalt',
  none: 'Ingen.',
  next: 'Videre',
  nextMilestones: 'Neste milepæler',
  plannedMeetings: 'Planlagte møter',
  allMilestonesDone: 'Alle milepælene er fullført.',
  noDate: 'dato ikke satt',
  optional: 'valgfri',
  phases: {
    preparation: 'Forberedelse',
    county_internal: 'Fylkeskommunens interne arbeid',
    region_internal: 'Regionens interne arbeid',
    joint: 'Felles arbeid',
    ready_for_political_processing: 'Klar til politisk behandling',
    political_processing: 'Politisk behandling',
    in_force: 'Gjeldende',
  },
  meetingTypes: {
    kickoff: 'Oppstartsmøte',
    internal_summary: 'Oppsummeringsmøte',
    collaboration: 'Samhandlingsmøte',
    bilateral: 'Bilateralt møte',
    final: 'Fellesmøte',
    follow_up: 'Oppfølgingsmøte',
    other: 'Annet møte',
  },
};

const nn: StatusReportWords = {
  report: 'Statusrapport',
  title: (cycle) => `Statusrapport for ${cycle}`,
  footer: (since, today) => `Hendingar sidan ${since} · laga ${today}`,
  cycle: 'Avtalesyklus',
  period: 'Avtaleperiode',
  since: 'Hendingar sidan',
  made: 'Laga',
  regionCount: 'Regionar',
  summary: 'Oversikt',
  summaryIntro: (today) =>
    `Fasen og framdrifta for kvar region per ${today}. Neste milepæl er den første som ikkje er fullført, med planlagd dato.`,
  summaryColumns: ['Region', 'Fase', 'Klar', 'Milepælar', 'Bidrag avtalte', 'Neste milepæl'],
  yes: 'Ja',
  no: 'Nei',
  of: (done, total) => `${done} av ${total}`,
  noAgreements: 'Avtalesyklusen har ingen avtalar enno.',
  cycleMeetings: 'Møte for heile avtalesyklusen',
  regions: 'Regionane',
  phase: 'Fase',
  ready: 'Klar til å starte',
  milestonesDone: 'Milepælar fullførte',
  contributionsAgreed: 'Bidrag avtalte',
  sinceHeading: (date) => `Sidan ${date}`,
  meetingsHeld: 'Møte haldne',
  milestonesCompleted: 'Milepælar fullførte',
  agreedContributions: 'Bidrag avtalte',
  none: 'Ingen.',
  next: 'Vidare',
  nextMilestones: 'Neste milepælar',
  plannedMeetings: 'Planlagde møte',
  allMilestonesDone: 'Alle milepælane er fullførte.',
  noDate: 'dato ikkje sett',
  optional: 'valfri',
  phases: {
    preparation: 'Førebuing',
    county_internal: 'Det interne arbeidet i fylkeskommunen',
    region_internal: 'Det interne arbeidet i regionen',
    joint: 'Felles arbeid',
    ready_for_political_processing: 'Klar til politisk handsaming',
    political_processing: 'Politisk handsaming',
    in_force: 'Gjeldande',
  },
  meetingTypes: {
    kickoff: 'Oppstartsmøte',
    internal_summary: 'Oppsummeringsmøte',
    collaboration: 'Samhandlingsmøte',
    bilateral: 'Bilateralt møte',
    final: 'Fellesmøte',
    follow_up: 'Oppfølgingsmøte',
    other: 'Anna møte',
  },
};

export const statusReportWords: Record<DocumentLanguage, StatusReportWords> = { nb, nn };
