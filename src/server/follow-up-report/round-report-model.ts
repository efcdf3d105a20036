import type { RichTextDoc, Run } from '../../shared/contracts/rich-text.js';
import type { DocumentBlock, DocumentLanguage, DocumentModel } from '../documents/document-model.js';
import {
  addToTally,
  emptyTally,
  indicatorStanding,
  mergeTallies,
  type RollupStatus,
  summarize,
  type Tally,
} from '../follow-up-rollup/rollup.js';
import { norwegianDate, norwegianDateTime } from '../hearing-summary/summary-document.js';
import { formatKroner } from '../special-part/contributions-content.js';
import type { RoundCommitment, RoundIndicator, RoundReportData } from './round-report-data.js';
import { type RoundReportWords, roundReportWords } from './round-report-words.js';

/** The statuses in the order the summary's columns name them. */
const statusColumns: RollupStatus[] = ['on_track', 'at_risk', 'delayed', 'done', 'dropped', 'not_reported'];
const deviationStatuses = new Set(['delayed', 'at_risk', 'dropped']);

/** A group's sums: the roll-up's tally (rollup.ts, the same rules as Samlet oppfølging) and the kroner spent. */
type Group = { name: string; tally: Tally; spent: number };

/**
 * The annual report of a reporting round, for the county as a whole (`regionId` null, in bokmål) or for one
 * region (in the region's written standard). Both open with a title page and a summary table (per region and
 * per department for the county; per department for a region, the region's own commitments as a row of their
 * own). The county's report then holds the deviations with their explanations, region by region and one
 * paragraph each, and names the regions' reports: it is the document for the executive board. A region's
 * report holds every commitment in full: what was agreed, what was done (the submitted reports), the status
 * of each commitment and indicator, and the deviations with the owners' explanations. The figures are the
 * roll-up's rules (`addToTally`, `summarize`, `indicatorStanding`) applied to this round's reports, so the
 * report and the roll-up screen never weigh or judge differently.
 */
export function roundReportDocument(
  data: RoundReportData,
  regionId: string | null,
  madeAt: string,
): DocumentModel {
  const region = regionId === null ? null : (data.regions.find((r) => r.id === regionId) ?? null);
  const language: DocumentLanguage = region?.writtenStandard ?? 'nb';
  const w = roundReportWords[language];
  const items = data.commitments;
  const body: DocumentBlock[] = [{ type: 'heading', level: 1, text: w.summary }];
  body.push({ type: 'paragraph', content: w.summaryIntro });
  if (region === null) body.push({ type: 'paragraph', content: w.countyIntro });
  // Each commitment is tallied once, in its region's group for its department; the regions', the
  // departments' and the county's figures are those groups added up.
  const parts = groupsOf(items, (c) => `${c.regionId}\u0000${c.department ?? ''}`);
  const totals =
    items.length > 0
      ? mergeGroups(
          parts.map((p) => p.group),
          w.total,
        )
      : undefined;
  if (region === null) {
    body.push({ type: 'heading', level: 2, text: w.summaryByRegion });
    body.push(
      summaryTable(
        mergedBy(parts, (c) => c.region),
        totals,
        w.regionColumn,
        w,
      ),
    );
  }
  body.push({ type: 'heading', level: 2, text: w.summaryByDepartment });
  const byDepartment = mergedBy(parts, (c) => c.department ?? '').sort(
    (a, b) => Number(a.name === '') - Number(b.name === '') || a.name.localeCompare(b.name, 'nb'),
  );
  for (const g of byDepartment) if (g.name === '') g.name = w.regionsOwn;
  body.push(summaryTable(byDepartment, totals, w.departmentColumn, w));

  if (region === null) body.push(...countyDeviations(data, w));
  else body.push(...regionSections(items, w));

  const title = region === null ? w.title(data.round.name) : w.regionTitle(data.round.name, region.name);
  return {
    language,
    county: data.county,
    title,
    version: w.footer(norwegianDate(data.round.deadline)),
    titlePage: {
      title: w.report,
      subtitle: region === null ? w.title(data.round.name) : `${data.round.name}\n${region.name}`,
      facts: [
        { label: w.cycle, value: data.cycle.name },
        { label: w.round, value: data.round.name },
        { label: w.deadline, value: norwegianDate(data.round.deadline) },
        { label: w.made, value: norwegianDateTime(madeAt) },
        ...(region === null ? [{ label: w.regionCount, value: String(data.regions.length) }] : []),
        { label: w.commitmentCount, value: String(items.length) },
        { label: w.deviations, value: String(items.filter(isDeviation).length) },
      ],
    },
    body,
  };
}

const isDeviation = (c: RoundCommitment) => c.report !== null && deviationStatuses.has(c.report.status);

/** The indicators behind their goal or target, but not of a withdrawn or dropped commitment. */
const behindGoal = (items: readonly RoundCommitment[]) =>
  items.flatMap((c) =>
    c.withdrawn || c.report?.status === 'dropped'
      ? []
      : c.indicators.filter((i) => indicatorStanding(i).behindGoal).map((i) => ({ c, i })),
  );

function behindGoalText(c: RoundCommitment, i: RoundIndicator, w: RoundReportWords): string {
  const due = dueGoal(i);
  return `${c.title}: ${i.name}. ${w.behindGoal(
    valueText(i.latest?.value ?? 0, i.unit),
    valueText(due?.value ?? i.target, i.unit),
    norwegianDate(due?.on ?? i.targetOn),
  )}`;
}

/**
 * A region's report after its summary: what was agreed, what was done (each commitment's full report), the
 * status of each commitment and indicator, and the deviations with the owners' explanations.
 */
function regionSections(items: readonly RoundCommitment[], w: RoundReportWords): DocumentBlock[] {
  const body: DocumentBlock[] = [{ type: 'heading', level: 1, text: w.agreed, pageBreakBefore: true }];
  body.push({ type: 'paragraph', content: w.agreedIntro });
  body.push({
    type: 'table',
    header: w.agreedColumns,
    widths: [5, 3, 2.5, 2],
    rows: items.map((c) => [
      `${c.title}${c.withdrawn ? ` (${w.withdrawn})` : ''}`,
      owner(c),
      c.subjectArea,
      c.budgetNok === null
        ? w.unknown
        : `${formatKroner(c.budgetNok)}${c.needsSeparateDecision ? `\n(${w.separateDecision})` : ''}`,
    ]),
  });

  body.push({ type: 'heading', level: 1, text: w.done, pageBreakBefore: true });
  body.push({ type: 'paragraph', content: w.doneIntro });
  for (const c of items) body.push(...reportBlocks(c, w));

  body.push({ type: 'heading', level: 1, text: w.status, pageBreakBefore: true });
  body.push({ type: 'paragraph', content: w.statusIntro });
  body.push({
    type: 'table',
    header: [w.agreedColumns[0] ?? '', w.owner, 'Status', w.progress, w.spent],
    widths: [5, 3, 2.5, 1.5, 2],
    rows: items.map((c) => [
      c.title,
      owner(c),
      w.statuses[c.report?.status ?? 'not_reported'],
      c.report ? `${c.report.progress} %` : '',
      c.report?.spentNok != null ? formatKroner(c.report.spentNok) : '',
    ]),
  });
  const indicators = items.flatMap((c) => c.indicators.map((i) => ({ c, i })));
  if (indicators.length === 0) body.push({ type: 'note', text: w.noIndicators });
  else
    body.push({
      type: 'table',
      header: w.indicatorColumns,
      widths: [4, 2, 2.5, 2, 2, 2],
      rows: indicators.map(({ c, i }) => indicatorRow(c, i, w)),
    });

  body.push({ type: 'heading', level: 1, text: w.deviations, pageBreakBefore: true });
  body.push({ type: 'paragraph', content: w.deviationsIntro });
  const deviating = items.filter(isDeviation);
  const behind = behindGoal(items);
  if (deviating.length === 0 && behind.length === 0) body.push({ type: 'note', text: w.noDeviations });
  for (const c of deviating) {
    body.push({ type: 'heading', level: 2, text: c.title });
    body.push(...explanation(c, w));
  }
  if (behind.length > 0) {
    body.push({ type: 'heading', level: 2, text: w.behindGoals });
    body.push({ type: 'list', ordered: false, items: behind.map(({ c, i }) => behindGoalText(c, i, w)) });
  }
  return body;
}

/**
 * The county's report after its summary: the deviations region by region, each deviating commitment in one
 * paragraph (its title, status, progress and owner, then the owner's explanation: what was done and what
 * comes next, as plain text on a line each), the region's indicators behind their goal as a list, and last
 * the regions' own reports by name, where each commitment's full report is. One paragraph per deviation
 * keeps the county's report readable and its making within budget at national size (bench/annual-report.ts).
 */
function countyDeviations(data: RoundReportData, w: RoundReportWords): DocumentBlock[] {
  const body: DocumentBlock[] = [{ type: 'heading', level: 1, text: w.deviations, pageBreakBefore: true }];
  body.push({ type: 'paragraph', content: w.countyDeviationsIntro });
  const byRegion = new Map<string, RoundCommitment[]>();
  for (const c of data.commitments) {
    const list = byRegion.get(c.regionId);
    if (list) list.push(c);
    else byRegion.set(c.regionId, [c]);
  }
  let any = false;
  for (const r of data.regions) {
    const items = byRegion.get(r.id) ?? [];
    const deviating = items.filter(isDeviation);
    const behind = behindGoal(items);
    if (deviating.length === 0 && behind.length === 0) continue;
    any = true;
    body.push({ type: 'heading', level: 2, text: r.name });
    for (const c of deviating) body.push({ type: 'paragraph', content: compactExplanation(c, w) });
    if (behind.length > 0) {
      body.push({ type: 'paragraph', content: [{ text: w.behindGoals, bold: true }] });
      body.push({ type: 'list', ordered: false, items: behind.map(({ c, i }) => behindGoalText(c, i, w)) });
    }
  }
  if (!any) body.push({ type: 'note', text: w.noDeviations });

  body.push({ type: 'heading', level: 1, text: w.regionReports, pageBreakBefore: true });
  body.push({ type: 'paragraph', content: w.regionReportsIntro });
  body.push({
    type: 'list',
    ordered: false,
    items: data.regions.map((r) =>
      w.regionReportName(w.regionTitle(data.round.name, r.name), r.writtenStandard),
    ),
  });
  return body;
}

type TextNode = { type: string; text?: string; content?: readonly TextNode[] };

/**
 * A text as stored, on one line: its words, with a space where a block, a cell or a line break ends. Lists
 * lose their markers; the region's report has the text as written.
 */
function oneLine(doc: RichTextDoc | null): string {
  if (doc === null) return '';
  const words: string[] = [];
  collectText(doc.content as readonly TextNode[], words);
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

function collectText(nodes: readonly TextNode[], words: string[]): void {
  let line = '';
  for (const node of nodes) {
    if (node.type === 'text') line += node.text ?? '';
    else {
      if (line !== '') words.push(line);
      line = '';
      if (node.content) collectText(node.content, words);
    }
  }
  if (line !== '') words.push(line);
}

/** One deviating commitment in one paragraph: title, status, owner, and the owner's explanation. */
function compactExplanation(c: RoundCommitment, w: RoundReportWords): Run[] {
  const status = c.report ? `${w.statuses[c.report.status]}, ${c.report.progress} %` : '';
  const done = oneLine(c.report?.done ?? null);
  const next = oneLine(c.report?.next ?? null);
  return [
    { text: c.title, bold: true },
    { text: ` (${status}; ${w.owner.toLowerCase()}: ${owner(c)})\n${w.whatWasDone}: ${done || w.noText}` },
    { text: `\n${w.whatComesNext}: ${next || w.noText}` },
  ];
}

/** The commitments' tallies by a key, in the order the key first appears, each with its first commitment. */
function groupsOf(
  items: readonly RoundCommitment[],
  keyOf: (c: RoundCommitment) => string,
): { first: RoundCommitment; group: Group }[] {
  const groups = new Map<string, { first: RoundCommitment; group: Group }>();
  for (const c of items) {
    const key = keyOf(c);
    let entry = groups.get(key);
    if (!entry) {
      entry = { first: c, group: { name: key, tally: emptyTally(), spent: 0 } };
      groups.set(key, entry);
    }
    addToTally(
      entry.group.tally,
      {
        budgetNok: c.budgetNok,
        withdrawn: c.withdrawn,
        status: c.report?.status ?? null,
        progress: c.report?.progress ?? null,
        overdue: false,
      },
      c.indicators,
    );
    if (!c.withdrawn) entry.group.spent += c.report?.spentNok ?? 0;
  }
  return [...groups.values()];
}

function mergeGroups(groups: readonly Group[], name: string): Group {
  return {
    name,
    tally: mergeTallies(groups.map((g) => g.tally)),
    spent: groups.reduce((sum, g) => sum + g.spent, 0),
  };
}

/** Groups added up by a coarser key (of the group's first commitment), in the order the key first appears. */
function mergedBy(
  parts: readonly { first: RoundCommitment; group: Group }[],
  keyOf: (c: RoundCommitment) => string,
): Group[] {
  const byKey = new Map<string, Group[]>();
  for (const part of parts) {
    const key = keyOf(part.first);
    const list = byKey.get(key);
    if (list) list.push(part.group);
    else byKey.set(key, [part.group]);
  }
  return [...byKey].map(([key, groups]) => mergeGroups(groups, key));
}

function summaryTable(
  groups: Group[],
  total: Group | undefined,
  column: string,
  w: RoundReportWords,
): DocumentBlock {
  const row = (g: Group, name: string) => {
    const s = summarize(g.tally);
    return [
      name,
      String(s.commitments),
      ...statusColumns.map((status) => String(s.statuses[status])),
      s.progress === null ? '–' : w.progressWith(`${decimal(s.progress)} %`, s.weighting),
      formatKroner(s.budgetNok),
      formatKroner(g.spent),
    ];
  };
  return {
    type: 'table',
    header: w.summaryColumns(column),
    widths: [3.5, 1.6, 1.2, 1.2, 1.4, 1.3, 1.3, 1.5, 2.2, 2, 2],
    rows: [...groups.map((g) => row(g, g.name)), ...(total ? [row(total, w.total)] : [])],
  };
}

const owner = (c: RoundCommitment) => c.department ?? c.region;

const decimal = (n: number) => String(n).replace('.', ',');
const valueText = (n: number, unit: string) => `${decimal(n)} ${unit}`;

/** The latest goal (or the target) due on or before the latest value's date, as `indicatorStanding` judges. */
function dueGoal(i: RoundIndicator) {
  const on = i.latest?.on;
  if (!on) return undefined;
  return [...i.goals, { value: i.target, on: i.targetOn }]
    .filter((g) => g.on <= on)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .at(-1);
}

function indicatorRow(c: RoundCommitment, i: RoundIndicator, w: RoundReportWords): string[] {
  const standing = indicatorStanding(i);
  return [
    `${c.title}: ${i.name}`,
    `${valueText(i.baseline, i.unit)}\n${norwegianDate(i.baselineOn)}`,
    i.goals.length === 0
      ? '–'
      : i.goals.map((g) => `${valueText(g.value, i.unit)} ${norwegianDate(g.on)}`).join('\n'),
    `${valueText(i.target, i.unit)}\n${norwegianDate(i.targetOn)}`,
    i.latest ? `${valueText(i.latest.value, i.unit)}\n${norwegianDate(i.latest.on)}` : '–',
    `${w.movements[standing.movement]}${standing.behindGoal ? `\n(${w.behindGoals.toLowerCase()})` : ''}`,
  ];
}

const labelled = (label: string, value: string): Run[] => [
  { text: `${label}: `, bold: true },
  { text: value },
];

/** One commitment's report: its facts, then what was done and what comes next as the owner wrote them. */
function reportBlocks(c: RoundCommitment, w: RoundReportWords): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ type: 'heading', level: 2, text: c.title }];
  const facts = [
    { label: w.owner, value: owner(c) },
    { label: w.subjectArea, value: c.subjectArea },
    { label: w.responsible, value: c.responsible ?? w.unknown },
    {
      label: w.period,
      value:
        c.startsOn || c.endsOn
          ? `${c.startsOn ? norwegianDate(c.startsOn) : ''}–${c.endsOn ? norwegianDate(c.endsOn) : ''}`
          : w.unknown,
    },
    { label: w.budget, value: c.budgetNok === null ? w.unknown : w.kroner(formatKroner(c.budgetNok)) },
  ];
  if (c.report) {
    facts.push({ label: 'Status', value: w.statuses[c.report.status] });
    facts.push({ label: w.progress, value: `${c.report.progress} %` });
    if (c.report.spentNok !== null)
      facts.push({ label: w.spent, value: w.kroner(formatKroner(c.report.spentNok)) });
  }
  // One paragraph of labelled lines, not a facts table: at national size (160,000 commitments) a table per
  // commitment costs the renderers many times as much (bench/annual-report.ts).
  blocks.push({
    type: 'paragraph',
    content: facts.flatMap((f, i) => [...(i > 0 ? [{ text: '\n' }] : []), ...labelled(f.label, f.value)]),
  });
  if (!c.report) {
    blocks.push({ type: 'note', text: w.notReported });
    return blocks;
  }
  return [...blocks, ...explanation(c, w)];
}

/** What was done and what comes next, as the owner wrote them in the round's report. */
function explanation(c: RoundCommitment, w: RoundReportWords): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  if (c.report && deviationStatuses.has(c.report.status))
    blocks.push({
      type: 'paragraph',
      content: [
        ...labelled('Status', `${w.statuses[c.report.status]}, ${c.report.progress} %`),
        { text: '\n' },
        ...labelled(w.owner, owner(c)),
      ],
    });
  for (const [label, doc] of [
    [w.whatWasDone, c.report?.done ?? null],
    [w.whatComesNext, c.report?.next ?? null],
  ] as const) {
    blocks.push({ type: 'paragraph', content: [{ text: label, bold: true }] });
    if (doc && doc.content.length > 0) blocks.push({ type: 'richText', doc, headingShift: 2 });
    else blocks.push({ type: 'note', text: w.noText });
  }
  return blocks;
}

/** `Arsrapport-2022` or `Arsrapport-2022-Hallingdal`: the round's name and the region's, safe as a file name. */
export function roundReportFileName(data: RoundReportData, regionId: string | null): string {
  const region = data.regions.find((r) => r.id === regionId);
  const safe = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/æ/gi, 'ae')
      .replace(/ø/gi, 'o')
      .replace(/å/gi, 'a')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return [safe(data.round.name), region ? safe(region.name) : null].filter(Boolean).join('-') || 'Arsrapport';
}
