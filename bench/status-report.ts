import { performance } from 'node:perf_hooks';
import { renderDocx } from '../src/server/documents/render-docx.js';
import { renderPdf } from '../src/server/documents/render-pdf.js';
import type {
  RegionStatus,
  ReportMeeting,
  ReportMilestone,
  StatusReportData,
} from '../src/server/status-report/status-report-data.js';
import { statusReportDocument } from '../src/server/status-report/status-report-model.js';
import type { MeetingType } from '../src/shared/contracts/meetings.js';
import type { AgreementPhase, MilestoneStage } from '../src/shared/contracts/milestones.js';
import type { DocumentBenchResult } from './agreement-document.js';

/**
 * Issue "Process and meetings", item 6: the median time to make the cycle's status report for the national
 * dataset's 1,200 regions as DOCX and as PDF (budgets 2 s and 4 s), measured in this process on the document
 * the route renders: the model built from the report's data and laid out by the renderers. The data is made
 * here, as the reads give it (status-report-data.ts), rather than read from the benchmark's database: the
 * reads are a fixed number of queries, and the dataset's milestones and meetings are its own. Each region
 * has the county's nine milestones in the state its phase gives, three meetings held since the day and two
 * planned, and four contributions agreed since the day; a month back, as a report to the leadership asks.
 */

export const statusReportBudgets = { docxMs: 2000, pdfMs: 4000 } as const;

const template: { name: string; stage: MilestoneStage; optional?: true }[] = [
  { name: 'Oppstartsmøte med alle rådsområdene', stage: 'county_internal' },
  { name: 'Rådsområdenes forslag til regionen', stage: 'county_internal' },
  { name: 'Oppsummeringsmøte i fylkeskommunen', stage: 'county_internal' },
  { name: 'Regionens ønskede fagområder', stage: 'region_internal', optional: true },
  { name: 'Regionens egne forpliktelser', stage: 'region_internal', optional: true },
  { name: 'Første samhandlingsmøte med regionrådet', stage: 'joint' },
  { name: 'Bilaterale møter med rådsområdene', stage: 'joint' },
  { name: 'Fellesmøte om det som legges frem til politisk behandling', stage: 'joint' },
  { name: 'Spesiell del avtalt', stage: 'joint' },
];
const phases: AgreementPhase[] = [
  'preparation',
  'county_internal',
  'region_internal',
  'joint',
  'ready_for_political_processing',
];
const departments = ['Samferdsel', 'Næring', 'Utdanning og kompetanse', 'Kultur, frivillighet og folkehelse'];
const day = (month: number, date: number) =>
  `2025-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
const meeting = (type: MeetingType, title: string, date: string): ReportMeeting => ({
  type,
  title,
  startsAt: `${date}T10:00:00+01:00`,
});

function region(i: number): RegionStatus {
  const name = `Regionrådet for Benkeregion ${String(i + 1).padStart(4, '0')}`;
  const done = i % template.length;
  const milestones: ReportMilestone[] = template.map((m, k) => ({
    name: m.name,
    stage: m.stage,
    optional: m.optional ?? false,
    state: k < done ? 'done' : k === done ? 'in_progress' : 'not_started',
    plannedDate: day(k < 5 ? 2 : 3, 1 + ((k * 3 + i) % 27)),
    completedOn: k < done ? day(2, 1 + ((k * 2 + i) % 27)) : null,
  }));
  return {
    agreementId: `agreement-${i}`,
    region: name,
    phase: phases[i % phases.length] ?? 'joint',
    regionReady: i % 4 !== 0,
    milestones,
    meetingsHeld: [
      meeting('collaboration', `Samhandlingsmøte med ${name}`, day(2, 3 + (i % 20))),
      meeting('bilateral', `Bilateralt møte om ${departments[i % departments.length]}`, day(2, 5 + (i % 20))),
      meeting('follow_up', `Oppfølgingsmøte med ${name}`, day(2, 7 + (i % 20))),
    ],
    meetingsPlanned: [
      meeting('bilateral', 'Bilateralt møte om kollektivtilbudet', day(3, 10 + (i % 15))),
      meeting('final', `Fellesmøte med ${name}`, day(3, 12 + (i % 15))),
    ],
    contributions: { total: 140 + (i % 20), agreed: 40 + (i % 30) },
    agreedSince: departments.map((owner, k) => ({
      on: day(2, 10 + k),
      title: `${['Kollektivtilbud på kveldstid', 'Etablerertjeneste for nye bedrifter', 'Fagskoletilbud i regionen', 'Regionalt kulturnettverk'][k]} – tiltak ${i + 1}`,
      owner,
    })),
  };
}

/** The report of a cycle with `count` regions, a month back from the day it is made. */
export function benchStatusReportData(count = 1200): StatusReportData {
  return {
    county: 'Viken fylkeskommune',
    cycle: {
      id: 'bench',
      name: 'Partnerskapsavtaler 2025–2028',
      periodFrom: '2025-01-01',
      periodTo: '2028-12-31',
    },
    since: '2025-02-01',
    madeAt: '2025-03-01T09:30:00+01:00',
    today: '2025-03-01',
    cycleMeetings: {
      held: [meeting('kickoff', 'Oppstartsmøte for de spesielle delene', day(2, 4))],
      planned: [meeting('internal_summary', 'Oppsummeringsmøte i fylkeskommunen', day(3, 20))],
    },
    regions: Array.from({ length: count }, (_, i) => region(i)),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** After one warm-up run (fonts, modules, the PDF's word widths), the median of `runs`. */
async function timed(runs: number, make: () => Promise<Buffer>) {
  const first = performance.now();
  let size = (await make()).length;
  const firstMs = performance.now() - first;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    size = (await make()).length;
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(times), cpuMedianMs: median(cpu), firstMs, size };
}

export async function benchStatusReport(runs: number): Promise<DocumentBenchResult[]> {
  const data = benchStatusReportData(1200);
  const docx = await timed(runs, () => renderDocx(statusReportDocument(data, 'nb')));
  const pdf = await timed(runs, () => renderPdf(statusReportDocument(data, 'nb')));
  const result = (name: string, t: typeof docx, budgetMs: number): DocumentBenchResult => ({
    name,
    runs,
    medianMs: t.medianMs,
    cpuMedianMs: t.cpuMedianMs,
    budgetMs,
    verdict: t.medianMs <= budgetMs ? 'PASS' : 'FAIL',
    sizeBytes: t.size,
    note: `first run in the process ${t.firstMs.toFixed(0)} ms`,
  });
  return [
    result('status report DOCX, 1,200 regions', docx, statusReportBudgets.docxMs),
    result('status report PDF, 1,200 regions', pdf, statusReportBudgets.pdfMs),
  ];
}
