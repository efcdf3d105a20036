import type { VersionState } from '../../shared/contracts/general-part.js';
import type { DocumentBlock, DocumentLanguage, DocumentModel } from '../documents/document-model.js';
import type { GeneralPartText } from '../general-part/nynorsk-reads.js';
import { norwegianDate } from '../hearing-summary/summary-document.js';

/**
 * Everything the general part's document prints. It belongs to no region: a region contact takes it to
 * the regional council during a hearing, and the same file serves every region of the cycle.
 */
export type GeneralPartDocumentData = {
  county: string;
  cycleName: string;
  periodFrom: string;
  periodTo: string;
  number: number;
  state: VersionState;
  approvedOn: string | null;
  text: GeneralPartText;
};

type Words = {
  generalPart: string;
  subtitle: (cycle: string) => string;
  cycle: string;
  period: string;
  version: string;
  state: Record<VersionState, string>;
  approvedOn: (date: string) => string;
  /** The state in the file name, with hyphens for spaces. */
  fileState: Record<VersionState, string>;
  fileGeneralPart: string;
};

const words: Record<DocumentLanguage, Words> = {
  nb: {
    generalPart: 'Generell del',
    subtitle: (cycle) => `av partnerskapsavtalene i ${cycle}`,
    cycle: 'Avtalesyklus',
    period: 'Avtaleperiode',
    version: 'Versjon',
    state: { draft: 'utkast', on_hearing: 'på høring', approved: 'godkjent', superseded: 'erstattet' },
    approvedOn: (date) => `godkjent ${date}`,
    fileState: { draft: 'utkast', on_hearing: 'på-høring', approved: 'godkjent', superseded: 'erstattet' },
    fileGeneralPart: 'generell-del',
  },
  nn: {
    generalPart: 'Generell del',
    subtitle: (cycle) => `av partnarskapsavtalane i ${cycle}`,
    cycle: 'Avtalesyklus',
    period: 'Avtaleperiode',
    version: 'Versjon',
    state: { draft: 'utkast', on_hearing: 'på høyring', approved: 'godkjend', superseded: 'erstatta' },
    approvedOn: (date) => `godkjend ${date}`,
    fileState: { draft: 'utkast', on_hearing: 'på-høyring', approved: 'godkjend', superseded: 'erstatta' },
    fileGeneralPart: 'generell-del',
  },
};

/** A version's state as the document says it: "godkjent 22.10.2020" for an approved one. */
function stateText(data: GeneralPartDocumentData, w: Words): string {
  if (data.approvedOn && (data.state === 'approved' || data.state === 'superseded'))
    return data.state === 'approved' ? w.approvedOn(norwegianDate(data.approvedOn)) : w.state.superseded;
  return w.state[data.state];
}

/** One version of the general part: a title page with the cycle, period and version, then every section. */
export function generalPartDocument(data: GeneralPartDocumentData): DocumentModel {
  const language = data.text.language;
  const w = words[language];
  const body: DocumentBlock[] = [];
  for (const section of data.text.sections) {
    body.push({ type: 'heading', level: 1, text: section.title });
    body.push({ type: 'richText', doc: section.body, headingShift: 0 });
  }
  const state = stateText(data, w);
  return {
    language,
    county: data.county,
    title: `${w.generalPart}, ${data.cycleName}`,
    version: `${w.version} ${data.number}, ${state}`,
    titlePage: {
      title: w.generalPart,
      subtitle: w.subtitle(data.cycleName),
      facts: [
        { label: w.cycle, value: data.cycleName },
        { label: w.period, value: `${norwegianDate(data.periodFrom)}–${norwegianDate(data.periodTo)}` },
        { label: w.version, value: `${data.number}, ${state}` },
      ],
    },
    body,
  };
}

/**
 * `Viken-fylkeskommune-2021-2024-generell-del-v1-på-høring`: the county, the cycle's years, the version and
 * its state, in the document's written standard, with hyphens for spaces. It names no region: the same file
 * goes to every council.
 */
export function generalPartFileName(data: GeneralPartDocumentData): string {
  const w = words[data.text.language];
  const county = data.county
    .replace(/[\\/:*?"<>|]/g, '')
    .trim()
    .replace(/\s+/g, '-');
  return [
    county,
    data.periodFrom.slice(0, 4),
    data.periodTo.slice(0, 4),
    w.fileGeneralPart,
    `v${data.number}`,
    w.fileState[data.state],
  ].join('-');
}
