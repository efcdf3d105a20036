import { performance } from 'node:perf_hooks';
import type { AgreementDocumentData } from '../src/server/agreement-document/agreement-document-data.js';
import { caseDocument } from '../src/server/cases/case-document.js';
import { renderDocx } from '../src/server/documents/render-docx.js';
import type { PoliticalCase } from '../src/shared/contracts/cases.js';
import type { InputSummary, SummaryEntry } from '../src/shared/contracts/hearing-summary.js';
import type { RichTextDoc } from '../src/shared/contracts/rich-text.js';
import { benchAgreementData, type DocumentBenchResult } from './agreement-document.js';

/**
 * Issue 12: the case document for a batch of 20 agreements with the agreements attached, as DOCX, median
 * at most 1 s. Measured in this process on the document the route renders (case-document.ts): the case's
 * text and each agreement as an appendix, built from the agreement document's data. Each agreement has 140
 * agreed contributions, the national dataset's average (~170,000 over 1,200 regions), and the demo's
 * general part. The case also attaches the input summaries of the hearings behind the general part, as the
 * route does and as the demo's cases have them: the informal hearing with one input from each of the batch's
 * regions and from as many others, and the formal hearing with three from each, every one answered.
 */
export const caseDocumentBudget = { docxMs: 1000 } as const;

const batch = 20;
const contributionsPerAgreement = 140;

const paragraph = (text: string): RichTextDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const hearingRegions = batch * 2;
const hearingsAttached = [
  { kind: 'informal', openedAt: '2020-05-15T08:00:00.000Z', deadline: '2020-06-12', inputsPerRegion: 1 },
  { kind: 'formal', openedAt: '2020-06-24T07:00:00.000Z', deadline: '2020-09-15', inputsPerRegion: 3 },
] as const;
const inputsAttached = hearingsAttached.reduce((sum, h) => sum + hearingRegions * h.inputsPerRegion, 0);

/** A hearing's summary: each region's inputs to the sections in turn, every one answered. */
function benchSummary({
  kind,
  openedAt,
  deadline,
  inputsPerRegion,
}: (typeof hearingsAttached)[number]): InputSummary {
  const regionsOf = Array.from({ length: hearingRegions }, (_, i) => ({
    id: `region-${i}`,
    name: `Regionrådet for Benkeregion ${String(i + 1).padStart(2, '0')}`,
  }));
  const sections = ['Formål', 'Samarbeidsområder', 'Organisering', 'Oppfølging'].map((title, i) => ({
    key: `section-${i}`,
    title,
  }));
  const entry = (region: (typeof regionsOf)[number], n: number): SummaryEntry => ({
    inputId: `${region.id}-${n}`,
    region,
    text: `Regionen ber om at avsnittet også nevner samarbeid om kompetanse og næringsutvikling (innspill ${n + 1}). `.repeat(
      3,
    ),
    late: false,
    submittedAt: '2020-09-01T10:00:00.000Z',
    attachments: [],
    disposition: {
      outcome: n % 2 === 0 ? 'taken_in' : 'noted',
      reason: 'Innspillet er vurdert og tatt inn der det passer med formålet med avtalen.',
      final: true,
      takenIn:
        n % 2 === 0 ? { versionNumber: 2, sectionKey: 'section-1', sectionTitle: 'Samarbeidsområder' } : null,
    },
  });
  const inputs = regionsOf.flatMap((r) => Array.from({ length: inputsPerRegion }, (_, n) => entry(r, n)));
  const total = inputs.length;
  return {
    hearing: {
      id: `bench-hearing-${kind}`,
      cycleId: 'bench-cycle',
      cycleName: 'Partnerskapsavtaler 2021–2024',
      versionId: 'bench-version',
      versionNumber: 1,
      kind,
      deadline,
      closesAt: `${deadline}T22:00:00.000Z`,
      state: 'closed',
      daysLeft: null,
      closedAt: null,
      openedAt,
      openedBy: null,
      counts: {
        invitedRegions: hearingRegions,
        regionsWithInput: hearingRegions,
        inputs: total,
        lateInputs: 0,
        unanswered: 0,
      },
      version: 1,
      coverLetter: '',
      invitedRegions: regionsOf,
      closedBy: null,
      registeredAfterwards: null,
    },
    outcomes: {
      taken_in: inputs.filter((e) => e.disposition?.outcome === 'taken_in').length,
      partly_taken_in: 0,
      not_taken_in: 0,
      noted: inputs.filter((e) => e.disposition?.outcome === 'noted').length,
      unanswered: 0,
    },
    sections: sections.map((s, i) => ({ ...s, entries: inputs.filter((_, n) => n % sections.length === i) })),
    wholeDocument: [],
    generatedAt: '2020-10-01T10:00:00.000Z',
  };
}

function benchCase(appendices: readonly AgreementDocumentData[]): PoliticalCase {
  const treatment = (id: string, bodyName: string, date: string, caseNumber: string) => ({
    id,
    bodyId: id,
    bodyName,
    bodyKind: 'executive_board' as const,
    role: 'decide' as const,
    meeting: { id, date, documentsDue: null },
    caseNumber,
    decision: null,
    version: 1,
  });
  return {
    id: 'bench-case',
    cycleId: 'bench-cycle',
    title: `Partnerskapsavtaler med ${batch} regioner 2021–2024`,
    archiveReference: '2020/1234',
    agreements: appendices.map((a, i) => ({
      id: `agreement-${i}`,
      regionId: a.region.id,
      regionName: a.region.name,
      periodFrom: a.periodFrom,
      periodTo: a.periodTo,
    })),
    hearingSummaries: hearingsAttached.map((h) => ({
      hearingId: `bench-hearing-${h.kind}`,
      kind: h.kind,
      versionNumber: 1,
      deadline: h.deadline,
    })),
    decisionPoints: appendices.map((a, i) => ({
      id: `point-${i}`,
      text: `Fylkesrådet godkjenner partnerskapsavtalen med ${a.region.name} for ${a.periodFrom.slice(0, 4)}–${a.periodTo.slice(0, 4)}.`,
      fromTemplate: true,
    })),
    background: paragraph('Fylkeskommunen inngår partnerskapsavtaler med kommuneregionene.'),
    facts: paragraph('Avtalene har en generell del, felles for alle, og en spesiell del for hver region.'),
    alternatives: paragraph('Fylkesrådet kan godkjenne avtalene, eller sende dem tilbake til forhandling.'),
    assessment: paragraph('Fylkesrådet anbefaler avtalene.'),
    consequences: paragraph('Tiltakene dekkes innenfor rammene i økonomiplanen.'),
    authority: 'Reglement for delegering og innstilling, punkt 3.5.2, c',
    signer: { name: 'Fylkesrådsleder', title: 'fylkesrådsleder', date: '2020-10-01' },
    templateFilled: [],
    treatments: [
      treatment('board', 'Fylkesrådet', '2020-10-22', '123/20'),
      treatment('council', 'Fylkestinget', '2020-11-19', '88/20'),
    ],
    sourceCaseId: null,
    followUpCaseId: null,
    version: 1,
    createdAt: '2020-10-01T10:00:00.000Z',
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function benchCaseDocument(runs: number): Promise<DocumentBenchResult[]> {
  const appendices = Array.from({ length: batch }, (_, i) => {
    const data = benchAgreementData(contributionsPerAgreement);
    const name = `Regionrådet for Benkeregion ${String(i + 1).padStart(2, '0')}`;
    return { ...data, agreementId: `agreement-${i}`, region: { ...data.region, id: `region-${i}`, name } };
  });
  const c = benchCase(appendices);
  const summaries = hearingsAttached.map(benchSummary);
  const make = () => renderDocx(caseDocument(c, 'Viken fylkeskommune', appendices, summaries));
  let size = (await make()).length; // warm-up: modules, fonts, JIT
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
      name: `case DOCX, ${batch} agreements attached (${contributionsPerAgreement} contributions each) and ${hearingsAttached.length} hearing summaries (${inputsAttached} inputs)`,
      runs,
      medianMs,
      cpuMedianMs: median(cpu),
      budgetMs: caseDocumentBudget.docxMs,
      verdict: medianMs <= caseDocumentBudget.docxMs ? 'PASS' : 'FAIL',
      sizeBytes: size,
      note: null,
    },
  ];
}
