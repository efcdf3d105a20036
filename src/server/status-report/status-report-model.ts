import type { DocumentBlock, DocumentLanguage, DocumentModel } from '../documents/document-model.js';
import { norwegianDate, norwegianDateTime } from '../hearing-summary/summary-document.js';
import type { RegionStatus, ReportMeeting, ReportMilestone, StatusReportData } from './status-report-data.js';
import { type StatusReportWords, statusReportWords } from './status-report-words.js';

/**
 * The cycle's status report as a document, the kind the county's case document is: a title page, a summary
 * table of every region first, then per region its phase, what happened since the chosen day (meetings held,
 * milestones completed, contributions agreed) and what comes next (the open milestones with their planned
 * dates, the planned meetings).
 *
 * A region's part is a few headings and paragraphs of lines, not tables: at 1,200 regions a table per region
 * cost the renderers several times as much (bench/status-report.ts), and reads no better.
 */
export function statusReportDocument(data: StatusReportData, language: DocumentLanguage): DocumentModel {
  const w = statusReportWords[language];
  const since = norwegianDate(data.since);
  const today = norwegianDate(data.today);
  const body: DocumentBlock[] = [{ type: 'heading', level: 1, text: w.summary }];
  if (data.regions.length === 0) body.push({ type: 'note', text: w.noAgreements });
  else {
    body.push({ type: 'paragraph', content: w.summaryIntro(today) });
    body.push({
      type: 'table',
      header: [...w.summaryColumns],
      widths: [4, 4, 1.3, 2.5, 2.2, 5],
      rows: data.regions.map((r) => summaryRow(r, w)),
    });
  }

  const cycleWide = data.cycleMeetings;
  if (cycleWide.held.length > 0 || cycleWide.planned.length > 0) {
    body.push({ type: 'heading', level: 1, text: w.cycleMeetings, pageBreakBefore: true });
    body.push({ type: 'heading', level: 3, text: w.sinceHeading(since) });
    body.push(
      listed(
        w.meetingsHeld,
        cycleWide.held.map((m) => meetingLine(m, w)),
        w,
      ),
    );
    body.push({ type: 'heading', level: 3, text: w.next });
    body.push(
      listed(
        w.plannedMeetings,
        cycleWide.planned.map((m) => meetingLine(m, w)),
        w,
      ),
    );
  }

  if (data.regions.length > 0) {
    body.push({ type: 'heading', level: 1, text: w.regions, pageBreakBefore: true });
    for (const region of data.regions) body.push(...regionBlocks(region, data.since, w));
  }

  return {
    language,
    county: data.county,
    title: w.title(data.cycle.name),
    version: w.footer(since, today),
    titlePage: {
      title: w.report,
      subtitle: data.cycle.name,
      facts: [
        { label: w.cycle, value: data.cycle.name },
        {
          label: w.period,
          value: `${norwegianDate(data.cycle.periodFrom)}–${norwegianDate(data.cycle.periodTo)}`,
        },
        { label: w.since, value: since },
        { label: w.made, value: norwegianDateTime(data.madeAt) },
        { label: w.regionCount, value: String(data.regions.length) },
      ],
    },
    body,
  };
}

const isComplete = (m: ReportMilestone) => m.state === 'done' || m.state === 'not_applicable';

/** The first open milestone that holds the phase back, else the first open optional one. */
function nextMilestone(milestones: readonly ReportMilestone[]): ReportMilestone | undefined {
  const open = milestones.filter((m) => !isComplete(m));
  return open.find((m) => !m.optional) ?? open[0];
}

/** Done of those that apply: a milestone marked not applicable counts neither way. */
function milestoneCount(milestones: readonly ReportMilestone[]) {
  const applies = milestones.filter((m) => m.state !== 'not_applicable');
  return { done: applies.filter((m) => m.state === 'done').length, total: applies.length };
}

function summaryRow(r: RegionStatus, w: StatusReportWords): string[] {
  const count = milestoneCount(r.milestones);
  const next = nextMilestone(r.milestones);
  return [
    r.region,
    w.phases[r.phase],
    r.regionReady ? w.yes : w.no,
    w.of(count.done, count.total),
    w.of(r.contributions.agreed, r.contributions.total),
    next ? `${next.name}${next.plannedDate ? `\n${norwegianDate(next.plannedDate)}` : ''}` : '',
  ];
}

/** `sinceDay` as YYYY-MM-DD: completed milestones are told from that day on. */
function regionBlocks(r: RegionStatus, sinceDay: string, w: StatusReportWords): DocumentBlock[] {
  const count = milestoneCount(r.milestones);
  const completed = r.milestones
    .filter((m) => m.completedOn !== null && m.completedOn >= sinceDay)
    .sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? ''));
  const open = r.milestones.filter((m) => !isComplete(m));
  return [
    { type: 'heading', level: 2, text: r.region },
    {
      type: 'paragraph',
      content: [
        `${w.phase}: ${w.phases[r.phase]}`,
        `${w.ready}: ${r.regionReady ? w.yes : w.no}`,
        `${w.milestonesDone}: ${w.of(count.done, count.total)}`,
        `${w.contributionsAgreed}: ${w.of(r.contributions.agreed, r.contributions.total)}`,
      ].join('\n'),
    },
    { type: 'heading', level: 3, text: w.sinceHeading(norwegianDate(sinceDay)) },
    listed(
      w.meetingsHeld,
      r.meetingsHeld.map((m) => meetingLine(m, w)),
      w,
    ),
    listed(
      w.milestonesCompleted,
      completed.map((m) => `${norwegianDate(m.completedOn ?? '')} ${m.name}`),
      w,
    ),
    listed(
      w.agreedContributions,
      r.agreedSince.map((c) => `${norwegianDate(c.on)} ${c.title} (${c.owner})`),
      w,
    ),
    { type: 'heading', level: 3, text: w.next },
    open.length === 0
      ? {
          type: 'paragraph',
          content: [{ text: w.nextMilestones, bold: true }, { text: `\n${w.allMilestonesDone}` }],
        }
      : listed(
          w.nextMilestones,
          open.map(
            (m) =>
              `${m.plannedDate ? norwegianDate(m.plannedDate) : w.noDate} ${m.name}${m.optional ? ` (${w.optional})` : ''}`,
          ),
          w,
        ),
    listed(
      w.plannedMeetings,
      r.meetingsPlanned.map((m) => meetingLine(m, w)),
      w,
    ),
  ];
}

/** "12.03.2025 Samhandlingsmøte: Samhandlingsmøte med Indre Østfold". */
function meetingLine(m: ReportMeeting, w: StatusReportWords): string {
  return `${norwegianDate(m.startsAt)} ${w.meetingTypes[m.type]}: ${m.title}`;
}

/** A bold label and its lines in one paragraph, or "Ingen." under it. */
function listed(label: string, lines: readonly string[], w: StatusReportWords): DocumentBlock {
  return {
    type: 'paragraph',
    content: [{ text: label, bold: true }, { text: `\n${lines.length > 0 ? lines.join('\n') : w.none}` }],
  };
}

/** `Statusrapport-2021-2024-2025-03-01-til-2025-04-10`: the cycle's years, then the days it tells about. */
export function statusReportFileName(data: StatusReportData): string {
  return `Statusrapport-${data.cycle.periodFrom.slice(0, 4)}-${data.cycle.periodTo.slice(0, 4)}-${data.since}-til-${data.today}`;
}
