import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { bullets, doc, p } from './demo-rich-text.js';
import {
  type ContributionKind,
  frk,
  type Idea,
  klima,
  kultur,
  naering,
  type Place,
  type SubjectKey,
  samferdsel,
  tannhelse,
  utdanning,
} from './demo-special-parts-ideas.js';

/**
 * The demo's special parts as they were negotiated in 2021: the cycle's subject areas, and for each of the
 * twelve regions what it wanted, what every department proposed, what the region itself committed to, and
 * how far each item came (proposed at the county's internal round, discussed at the first joint meeting
 * with the regional council, agreed at the bilateral meetings, or dropped with a reason). Eight regions
 * hear from every department; four are further behind, and two of those want a subject area no department
 * has answered yet. Indre Østfold got furthest: its special part was agreed in June 2021 and names what its
 * real agreement named (the business start-up service, the region as a destination, a vocational college
 * department and study programmes). The county writes bokmål; the regions write in their own standard
 * (Hallingdal nynorsk). Times are Oslo time.
 */

export const demoSubjectAreas: readonly { key: SubjectKey; name: string; description: string }[] = [
  {
    key: 'samferdsel',
    name: 'Samferdsel',
    description: 'Kollektivtrafikk, fylkesveier, trafikksikkerhet, gange og sykkel.',
  },
  {
    key: 'utdanning',
    name: 'Utdanning og kompetanse',
    description:
      'Videregående opplæring, fagskole, desentraliserte studier, læreplasser og karriereveiledning.',
  },
  {
    key: 'naering',
    name: 'Næring',
    description: 'Etablerere, reiseliv, bedriftsnettverk, landbruk og digital infrastruktur.',
  },
  {
    key: 'klima',
    name: 'Klima og miljø',
    description: 'Klimagassutslipp, klimatilpasning, vannforvaltning og energi.',
  },
  { key: 'kultur', name: 'Kultur', description: 'Kunst og kultur, kulturarv og frivillighet.' },
  {
    key: 'folkehelse',
    name: 'Folkehelse',
    description: 'Levekår, fysisk aktivitet, psykisk helse og tannhelse.',
  },
  {
    key: 'attraktivitet',
    name: 'Attraktivitet og stedsutvikling',
    description: 'Levende sentrum, bolyst, planlegging og regionalt kunnskapsgrunnlag.',
  },
];

/** The registry's department names (`data/demo/viken-2020.json`). */
export const demoDepartments = {
  frk: 'Fylkesrådsleders kontor',
  samferdsel: 'Samferdsel',
  utdanning: 'Utdanning og kompetanse',
  kultur: 'Kultur, frivillighet og folkehelse',
  naering: 'Næring',
  klima: 'Plan, klima og miljø',
  tannhelse: 'Tannhelse',
} as const;
export type DepartmentKey = keyof typeof demoDepartments;

export type DemoStatus = 'proposed' | 'discussed' | 'agreed' | 'dropped';

/**
 * Who writes a comment or is mentioned in one: the region's contact, the coordinator, the contribution's
 * owner (its department's editor, or the region's contact for the region's own items) or a department.
 */
export type Speaker = 'region' | 'admin' | 'owner' | DepartmentKey;

export type DemoComment = {
  by: Speaker;
  at: string;
  text: string;
  /** Index of the comment (in the same list) this one answers. */
  replyTo?: number;
  mentions?: Speaker[];
};

export type DemoItem = Idea & {
  owner: DepartmentKey | 'region';
  status: DemoStatus;
  /** For a dropped item: the status it was dropped from, and why. */
  dropped?: { from: 'proposed' | 'discussed'; reason: string };
  comments?: DemoComment[];
};

export type RegionStory = {
  /** The region's name as in the registry. */
  region: string;
  place: Place;
  /** When the agreement starts, if not on the cycle's first day. */
  periodFrom?: string;
  /** When the coordinator made the agreement. */
  createdAt: string;
  /** When the region marked its wanted subject areas. */
  wantedAt: string;
  wanted: { subject: SubjectKey; justification: string }[];
  /** The county's internal round, the first joint meeting, the bilateral meetings. */
  meetings: { proposed: string; discussed: string; agreed: string };
  items: DemoItem[];
};

const item = (
  owner: DepartmentKey | 'region',
  status: Exclude<DemoStatus, 'dropped'>,
  idea: Idea,
  comments?: DemoComment[],
): DemoItem => ({ ...idea, owner, status, ...(comments ? { comments } : {}) });

const drop = (
  owner: DepartmentKey,
  idea: Idea,
  from: 'proposed' | 'discussed',
  reason: string,
  comments?: DemoComment[],
): DemoItem => ({
  ...idea,
  owner,
  status: 'dropped',
  dropped: { from, reason },
  ...(comments ? { comments } : {}),
});

/** The region's own item, in its own words. */
const own = (
  status: Exclude<DemoStatus, 'dropped'>,
  subject: SubjectKey,
  kind: ContributionKind,
  title: string,
  description: string,
  extra: Partial<Pick<Idea, 'responsible' | 'budget' | 'timeFrame' | 'indicators'>> = {},
): DemoItem => ({
  owner: 'region',
  status,
  subject,
  kind,
  title,
  description,
  responsible: extra.responsible ?? null,
  budget: extra.budget ?? null,
  timeFrame: extra.timeFrame ?? '2021–2024',
  indicators: extra.indicators ?? [],
});

// ---- The regions ----

const indreOstfold: Place = {
  short: 'Indre Østfold',
  towns: ['Mysen', 'Askim', 'Rakkestad', 'Ørje'],
  road: 'fv. 115',
  water: 'Glomma sør',
};

const indreOstfoldStory: RegionStory = {
  region: 'Indre Østfold regionråd',
  place: indreOstfold,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-02-03T14:00:00+01:00',
  wanted: [
    {
      subject: 'naering',
      justification:
        'Regionen har lav sysselsettingsvekst og mange små bedrifter. Etablerere og reiselivet er prioritert i regionrådets handlingsplan.',
    },
    {
      subject: 'utdanning',
      justification:
        'Regionen mangler høyere utdanning og fagskoletilbud, og mange pendler ut for å ta videreutdanning.',
    },
    {
      subject: 'samferdsel',
      justification: 'Trafikksikre skoleveier langs fylkesveiene er kommunenes viktigste sak.',
    },
  ],
  meetings: {
    proposed: '2021-02-22T12:00:00+01:00',
    discussed: '2021-03-18T15:00:00+01:00',
    agreed: '2021-05-27T13:00:00+02:00',
  },
  items: [
    item('naering', 'agreed', naering.startUpService(indreOstfold, 450_000), [
      {
        by: 'region',
        at: '2021-03-20T09:12:00+01:00',
        text: 'Kan etablererservicen også gi veiledning på engelsk? Mange av dem som starter bedrift i Askim og Mysen har et annet morsmål enn norsk.',
      },
      {
        by: 'owner',
        at: '2021-03-22T11:40:00+01:00',
        replyTo: 0,
        text: 'Ja. Etablererservicen har avtale om tolk, og vi tar veiledning på engelsk inn i beskrivelsen før det bilaterale møtet.',
      },
    ]),
    item('naering', 'agreed', naering.destination(indreOstfold, 350_000)),
    item('utdanning', 'agreed', utdanning.vocationalCollege(indreOstfold, 2_400_000), [
      {
        by: 'admin',
        at: '2021-04-15T10:05:00+02:00',
        mentions: ['region'],
        text: 'Fagskolen bekrefter at avdelingen kan starte opp høsten 2022 dersom lokalene i Mysen er klare. Kan regionrådet bekrefte lokalene før bilateralt møte?',
      },
      {
        by: 'region',
        at: '2021-04-19T08:30:00+02:00',
        replyTo: 0,
        text: 'Indre Østfold kommune har satt av lokaler i det nye kompetansesenteret i Mysen. Det tas inn i regionens forpliktelse.',
      },
    ]),
    item('utdanning', 'agreed', utdanning.studyProgrammes(indreOstfold, 900_000)),
    item('samferdsel', 'agreed', samferdsel.roadSafety(indreOstfold, 1_500_000)),
    drop(
      'samferdsel',
      samferdsel.cyclePath(indreOstfold, 6_000_000),
      'discussed',
      'Strekningen er ikke prioritert i handlingsprogrammet for fylkesveier 2022–2025. Regionrådet og Samferdsel er enige om å ta den opp igjen ved neste rullering.',
    ),
    item('frk', 'agreed', frk.partnershipFunds(indreOstfold, 800_000)),
    item('kultur', 'agreed', kultur.publicHealth(indreOstfold, 400_000)),
    drop(
      'kultur',
      kultur.volunteering(indreOstfold, 250_000),
      'proposed',
      'Regionrådet prioriterer folkehelseprogrammet i denne perioden. Lag og foreninger i regionen søker den ordinære tilskuddsordningen.',
    ),
    item('klima', 'agreed', klima.climateNetwork(indreOstfold, 300_000)),
    item('tannhelse', 'agreed', tannhelse.children(indreOstfold)),
    own(
      'agreed',
      'utdanning',
      'commitment',
      'Lokaler og vertskap for fagskoleavdelingen og studiesenteret',
      'Indre Østfold kommune stiller lokaler i kompetansesenteret i Mysen til fagskoleavdelingen og de desentraliserte studiene, og kommunene i regionen markedsfører tilbudene til egne ansatte.',
      { responsible: 'Regionkoordinator, Indre Østfold regionråd' },
    ),
    own(
      'agreed',
      'naering',
      'commitment',
      'Kommunenes andel av etablererservicen',
      'Kommunene i Indre Østfold finansierer halvparten av etablererservicen etter innbyggertall, og sørger for kontordager i hver kommune.',
      { responsible: 'Regionkoordinator, Indre Østfold regionråd', budget: 450_000 },
    ),
  ],
};

const moss: Place = {
  short: 'Mosseregionen',
  towns: ['Moss', 'Råde', 'Våler', 'Vestby'],
  road: 'fv. 119',
  water: 'Morsa',
};

const mossStory: RegionStory = {
  region: 'Mosseregionen interkommunale politiske råd',
  place: moss,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-02-10T13:00:00+01:00',
  wanted: [
    {
      subject: 'samferdsel',
      justification: 'Bedre kollektivtilbud mellom kommunene er avgjørende for at flere skal la bilen stå.',
    },
    {
      subject: 'klima',
      justification: 'Vannkvaliteten i Vansjø og Morsa-vassdraget er regionens største miljøutfordring.',
    },
    {
      subject: 'utdanning',
      justification: 'Mange unge i regionen står uten læreplass; kommunene vil ta et større ansvar.',
    },
  ],
  meetings: {
    proposed: '2021-03-01T12:00:00+01:00',
    discussed: '2021-04-13T10:00:00+02:00',
    agreed: '2021-09-09T13:00:00+02:00',
  },
  items: [
    item('samferdsel', 'agreed', samferdsel.busService(moss, 2_200_000)),
    item('samferdsel', 'discussed', samferdsel.commuterParking(moss)),
    item('utdanning', 'agreed', utdanning.apprentices(moss)),
    item('utdanning', 'discussed', utdanning.careers(moss, 400_000)),
    item('kultur', 'discussed', kultur.heritage(moss)),
    item('naering', 'agreed', naering.businessNetwork(moss, 500_000)),
    item('klima', 'agreed', klima.water(moss)),
    item('klima', 'proposed', klima.adaptation(moss, 600_000)),
    item('frk', 'agreed', frk.knowledgeBase(moss)),
    item('tannhelse', 'discussed', tannhelse.careServices(moss, 300_000)),
    own(
      'agreed',
      'utdanning',
      'commitment',
      'Minst 30 nye lærlinger i kommunene hvert år',
      'Kommunene i Mosseregionen tar inn minst 30 nye lærlinger hvert år, særlig i helsearbeiderfaget og barne- og ungdomsarbeiderfaget.',
      {
        responsible: 'Sekretariatet, Mosseregionen',
        indicators: [
          { name: 'Nye lærlinger i kommunene', baseline: '21', target: '30', unit: 'lærlinger per år' },
        ],
      },
    ),
  ],
};

const follo: Place = {
  short: 'Follo',
  towns: ['Ski', 'Ås', 'Drøbak', 'Enebakk'],
  road: 'fv. 156',
  water: 'PURA',
};

const folloStory: RegionStory = {
  region: 'Folloregionen interkommunale politiske råd',
  place: follo,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-02-17T09:00:00+01:00',
  wanted: [
    {
      subject: 'klima',
      justification:
        'Follo-kommunene har felles mål om 60 prosent lavere utslipp innen 2030 og trenger et felles klimaarbeid.',
    },
    {
      subject: 'samferdsel',
      justification: 'Follobanen gir nye muligheter; bussene må mate togene i Ski og Ås.',
    },
    {
      subject: 'folkehelse',
      justification: 'Flere nærmiljøanlegg trengs i de raskt voksende boligområdene.',
    },
  ],
  meetings: {
    proposed: '2021-03-08T12:00:00+01:00',
    discussed: '2021-05-04T09:00:00+02:00',
    agreed: '2021-11-18T13:00:00+01:00',
  },
  items: [
    item('samferdsel', 'discussed', samferdsel.busService(follo, 1_800_000), [
      {
        by: 'admin',
        at: '2021-05-06T14:20:00+02:00',
        mentions: ['samferdsel'],
        text: 'Kan Samferdsel ha et kostnadsanslag for kveldsavgangene klart før det bilaterale møtet?',
      },
      {
        by: 'owner',
        at: '2021-05-10T08:45:00+02:00',
        replyTo: 0,
        text: 'Anslaget er 1,8 millioner kroner i året med dagens materiell. Det står nå i budsjettfeltet.',
      },
    ]),
    item('samferdsel', 'proposed', samferdsel.roadSafety(follo, 1_200_000)),
    item('utdanning', 'discussed', utdanning.skillsForum(follo)),
    item('kultur', 'proposed', kultur.localFacilities(follo, 600_000)),
    item('naering', 'proposed', naering.farming(follo)),
    item('klima', 'discussed', klima.climateNetwork(follo, 300_000)),
    drop(
      'klima',
      klima.charging(follo, 400_000),
      'proposed',
      'Hurtigladere bygges nå ut på kommersielle vilkår i hele Follo. Midlene brukes der markedet ikke bygger selv.',
    ),
    item('frk', 'proposed', frk.townCentre(follo, 500_000)),
    item('tannhelse', 'proposed', tannhelse.clinic(follo)),
    own(
      'discussed',
      'klima',
      'commitment',
      'Felles klimaregnskap for Follo-kommunene',
      'Kommunene i Follo lager et felles klimaregnskap etter samme metode og legger det fram for regionrådet hvert år.',
      { responsible: 'Daglig leder, Follorådet' },
    ),
  ],
};

const nedreRomerike: Place = {
  short: 'Nedre Romerike',
  towns: ['Lillestrøm', 'Lørenskog', 'Nittedal', 'Bjørkelangen'],
  road: 'fv. 120',
  water: 'Øyeren',
};

const nedreRomerikeStory: RegionStory = {
  region: 'Samarbeidsrådet for Nedre Romerike',
  place: nedreRomerike,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-02-08T12:00:00+01:00',
  wanted: [
    {
      subject: 'samferdsel',
      justification:
        'Innbyggerne i de spredtbygde delene av Aurskog-Høland har ikke et reelt kollektivtilbud.',
    },
    {
      subject: 'folkehelse',
      justification: 'Levekårsforskjellene mellom kommunene og innad i dem øker.',
    },
    {
      subject: 'naering',
      justification: 'Bredbånd i grendene er en forutsetning for bosetting og næringsliv.',
    },
  ],
  meetings: {
    proposed: '2021-02-25T12:00:00+01:00',
    discussed: '2021-04-20T10:00:00+02:00',
    agreed: '2021-10-14T13:00:00+02:00',
  },
  items: [
    item('samferdsel', 'agreed', samferdsel.onDemand(nedreRomerike, 1_100_000)),
    drop(
      'samferdsel',
      samferdsel.commuterParking(nedreRomerike),
      'discussed',
      'Bane NOR utvider innfartsparkeringen ved Lillestrøm stasjon selv, så tiltaket trengs ikke i avtalen.',
      [
        {
          by: 'region',
          at: '2021-10-15T09:00:00+02:00',
          text: 'Enig i at tiltaket utgår. Vi ber fylkeskommunen ta opp sykkelparkeringen ved stasjonen med Bane NOR.',
        },
      ],
    ),
    item('utdanning', 'discussed', utdanning.vocationalCollege(nedreRomerike, 1_800_000)),
    item('utdanning', 'agreed', utdanning.apprentices(nedreRomerike)),
    item('kultur', 'agreed', kultur.volunteering(nedreRomerike, 300_000)),
    item('kultur', 'discussed', kultur.publicHealth(nedreRomerike, 450_000)),
    item('naering', 'agreed', naering.broadband(nedreRomerike, 1_000_000)),
    item('klima', 'agreed', klima.water(nedreRomerike)),
    item('frk', 'agreed', frk.partnershipFunds(nedreRomerike, 700_000)),
    item('tannhelse', 'agreed', tannhelse.children(nedreRomerike)),
    own(
      'discussed',
      'folkehelse',
      'commitment',
      'Kommunenes andel av prosessledelsen i folkehelseprogrammet',
      'Kommunene på Nedre Romerike finansierer halvparten av en felles prosessleder for folkehelseprogrammet.',
      { budget: 350_000, responsible: 'Sekretariatet, Samarbeidsrådet for Nedre Romerike' },
    ),
  ],
};

const gardermo: Place = {
  short: 'Gardermoregionen',
  towns: ['Jessheim', 'Eidsvoll', 'Nannestad', 'Årnes'],
  road: 'fv. 454',
  water: 'Vorma og Andelva',
};

const gardermoStory: RegionStory = {
  region: 'Gardermoregionen interkommunale politiske råd',
  place: gardermo,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-01-28T10:00:00+01:00',
  wanted: [
    {
      subject: 'naering',
      justification: 'Pandemien rammet arbeidsplassene rundt flyplassen hardt; regionen trenger omstilling.',
    },
    {
      subject: 'utdanning',
      justification: 'Permitterte og ledige trenger ny kompetanse for å komme tilbake i arbeid.',
    },
    {
      subject: 'samferdsel',
      justification: 'Kollektivtilbudet mellom tettstedene henger ikke med i befolkningsveksten.',
    },
  ],
  meetings: {
    proposed: '2021-02-18T12:00:00+01:00',
    discussed: '2021-03-25T10:00:00+01:00',
    agreed: '2021-06-10T13:00:00+02:00',
  },
  items: [
    item('samferdsel', 'agreed', samferdsel.busService(gardermo, 2_600_000)),
    item('samferdsel', 'agreed', samferdsel.roadSafety(gardermo, 1_300_000)),
    item('utdanning', 'agreed', utdanning.studyProgrammes(gardermo, 700_000)),
    item('utdanning', 'agreed', utdanning.careers(gardermo, 350_000)),
    item('kultur', 'agreed', kultur.schoolCulture(gardermo)),
    item('kultur', 'agreed', kultur.heritage(gardermo)),
    item('naering', 'agreed', naering.businessNetwork(gardermo, 600_000)),
    item('klima', 'agreed', klima.planningAdvice(gardermo)),
    drop(
      'klima',
      klima.climateNetwork(gardermo, 300_000),
      'discussed',
      'Kommunene er allerede med i Klimanettverk Romerike. Et eget nettverk for regionen ville vært dobbeltarbeid.',
    ),
    item('frk', 'agreed', frk.knowledgeBase(gardermo)),
    item('tannhelse', 'agreed', tannhelse.careServices(gardermo, 250_000)),
    own(
      'agreed',
      'utdanning',
      'commitment',
      'Vertskap for kompetanseforum og næringsmøter',
      'Gardermoregionen er vertskap for kompetanseforumet og inviterer næringslivet, NAV og kommunene til to næringsmøter i året.',
      { responsible: 'Daglig leder, Gardermoregionen' },
    ),
  ],
};

const hallingdal: Place = {
  short: 'Hallingdal',
  towns: ['Gol', 'Geilo', 'Nesbyen', 'Ål'],
  road: 'fv. 52',
  water: 'Hallingdalsvassdraget',
};

const hallingdalStory: RegionStory = {
  region: 'Regionrådet for Hallingdal',
  place: hallingdal,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-03-02T15:00:00+01:00',
  wanted: [
    {
      subject: 'samferdsel',
      justification:
        'Kollektivtilbodet i dalen er for dårleg for pendlarar og ungdom, og rutene passar ikkje med toget.',
    },
    {
      subject: 'utdanning',
      justification: 'Vi treng utdanning nær der folk bur, elles flyttar dei unge ut og kjem ikkje att.',
    },
    {
      subject: 'naering',
      justification: 'Reiseliv og landbruk er dei viktigaste næringane i Hallingdal og må styrkjast saman.',
    },
    {
      subject: 'klima',
      justification:
        'Flaum og skred aukar med klimaendringane, og kommunane treng hjelp til å planleggje for det.',
    },
  ],
  meetings: {
    proposed: '2021-03-15T12:00:00+01:00',
    discussed: '2021-05-19T10:00:00+02:00',
    agreed: '2021-11-04T13:00:00+01:00',
  },
  items: [
    item('samferdsel', 'discussed', samferdsel.busService(hallingdal, 1_500_000), [
      {
        by: 'region',
        at: '2021-05-25T13:10:00+02:00',
        text: 'Det er viktig at rutene passar med skuleskyssen og togtidene på Gol stasjon, og at det går buss seint på kvelden i vintersesongen.',
      },
      {
        by: 'owner',
        at: '2021-05-28T09:30:00+02:00',
        replyTo: 0,
        text: 'Vi legger rutene etter togtidene på Gol og ser på en egen vinterrute i høysesongen. Forslaget kommer til det bilaterale møtet i september.',
      },
    ]),
    item('samferdsel', 'agreed', samferdsel.onDemand(hallingdal, 900_000)),
    item('utdanning', 'agreed', utdanning.studyProgrammes(hallingdal, 800_000)),
    item('utdanning', 'discussed', utdanning.skillsForum(hallingdal)),
    item('kultur', 'agreed', kultur.heritage(hallingdal)),
    item('kultur', 'proposed', kultur.localFacilities(hallingdal, 400_000)),
    item('naering', 'agreed', naering.destination(hallingdal, 600_000)),
    item('naering', 'agreed', naering.farming(hallingdal)),
    item('naering', 'discussed', naering.broadband(hallingdal, 1_500_000)),
    item('klima', 'discussed', klima.adaptation(hallingdal, 500_000)),
    item('frk', 'agreed', frk.partnershipFunds(hallingdal, 900_000)),
    item('tannhelse', 'agreed', tannhelse.clinic(hallingdal)),
    own(
      'agreed',
      'utdanning',
      'commitment',
      'Lokale til studiesenteret på Gol',
      'Kommunane i Hallingdal stiller lokale og teknisk utstyr til studiesenteret på Gol, slik at studentane kan ta desentralisert utdanning utan å flytte ut av dalen.',
      { responsible: 'Dagleg leiar, Regionrådet for Hallingdal' },
    ),
    own(
      'discussed',
      'naering',
      'measure',
      'Felles reiselivsstrategi for Hallingdal',
      'Regionrådet tek ansvar for ein felles reiselivsstrategi for heile dalen, saman med destinasjonsselskapa og næringslivet, med vekt på heilårsturisme og lokalmat.',
      { responsible: 'Dagleg leiar, Regionrådet for Hallingdal', budget: 200_000, timeFrame: '2022' },
    ),
    own(
      'proposed',
      'klima',
      'commitment',
      'Klimarekneskap for alle kommunane i Hallingdal',
      'Alle dei seks kommunane lagar klimarekneskap etter same metode innan utgangen av 2022, og regionrådet samanstiller dei.',
      { timeFrame: '2022' },
    ),
  ],
};

const kongsberg: Place = {
  short: 'Kongsbergregionen',
  towns: ['Kongsberg', 'Lampeland', 'Rødberg', 'Prestfoss'],
  road: 'fv. 40',
  water: 'Numedalslågen',
};

const kongsbergStory: RegionStory = {
  region: 'Kongsbergregionen',
  place: kongsberg,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-03-10T11:00:00+01:00',
  wanted: [
    {
      subject: 'naering',
      justification: 'Teknologiindustrien i Kongsberg trenger underleverandører og nettverk i hele regionen.',
    },
    {
      subject: 'utdanning',
      justification: 'Industrien mangler fagarbeidere med videreutdanning i automatisering.',
    },
    {
      subject: 'samferdsel',
      justification: 'Fv. 40 gjennom Numedal er hovedåren for både næringsliv og skoleskyss.',
    },
  ],
  meetings: {
    proposed: '2021-03-22T12:00:00+01:00',
    discussed: '2021-06-08T10:00:00+02:00',
    agreed: '2021-12-02T13:00:00+01:00',
  },
  items: [
    item('samferdsel', 'discussed', samferdsel.roadSafety(kongsberg, 1_400_000)),
    item('samferdsel', 'proposed', samferdsel.onDemand(kongsberg, 800_000)),
    item('utdanning', 'discussed', utdanning.vocationalCollege(kongsberg, 2_000_000), [
      {
        by: 'region',
        at: '2021-06-10T10:15:00+02:00',
        text: 'Teknologibedriftene ønsker fagskoletilbud i automatisering og systemforståelse. Kan det komme med?',
      },
      {
        by: 'owner',
        at: '2021-06-14T15:00:00+02:00',
        replyTo: 0,
        text: 'Vi tar det med i dialogen med Fagskolen i Viken. Automatisering er aktuelt fra høsten 2023.',
      },
    ]),
    item('utdanning', 'proposed', utdanning.apprentices(kongsberg)),
    item('kultur', 'proposed', kultur.schoolCulture(kongsberg)),
    item('naering', 'discussed', naering.businessNetwork(kongsberg, 700_000)),
    item('klima', 'proposed', klima.water(kongsberg)),
    item('frk', 'proposed', frk.knowledgeBase(kongsberg)),
    item('tannhelse', 'proposed', tannhelse.children(kongsberg)),
    own(
      'proposed',
      'naering',
      'commitment',
      'Prosjektleder for leverandørnettverket',
      'Kongsbergregionen stiller prosjektleder for et leverandørnettverk mellom teknologibedriftene i Kongsberg og bedriftene i Numedal.',
      { responsible: 'Daglig leder, Kongsbergregionen', timeFrame: '2022–2024' },
    ),
  ],
};

const ringerike: Place = {
  short: 'Ringeriksregionen',
  towns: ['Hønefoss', 'Vikersund', 'Jevnaker', 'Sundvollen'],
  road: 'fv. 241',
  water: 'Tyrifjorden',
};

const ringerikeStory: RegionStory = {
  region: 'Ringeriksregionen interkommunale politiske råd',
  place: ringerike,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-01-29T12:00:00+01:00',
  wanted: [
    {
      subject: 'samferdsel',
      justification: 'Ny E16 og Ringeriksbanen endrer reisemønstrene; knutepunktet i Hønefoss må utvikles.',
    },
    {
      subject: 'attraktivitet',
      justification:
        'Regionen skal ta imot mange nye innbyggere og vil ha levende sentrum, ikke spredt utbygging.',
    },
    {
      subject: 'naering',
      justification: 'Reiselivet rundt Tyrifjorden og i Krødsherad kan gi flere helårsarbeidsplasser.',
    },
  ],
  meetings: {
    proposed: '2021-02-11T12:00:00+01:00',
    discussed: '2021-04-08T10:00:00+02:00',
    agreed: '2021-09-23T13:00:00+02:00',
  },
  items: [
    item('samferdsel', 'agreed', samferdsel.commuterParking(ringerike)),
    item('samferdsel', 'discussed', samferdsel.cyclePath(ringerike, 5_000_000)),
    item('utdanning', 'agreed', utdanning.careers(ringerike, 300_000)),
    item('utdanning', 'discussed', utdanning.studyProgrammes(ringerike, 600_000)),
    item('kultur', 'agreed', kultur.volunteering(ringerike, 200_000)),
    item('naering', 'agreed', naering.destination(ringerike, 450_000)),
    item('naering', 'discussed', naering.startUpService(ringerike, 400_000)),
    item('klima', 'agreed', klima.water(ringerike)),
    drop(
      'klima',
      klima.charging(ringerike, 350_000),
      'proposed',
      'Kommunene har fått statlige midler til ladeinfrastruktur, så fylkeskommunens tilskudd trengs ikke her.',
    ),
    item('frk', 'agreed', frk.townCentre(ringerike, 600_000)),
    item('tannhelse', 'discussed', tannhelse.careServices(ringerike, 200_000)),
    own(
      'agreed',
      'attraktivitet',
      'commitment',
      'Samordnet arealplanlegging langs ny E16 og Ringeriksbanen',
      'Kommunene i Ringeriksregionen samordner arealplanene rundt de nye stasjonene og vegkryssene, og konsentrerer boligbyggingen rundt knutepunktene.',
      { responsible: 'Regionkoordinator, Ringeriksregionen' },
    ),
  ],
};

const hadeland: Place = {
  short: 'Hadeland',
  towns: ['Roa', 'Jevnaker', 'Gran'],
  road: 'fv. 34',
  water: 'Randsfjorden',
};

const hadelandStory: RegionStory = {
  region: 'Regionrådet for Hadeland',
  place: hadeland,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-03-24T10:00:00+01:00',
  wanted: [
    {
      subject: 'samferdsel',
      justification: 'Hadeland ligger i to fylker; bussene over fylkesgrensen må henge sammen.',
    },
    {
      subject: 'naering',
      justification: 'Glassverket og reiselivet på Hadeland trenger et felles løft.',
    },
    {
      subject: 'klima',
      justification:
        'Randsfjorden og jordbruksarealene er utsatt for avrenning og flom; kommunene ønsker et felles klimatilpasningsarbeid.',
    },
  ],
  meetings: {
    proposed: '2021-04-12T12:00:00+02:00',
    discussed: '2021-06-01T10:00:00+02:00',
    agreed: '2021-12-09T13:00:00+01:00',
  },
  items: [
    item('samferdsel', 'discussed', samferdsel.busService(hadeland, 900_000)),
    item('utdanning', 'proposed', utdanning.skillsForum(hadeland)),
    item('naering', 'proposed', naering.destination(hadeland, 300_000)),
    own(
      'proposed',
      'naering',
      'commitment',
      'Felles næringsplan for Hadeland',
      'Lunner, Jevnaker og Gran lager en felles strategisk næringsplan for Hadeland, på tvers av fylkesgrensen.',
      { timeFrame: '2021–2022' },
    ),
  ],
};

const drammen: Place = {
  short: 'Drammensregionen',
  towns: ['Drammen', 'Lierbyen', 'Hokksund'],
  road: 'fv. 282',
  water: 'Drammenselva',
};

/** The regional council was formed in April 2022, so its agreement starts then. */
const drammenStory: RegionStory = {
  region: 'Drammensregionen',
  place: drammen,
  periodFrom: '2022-05-01',
  createdAt: '2022-05-02T10:00:00+02:00',
  wantedAt: '2022-05-30T10:00:00+02:00',
  wanted: [
    {
      subject: 'klima',
      justification:
        'Byområdet har forpliktet seg til nullvekst i personbiltrafikken og trenger et felles klimaarbeid.',
    },
    {
      subject: 'naering',
      justification: 'Regionen vil samle næringsarbeidet etter at det nye regionrådet ble etablert.',
    },
  ],
  meetings: {
    proposed: '2022-06-14T12:00:00+02:00',
    discussed: '2022-09-20T10:00:00+02:00',
    agreed: '2022-12-01T13:00:00+01:00',
  },
  items: [
    item('samferdsel', 'proposed', samferdsel.roadSafety(drammen, 1_000_000)),
    item('utdanning', 'proposed', utdanning.careers(drammen, 300_000)),
    item('naering', 'proposed', naering.businessNetwork(drammen, 600_000)),
    item('klima', 'proposed', klima.climateNetwork(drammen, 350_000)),
  ],
};

const nedreGlomma: Place = {
  short: 'Nedre Glomma',
  towns: ['Fredrikstad', 'Sarpsborg', 'Skjærhalden'],
  road: 'fv. 108',
  water: 'Glomma sør',
};

const nedreGlommaStory: RegionStory = {
  region: 'Nedre Glomma regionråd',
  place: nedreGlomma,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-02-15T10:00:00+01:00',
  wanted: [
    {
      subject: 'samferdsel',
      justification:
        'Bussen mellom Fredrikstad og Sarpsborg er landets travleste bussrute utenfor storbyene.',
    },
    {
      subject: 'klima',
      justification: 'Havnivåstigning og flom i Glomma truer sentrumsområdene i begge byene.',
    },
    {
      subject: 'folkehelse',
      justification: 'Regionen har blant de største levekårsutfordringene i fylket.',
    },
  ],
  meetings: {
    proposed: '2021-03-04T12:00:00+01:00',
    discussed: '2021-04-27T10:00:00+02:00',
    agreed: '2021-10-21T13:00:00+02:00',
  },
  items: [
    item('samferdsel', 'agreed', samferdsel.busService(nedreGlomma, 3_000_000)),
    item('utdanning', 'agreed', utdanning.apprentices(nedreGlomma)),
    item('kultur', 'agreed', kultur.publicHealth(nedreGlomma, 500_000)),
    item('klima', 'agreed', klima.adaptation(nedreGlomma, 700_000)),
    own(
      'agreed',
      'klima',
      'commitment',
      'Felles kartlegging av flom og overvann',
      'Fredrikstad, Sarpsborg og Hvaler deler data om flom, overvann og havnivå, og bruker de samme aktsomhetskartene i sine planer.',
      { responsible: 'Sekretariatet, Nedre Glomma regionråd', timeFrame: '2021–2023' },
    ),
  ],
};

const halden: Place = {
  short: 'Haldenregionen',
  towns: ['Halden', 'Aremark'],
  road: 'fv. 21',
  water: 'Haldenvassdraget',
};

const haldenStory: RegionStory = {
  region: 'Haldenregionen',
  place: halden,
  createdAt: '2021-01-12T10:00:00+01:00',
  wantedAt: '2021-04-20T10:00:00+02:00',
  wanted: [
    {
      subject: 'naering',
      justification: 'Flere må starte egen virksomhet for å erstatte arbeidsplassene som har forsvunnet.',
    },
    {
      subject: 'attraktivitet',
      justification:
        'Halden sentrum og festningsbyen skal bli mer levende, med flere boliger og møteplasser i sentrum.',
    },
  ],
  meetings: {
    proposed: '2021-05-10T12:00:00+02:00',
    discussed: '2021-09-14T10:00:00+02:00',
    agreed: '2022-02-03T13:00:00+01:00',
  },
  items: [
    item('naering', 'proposed', naering.startUpService(halden, 300_000)),
    item('tannhelse', 'proposed', tannhelse.clinic(halden)),
  ],
};

export const demoRegionStories: readonly RegionStory[] = [
  indreOstfoldStory,
  mossStory,
  folloStory,
  nedreRomerikeStory,
  gardermoStory,
  hallingdalStory,
  kongsbergStory,
  ringerikeStory,
  hadelandStory,
  drammenStory,
  nedreGlommaStory,
  haldenStory,
];

/** The wanted subject areas no department has answered yet, as the matrix shows them. */
export const demoUnanswered = [
  { region: hadelandStory.region, subjectArea: 'Klima og miljø' },
  { region: haldenStory.region, subjectArea: 'Attraktivitet og stedsutvikling' },
] as const;

// ---- Indre Østfold's agreed special part ----

/**
 * Written after the bilateral meetings, sent to the regional council on 3 June 2021 and agreed at its
 * meeting on 17 June 2021.
 */
export const indreOstfoldSpecialPart = {
  region: indreOstfoldStory.region,
  createdAt: '2021-05-28T09:00:00+02:00',
  sentAt: '2021-06-03T12:00:00+02:00',
  agreedAt: '2021-06-17T14:00:00+02:00',
  /** The written sections by key; the contributions section is generated from the agreed items. */
  sections: {
    introduction: doc(
      p(
        'Den spesielle delen av partnerskapsavtalen beskriver hva Viken fylkeskommune og **Indre Østfold regionråd** skal samarbeide om i avtaleperioden 2021–2024, og hvem som eier hvert bidrag.',
      ),
      p(
        'Innholdet er utarbeidet i første samarbeidsmøte 18. mars 2021 og i bilaterale møter mellom rådsområdene og regionen i mai 2021.',
      ),
    ),
    priorities: doc(
      p('Regionrådet har pekt ut disse prioriteringene for perioden:'),
      bullets(
        '**Arbeidsplasser og etablerere:** flere nye bedrifter og et sterkere reiseliv, med Indre Østfold som reisemål.',
        '**Kompetanse nær der folk bor:** en fagskoleavdeling og desentraliserte studietilbud i regionen.',
        '**Trygge skoleveier** langs fylkesveiene.',
        '**Folkehelse og klima** som felles ansvar for alle kommunene.',
      ),
    ),
    'follow-up': doc(
      p(
        'Partene følger opp avtalen i det **årlige partnerskapsmøtet**, der hvert rådsområde og regionrådet rapporterer på sine bidrag og indikatorer.',
      ),
      p(
        'Bidrag kan justeres i avtaleperioden etter dialog mellom partene. Endringer som gjelder budsjett, legges fram for fylkesrådet og regionrådet.',
      ),
    ),
  } satisfies Record<string, RichTextDoc>,
  /** What the four items the real agreement named are called here. */
  namedItems: [
    'Etablererservice i Indre Østfold',
    'Indre Østfold som reisemål',
    'Fagskoleavdeling i Mysen',
    'Desentraliserte studietilbud i Indre Østfold',
  ],
} as const;

// ---- The special parts agreed in the autumn of 2021 ----

/** A special part the demo agreed: when it was written, sent to the regional council and agreed there. */
export type DemoAgreedSpecialPart = {
  region: string;
  createdAt: string;
  sentAt: string;
  agreedAt: string;
  /** The written sections by key; the contributions section is generated from the agreed items. */
  sections: Record<string, RichTextDoc>;
};

/**
 * Gardermoregionen's: its bilateral meetings ended in June 2021, the last item (kulturarv) was settled after
 * the summer, and the regional council agreed the text on 11 November 2021.
 */
export const gardermoSpecialPart: DemoAgreedSpecialPart = {
  region: gardermoStory.region,
  createdAt: '2021-10-18T09:00:00+02:00',
  sentAt: '2021-10-28T12:00:00+02:00',
  agreedAt: '2021-11-11T14:00:00+01:00',
  sections: {
    introduction: doc(
      p(
        'Den spesielle delen av partnerskapsavtalen beskriver hva Viken fylkeskommune og **Gardermoregionen** skal samarbeide om i avtaleperioden 2021–2024.',
      ),
    ),
    priorities: doc(
      p('Regionrådet har pekt ut disse prioriteringene for perioden:'),
      bullets(
        '**Omstilling etter pandemien:** nye arbeidsplasser rundt flyplassen og i tettstedene.',
        '**Kompetanse for arbeid:** studietilbud og karriereveiledning for permitterte og ledige.',
        '**Kollektivtrafikk** mellom tettstedene i takt med befolkningsveksten.',
      ),
    ),
    'follow-up': doc(
      p(
        'Partene følger opp avtalen i det **årlige partnerskapsmøtet**, der hvert rådsområde og regionrådet rapporterer på sine bidrag.',
      ),
    ),
  },
};

/** Nedre Glomma's: its bilateral meetings ended in October 2021 and the regional council agreed it on 18 November. */
export const nedreGlommaSpecialPart: DemoAgreedSpecialPart = {
  region: nedreGlommaStory.region,
  createdAt: '2021-10-25T09:00:00+02:00',
  sentAt: '2021-11-04T12:00:00+01:00',
  agreedAt: '2021-11-18T14:00:00+01:00',
  sections: {
    introduction: doc(
      p(
        'Den spesielle delen av partnerskapsavtalen beskriver hva Viken fylkeskommune og **Nedre Glomma regionråd** skal samarbeide om i avtaleperioden 2021–2024.',
      ),
    ),
    priorities: doc(
      p('Regionrådet har pekt ut disse prioriteringene for perioden:'),
      bullets(
        '**Bussen mellom Fredrikstad og Sarpsborg** skal gå oftere og raskere.',
        '**Klimatilpasning:** flom, overvann og havnivå i sentrumsområdene.',
        '**Levekår og folkehelse** som felles ansvar for kommunene.',
      ),
    ),
    'follow-up': doc(
      p(
        'Partene følger opp avtalen i det **årlige partnerskapsmøtet**, der hvert rådsområde og regionrådet rapporterer på sine bidrag.',
      ),
    ),
  },
};

/** Every special part the demo agreed, earliest first: Indre Østfold's in June, two more in November 2021. */
export const demoAgreedSpecialParts: readonly DemoAgreedSpecialPart[] = [
  indreOstfoldSpecialPart,
  gardermoSpecialPart,
  nedreGlommaSpecialPart,
];
