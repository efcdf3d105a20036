import type { DispositionOutcome, HearingKind } from '../../shared/contracts/hearings.js';

/**
 * The demo's two hearings on version 1 of the general part, as the seed document tells it: an informal
 * round before the summer of 2020 and a formal one with a deadline for input on 15.09.2020, with the
 * regions' input and the county's answers. Input is written as the regions would: Hallingdal in nynorsk,
 * the others in bokmål. Times are Oslo time.
 */

export type DemoInput = {
  /** The name this file's dispositions use for the input. */
  ref: string;
  /** The region's name as in the registry. */
  region: string;
  /** A section of version 1, or null for the whole document. */
  sectionKey: string | null;
  text: string;
  submittedAt: string;
  /** Sent by e-mail or letter and registered by the county; `late` once the deadline had passed. */
  registeredByCounty?: 'onTime' | 'late';
};

export type DemoDisposition = {
  inputs: string[];
  outcome: DispositionOutcome;
  reason: string;
  /** Where version 2 took it in: a section key, or `document` for changes throughout. */
  takenIn?: string | 'document';
  /** A department answers first; the disposition is not final until the county settles it. */
  department?: string;
};

export type DemoHearing = {
  kind: HearingKind;
  openedAt: string;
  deadline: string;
  coverLetter: string;
  inputs: DemoInput[];
  dispositions: DemoDisposition[];
};

const hallingdal = 'Regionrådet for Hallingdal';
const kongsberg = 'Kongsbergregionen';
const follo = 'Folloregionen interkommunale politiske råd';
const drammen = 'Drammensregionen';
const indre = 'Indre Østfold regionråd';
const ringerike = 'Ringeriksregionen interkommunale politiske råd';
const gardermo = 'Gardermoregionen interkommunale politiske råd';

export const informalHearing: DemoHearing = {
  kind: 'informal',
  openedAt: '2020-05-25T09:00:00+02:00',
  deadline: '2020-06-12',
  coverLetter: [
    'Viken fylkeskommune sender med dette utkast til generell del av partnerskapsavtalene med kommuneregionene på uformell høring.',
    'Utkastet bygger på fylkesrådets vedtak 30. april 2020 og på dialogen med de administrative kontaktpersonene i kommuneregionene. Vi ønsker en første tilbakemelding på innretning og innhold før utkastet sendes på formell høring.',
    'Innspill kan gis til hele dokumentet eller til de enkelte kapitlene.',
  ].join('\n\n'),
  inputs: [
    {
      ref: 'hallingdal',
      region: hallingdal,
      sectionKey: null,
      submittedAt: '2020-06-10T14:20:00+02:00',
      text: 'Regionrådet for Hallingdal meiner det er positivt at fylkeskommunen inviterer til partnarskap med kommuneregionane. Vi ønskjer at generell del blir kort og tydeleg, slik at arbeidet kan rettast mot spesiell del, der dei konkrete tiltaka for Hallingdal skal stå. Vi ber om at fylkeskommunen tek omsyn til at kommunane i Hallingdal er små, og at kapasiteten til å delta i mange møte er avgrensa.',
    },
    {
      ref: 'kongsberg',
      region: kongsberg,
      sectionKey: 'purpose',
      submittedAt: '2020-06-08T10:05:00+02:00',
      text: 'Kongsbergregionen støtter at avtalene skal bygge på skreddersøm. Vi ber om at det sies tydelig at ikke alle rådsområder må være med i alle avtaler. Det er bedre med få forpliktende tiltak som regionen selv prioriterer, enn en lang liste som ingen eier.',
    },
    {
      ref: 'follo',
      region: follo,
      sectionKey: null,
      submittedAt: '2020-06-11T16:45:00+02:00',
      text: 'Folloregionen ber om at fristen for den formelle høringen legges etter sommeren. Flere av kommunene ønsker å drøfte generell del politisk, og det første møtet i regionrådet etter ferien er i slutten av august.',
    },
    {
      ref: 'drammen',
      region: drammen,
      sectionKey: 'implementation',
      submittedAt: '2020-06-12T11:30:00+02:00',
      text: 'Det årlige partnerskapsmøtet bør ha politisk deltakelse fra både fylkeskommunen og alle medlemskommunene, ikke bare fra regionrådets leder. Da blir avtalen mer forpliktende for kommunene.',
    },
  ],
  dispositions: [
    {
      inputs: ['hallingdal'],
      outcome: 'noted',
      reason:
        'Generell del er holdt kort, med de fem temaene fylkesrådet vedtok. Kapasiteten i små kommuner tas hensyn til når møteplanen for spesiell del legges.',
    },
    {
      inputs: ['kongsberg'],
      outcome: 'noted',
      reason:
        'Det er lagt til grunn at rådsområdene deltar der de har noe å bidra med. Omfanget avklares i arbeidet med spesiell del for hver kommuneregion.',
    },
    {
      inputs: ['follo'],
      outcome: 'taken_in',
      reason:
        'Fristen for den formelle høringen er satt til 15. september 2020, slik at regionrådene kan behandle generell del etter sommeren.',
    },
    {
      inputs: ['drammen'],
      outcome: 'noted',
      reason:
        'Partnerskapsmøtet holdes mellom fylkesrådet og regionrådet, der alle medlemskommunene er representert. Hvem som deltar i tillegg, avtales med hver kommuneregion.',
    },
  ],
};

export const formalHearing: DemoHearing = {
  kind: 'formal',
  openedAt: '2020-06-24T09:00:00+02:00',
  deadline: '2020-09-15',
  coverLetter: [
    'Viken fylkeskommune sender generell del av partnerskapsavtalene med kommuneregionene på formell høring, med frist for innspill 15. september 2020.',
    'Fylkesrådet vedtok 30. april 2020 at partnerskapsavtalene skal utarbeides i dialog med kommuneregionene, slik at innspill fra kommuneregionene blir innarbeidet. Vi ber derfor om at regionrådene drøfter utkastet, gjerne politisk, og gir innspill til de enkelte kapitlene eller til dokumentet som helhet.',
    'Alle innspill blir besvart. En oppsummering av innspillene og av hvordan de er fulgt opp, legges ved saken til fylkesrådet.',
  ].join('\n\n'),
  inputs: [
    {
      ref: 'indre-purpose',
      region: indre,
      sectionKey: 'purpose',
      submittedAt: '2020-09-11T09:40:00+02:00',
      text: 'Indre Østfold regionråd mener formålet bør få fram at Viken er et sammensatt fylke, med store forskjeller mellom by og bygd. Landbruksregionene i Østfold har andre utfordringer enn byene rundt Oslo, og avtalen bør si at den skal bidra til utvikling i hele fylket.',
    },
    {
      ref: 'indre-whole',
      region: indre,
      sectionKey: null,
      submittedAt: '2020-09-11T09:45:00+02:00',
      text: 'Regionrådet behandlet generell del i møte 4. september 2020 og slutter seg til utkastet, med innspillet til formål. Regionrådet setter pris på at fylkeskommunen har involvert kontaktpersonene underveis.',
    },
    {
      ref: 'moss-parties',
      region: 'Mosseregionen interkommunale politiske råd',
      sectionKey: 'parties',
      submittedAt: '2020-09-14T13:10:00+02:00',
      text: 'Vestby kommune er medlem både i Mosseregionen og i Folloregionen. Avtalen bør si hvordan en kommune som er med i to kommuneregioner skal håndteres, slik at kommunen ikke får doble forpliktelser eller blir forskjellsbehandlet.',
    },
    {
      ref: 'follo-implementation',
      region: follo,
      sectionKey: 'implementation',
      submittedAt: '2020-09-15T15:55:00+02:00',
      text: 'Folloregionen mener avtalen må følges av midler. Uten et eget budsjett for partnerskapsavtalene er det fare for at tiltakene i spesiell del ikke blir gjennomført. Vi ber om at generell del sier at fylkeskommunen setter av midler til oppfølging av avtalene.',
    },
    {
      ref: 'romerike-period',
      region: 'Samarbeidsrådet for Nedre Romerike',
      sectionKey: 'period',
      submittedAt: '2020-09-09T12:00:00+02:00',
      text: 'En avtaleperiode på fire år er lang. Samarbeidsrådet ber om at avtalen evalueres underveis, slik at partene kan justere kursen og ta med seg erfaringene inn i neste avtale.',
    },
    {
      ref: 'gardermo-period',
      region: gardermo,
      sectionKey: 'period',
      submittedAt: '2020-09-15T10:30:00+02:00',
      text: 'Gardermoregionen foreslår at avtaleperioden følger kommunestyre- og fylkestingsperioden, slik at nye politikere etter valget i 2023 får eierskap til avtalen fra starten.',
    },
    {
      ref: 'gardermo-whole',
      region: gardermo,
      sectionKey: null,
      submittedAt: '2020-09-15T10:35:00+02:00',
      text: 'Samferdsel er det viktigste temaet for Gardermoregionen. Kollektivtilbudet mellom kommunene og mot Oslo lufthavn må få en sentral plass i avtalen, og vi ber om at rådsområdet for samferdsel deltar fra første møte om spesiell del.',
    },
    {
      ref: 'hallingdal-purpose',
      region: hallingdal,
      sectionKey: 'purpose',
      submittedAt: '2020-09-14T08:50:00+02:00',
      text: 'Regionrådet for Hallingdal sluttar seg til prinsippa om likeverd, skreddarsaum og å gjere ein skilnad. Formålet bør likevel seie tydelegare at avtalane skal medverke til busetjing og verdiskaping i distrikta, ikkje berre i byane og tettstadane rundt Oslo. For Hallingdal er reiseliv, landbruk og fritidsbustader sentrale næringar, og det bør kome fram at partnarskapet skal styrkje desse.',
    },
    {
      ref: 'hallingdal-implementation',
      region: hallingdal,
      sectionKey: 'implementation',
      submittedAt: '2020-09-14T08:55:00+02:00',
      text: 'Det årlege partnarskapsmøtet bør haldast i regionen og ikkje berre i fylkeshuset. Reisetida frå Hallingdal er lang, og det er viktig at fylkesrådet møter kommunane der dei er. Vi gjer framlegg om at møtet går på omgang mellom kommunane i regionen.',
    },
    {
      ref: 'kongsberg-parties',
      region: kongsberg,
      sectionKey: 'parties',
      submittedAt: '2020-09-10T14:15:00+02:00',
      text: 'Tre av kommunene i Kongsbergregionen, Notodden, Tinn og Hjartdal, ligger i Vestfold og Telemark. Avtalen må si hvordan disse kommunene er med i partnerskapet, ellers blir samarbeidet i regionen delt i to.',
    },
    {
      ref: 'kongsberg-implementation',
      region: kongsberg,
      sectionKey: 'implementation',
      submittedAt: '2020-09-10T14:20:00+02:00',
      text: 'Årshjulet bør passe med kommunenes budsjettarbeid. Partnerskapsmøtet bør holdes tidlig på året, slik at det som avtales der kan tas inn i kommunenes budsjetter og økonomiplaner samme høst.',
    },
    {
      ref: 'ringerike-anchoring',
      region: ringerike,
      sectionKey: 'anchoring',
      submittedAt: '2020-09-08T11:25:00+02:00',
      text: 'Regionrådet bør behandle avtalen før den sendes til kommunestyrene. Da får kommunene en felles anbefaling, og regionrådet tar ansvar for helheten i avtalen.',
    },
    {
      ref: 'ringerike-purpose',
      region: ringerike,
      sectionKey: 'purpose',
      submittedAt: '2020-09-08T11:30:00+02:00',
      text: 'Formålet bør også omfatte distriktene. Ringeriksregionen har både en by i vekst og kommuner med nedgang i folketallet, og avtalen må treffe begge.',
    },
    {
      ref: 'drammen-implementation',
      region: drammen,
      sectionKey: 'implementation',
      submittedAt: '2020-09-15T09:05:00+02:00',
      text: 'Kommunene trenger en fast kontaktperson i fylkeskommunen for partnerskapsavtalen. I dag er det vanskelig å vite hvem man skal kontakte når en sak går på tvers av flere rådsområder.',
    },
    {
      ref: 'drammen-whole',
      region: drammen,
      sectionKey: null,
      submittedAt: '2020-09-15T09:10:00+02:00',
      text: 'Utkastet handler mye om prosess og lite om innhold. Drammensregionen forventer at spesiell del blir konkret, med tiltak, ansvar og tidsplan, og at fylkeskommunen prioriterer arbeidet med den.',
    },
    {
      ref: 'glomma-whole',
      region: 'Nedre Glomma regionråd',
      sectionKey: null,
      submittedAt: '2020-09-15T12:00:00+02:00',
      registeredByCounty: 'onTime',
      text: 'Nedre Glomma regionråd behandlet generell del i møte 10. september 2020 og slutter seg til utkastet. Regionrådet ber om at språket gjøres enklere, særlig i kapitlet om forankring, slik at avtalen er lett å lese for folkevalgte og innbyggere. (Sendt per e-post og registrert av fylkeskommunen.)',
    },
    {
      ref: 'hadeland-anchoring',
      region: 'Regionrådet for Hadeland',
      sectionKey: 'anchoring',
      submittedAt: '2020-09-18T10:00:00+02:00',
      registeredByCounty: 'late',
      text: 'Regionrådet for Hadeland behandlet generell del i møte 17. september 2020 og slutter seg til utkastet. Regionrådet ber om at kommunestyrene får avtalen tidlig nok til at den kan ses i sammenheng med budsjettet for 2021.',
    },
  ],
  // Two inputs are still unanswered: Hadeland's late input, and Gardermoregionen's, which Samferdsel answers first.
  dispositions: [
    {
      inputs: ['indre-purpose', 'ringerike-purpose'],
      outcome: 'taken_in',
      takenIn: 'purpose',
      reason:
        'Formålet sier nå at avtalene skal bidra til en balansert utvikling i hele fylket, i byene og i distriktene.',
    },
    {
      inputs: ['indre-whole'],
      outcome: 'noted',
      reason: 'Tatt til orientering. Fylkeskommunen takker for god dialog underveis.',
    },
    {
      inputs: ['moss-parties'],
      outcome: 'taken_in',
      takenIn: 'parties',
      reason:
        'Avtalepartnere sier nå at en kommune som er medlem i to kommuneregioner, er part i begge avtalene, og at tiltak som gjelder kommunen, avtales der de hører mest naturlig hjemme.',
    },
    {
      inputs: ['follo-implementation'],
      outcome: 'not_taken_in',
      reason:
        'Midler til tiltakene i spesiell del bevilges gjennom fylkeskommunens og kommunenes ordinære budsjett og økonomiplan. Generell del binder derfor ikke opp midler, men årshjulet sikrer at prioriteringene fra partnerskapsmøtet tas inn i budsjettarbeidet.',
    },
    {
      inputs: ['romerike-period'],
      outcome: 'taken_in',
      takenIn: 'period',
      reason:
        'Avtaleperiode sier nå at avtalen evalueres i 2023, og at erfaringene tas med i arbeidet med neste avtale.',
    },
    {
      inputs: ['gardermo-period'],
      outcome: 'not_taken_in',
      reason:
        'Avtaleperioden følger perioden for regional planstrategi og økonomiplan. Evalueringen i 2023 gir de nye kommunestyrene og fylkestinget anledning til å påvirke neste avtale.',
    },
    {
      inputs: ['gardermo-whole'],
      outcome: 'noted',
      department: 'Samferdsel',
      reason:
        'Samferdsel vurderer hvordan kollektivtilbudet kan tas inn i spesiell del for Gardermoregionen, og svarer før innspillet besvares endelig.',
    },
    {
      inputs: ['hallingdal-purpose'],
      outcome: 'partly_taken_in',
      takenIn: 'purpose',
      reason:
        'Formålet sier nå at avtalene skal bidra til en balansert utvikling i hele fylket, med bosetting og verdiskaping også i distriktene. Næringer som reiseliv og landbruk hører hjemme i spesiell del for Hallingdal, der de kan følges opp med tiltak.',
    },
    {
      inputs: ['hallingdal-implementation'],
      outcome: 'taken_in',
      takenIn: 'implementation',
      reason: 'Gjennomføring sier nå at partnerskapsmøtet holdes i kommuneregionen.',
    },
    {
      inputs: ['kongsberg-parties'],
      outcome: 'partly_taken_in',
      takenIn: 'parties',
      reason:
        'Kommuner utenfor Viken kan delta i samarbeidet og i partnerskapsmøtene. Fylkeskommunen kan likevel bare forplikte seg til tiltak i Viken; det er presisert under Avtalepartnere.',
    },
    {
      inputs: ['kongsberg-implementation'],
      outcome: 'taken_in',
      takenIn: 'implementation',
      reason:
        'Årshjulet er endret: status rapporteres i januar, og partnerskapsmøtet holdes i februar–mars, før kommunenes budsjettarbeid starter.',
    },
    {
      inputs: ['ringerike-anchoring'],
      outcome: 'taken_in',
      takenIn: 'anchoring',
      reason:
        'Regionrådets behandling er tatt inn som et eget trinn i den politiske behandlingen, før kommunestyrene.',
    },
    {
      inputs: ['drammen-implementation'],
      outcome: 'taken_in',
      takenIn: 'implementation',
      reason:
        'Gjennomføring sier nå at hver kommuneregion får en fast kontaktperson ved fylkesrådsleders kontor.',
    },
    {
      inputs: ['drammen-whole'],
      outcome: 'noted',
      reason:
        'Generell del beskriver rammene for samarbeidet; innholdet kommer i spesiell del, som nå starter opp. Fylkesrådet behandler prosessen for spesiell del i samme møte som generell del.',
    },
    {
      inputs: ['glomma-whole'],
      outcome: 'partly_taken_in',
      takenIn: 'document',
      reason:
        'Språket er forenklet, blant annet i første avsnitt under Forankring, som nå gjengir fylkesrådets vedtak med enklere ord.',
    },
  ],
};

/**
 * When the rest happened: the cycle and its first draft after the executive board's meeting of 30.04.2020,
 * the answers to the informal round before the formal one, version 2 and the answers to the formal round
 * before the case was signed on 01.10.2020, and the approval recorded the day after the meeting.
 */
export const timeline = {
  cycleCreated: '2020-05-04T09:00:00+02:00',
  informalAnswered: '2020-06-19T12:00:00+02:00',
  version2Created: '2020-09-21T09:00:00+02:00',
  formalAnswered: '2020-09-30T14:00:00+02:00',
  approvalRecorded: '2020-10-23T10:00:00+02:00',
} as const;

/** The county executive board's approval of version 2 (the seed: Fylkesrådet, 22.10.2020, point 1). */
export const approvalOfVersion2 = {
  date: '2020-10-22',
  body: 'Fylkesrådet',
  caseNumber: '123/20',
  decisionText: 'Fylkesrådet godkjenner partnerskapsavtalens generelle del slik den fremkommer i vedlegget.',
} as const;
