import type { RichTextBlock, RichTextDoc } from '../../shared/contracts/rich-text.js';
import { addToTally, emptyTally, indicatorStanding, summarize } from '../follow-up-rollup/rollup.js';
import { norwegianDate } from '../hearing-summary/summary-document.js';
import type { RoundReportData } from './round-report-data.js';
import { roundReportWords } from './round-report-words.js';

/** What the template writes into the case of a round's annual report: every part, editable afterwards. */
export type RoundCaseDraft = {
  title: string;
  decisionPoints: string[];
  background: RichTextDoc;
  facts: RichTextDoc;
  alternatives: RichTextDoc;
  assessment: RichTextDoc;
  consequences: RichTextDoc;
};

const paragraph = (text: string): RichTextBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string): RichTextBlock => ({
  type: 'heading',
  attrs: { level: 3 },
  content: [{ type: 'text', text }],
});
const bullets = (items: readonly string[]): RichTextBlock => ({
  type: 'bulletList',
  content: items.map((text) => ({ type: 'listItem', content: [paragraph(text)] })),
});
const doc = (...blocks: RichTextBlock[]): RichTextDoc => ({ type: 'doc', content: blocks });

/** "Årsrapport 2022 for partnerskapsavtalene", without saying "Årsrapport" twice. */
export function roundCaseTitle(roundName: string): string {
  const name = roundName.trim();
  return /^årsrapport\b/i.test(name)
    ? `${name} for partnerskapsavtalene`
    : `Årsrapport ${name} for partnerskapsavtalene`;
}

/** The report's name as the case lists it under «Vedlegg». */
export const reportAttachment = (roundName: string) =>
  `${roundReportWords.nb.title(roundName)} (årsrapport, DOCX eller PDF)`;

/**
 * The case that brings a round's annual report to the executive board, in bokmål like the county's other
 * case documents: the board takes the report for information and sends it on to the regional councils; the
 * facts give the round's figures by the roll-up's rules and name the deviations; the report is listed as
 * the attachment. The coordinator edits every part afterwards.
 */
export function roundCaseDraft(data: RoundReportData): RoundCaseDraft {
  const t = emptyTally();
  for (const c of data.commitments)
    addToTally(
      t,
      {
        budgetNok: c.budgetNok,
        withdrawn: c.withdrawn,
        status: c.report?.status ?? null,
        progress: c.report?.progress ?? null,
        overdue: false,
      },
      c.indicators,
    );
  const s = summarize(t);
  const w = roundReportWords.nb;
  const reported = data.commitments.filter((c) => c.report !== null).length;
  const deviating = data.commitments.filter(
    (c) => c.report && ['delayed', 'at_risk', 'dropped'].includes(c.report.status),
  );
  const behind = data.commitments.flatMap((c) =>
    c.indicators
      .filter((i) => indicatorStanding(i).behindGoal)
      .map((i) => `${c.region}: ${c.title}, ${i.name}`),
  );
  const progress =
    s.progress === null
      ? 'ingen framdrift å regne'
      : `samlet framdrift ${String(s.progress).replace('.', ',')} % (${s.weighting === 'budget' ? 'vektet etter budsjett' : 'like vekter'})`;
  return {
    title: roundCaseTitle(data.round.name),
    decisionPoints: [
      `Fylkesrådet tar årsrapporten «${data.round.name}» for oppfølgingen av partnerskapsavtalene til orientering.`,
      'Årsrapporten for hver region oversendes regionrådet til orientering.',
    ],
    background: doc(
      paragraph(
        `Partnerskapsavtalene for ${data.cycle.name} følges opp i rapporteringsrunder. I runden «${data.round.name}», med frist ${norwegianDate(data.round.deadline)}, har fylkeskommunens avdelinger og regionene rapportert på forpliktelsene sine: status, framdrift, hva som er gjort og hva som kommer videre, indikatorenes verdier og hvor mye som er brukt.`,
      ),
    ),
    facts: doc(
      paragraph(
        `Runden gjelder ${s.commitments} forpliktelser i ${data.regions.length} ${data.regions.length === 1 ? 'region' : 'regioner'}, og ${reported} er rapportert på. Til sammen gir det ${progress}.`,
      ),
      bullets(
        (['on_track', 'at_risk', 'delayed', 'done', 'dropped', 'not_reported'] as const).map(
          (status) => `${w.statuses[status]}: ${s.statuses[status]}`,
        ),
      ),
      heading('Avvik'),
      deviating.length === 0 && behind.length === 0
        ? paragraph('Ingen avvik i runden.')
        : bullets([
            ...deviating.map(
              (c) => `${c.region}: ${c.title} (${w.statuses[c.report?.status ?? 'not_reported']})`,
            ),
            ...behind.map((b) => `${b} ligger bak delmålet`),
          ]),
      paragraph('Forklaringene på avvikene står i årsrapporten.'),
      heading('Vedlegg'),
      bullets([reportAttachment(data.round.name)]),
    ),
    alternatives: doc(
      paragraph(
        'Fylkesrådet kan ta årsrapporten til orientering, eller be om at avvik følges opp særskilt med de avdelingene og regionene det gjelder.',
      ),
    ),
    assessment: doc(
      paragraph(
        'Avtalene forplikter begge parter. Årsrapporten viser hva fylkeskommunen og regionene har gjort av det de avtalte, og hvor det går saktere enn planlagt.',
      ),
    ),
    consequences: doc(
      paragraph(
        'Saken har ingen økonomiske konsekvenser i seg selv. Tiltak som krever midler ut over vedtatte budsjetter, avgjøres i egne vedtak.',
      ),
    ),
  };
}
