import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { renderDocx } from '../src/server/documents/render-docx.js';
import type { RoundCommitment, RoundReportData } from '../src/server/follow-up-report/round-report-data.js';
import { roundReportDocument } from '../src/server/follow-up-report/round-report-model.js';
import type { ReportStatus } from '../src/server/follow-up-rollup/rollup.js';
import type { DocumentBenchResult } from './agreement-document.js';

/**
 * Issue 13 (Follow-up), item 5: the median time to make the county's annual report of a round as DOCX at
 * national size (budget 3 s): 1,200 regions with about 133 commitments each (160,000), nine in ten reported
 * with a sentence of what was done and what comes next, every second with an indicator and a value. Measured
 * in this process on the document the route renders (the model built from the report's data and laid out by
 * the DOCX renderer); the data is made here as `loadRoundReportData` gives it, as bench/status-report.ts does.
 * Run alone: `npx tsx bench/annual-report.ts [regions] [runs]`.
 */
export const annualReportBudgetMs = 3000;

const statuses: ReportStatus[] = ['on_track', 'at_risk', 'delayed', 'done', 'dropped'];
const departments = ['Samferdsel', 'Næring', 'Utdanning og kompetanse', 'Kultur, frivillighet og folkehelse'];
const paragraph = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
});

export function benchAnnualReportData(regionCount = 1200, perRegion = 133): RoundReportData {
  const regions = Array.from({ length: regionCount }, (_, r) => ({
    id: `region-${r}`,
    name: `Regionrådet for Benkeregion ${String(r + 1).padStart(4, '0')}`,
    writtenStandard: (r % 7 === 0 ? 'nn' : 'nb') as 'nb' | 'nn',
  }));
  const commitments: RoundCommitment[] = [];
  for (const region of regions) {
    for (let k = 0; k < perRegion; k++) {
      const n = commitments.length;
      const department = k % 5 === 4 ? null : (departments[k % departments.length] ?? null);
      commitments.push({
        id: `commitment-${n}`,
        title: `Tiltak ${k + 1} for ${region.name}`,
        regionId: region.id,
        region: region.name,
        departmentId: department,
        department,
        subjectArea: ['Samferdsel', 'Næring', 'Kompetanse', 'Kultur'][k % 4] ?? 'Samferdsel',
        responsible: 'Rådgiver',
        startsOn: '2021-01-01',
        endsOn: '2024-12-31',
        budgetNok: n % 5 === 0 ? null : 400_000 + (n % 13) * 100_000,
        needsSeparateDecision: n % 9 === 0,
        withdrawn: n % 100 === 0,
        report:
          n % 10 === 0
            ? null
            : {
                status: statuses[n % statuses.length] ?? 'on_track',
                progress: (n * 37) % 101,
                done: paragraph('Arbeidet er satt i gang som avtalt, og de første tiltakene er gjennomført.'),
                next: paragraph('Neste år følges tiltakene opp i samhandlingsmøtet med regionen.'),
                spentNok: 100_000 + (n % 7) * 50_000,
              },
        indicators:
          n % 2 === 0
            ? [
                {
                  id: `indicator-${n}`,
                  name: 'Indikator',
                  unit: 'antall',
                  direction: n % 4 === 0 ? 'lower' : 'higher',
                  baseline: 50,
                  baselineOn: '2021-01-01',
                  target: n % 4 === 0 ? 10 : 100,
                  targetOn: '2024-12-31',
                  goals: [],
                  latest: { value: n % 120, on: '2023-12-31' },
                  previous: null,
                },
              ]
            : [],
      });
    }
  }
  return {
    county: 'Viken fylkeskommune',
    round: { id: 'bench-round', name: 'Årsrapport 2023', deadline: '2024-02-01', state: 'closed' },
    cycle: {
      id: 'bench',
      name: 'Partnerskapsavtaler 2021–2024',
      periodFrom: '2021-01-01',
      periodTo: '2024-12-31',
    },
    regions,
    commitments,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** After one warm-up run, the median of `runs` of building the model and laying it out as DOCX. */
export async function benchAnnualReport(runs: number, regionCount = 1200): Promise<DocumentBenchResult[]> {
  const data = benchAnnualReportData(regionCount);
  const make = () => renderDocx(roundReportDocument(data, null, '2024-03-01T09:30:00+01:00'));
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
  const medianMs = median(times);
  return [
    {
      name: `annual report DOCX, ${regionCount} regions, ${data.commitments.length} commitments`,
      runs,
      medianMs,
      cpuMedianMs: median(cpu),
      budgetMs: annualReportBudgetMs,
      verdict: medianMs <= annualReportBudgetMs ? 'PASS' : 'FAIL',
      sizeBytes: size,
      note: `first run in the process ${firstMs.toFixed(0)} ms`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const regionCount = Number(process.argv[2] ?? 1200);
  const runs = Number(process.argv[3] ?? 3);
  console.log(JSON.stringify(await benchAnnualReport(runs, regionCount), null, 2));
}
