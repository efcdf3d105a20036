import type { SectionInput } from '../../shared/contracts/general-part.js';
import { bullets, doc, h3, numbered, p, table } from './demo-rich-text.js';

/**
 * The demo's general part, modelled on the seed document (the county executive's case of 22.10.2020):
 * version 1 as it was sent on informal and formal hearing, and version 2 with the regions' input that was
 * taken in. Each change in version 2 names the input it answers, so the dispositions in
 * demo-hearing-inputs.ts point at text that really changed.
 */
export type DemoVersion = 1 | 2;

const when = <T>(condition: boolean, ...items: T[]): T[] => (condition ? items : []);

function parties(v: DemoVersion): SectionInput {
  return {
    key: 'parties',
    title: 'Avtalepartnere',
    body: doc(
      p(
        'Partnerskapsavtalen inngås mellom **Viken fylkeskommune** og kommuneregionen, det vil si regionrådet og kommunene som er medlemmer i det.',
      ),
      p('Partene i avtalen er:'),
      bullets(
        '**Viken fylkeskommune**, ved fylkesrådet',
        '**Kommuneregionen**, ved regionrådet eller det interkommunale politiske rådet',
        '**Medlemskommunene** i kommuneregionen, ved kommunestyrene',
      ),
      p(
        'Hvilke kommuner som er medlemmer i kommuneregionen når avtalen inngås, går fram av avtalens spesielle del. Generell del er lik for alle kommuneregionene i Viken.',
      ),
      // Mosseregionen: Vestby is a member of two regions.
      ...when(
        v === 2,
        p(
          'En kommune som er medlem i **to kommuneregioner**, er part i begge avtalene. Tiltak som gjelder kommunen, avtales i den kommuneregionen der de hører mest naturlig hjemme, slik at kommunen ikke får doble forpliktelser.',
        ),
        // Kongsbergregionen: three members lie in Vestfold og Telemark.
        p(
          'Noen kommuneregioner har medlemskommuner **utenfor Viken**. Disse kommunene kan delta i samarbeidet og i partnerskapsmøtene, men fylkeskommunens forpliktelser etter avtalen gjelder tiltak i Viken.',
        ),
      ),
    ),
  };
}

function period(v: DemoVersion): SectionInput {
  return {
    key: 'period',
    title: 'Avtaleperiode',
    body: doc(
      p('Avtalen gjelder for perioden **1. januar 2021 til 31. desember 2024**.'),
      p(
        'Avtalen trer i kraft når fylkesrådet har godkjent den og kommunestyrene i alle medlemskommunene har vedtatt den. Generell del og spesiell del behandles samlet.',
      ),
      p(
        'Spesiell del kan justeres hvert år etter det årlige partnerskapsmøtet, uten ny behandling av generell del. Endringer i generell del behandles av alle partene på samme måte som avtalen.',
      ),
      // Samarbeidsrådet for Nedre Romerike: evaluate on the way.
      ...when(
        v === 2,
        p(
          'Avtalen **evalueres i 2023**. Partene gjør evalueringen sammen, og erfaringene tas med i arbeidet med neste generasjon partnerskapsavtaler.',
        ),
      ),
    ),
  };
}

function purpose(v: DemoVersion): SectionInput {
  return {
    key: 'purpose',
    title: 'Formål',
    body: doc(
      p(
        'Partnerskapsavtalene skal gi et **forpliktende og langsiktig samarbeid** mellom Viken fylkeskommune og kommuneregionene. Sammen skal partene løse oppgaver og nå mål som ingen av dem når alene.',
      ),
      p('For at partnerskapet skal fungere, legger partene tre prinsipper til grunn:'),
      bullets(
        '**Likeverdighet**: fylkeskommunen og kommuneregionene møtes som likeverdige parter. Alle kommuneregioner får det samme tilbudet om partnerskap, og innspill fra alle parter vektlegges like mye.',
        '**Skreddersøm**: spesiell del er unik for hver kommuneregion og bygger på regionens egne fortrinn, utfordringer og prioriteringer.',
        '**Gjøre en forskjell**: avtalen skal gi resultater som merkes for innbyggere, næringsliv og frivillighet, og ikke bare beskrive samarbeid som finnes fra før.',
      ),
      // Indre Østfold and Ringeriksregionen (taken in), Hallingdal (partly): town and country.
      ...when(
        v === 2,
        p(
          'Viken har store forskjeller mellom by og bygd. Avtalene skal bidra til en **balansert utvikling i hele fylket**, med bosetting, arbeidsplasser og verdiskaping både i byene og i distriktene.',
        ),
      ),
      p(
        'Avtalene skal bidra til å gjennomføre den regionale planstrategien for Viken, og gjøre det enklere for kommunene å bruke fylkeskommunens kompetanse, tjenester og virkemidler.',
      ),
    ),
  };
}

function anchoring(v: DemoVersion): SectionInput {
  return {
    key: 'anchoring',
    title: 'Forankring',
    body: doc(
      // Nedre Glomma: plainer language, this paragraph above all.
      v === 1
        ? p(
            'Fylkesrådet behandlet partnerskapsavtalene med kommuneregionene, generell del, i møte **30. april 2020**. Fylkesrådet tilsluttet seg at generell del minimum skal si noe om avtalepartnere, avtaleperiode, formål med avtalene, forankring og gjennomføring, og at partnerskapsavtalene skal utarbeides i dialog med kommuneregionene slik at innspill fra kommuneregionene vil bli innarbeidet.',
          )
        : p(
            'Fylkesrådet behandlet generell del av partnerskapsavtalene **30. april 2020** og vedtok at den minst skal si noe om avtalepartnere, avtaleperiode, formål, forankring og gjennomføring. Avtalene skal lages i dialog med kommuneregionene, og innspillene deres skal arbeides inn.',
          ),
      p(
        'Avtalene bygger på **regional planstrategi for Viken** og følger opp satsingene der. De skal også ta hensyn til kommunenes egne planer og til det interkommunale samarbeidet i kommuneregionen.',
      ),
      p('Avtalen behandles politisk i denne rekkefølgen:'),
      numbered(
        'Fylkesrådet godkjenner generell del.',
        // Ringeriksregionen: the regional council recommends the agreement first.
        ...when(
          v === 2,
          'Regionrådet behandler forslaget til avtale og anbefaler det overfor kommunestyrene.',
        ),
        'Kommunestyrene i medlemskommunene vedtar avtalen, generell og spesiell del samlet.',
        'Fylkesrådet godkjenner avtalen for den enkelte kommuneregion.',
        'Fylkestinget får partnerskapsavtalene til orientering.',
      ),
      p(
        'Det er lagt til grunn at **hvert kommunestyre** vedtar avtalen. Slik blir avtalen forankret i alle kommunene som er part i den, og ikke bare i regionrådet.',
      ),
    ),
  };
}

function implementation(v: DemoVersion): SectionInput {
  // Kongsbergregionen: the meeting early in the year, before the municipalities' budgets.
  const yearly =
    v === 1
      ? [
          [
            'Januar–februar',
            'Status for tiltakene i spesiell del rapporteres',
            'Rådsområdene og kommuneregionen',
          ],
          [
            'Mars–april',
            'Årlig partnerskapsmøte mellom fylkesrådet og regionrådet',
            'Fylkesrådsleders kontor',
          ],
        ]
      : [
          ['Januar', 'Status for tiltakene i spesiell del rapporteres', 'Rådsområdene og kommuneregionen'],
          [
            'Februar–mars',
            'Årlig partnerskapsmøte mellom fylkesrådet og regionrådet, i kommuneregionen',
            'Fylkesrådsleders kontor',
          ],
        ];
  return {
    key: 'implementation',
    title: 'Gjennomføring',
    body: doc(
      p(
        'Avtalen består av en **generell del**, som er lik for alle kommuneregionene, og en **spesiell del**, som er unik for hver kommuneregion. Spesiell del beskriver tiltak, prosjekter og virkemidler, hvem som eier dem, og hva partene forplikter seg til.',
      ),
      p(
        'Spesiell del utarbeides i dialog mellom kommuneregionen og fylkeskommunens rådsområder, i fellesmøter og i bilaterale møter mellom ett rådsområde og kommuneregionen.',
      ),
      h3('Oppfølging'),
      // Hallingdal: the partnership meeting is held in the region.
      p(
        `Partnerskapet følges opp gjennom et **årlig partnerskapsmøte** mellom fylkesrådet og regionrådet.${v === 2 ? ' Møtet holdes i kommuneregionen.' : ''} Der gjennomgår partene status for tiltakene i spesiell del og blir enige om justeringer for året som kommer.`,
      ),
      p(
        'Rådsområdene i fylkeskommunen **eier sin del** av avtalen. Hvert rådsområde har ansvar for å følge opp tiltakene det har påtatt seg, og for å rapportere status før partnerskapsmøtet. Kommuneregionen har det samme ansvaret for sine forpliktelser.',
      ),
      h3('Årshjul'),
      table(
        ['Når', 'Hva', 'Ansvar'],
        [
          ...yearly,
          ['Mai–juni', 'Justeringer i spesiell del drøftes i bilaterale møter', 'Rådsområdene'],
          [
            'September–desember',
            'Prioriteringene tas inn i budsjett og økonomiplan',
            'Fylkeskommunen og kommunene',
          ],
        ],
      ),
      // Drammensregionen: one contact person in the county for each region.
      p(
        v === 1
          ? '**Fylkesrådsleders kontor** koordinerer arbeidet med partnerskapsavtalene i fylkeskommunen.'
          : '**Fylkesrådsleders kontor** koordinerer arbeidet med partnerskapsavtalene i fylkeskommunen, og hver kommuneregion får en fast kontaktperson der. Kommuneregionen utpeker en administrativ kontaktperson for avtalen.',
      ),
    ),
  };
}

/** The five required sections of a version, in the order the seed document names them. */
export const demoSections = (v: DemoVersion): SectionInput[] => [
  parties(v),
  period(v),
  purpose(v),
  anchoring(v),
  implementation(v),
];
