import type { IndicatorRow } from '../contributions/contribution.table.js';

/**
 * The demo's contributions, as a catalogue of what each county department typically offers a region,
 * written for one region at a time (its towns, roads and waters), so that every special part reads as its
 * own. The region stories (`demo-special-parts-text.ts`) pick from it and add what is theirs alone. The
 * county writes bokmål; what a region writes itself is in the region's own file, in its own standard.
 */

export type SubjectKey =
  | 'samferdsel'
  | 'utdanning'
  | 'naering'
  | 'klima'
  | 'kultur'
  | 'folkehelse'
  | 'attraktivitet';

export type ContributionKind = 'measure' | 'project' | 'instrument' | 'commitment';

/** A contribution's content: everything but its owner and its negotiation. */
export type Idea = {
  subject: SubjectKey;
  kind: ContributionKind;
  title: string;
  description: string;
  responsible: string | null;
  /** Whole kroner per year; null when no budget is given. */
  budget: number | null;
  timeFrame: string | null;
  indicators: IndicatorRow[];
};

/** What the catalogue needs to know about a region to write for it. */
export type Place = {
  /** The region as people say it: "Indre Østfold", "Follo". */
  short: string;
  /** Its towns, the regional centre first. */
  towns: readonly [string, string, ...string[]];
  /** A county road that matters there. */
  road: string;
  /** The water area it shares. */
  water: string;
};

const indicator = (name: string, baseline: string | null, target: string | null, unit: string | null) => ({
  name,
  baseline,
  target,
  unit,
});

/** Fylkesrådsleders kontor: the agreements' owner, with the partnership money and the shared knowledge. */
export const frk = {
  partnershipFunds: (r: Place, budget: number): Idea => ({
    subject: 'attraktivitet',
    kind: 'instrument',
    title: `Partnerskapsmidler til regionrådets handlingsplan for ${r.short}`,
    description: `Fylkeskommunen setter av faste partnerskapsmidler til tiltak regionrådet prioriterer i sin årlige handlingsplan. Midlene fordeles etter søknad fra regionrådet, med kommunal egenandel på minst 50 prosent, og rapporteres i det årlige partnerskapsmøtet.`,
    responsible: 'Seniorrådgiver regional utvikling, Fylkesrådsleders kontor',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Andel av midlene brukt på tiltak i handlingsplanen', null, '100', 'prosent')],
  }),
  knowledgeBase: (r: Place): Idea => ({
    subject: 'attraktivitet',
    kind: 'measure',
    title: `Felles kunnskapsgrunnlag og regionbilde for ${r.short}`,
    description: `Fylkeskommunen utarbeider et regionbilde for ${r.short} med befolkning, pendling, næringsstruktur og levekår, og oppdaterer det hvert år før partnerskapsmøtet. Kommunene får tallene som åpne data til egne planer.`,
    responsible: 'Analyseenheten, Fylkesrådsleders kontor',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Oppdatert regionbilde lagt fram for regionrådet', null, '1', 'rapport per år')],
  }),
  townCentre: (r: Place, budget: number): Idea => ({
    subject: 'attraktivitet',
    kind: 'project',
    title: `Sentrumsutvikling i ${r.towns[0]}`,
    description: `Et felles prosjekt med kommunen om et levende sentrum i ${r.towns[0]}: medvirkning med innbyggere og næringsdrivende, midlertidige tiltak i gatene og en plan for møteplasser. Fylkeskommunen bidrar med prosjektmidler og fagkompetanse på stedsutvikling.`,
    responsible: 'Rådgiver by- og stedsutvikling, Fylkesrådsleders kontor',
    budget,
    timeFrame: '2022–2023',
    indicators: [indicator('Midlertidige tiltak gjennomført i sentrum', '0', '4', 'tiltak')],
  }),
};

/** Samferdsel: public transport, safer roads, paths and commuter parking. */
export const samferdsel = {
  busService: (r: Place, budget: number): Idea => ({
    subject: 'samferdsel',
    kind: 'measure',
    title: `Flere bussavganger mellom ${r.towns[0]} og ${r.towns[1]}`,
    description: `Halvtimesavganger i rushtiden og timesavganger på kveldstid og i helgene på strekningen ${r.towns[0]}–${r.towns[1]}, med korrespondanse mot toget. Kollektivselskapet legger endringen inn fra første ruteendring etter at avtalen er vedtatt.`,
    responsible: 'Seksjonsleder kollektivtrafikk, Samferdsel',
    budget,
    timeFrame: '2022–2024',
    indicators: [
      indicator('Avganger per virkedag', '18', '32', 'avganger'),
      indicator('Påstigende passasjerer', '210 000', '260 000', 'reiser per år'),
    ],
  }),
  roadSafety: (r: Place, budget: number): Idea => ({
    subject: 'samferdsel',
    kind: 'measure',
    title: `Trafikksikkerhetstiltak langs ${r.road}`,
    description: `Belysning, nye gangfelt og fartsdempende tiltak ved skoler og holdeplasser langs ${r.road}, i prioritert rekkefølge fra kommunenes trafikksikkerhetsplaner. Kommunene melder inn strekningene, fylkeskommunen bygger.`,
    responsible: 'Fagansvarlig trafikksikkerhet, Samferdsel',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Utbedrede skoleveier', '0', '6', 'strekninger')],
  }),
  cyclePath: (r: Place, budget: number): Idea => ({
    subject: 'samferdsel',
    kind: 'project',
    title: `Gang- og sykkelvei langs ${r.road} ved ${r.towns[1]}`,
    description: `Regulering og bygging av om lag to kilometer gang- og sykkelvei langs ${r.road}, slik at barn og unge kan gå og sykle trygt til skole og idrettsanlegg i ${r.towns[1]}.`,
    responsible: 'Prosjektleder fylkesveier, Samferdsel',
    budget,
    timeFrame: '2023–2024',
    indicators: [indicator('Ny gang- og sykkelvei', '0', '2', 'km')],
  }),
  commuterParking: (r: Place): Idea => ({
    subject: 'samferdsel',
    kind: 'project',
    title: `Innfartsparkering med sykkelhotell i ${r.towns[0]}`,
    description: `Utvidet innfartsparkering ved knutepunktet i ${r.towns[0]} med ladepunkter og et låsbart sykkelhotell, slik at flere kan bytte til buss eller tog på vei til jobb.`,
    responsible: 'Rådgiver knutepunkter, Samferdsel',
    budget: null,
    timeFrame: '2022',
    indicators: [indicator('Sykkelparkeringsplasser under tak', '40', '120', 'plasser')],
  }),
  onDemand: (r: Place, budget: number): Idea => ({
    subject: 'samferdsel',
    kind: 'measure',
    title: `Bestillingstransport i distriktene i ${r.short}`,
    description: `Et tilbud om bestillingstransport der det ikke går faste ruter: innbyggerne bestiller tur til nærmeste sentrum eller holdeplass via app eller telefon, til samme pris som en bussbillett.`,
    responsible: 'Seksjonsleder kollektivtrafikk, Samferdsel',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Turer med bestillingstransport', '0', '8 000', 'turer per år')],
  }),
};

/** Utdanning og kompetanse: studies near home, the vocational college, apprentices, careers guidance. */
export const utdanning = {
  studyProgrammes: (r: Place, budget: number): Idea => ({
    subject: 'utdanning',
    kind: 'instrument',
    title: `Desentraliserte studietilbud i ${r.short}`,
    description: `Fylkeskommunen finansierer studietilbud som tas lokalt eller nettbasert med samlinger i regionen, i samarbeid med universiteter, høgskoler og fagskolen: helse og oppvekst, teknologi og ledelse, etter behovene kommunene og næringslivet melder inn hvert år.`,
    responsible: 'Rådgiver kompetanse og høyere utdanning, Utdanning og kompetanse',
    budget,
    timeFrame: '2021–2024',
    indicators: [
      indicator('Studenter på desentraliserte tilbud', '35', '90', 'studenter'),
      indicator('Studietilbud i regionen', '1', '3', 'tilbud'),
    ],
  }),
  vocationalCollege: (r: Place, budget: number): Idea => ({
    subject: 'utdanning',
    kind: 'project',
    title: `Fagskoleavdeling i ${r.towns[0]}`,
    description: `Fagskolen i Viken etablerer en avdeling i ${r.towns[0]} med fagskoleutdanning i helse, teknikk og industriell produksjon, samlokalisert med den videregående skolen. Tilbudet gir fagarbeidere i regionen videreutdanning uten å flytte.`,
    responsible: 'Avdelingsleder, Fagskolen i Viken',
    budget,
    timeFrame: '2022–2024',
    indicators: [indicator('Fagskolestudenter ved avdelingen', '0', '60', 'studenter')],
  }),
  apprentices: (r: Place): Idea => ({
    subject: 'utdanning',
    kind: 'measure',
    title: `Flere læreplasser i ${r.short}`,
    description: `Opplæringskontorene, kommunene og fylkeskommunen går sammen om å skaffe flere læreplasser, særlig i helsefag, bygg og anlegg og teknologi. Fylkeskommunen gir ekstra lærlingtilskudd for lærlinger med særskilte behov.`,
    responsible: 'Fagopplæringskontoret, Utdanning og kompetanse',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Søkere med læreplass', '72', '85', 'prosent')],
  }),
  careers: (r: Place, budget: number): Idea => ({
    subject: 'utdanning',
    kind: 'measure',
    title: `Karriereveiledning for voksne i ${r.towns[0]}`,
    description: `Karrieresenteret holder faste veiledningsdager i ${r.towns[0]} og gir gratis karriereveiledning til voksne som står i fare for å falle ut av arbeidslivet, i samarbeid med NAV.`,
    responsible: 'Leder karrieresenteret, Utdanning og kompetanse',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Veiledningssamtaler', '120', '250', 'samtaler per år')],
  }),
  skillsForum: (r: Place): Idea => ({
    subject: 'utdanning',
    kind: 'commitment',
    title: `Kompetanseforum ${r.short}`,
    description: `Fylkeskommunen leder et kompetanseforum med kommunene, NAV, næringslivet og utdanningsinstitusjonene som møtes to ganger i året og lager en felles oversikt over kompetansebehovene i regionen.`,
    responsible: 'Rådgiver kompetanse, Utdanning og kompetanse',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Møter i kompetanseforumet', null, '2', 'møter per år')],
  }),
};

/** Kultur, frivillighet og folkehelse: public health work, voluntary work, culture and heritage. */
export const kultur = {
  publicHealth: (r: Place, budget: number): Idea => ({
    subject: 'folkehelse',
    kind: 'project',
    title: `Program for folkehelsearbeid i kommunene i ${r.short}`,
    description: `Kommunene i ${r.short} deltar i Program for folkehelsearbeid med tiltak for barn og unges psykiske helse og rusforebygging. Fylkeskommunen gir tilskudd, prosessveiledning og hjelp til å velge kunnskapsbaserte tiltak.`,
    responsible: 'Folkehelsekoordinator, Kultur, frivillighet og folkehelse',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Kommuner med tiltak i programmet', '1', '4', 'kommuner')],
  }),
  volunteering: (r: Place, budget: number): Idea => ({
    subject: 'kultur',
    kind: 'instrument',
    title: `Frivillighetsarena og tilskudd til frivillige lag i ${r.short}`,
    description: `En årlig frivillighetsarena der lag, foreninger og kommunene møtes, og en tilskuddsordning som senker terskelen for barn og unges deltakelse i fritidsaktiviteter.`,
    responsible: 'Rådgiver frivillighet, Kultur, frivillighet og folkehelse',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Lag og foreninger som får tilskudd', '0', '25', 'lag per år')],
  }),
  heritage: (r: Place): Idea => ({
    subject: 'kultur',
    kind: 'measure',
    title: `Kulturminner som ressurs i ${r.short}`,
    description: `Fylkeskonservatoren hjelper kommunene med kulturminneplaner og med å ta kulturmiljøene i bruk i reiseliv og stedsutvikling, med veiledning på byggeskikk og tilskudd til istandsetting.`,
    responsible: 'Fylkeskonservatoren, Kultur, frivillighet og folkehelse',
    budget: null,
    timeFrame: '2021–2023',
    indicators: [indicator('Kommuner med vedtatt kulturminneplan', '1', '3', 'kommuner')],
  }),
  localFacilities: (r: Place, budget: number): Idea => ({
    subject: 'folkehelse',
    kind: 'instrument',
    title: `Spillemidler til nærmiljøanlegg i ${r.short}`,
    description: `Prioritet for nærmiljøanlegg som aktivitetsparker, turstier og ballbinger ved fordelingen av spillemidler, slik at flere i alle aldre kan være fysisk aktive der de bor.`,
    responsible: 'Rådgiver idrett og friluftsliv, Kultur, frivillighet og folkehelse',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Nye nærmiljøanlegg', '0', '8', 'anlegg')],
  }),
  schoolCulture: (r: Place): Idea => ({
    subject: 'kultur',
    kind: 'commitment',
    title: `Den kulturelle skolesekken i ${r.short}`,
    description: `Fylkeskommunen sørger for at alle elever i ${r.short} får minst ett profesjonelt kunst- og kulturtilbud hvert skoleår gjennom Den kulturelle skolesekken, og legger en del av turneene til regionens egne scener.`,
    responsible: 'Koordinator Den kulturelle skolesekken, Kultur, frivillighet og folkehelse',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Forestillinger på regionens egne scener', '4', '10', 'forestillinger per år')],
  }),
};

/** Næring: start-ups, tourism, business networks, broadband and farming. */
export const naering = {
  startUpService: (r: Place, budget: number): Idea => ({
    subject: 'naering',
    kind: 'measure',
    title: `Etablererservice i ${r.short}`,
    description: `Gratis veiledning til alle som vil starte egen bedrift i ${r.short}: første samtale, kurs i forretningsplan og regnskap, og hjelp til å søke finansiering. Fylkeskommunen finansierer tjenesten sammen med kommunene, og den har kontordager i ${r.towns.slice(0, 3).join(', ')}.`,
    responsible: 'Rådgiver entreprenørskap, Næring',
    budget,
    timeFrame: '2021–2024',
    indicators: [
      indicator('Veiledningssamtaler med etablerere', '180', '250', 'samtaler per år'),
      indicator('Nye foretak etter veiledning', '40', '60', 'foretak per år'),
    ],
  }),
  destination: (r: Place, budget: number): Idea => ({
    subject: 'naering',
    kind: 'project',
    title: `${r.short} som reisemål`,
    description: `Et reiselivsprosjekt som samler bedriftene om felles markedsføring av ${r.short} som reisemål: sykkel- og vannveisturisme, kulturhistorie og lokal mat. Prosjektet lager en felles besøksportal og pakker som kan bookes.`,
    responsible: 'Rådgiver reiseliv, Næring',
    budget,
    timeFrame: '2021–2023',
    indicators: [
      indicator('Kommersielle gjestedøgn', '95 000', '115 000', 'gjestedøgn'),
      indicator('Bedrifter med i fellesmarkedsføringen', '12', '30', 'bedrifter'),
    ],
  }),
  businessNetwork: (r: Place, budget: number): Idea => ({
    subject: 'naering',
    kind: 'instrument',
    title: `Bedriftsnettverk for industri og teknologi i ${r.short}`,
    description: `Tilskudd til bedriftsnettverk der små og mellomstore bedrifter samarbeider om kompetanse, innkjøp og grønn omstilling, med prosessleder fra næringshagen.`,
    responsible: 'Rådgiver næringsutvikling, Næring',
    budget,
    timeFrame: '2022–2024',
    indicators: [indicator('Bedrifter i nettverk', '0', '20', 'bedrifter')],
  }),
  broadband: (r: Place, budget: number): Idea => ({
    subject: 'naering',
    kind: 'instrument',
    title: `Bredbåndsutbygging i grendene i ${r.short}`,
    description: `Fylkeskommunens tilskudd til bredbånd prioriterer de adressene i ${r.short} som ikke får utbygging på kommersielle vilkår. Kommunene kartlegger behovet og stiller med egenandel.`,
    responsible: 'Rådgiver digital infrastruktur, Næring',
    budget,
    timeFrame: '2021–2022',
    indicators: [indicator('Husstander med minst 100 Mbit/s', '82', '95', 'prosent')],
  }),
  farming: (r: Place): Idea => ({
    subject: 'naering',
    kind: 'measure',
    title: `Verdiskaping i landbruket i ${r.short}`,
    description: `Veiledning og utviklingsmidler til bønder som vil utvikle tilleggsnæringer: lokalmat, gårdsturisme og bioenergi, i samarbeid med landbrukskontorene i kommunene.`,
    responsible: 'Rådgiver landbruk, Næring',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Nye tilleggsnæringer på gårdene', '0', '10', 'foretak')],
  }),
};

/** Plan, klima og miljø: climate networks and adaptation, water, planning advice, charging. */
export const klima = {
  climateNetwork: (r: Place, budget: number): Idea => ({
    subject: 'klima',
    kind: 'measure',
    title: `Klimanettverk for kommunene i ${r.short}`,
    description: `Et klimanettverk der kommunene i ${r.short} deler en klimarådgiver, lager felles klimaregnskap og søker Klimasats-midler sammen. Fylkeskommunen finansierer halve stillingen.`,
    responsible: 'Klimarådgiver, Plan, klima og miljø',
    budget,
    timeFrame: '2021–2024',
    indicators: [indicator('Kommuner med klimabudsjett', '1', 'alle', 'kommuner')],
  }),
  adaptation: (r: Place, budget: number): Idea => ({
    subject: 'klima',
    kind: 'project',
    title: `Klimatilpasning og overvann i ${r.towns[0]}`,
    description: `Et forprosjekt som kartlegger flomveier og overvann i ${r.towns[0]} og foreslår naturbaserte løsninger, som grunnlag for kommunens arealplaner.`,
    responsible: 'Rådgiver klimatilpasning, Plan, klima og miljø',
    budget,
    timeFrame: '2022–2023',
    indicators: [indicator('Flomveikart vedtatt i kommuneplanen', 'nei', 'ja', null)],
  }),
  water: (r: Place): Idea => ({
    subject: 'klima',
    kind: 'commitment',
    title: `Vannområde ${r.water}: felles tiltak for bedre vannkvalitet`,
    description: `Fylkeskommunen deltar i styringsgruppen for vannområdet og følger opp tiltaksprogrammet for ${r.water}, med hjelp til kommunene om avløp og landbruksavrenning.`,
    responsible: 'Vannregionkoordinator, Plan, klima og miljø',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Vannforekomster i god tilstand', '38', '50', 'prosent')],
  }),
  planningAdvice: (r: Place): Idea => ({
    subject: 'attraktivitet',
    kind: 'commitment',
    title: `Planveiledning og regionalt planforum for ${r.short}`,
    description: `Tidlig veiledning i kommuneplanarbeidet og faste møter i regionalt planforum, slik at regionale hensyn avklares før planene legges ut på høring og innsigelser unngås.`,
    responsible: 'Planseksjonen, Plan, klima og miljø',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Innsigelser fra fylkeskommunen', '3', '0', 'innsigelser per år')],
  }),
  charging: (r: Place, budget: number): Idea => ({
    subject: 'klima',
    kind: 'instrument',
    title: `Ladeinfrastruktur i distriktene i ${r.short}`,
    description: `Tilskudd til hurtigladere der markedet ikke bygger ut selv, og til ladepunkter ved kommunale bygg og innfartsparkeringer.`,
    responsible: 'Rådgiver klima og energi, Plan, klima og miljø',
    budget,
    timeFrame: '2021–2022',
    indicators: [indicator('Nye hurtigladepunkter', '2', '10', 'ladepunkter')],
  }),
};

/** Tannhelse: dental health promotion with kindergartens, schools and care services. */
export const tannhelse = {
  children: (r: Place): Idea => ({
    subject: 'folkehelse',
    kind: 'measure',
    title: `Tannhelsefremmende arbeid i barnehager og skoler i ${r.short}`,
    description: `Tannpleiere fra Den offentlige tannhelsetjenesten besøker barnehager og barneskoler i ${r.short} med undervisning om kosthold og tannpuss, og følger opp barn som ikke møter til innkalling.`,
    responsible: 'Overtannlege, Tannhelse',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [indicator('Tolvåringer uten hull i tennene', '58', '65', 'prosent')],
  }),
  careServices: (r: Place, budget: number): Idea => ({
    subject: 'folkehelse',
    kind: 'measure',
    title: `Tannhelse for brukere av hjemmetjenester og rusomsorg i ${r.short}`,
    description: `Opplæring av ansatte i hjemmetjenesten og i rusomsorgen i kommunene, og faste dager på klinikken i ${r.towns[0]} for brukere som har rett til gratis tannbehandling.`,
    responsible: 'Klinikkleder, Tannhelse',
    budget,
    timeFrame: '2022–2024',
    indicators: [indicator('Brukere med rett til tannbehandling som får tilbudet', '45', '70', 'prosent')],
  }),
  clinic: (r: Place): Idea => ({
    subject: 'folkehelse',
    kind: 'commitment',
    title: `Tannklinikken i ${r.towns[0]}: utvidet åpningstid`,
    description: `Tannklinikken i ${r.towns[0]} holder åpent to ettermiddager i uken, slik at ungdom og voksne med rett til offentlig tannhelsetjeneste kan komme utenom skole- og arbeidstid.`,
    responsible: 'Klinikkleder, Tannhelse',
    budget: null,
    timeFrame: '2021–2024',
    indicators: [],
  }),
};
