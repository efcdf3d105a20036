import type { DocumentLanguage } from '../documents/document-model.js';
import type { IndicatorMovement, RollupStatus, Weighting } from '../follow-up-rollup/rollup.js';

/**
 * Every fixed text of a round's annual report, in bokmål and nynorsk. The county's report is in bokmål, the
 * language of the county's case documents; a region's report is in the region's written standard
 * (regions.written_standard, Hallingdal's nynorsk), as the region's agreement is. The statuses and the
 * indicator words are the roll-up screen's (Samlet oppfølging).
 */
export type RoundReportWords = {
  report: string;
  title: (round: string) => string;
  regionTitle: (round: string, region: string) => string;
  footer: (deadline: string) => string;
  cycle: string;
  round: string;
  deadline: string;
  made: string;
  regionCount: string;
  commitmentCount: string;
  summary: string;
  summaryIntro: string;
  countyIntro: string;
  countyDeviationsIntro: string;
  regionReports: string;
  regionReportsIntro: string;
  regionReportName: (title: string, writtenStandard: 'nb' | 'nn') => string;
  summaryByRegion: string;
  summaryByDepartment: string;
  summaryColumns: (group: string) => string[];
  regionColumn: string;
  departmentColumn: string;
  regionsOwn: string;
  total: string;
  progressWith: (progress: string, weighting: Weighting) => string;
  agreed: string;
  agreedIntro: string;
  agreedColumns: string[];
  done: string;
  doneIntro: string;
  status: string;
  statusIntro: string;
  indicatorColumns: string[];
  deviations: string;
  deviationsIntro: string;
  noDeviations: string;
  behindGoals: string;
  behindGoal: (value: string, goal: string, on: string) => string;
  statuses: Record<RollupStatus, string>;
  movements: Record<IndicatorMovement, string>;
  owner: string;
  subjectArea: string;
  responsible: string;
  period: string;
  budget: string;
  spent: string;
  progress: string;
  separateDecision: string;
  withdrawn: string;
  whatWasDone: string;
  whatComesNext: string;
  notReported: string;
  noText: string;
  none: string;
  noIndicators: string;
  kroner: (value: string) => string;
  unknown: string;
};

export const roundReportWords: Record<DocumentLanguage, RoundReportWords> = {
  nb: {
    report: 'Årsrapport',
    title: (round) => `${round}: oppfølging av partnerskapsavtalene`,
    regionTitle: (round, region) => `${round}: ${region}`,
    footer: (deadline) => `Rapporteringsfrist ${deadline}`,
    cycle: 'Avtaleperiode',
    round: 'Rapporteringsrunde',
    deadline: 'Frist',
    made: 'Laget',
    regionCount: 'Regioner',
    commitmentCount: 'Forpliktelser',
    summary: 'Sammendrag',
    summaryIntro:
      'Framdriften er framdriften i rapporten hver forpliktelse fikk i runden; en forpliktelse uten innsendt rapport teller som 0 %. Den vektes etter budsjett når alle forpliktelsene som teller har et budsjett over 0 kr, ellers teller hver likt. Avbrutte forpliktelser teller i statusene, men ikke i framdriften.',
    countyIntro:
      'Fylkets rapport viser sammendraget og avvikene med forklaring. Den fullstendige rapporten for hver forpliktelse (hva som ble avtalt, hva som er gjort og hva som kommer videre, og status for hver indikator) står i regionens egen årsrapport; regionenes rapporter er nevnt bakerst.',
    countyDeviationsIntro:
      'Per region: forpliktelser som er forsinket, har risiko for forsinkelse eller er avbrutt, med status, framdrift, eier og eierens forklaring, og indikatorer som ligger bak delmålet eller målet. Regioner uten avvik er ikke med.',
    regionReports: 'Regionenes årsrapporter',
    regionReportsIntro:
      'Hver region har sin egen årsrapport fra runden, på regionens målform, med hele rapporten for hver forpliktelse. Den lastes ned fra rundens side i Partnerskap.',
    regionReportName: (title, writtenStandard) =>
      `${title} (${writtenStandard === 'nn' ? 'nynorsk' : 'bokmål'})`,
    summaryByRegion: 'Per region',
    summaryByDepartment: 'Per avdeling',
    summaryColumns: (group) => [
      group,
      'Forpliktelser',
      'I rute',
      'Risiko',
      'Forsinket',
      'Fullført',
      'Avbrutt',
      'Ikke rapportert',
      'Framdrift',
      'Budsjett (kr)',
      'Brukt (kr)',
    ],
    regionColumn: 'Region',
    departmentColumn: 'Avdeling',
    regionsOwn: 'Regionenes egne',
    total: 'Totalt',
    progressWith: (progress, weighting) =>
      `${progress}\n(${weighting === 'budget' ? 'vektet etter budsjett' : 'like vekter'})`,
    agreed: 'Hva ble avtalt',
    agreedIntro: 'Forpliktelsene runden gjelder, med eier og budsjett for hele avtaleperioden.',
    agreedColumns: ['Forpliktelse', 'Eier', 'Fagområde', 'Budsjett (kr)'],
    done: 'Hva er gjort',
    doneIntro: 'Rapportene som ble sendt inn i runden.',
    status: 'Status for forpliktelser og indikatorer',
    statusIntro:
      'Siste verdi er den siste som er rapportert i denne eller en tidligere runde; retningen sammenlignes med verdien før (eller utgangsverdien).',
    indicatorColumns: ['Indikator', 'Utgangsverdi', 'Delmål', 'Mål', 'Siste verdi', 'Retning'],
    deviations: 'Avvik',
    deviationsIntro:
      'Forpliktelser som er forsinket, har risiko for forsinkelse eller er avbrutt, med eierens forklaring, og indikatorer som ligger bak delmålet eller målet.',
    noDeviations: 'Ingen avvik i runden.',
    behindGoals: 'Indikatorer bak målet',
    behindGoal: (value, goal, on) => `Siste verdi ${value}, delmål ${goal} innen ${on}`,
    statuses: {
      on_track: 'I rute',
      at_risk: 'Risiko for forsinkelse',
      delayed: 'Forsinket',
      done: 'Fullført',
      dropped: 'Avbrutt',
      not_reported: 'Ikke rapportert',
    },
    movements: {
      reached: 'Nådd målet',
      towards: 'Mot målet',
      away: 'Bort fra målet',
      unchanged: 'Uendret',
      no_value: 'Uten verdi',
    },
    owner: 'Eier',
    subjectArea: 'Fagområde',
    responsible: 'Ansvarlig',
    period: 'Periode',
    budget: 'Budsjett',
    spent: 'Brukt',
    progress: 'Framdrift',
    separateDecision: 'krever eget vedtak',
    withdrawn: 'Trukket',
    whatWasDone: 'Hva er gjort',
    whatComesNext: 'Hva kommer videre',
    notReported: 'Ingen rapport er sendt inn i runden.',
    noText: 'Ikke utfylt.',
    none: 'Ingen.',
    noIndicators: 'Ingen indikatorer.',
    kroner: (value) => `${value} kr`,
    unknown: 'ikke oppgitt',
  },
  nn: {
    report: 'Årsrapport',
    title: (round) => `${round}: oppfølging av partnarskapsavtalane`,
    regionTitle: (round, region) => `${round}: ${region}`,
    footer: (deadline) => `Rapporteringsfrist ${deadline}`,
    cycle: 'Avtaleperiode',
    round: 'Rapporteringsrunde',
    deadline: 'Frist',
    made: 'Laga',
    regionCount: 'Regionar',
    commitmentCount: 'Forpliktingar',
    summary: 'Samandrag',
    summaryIntro:
      'Framdrifta er framdrifta i rapporten kvar forplikting fekk i runden; ei forplikting utan innsend rapport tel som 0 %. Ho blir vekta etter budsjett når alle forpliktingane som tel, har eit budsjett over 0 kr, elles tel kvar likt. Avbrotne forpliktingar tel i statusane, men ikkje i framdrifta.',
    countyIntro:
      'Rapporten til fylket viser samandraget og avvika med forklaring. Den fullstendige rapporten for kvar forplikting (kva som vart avtalt, kva som er gjort og kva som kjem vidare, og status for kvar indikator) står i årsrapporten til regionen; rapportane til regionane er nemnde bakarst.',
    countyDeviationsIntro:
      'Per region: forpliktingar som er forseinka, står i fare for å bli forseinka eller er avbrotne, med status, framdrift, eigar og forklaringa frå eigaren, og indikatorar som ligg bak delmålet eller målet. Regionar utan avvik er ikkje med.',
    regionReports: 'Årsrapportane til regionane',
    regionReportsIntro:
      'Kvar region har sin eigen årsrapport frå runden, på målforma til regionen, med heile rapporten for kvar forplikting. Han blir lasta ned frå sida til runden i Partnerskap.',
    regionReportName: (title, writtenStandard) =>
      `${title} (${writtenStandard === 'nn' ? 'nynorsk' : 'bokmål'})`,
    summaryByRegion: 'Per region',
    summaryByDepartment: 'Per avdeling',
    summaryColumns: (group) => [
      group,
      'Forpliktingar',
      'I rute',
      'Fare',
      'Forseinka',
      'Fullført',
      'Avbroten',
      'Ikkje rapportert',
      'Framdrift',
      'Budsjett (kr)',
      'Brukt (kr)',
    ],
    regionColumn: 'Region',
    departmentColumn: 'Avdeling',
    regionsOwn: 'Regionane sine eigne',
    total: 'Totalt',
    progressWith: (progress, weighting) =>
      `${progress}\n(${weighting === 'budget' ? 'vekta etter budsjett' : 'like vekter'})`,
    agreed: 'Kva vart avtalt',
    agreedIntro: 'Forpliktingane runden gjeld, med eigar og budsjett for heile avtaleperioden.',
    agreedColumns: ['Forplikting', 'Eigar', 'Fagområde', 'Budsjett (kr)'],
    done: 'Kva er gjort',
    doneIntro: 'Rapportane som vart sende inn i runden.',
    status: 'Status for forpliktingar og indikatorar',
    statusIntro:
      'Siste verdi er den siste som er rapportert i denne eller ein tidlegare runde; retninga blir samanlikna med verdien før (eller utgangsverdien).',
    indicatorColumns: ['Indikator', 'Utgangsverdi', 'Delmål', 'Mål', 'Siste verdi', 'Retning'],
    deviations: 'Avvik',
    deviationsIntro:
      'Forpliktingar som er forseinka, står i fare for å bli forseinka eller er avbrotne, med forklaringa frå eigaren, og indikatorar som ligg bak delmålet eller målet.',
    noDeviations: 'Ingen avvik i runden.',
    behindGoals: 'Indikatorar bak målet',
    behindGoal: (value, goal, on) => `Siste verdi ${value}, delmål ${goal} innan ${on}`,
    statuses: {
      on_track: 'I rute',
      at_risk: 'Fare for forseinking',
      delayed: 'Forseinka',
      done: 'Fullført',
      dropped: 'Avbroten',
      not_reported: 'Ikkje rapportert',
    },
    movements: {
      reached: 'Nådd målet',
      towards: 'Mot målet',
      away: 'Bort frå målet',
      unchanged: 'Uendra',
      no_value: 'Utan verdi',
    },
    owner: 'Eigar',
    subjectArea: 'Fagområde',
    responsible: 'Ansvarleg',
    period: 'Periode',
    budget: 'Budsjett',
    spent: 'Brukt',
    progress: 'Framdrift',
    separateDecision: 'krev eige vedtak',
    withdrawn: 'Trekt',
    whatWasDone: 'Kva er gjort',
    whatComesNext: 'Kva kjem vidare',
    notReported: 'Ingen rapport er send inn i runden.',
    noText: 'Ikkje fylt ut.',
    none: 'Ingen.',
    noIndicators: 'Ingen indikatorar.',
    kroner: (value) => `${value} kr`,
    unknown: 'ikkje oppgitt',
  },
};
