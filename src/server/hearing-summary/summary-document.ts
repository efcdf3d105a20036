import type { InputSummary, SummaryEntry } from '../../shared/contracts/hearing-summary.js';
import type { DispositionOutcome, HearingKind } from '../../shared/contracts/hearings.js';
import type { DocumentBlock, DocumentModel } from '../documents/document-model.js';

/**
 * The input summary as a document for the political case, in bokmål: the county's own document, whoever
 * downloads it. The words are here, not in the renderers, which only lay out what they are given.
 */

export const outcomeWords: Record<DispositionOutcome, string> = {
  taken_in: 'Tatt inn',
  partly_taken_in: 'Delvis tatt inn',
  not_taken_in: 'Ikke tatt inn',
  noted: 'Tatt til orientering',
};

const kindWords: Record<HearingKind, string> = { informal: 'Uformell høring', formal: 'Formell høring' };
const unanswered = 'Ikke besvart';
const columns = ['Region', 'Innspill', 'Disposisjon', 'Begrunnelse'];
const widths = [2.6, 4.6, 1.7, 3.7];

/** "Innspillsoppsummering Formell høring generell del v2": says what it is, in a folder of downloads. */
export function summaryFileName(summary: InputSummary): string {
  const { kind, versionNumber } = summary.hearing;
  return `Innspillsoppsummering ${kindWords[kind]} generell del v${versionNumber}`;
}

/** "Innspillsoppsummering – formell høring av generell del, versjon 2": the summary as a case lists it. */
export function summaryTitle(kind: HearingKind, versionNumber: number): string {
  return `Innspillsoppsummering – ${kindWords[kind].toLowerCase()} av generell del, versjon ${versionNumber}`;
}

export function summaryDocument(summary: InputSummary, county: string): DocumentModel {
  const { hearing } = summary;
  const kind = kindWords[hearing.kind];
  const counts = hearing.counts;
  const late = counts.lateInputs > 0 ? `, ${counts.lateInputs} levert etter fristen` : '';
  const body: DocumentBlock[] = [];

  body.push({ type: 'heading', level: 1, text: 'Oversikt' });
  if (hearing.state === 'open') {
    body.push({
      type: 'note',
      text: `Høringen er åpen til og med ${norwegianDate(hearing.deadline)}. Oppsummeringen viser innspillene som er kommet inn så langt.`,
    });
  }
  body.push({
    type: 'table',
    header: ['Disposisjon', 'Antall innspill'],
    widths: [3, 1],
    rows: [
      ...Object.entries(outcomeWords).map(([outcome, words]) => [
        words,
        String(summary.outcomes[outcome as DispositionOutcome]),
      ]),
      [unanswered, String(summary.outcomes.unanswered)],
    ],
  });
  const drafts = [...summary.sections.flatMap((s) => s.entries), ...summary.wholeDocument].some(
    (e) => e.disposition && !e.disposition.final,
  );
  if (drafts) {
    body.push({
      type: 'note',
      text: 'Disposisjoner merket «utkast» er ikke endelige og telles som ikke besvart.',
    });
  }

  for (const section of summary.sections) {
    body.push({ type: 'heading', level: 1, text: section.title });
    body.push(...entriesBlocks(section.entries, 'Ingen innspill til denne delen.'));
  }
  body.push({ type: 'heading', level: 1, text: 'Innspill til hele dokumentet' });
  body.push(...entriesBlocks(summary.wholeDocument, 'Ingen innspill til hele dokumentet.'));

  return {
    language: 'nb',
    county,
    title: `Innspillsoppsummering – ${kind.toLowerCase()} av generell del`,
    version: `Generell del, versjon ${hearing.versionNumber}`,
    titlePage: {
      title: 'Innspillsoppsummering',
      subtitle: `${kind} av generell del, versjon ${hearing.versionNumber}`,
      facts: [
        { label: 'Avtalesyklus', value: hearing.cycleName },
        { label: 'Høringsfrist', value: deadlineText(summary) },
        { label: 'Status', value: hearing.state === 'open' ? 'Åpen' : 'Avsluttet' },
        {
          label: 'Inviterte regioner',
          value: `${hearing.invitedRegions.length}: ${hearing.invitedRegions.map((r) => r.name).join(', ')}`,
        },
        {
          label: 'Innspill',
          value: `${counts.inputs} fra ${counts.regionsWithInput} av ${counts.invitedRegions} regioner${late}`,
        },
        { label: 'Ikke besvart', value: String(summary.outcomes.unanswered) },
        { label: 'Laget', value: norwegianDateTime(summary.generatedAt) },
      ],
    },
    body,
  };
}

function entriesBlocks(entries: readonly SummaryEntry[], none: string): DocumentBlock[] {
  if (entries.length === 0) return [{ type: 'note', text: none }];
  return [{ type: 'table', header: columns, widths, rows: entries.map(entryRow) }];
}

function entryRow(entry: SummaryEntry): string[] {
  const d = entry.disposition;
  const region = entry.late ? `${entry.region.name}\n(levert etter fristen)` : entry.region.name;
  const text = entry.attachments.length
    ? `${entry.text}\nVedlegg: ${entry.attachments.join(', ')}`
    : entry.text;
  if (!d) return [region, text, unanswered, ''];
  const outcome = d.final ? outcomeWords[d.outcome] : `${outcomeWords[d.outcome]}\n(utkast)`;
  const where = d.takenIn
    ? `\nTatt inn i versjon ${d.takenIn.versionNumber}${d.takenIn.sectionTitle ? `, «${d.takenIn.sectionTitle}»` : ''}.`
    : '';
  return [region, text, outcome, `${d.reason}${where}`];
}

function deadlineText(summary: InputSummary): string {
  const { deadline, closedAt } = summary.hearing;
  const early = closedAt && osloDate(closedAt) <= deadline;
  return early
    ? `${norwegianDate(deadline)} (avsluttet ${norwegianDate(osloDate(closedAt))})`
    : norwegianDate(deadline);
}

/** `2025-09-15` → `15.09.2025`. */
export function norwegianDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

const osloParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function osloTime(instant: string): Record<string, string> {
  return Object.fromEntries(osloParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
}

const osloDate = (instant: string) => {
  const p = osloTime(instant);
  return `${p.year}-${p.month}-${p.day}`;
};

/** An instant as Oslo's wall clock: `15.09.2025 kl. 14.03` (the Norwegian way to write a time). */
export function norwegianDateTime(instant: string): string {
  const p = osloTime(instant);
  return `${p.day}.${p.month}.${p.year} kl. ${p.hour}.${p.minute}`;
}
