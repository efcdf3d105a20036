import type { DocumentLanguage } from '../documents/document-model.js';

/**
 * Every fixed text of the agreement document, in the two written standards a region may use. The
 * document is the region's: it is written in the region's standard (regions.written_standard), whoever
 * downloads it and whatever language their screen shows.
 */
export type AgreementWords = {
  agreement: string;
  between: (county: string, region: string) => string;
  parties: string;
  members: string;
  outsideCounty: string;
  period: string;
  cycle: string;
  generalPart: string;
  specialPart: string;
  version: (n: number) => string;
  approvedOn: (date: string) => string;
  notApproved: string;
  agreedOn: (date: string) => string;
  specialState: Record<'draft' | 'sent', string>;
  notStarted: string;
  /**
   * The footer's versions, with the special part's state in the title page's words (a sent version is "sent
   * for agreement" in both places, not a draft in one and sent in the other).
   */
  footerVersion: (general: number, special: { number: number; state: string } | null) => string;
  /** The words of the file name's versions and state. */
  fileParts: { general: string; special: string; draft: string; sent: string };
  contributionsHeading: string;
  noContributions: string;
  draftRule: string;
  kind: Record<'measure' | 'project' | 'instrument' | 'commitment', string>;
  kindLabel: string;
  owner: string;
  responsible: string;
  budget: string;
  perYear: (amount: string) => string;
  notGiven: string;
  timeFrame: string;
  indicator: string;
  baseline: string;
  target: string;
  adoption: string;
  adoptionIntro: string;
  adoptionColumns: [string, string];
  executive: string;
  executiveRole: string;
  council: string;
  councilRole: string;
  municipalCouncil: (municipality: string) => string;
  municipalCouncilRole: string;
};

const nb: AgreementWords = {
  agreement: 'Partnerskapsavtale',
  between: (county, region) => `mellom ${county} og ${region}`,
  parties: 'Avtalepartnere',
  members: 'Medlemskommuner',
  outsideCounty: 'utenfor fylket',
  period: 'Avtaleperiode',
  cycle: 'Avtalesyklus',
  generalPart: 'Generell del',
  specialPart: 'Spesiell del',
  version: (n) => `versjon ${n}`,
  approvedOn: (date) => `godkjent ${date}`,
  notApproved: 'ikke godkjent',
  agreedOn: (date) => `avtalt ${date}`,
  specialState: { draft: 'utkast', sent: 'sendt til avtale' },
  notStarted: 'ikke påbegynt',
  footerVersion: (general, special) =>
    `Generell del v${general} · spesiell del ${special ? `v${special.number}${special.state === 'agreed' ? '' : special.state === 'sent' ? ' (sendt til avtale)' : ' (utkast)'}` : 'ikke påbegynt'}`,
  fileParts: { general: 'generell', special: 'spesiell', draft: 'utkast', sent: 'sendt-til-avtale' },
  contributionsHeading: 'Bidrag fordelt på fagområder',
  noContributions: 'Ingen bidrag er avtalt ennå.',
  draftRule: 'Spesiell del er ikke avtalt ennå. Bidragene under er de som er avtalt så langt.',
  kind: { measure: 'Tiltak', project: 'Prosjekt', instrument: 'Virkemiddel', commitment: 'Forpliktelse' },
  kindLabel: 'Type',
  owner: 'Eier',
  responsible: 'Ansvarlig',
  budget: 'Budsjett',
  perYear: (amount) => `${amount} kr per år`,
  notGiven: 'Ikke oppgitt',
  timeFrame: 'Tidsramme',
  indicator: 'Indikator',
  baseline: 'utgangspunkt',
  target: 'mål',
  adoption: 'Behandling og vedtak',
  adoptionIntro: 'Avtalen skal behandles av disse organene:',
  adoptionColumns: ['Organ', 'Behandling'],
  executive: 'Fylkesrådet',
  executiveRole: 'godkjenner avtalen',
  council: 'Fylkestinget',
  councilRole: 'til orientering',
  municipalCouncil: (municipality) => `Kommunestyret i ${municipality}`,
  municipalCouncilRole: 'vedtar avtalen',
};

const nn: AgreementWords = {
  agreement: 'Partnarskapsavtale',
  between: (county, region) => `mellom ${county} og ${region}`,
  parties: 'Avtalepartnarar',
  members: 'Medlemskommunar',
  outsideCounty: 'utanfor fylket',
  period: 'Avtaleperiode',
  cycle: 'Avtalesyklus',
  generalPart: 'Generell del',
  specialPart: 'Særskild del',
  version: (n) => `versjon ${n}`,
  approvedOn: (date) => `godkjend ${date}`,
  notApproved: 'ikkje godkjend',
  agreedOn: (date) => `avtalt ${date}`,
  specialState: { draft: 'utkast', sent: 'send til avtale' },
  notStarted: 'ikkje påbyrja',
  footerVersion: (general, special) =>
    `Generell del v${general} · særskild del ${special ? `v${special.number}${special.state === 'agreed' ? '' : special.state === 'sent' ? ' (send til avtale)' : ' (utkast)'}` : 'ikkje påbyrja'}`,
  fileParts: { general: 'generell', special: 'særskild', draft: 'utkast', sent: 'send-til-avtale' },
  contributionsHeading: 'Bidrag fordelte på fagområde',
  noContributions: 'Ingen bidrag er avtalte enno.',
  draftRule: 'Særskild del er ikkje avtalt enno. Bidraga under er dei som er avtalte så langt.',
  kind: { measure: 'Tiltak', project: 'Prosjekt', instrument: 'Verkemiddel', commitment: 'Forplikting' },
  kindLabel: 'Type',
  owner: 'Eigar',
  responsible: 'Ansvarleg',
  budget: 'Budsjett',
  perYear: (amount) => `${amount} kr per år`,
  notGiven: 'Ikkje oppgitt',
  timeFrame: 'Tidsramme',
  indicator: 'Indikator',
  baseline: 'utgangspunkt',
  target: 'mål',
  adoption: 'Handsaming og vedtak',
  adoptionIntro: 'Avtalen skal handsamast av desse organa:',
  adoptionColumns: ['Organ', 'Handsaming'],
  executive: 'Fylkesrådet',
  executiveRole: 'godkjenner avtalen',
  council: 'Fylkestinget',
  councilRole: 'til orientering',
  municipalCouncil: (municipality) => `Kommunestyret i ${municipality}`,
  municipalCouncilRole: 'vedtek avtalen',
};

export const agreementWords: Record<DocumentLanguage, AgreementWords> = { nb, nn };
