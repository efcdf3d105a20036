import type { GeneratedContribution } from '../../shared/contracts/special-part.js';
import type { DocumentBlock, DocumentModel, Fact } from '../documents/document-model.js';
import { norwegianDate } from '../hearing-summary/summary-document.js';
import { formatKroner } from '../special-part/contributions-content.js';
import type { AgreementDocumentData } from './agreement-document-data.js';
import { type AgreementWords, agreementWords } from './agreement-document-words.js';

/**
 * The whole agreement of one region as a document: a title page (parties, member municipalities, period,
 * versions), the pinned general part, the special part with its text and the agreed contributions by
 * subject area, and a last page with the bodies that must adopt it. Every fixed text is in the region's
 * written standard.
 */
export function agreementDocument(data: AgreementDocumentData): DocumentModel {
  const language = data.region.writtenStandard;
  const w = agreementWords[language];
  const body: DocumentBlock[] = [];

  body.push({ type: 'heading', level: 1, text: w.generalPart });
  for (const section of data.generalPart.sections) {
    body.push({ type: 'heading', level: 2, text: section.title });
    body.push({ type: 'richText', doc: section.body, headingShift: 1 });
  }

  body.push({ type: 'heading', level: 1, text: w.specialPart, pageBreakBefore: true });
  const sections = data.specialPart?.sections ?? [];
  for (const section of sections) {
    body.push({ type: 'heading', level: 2, text: section.title });
    if (section.generated) body.push(...contributionsBlocks(data, w));
    else body.push({ type: 'richText', doc: section.body, headingShift: 1 });
  }
  // No special part yet (or one without its contributions section): the agreed contributions still print.
  if (!sections.some((s) => s.generated)) {
    body.push({ type: 'heading', level: 2, text: w.contributionsHeading });
    body.push(...contributionsBlocks(data, w));
  }

  body.push({ type: 'heading', level: 1, text: w.adoption, pageBreakBefore: true });
  body.push({ type: 'paragraph', content: w.adoptionIntro });
  body.push({
    type: 'table',
    header: [...w.adoptionColumns],
    widths: [3, 2],
    rows: [
      [`${w.executive}, ${data.county}`, w.executiveRole],
      [`${w.council}, ${data.county}`, w.councilRole],
      ...data.members.map((m) => [w.municipalCouncil(m.name), w.municipalCouncilRole]),
    ],
  });

  return {
    language,
    county: data.county,
    title: data.title,
    version: w.footerVersion(data.generalPart.number, data.specialPart),
    titlePage: {
      title: w.agreement,
      subtitle: w.between(data.county, data.region.name),
      facts: titleFacts(data, w),
    },
    body,
  };
}

function titleFacts(data: AgreementDocumentData, w: AgreementWords): Fact[] {
  const general = data.generalPart;
  const special = data.specialPart;
  const members = data.members.map((m) => (m.outsideCounty ? `${m.name} (${w.outsideCounty})` : m.name));
  return [
    { label: w.parties, value: `${data.county}\n${data.region.name}` },
    { label: w.members, value: members.join(', ') },
    { label: w.period, value: `${norwegianDate(data.periodFrom)}–${norwegianDate(data.periodTo)}` },
    { label: w.cycle, value: data.cycleName },
    {
      label: w.generalPart,
      value: `${w.version(general.number)}, ${general.approvedOn ? w.approvedOn(norwegianDate(general.approvedOn)) : w.notApproved}`,
    },
    {
      label: w.specialPart,
      value: special
        ? `${w.version(special.number)}, ${
            special.state === 'agreed' && special.agreedAt
              ? w.agreedOn(norwegianDate(osloDay(special.agreedAt)))
              : w.specialState[special.state === 'sent' ? 'sent' : 'draft']
          }`
        : w.notStarted,
    },
  ];
}

/**
 * The contributions by subject area: a heading per area, then each contribution with its facts, kept on one
 * page when it fits on one.
 */
function contributionsBlocks(data: AgreementDocumentData, w: AgreementWords): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  if (data.specialPart?.state !== 'agreed') blocks.push({ type: 'note', text: w.draftRule });
  if (data.subjectAreas.length === 0) blocks.push({ type: 'note', text: w.noContributions });
  for (const area of data.subjectAreas) {
    blocks.push({ type: 'heading', level: 3, text: area.name });
    for (const c of area.contributions)
      blocks.push({ type: 'keepTogether', blocks: contributionBlocks(c, w) });
  }
  return blocks;
}

/**
 * A contribution: its title as a heading, its description, and its facts as one plain paragraph of
 * "label: value" lines. Not a table nor bold labels per contribution: with two hundred contributions those
 * cost the renderers two to three times as much (measured with bench/agreement-document.ts), and read no
 * better.
 */
function contributionBlocks(c: GeneratedContribution, w: AgreementWords): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ type: 'heading', level: 4, text: c.title }];
  if (c.description.trim()) blocks.push({ type: 'paragraph', content: c.description });
  const facts: Fact[] = [
    { label: w.kindLabel, value: w.kind[c.kind] },
    { label: w.owner, value: c.owner.name },
  ];
  if (c.responsible) facts.push({ label: w.responsible, value: c.responsible });
  facts.push({
    label: w.budget,
    value: c.budgetNokPerYear === null ? w.notGiven : w.perYear(formatKroner(c.budgetNokPerYear)),
  });
  facts.push({ label: w.timeFrame, value: c.timeFrame?.trim() || w.notGiven });
  for (const indicator of c.indicators)
    facts.push({ label: w.indicator, value: indicatorText(indicator, w) });
  blocks.push({
    type: 'paragraph',
    content: facts.map((fact) => `${fact.label}: ${fact.value.replace(/\s*\n\s*/g, ' ')}`).join('\n'),
  });
  return blocks;
}

/** "Nye foretak per år (utgangspunkt 40, mål 60 foretak)". */
function indicatorText(indicator: GeneratedContribution['indicators'][number], w: AgreementWords): string {
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const measures = [
    indicator.baseline ? `${w.baseline} ${indicator.baseline}${unit}` : null,
    indicator.target ? `${w.target} ${indicator.target}${unit}` : null,
  ].filter((m): m is string => m !== null);
  return measures.length > 0 ? `${indicator.name} (${measures.join(', ')})` : indicator.name;
}

/** The calendar day in Oslo of an instant, as YYYY-MM-DD. */
function osloDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(instant));
}

/**
 * `Partnerskapsavtale-Hallingdal-2021-2024-generell-v2-særskild-v1-utkast`: the region's short name (without
 * "Regionrådet for", "regionråd", "interkommunale politiske råd" …), the cycle's years, the versions of the
 * general and the special part, and the special part's state unless it is agreed ("utkast", or sent for
 * agreement), in the document's written standard, with hyphens for spaces. A file that lies in a council's
 * folder says which agreement, which versions and whether it is final without being opened; every version of
 * one region's agreement sorts together.
 */
export function agreementFileName(data: AgreementDocumentData): string {
  const w = agreementWords[data.region.writtenStandard];
  const short = data.region.name
    .replace(/^(regionrådet|samarbeidsrådet) (for|i) /i, '')
    .replace(/ (regionråd|interkommunale politiske råd)$/i, '')
    .replace(/[\\/:*?"<>|]/g, '')
    .trim()
    .replace(/\s+/g, '-');
  const special = data.specialPart;
  const versions = [
    `${w.fileParts.general}-v${data.generalPart.number}`,
    ...(special ? [`${w.fileParts.special}-v${special.number}`] : []),
  ];
  const state =
    special?.state === 'agreed' ? [] : special?.state === 'sent' ? [w.fileParts.sent] : [w.fileParts.draft];
  return [
    'Partnerskapsavtale',
    short,
    data.periodFrom.slice(0, 4),
    data.periodTo.slice(0, 4),
    ...versions,
    ...state,
  ].join('-');
}
