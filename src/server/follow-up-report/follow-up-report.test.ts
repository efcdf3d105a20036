import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { PoliticalCase } from '../../shared/contracts/cases.js';
import { auditEvents } from '../audit/audit.table.js';
import { politicalCases } from '../cases/case.table.js';
import { readDocx, readPdfPages } from '../documents/testing/read-document.js';
import { commitmentReports, reportingRounds } from '../follow-up/reporting-round.table.js';
import { type SeedCommitment, seedFollowUp } from '../follow-up-rollup/follow-up-rollup.fixtures.js';
import { reportingRoundCases } from './round-case.table.js';

let t: TestApp;
let roundId: string;
let indreId: string;
let hallingdalId: string;
let otherRegionId: string;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region', string>;

const later = '2030-12-31';
const spec: SeedCommitment[] = [
  {
    region: 'Indre Østfold',
    department: 'Samferdsel',
    subjectArea: 'Samferdsel',
    title: 'Bussruter mellom Askim og Mysen',
    budgetNok: 3_000_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 20 },
      { status: 'on_track', progress: 50 },
    ],
    indicators: [
      {
        direction: 'higher',
        baseline: 100,
        target: 200,
        targetOn: '2024-12-31',
        goals: [{ value: 150, dueOn: '2022-12-31' }],
        values: [
          { value: 120, measuredOn: '2021-12-31' },
          { value: 140, measuredOn: '2022-12-31' },
        ],
      },
    ],
  },
  {
    region: 'Indre Østfold',
    department: 'Næring',
    subjectArea: 'Næring',
    title: 'Næringshage i Askim',
    budgetNok: 1_000_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 10 },
      { status: 'delayed', progress: 10 },
    ],
  },
  {
    region: 'Indre Østfold',
    subjectArea: 'Næring',
    title: 'Prosjektleder for regionrådet',
    budgetNok: 400_000,
    endsOn: later,
    reports: [{ status: 'on_track', progress: 30 }, null],
  },
  {
    region: 'Regionrådet for Hallingdal',
    department: 'Samferdsel',
    subjectArea: 'Samferdsel',
    title: 'Kollektivknutepunkt på Gol',
    budgetNok: 2_000_000,
    endsOn: later,
    reports: [
      { status: 'on_track', progress: 40 },
      { status: 'at_risk', progress: 45 },
    ],
  },
];

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
});

const url = (query: string, id = roundId) => `/api/v1/reporting-rounds/${id}/annual-report?${query}`;
const get = (path: string, cookie?: string) => t.request({ method: 'GET', url: path, cookie });
const post = (path: string, cookie: string, payload: Record<string, unknown> = {}) =>
  t.request({ method: 'POST', url: path, cookie, payload });

beforeAll(async () => {
  t = await startTestApp();
  const seeded = await seedFollowUp(t.database.db, {
    rounds: ['2022-02-01', '2023-02-01'],
    commitments: spec,
  });
  const [round] = await t.database.db
    .select()
    .from(reportingRounds)
    .where(
      and(
        eq(reportingRounds.cycleId, seeded.cycleId),
        eq(reportingRounds.name, 'Rapport med frist 2023-02-01'),
      ),
    );
  if (!round) throw new Error('no round');
  roundId = round.id;
  // The owners' texts, as the report form saves them.
  const texts: Record<string, { done: string; next: string; spentNok: number }> = {
    'Bussruter mellom Askim og Mysen': {
      done: 'Nye ruter mellom Askim og Mysen kjører fra august.',
      next: 'Evaluering av passasjertallene etter første år.',
      spentNok: 1_500_000,
    },
    'Næringshage i Askim': {
      done: 'Tomten er ennå ikke regulert, så byggingen er utsatt.',
      next: 'Reguleringsplanen behandles i kommunestyret i mars.',
      spentNok: 100_000,
    },
    'Kollektivknutepunkt på Gol': {
      done: 'Grunnerverva tek lengre tid enn planlagt.',
      next: 'Kommunen og fylket møtest om tomta i april.',
      spentNok: 250_000,
    },
  };
  for (const [title, text] of Object.entries(texts)) {
    await t.database.db
      .update(commitmentReports)
      .set({ done: doc(text.done), next: doc(text.next), spentNok: text.spentNok })
      .where(
        and(
          eq(commitmentReports.roundId, roundId),
          eq(commitmentReports.commitmentId, seeded.ids[title] ?? ''),
        ),
      );
  }
  indreId = seeded.regionId('Indre Østfold');
  hallingdalId = seeded.regionId('Regionrådet for Hallingdal');
  otherRegionId = seeded.regionId('Haldenregionen');
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
});

afterAll(async () => {
  await t?.close();
});

describe("a round's annual report", () => {
  it('is the county’s DOCX in bokmål: the summary table first, then the deviations with their explanations, naming the regions’ reports', async () => {
    const res = await get(url('format=docx'), cookies.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain('Rapport-med-frist-2023-02-01.docx');
    const { body, headers } = readDocx(res.rawPayload);
    expect(headers).toContain('Rapport med frist 2023-02-01: oppfølging av partnerskapsavtalene');
    const at = (text: string) => {
      const found = body.indexOf(text);
      expect(found, text).toBeGreaterThan(0);
      return found;
    };
    const summary = at('Sammendrag\n');
    const deviations = at('Avvik\n');
    const regionReports = at('Regionenes årsrapporter\n');
    expect(summary).toBeLessThan(deviations);
    expect(deviations).toBeLessThan(regionReports);

    // The summary: per region, then per department, each with the county's total, by the roll-up's rules.
    const table = body.slice(summary, deviations);
    expect(table).toContain('står i regionens egen årsrapport');
    expect(table).toContain(
      'Region\nForpliktelser\nI rute\nRisiko\nForsinket\nFullført\nAvbrutt\nIkke rapportert\nFramdrift\nBudsjett (kr)\nBrukt (kr)\n',
    );
    // Hallingdal: one commitment at risk at 45 %; Indre Østfold: on track 50 % (3 mill.), delayed 10 % (1 mill.),
    // and the region's own not reported (0 %, 400 000): (150 + 10 + 0) / 4.4 = 36.4 %.
    expect(table).toContain(
      'Hallingdal\n1\n0\n1\n0\n0\n0\n0\n45 %\n(vektet etter budsjett)\n2 000 000\n250 000\n',
    );
    expect(table).toMatch(
      /Indre Østfold[^\n]*\n3\n1\n0\n1\n0\n0\n1\n36,4 %\n\(vektet etter budsjett\)\n4 400 000\n1 600 000\n/,
    );
    // The whole county: (150 + 10 + 0 + 90) / 6.4 = 39.1 %.
    expect(table).toContain(
      'Totalt\n4\n1\n1\n1\n0\n0\n1\n39,1 %\n(vektet etter budsjett)\n6 400 000\n1 850 000\n',
    );
    expect(table).toContain('Regionenes egne\n1\n0\n0\n0\n0\n0\n1\n0 %');

    // The deviations by region, one paragraph each: status, progress, owner and the owner's explanation; then
    // the region's indicators behind their goal.
    const deviationPart = body.slice(deviations, regionReports);
    const indre = deviationPart.indexOf('Indre Østfold');
    const hallingdal = deviationPart.indexOf('Regionrådet for Hallingdal\n');
    expect(indre).toBeGreaterThan(0);
    expect(hallingdal).toBeGreaterThan(indre);
    expect(deviationPart.slice(indre, hallingdal)).toContain(
      'Næringshage i Askim (Forsinket, 10 %; eier: Næring)\nHva er gjort: Tomten er ennå ikke regulert, så byggingen er utsatt.\nHva kommer videre: Reguleringsplanen behandles i kommunestyret i mars.\n',
    );
    expect(deviationPart.slice(indre, hallingdal)).toContain(
      'Indikatorer bak målet\nBussruter mellom Askim og Mysen: Indikator 1. Siste verdi 140 antall, delmål 150 antall innen 31.12.2022\n',
    );
    expect(deviationPart.slice(hallingdal)).toContain(
      'Kollektivknutepunkt på Gol (Risiko for forsinkelse, 45 %; eier: Samferdsel)\nHva er gjort: Grunnerverva tek lengre tid enn planlagt.\n',
    );
    expect(deviationPart).not.toContain('Prosjektleder for regionrådet');

    // The full reports are the regions': not what was agreed, nor the reports on track, in the county's.
    expect(body).not.toContain('Hva ble avtalt\n');
    expect(body).not.toContain('Nye ruter mellom Askim og Mysen kjører fra august.');
    expect(body).not.toContain('Ingen rapport er sendt inn i runden.');
    expect(body.slice(regionReports)).toMatch(
      /\nRapport med frist 2023-02-01: Indre Østfold[^\n]* \(bokmål\)\nRapport med frist 2023-02-01: Regionrådet for Hallingdal \(nynorsk\)\n/,
    );
  });

  it('is the same report as a PDF, its text read back', async () => {
    const res = await get(url('format=pdf'), cookies.viewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pages = await readPdfPages(res.rawPayload);
    expect(pages[0]).toContain('Årsrapport');
    const text = pages.slice(1).join('\n');
    expect(text.indexOf('Sammendrag')).toBeGreaterThan(0);
    expect(text.indexOf('Sammendrag')).toBeLessThan(text.indexOf('Avvik\n'));
    expect(text).toContain('Tomten er ennå ikke regulert, så byggingen er utsatt.');
    expect(text).not.toContain('Nye ruter mellom Askim og Mysen kjører fra august.');
  });

  it("is Indre Østfold's own report with every commitment's full report: what was agreed and done, the status and the deviations", async () => {
    const res = await get(url(`format=docx&region=${indreId}`), cookies.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('Rapport-med-frist-2023-02-01-Indre-ostfold');
    const { body, headers } = readDocx(res.rawPayload);
    expect(headers).toContain('Rapport med frist 2023-02-01: Indre Østfold');
    const at = (text: string) => {
      const found = body.indexOf(text);
      expect(found, text).toBeGreaterThan(0);
      return found;
    };
    const summary = at('Sammendrag\n');
    const agreed = at('Hva ble avtalt\n');
    const done = at('Hva er gjort\n');
    const status = at('Status for forpliktelser og indikatorer\n');
    const deviations = at('Avvik\n');
    expect(summary).toBeLessThan(agreed);
    expect(agreed).toBeLessThan(done);
    expect(done).toBeLessThan(status);
    expect(status).toBeLessThan(deviations);
    expect(body).not.toContain('Per region\n');
    expect(body.slice(summary, agreed)).toMatch(
      /Totalt\n3\n1\n0\n1\n0\n0\n1\n36,4 %\n\(vektet etter budsjett\)\n4 400 000\n1 600 000\n/,
    );

    // What was agreed: each commitment with its owner and budget.
    expect(body.slice(agreed, done)).toContain('Næringshage i Askim\nNæring\nNæring\n1 000 000\n');
    // What was done: every report in the owners' own words, and the one not submitted.
    const reports = body.slice(done, status);
    expect(reports).toContain('Nye ruter mellom Askim og Mysen kjører fra august.');
    expect(reports).toContain('Evaluering av passasjertallene etter første år.');
    expect(reports).toContain('Prosjektleder for regionrådet');
    expect(reports).toContain('Ingen rapport er sendt inn i runden.');
    // The indicator: baseline, goal, target, latest value and its direction.
    expect(body.slice(status, deviations)).toContain(
      'Bussruter mellom Askim og Mysen: Indikator 1\n100 antall\n01.01.2021\n150 antall 31.12.2022\n200 antall\n31.12.2024\n140 antall\n31.12.2022\nMot målet\n(indikatorer bak målet)\n',
    );
    // The deviations with their explanations: the delayed commitment and the indicator behind its goal.
    const deviationPart = body.slice(deviations);
    expect(deviationPart).toContain('Næringshage i Askim\nStatus: Forsinket, 10 %\nEier: Næring\n');
    expect(deviationPart).toContain('Tomten er ennå ikke regulert, så byggingen er utsatt.');
    expect(deviationPart).toContain('Siste verdi 140 antall, delmål 150 antall innen 31.12.2022');
    expect(deviationPart).not.toContain('Prosjektleder for regionrådet');
    expect(body).not.toContain('Kollektivknutepunkt på Gol');
  });

  it("is Hallingdal's own report in nynorsk, with Hallingdal's commitments only", async () => {
    const res = await get(url(`format=docx&region=${hallingdalId}`), cookies.department);
    expect(res.statusCode).toBe(200);
    const { body, headers } = readDocx(res.rawPayload);
    expect(headers).toContain('Rapport med frist 2023-02-01: Regionrådet for Hallingdal');
    expect(body).toContain('Samandrag\n');
    expect(body).toContain('Kva vart avtalt\n');
    expect(body).toContain('Kva er gjort\n');
    expect(body).toContain('Status: Fare for forseinking, 45 %');
    expect(body).toContain('Grunnerverva tek lengre tid enn planlagt.');
    expect(body).not.toContain('Sammendrag');
    expect(body).not.toContain('Næringshage i Askim');
    expect(body).not.toContain('Bussruter mellom Askim og Mysen');
    expect(body).not.toContain('Per region\n');
  });

  it("lets a region contact read their own region's report and no other", async () => {
    const own = await get(url(`format=docx&region=${indreId}`), cookies.region);
    expect(own.statusCode).toBe(200);
    expect(readDocx(own.rawPayload).body).toContain('Næringshage i Askim');
    expect(readDocx(own.rawPayload).body).not.toContain('Kollektivknutepunkt på Gol');
    expect((await get(url(`format=docx&region=${hallingdalId}`), cookies.region)).statusCode).toBe(403);
    expect((await get(url('format=docx'), cookies.region)).statusCode).toBe(403);
    expect((await get(url('format=docx'))).statusCode).toBe(401);
  });

  it('refuses bad input: an unknown round, a region not in the round, a format or region that is none', async () => {
    const unknown = await get(url('format=docx', '7d3e6b4e-0000-4000-8000-000000000000'), cookies.admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await get(url(`format=docx&region=${otherRegionId}`), cookies.admin)).statusCode).toBe(404);
    const format = await get(url('format=xlsx'), cookies.admin);
    expect(format.statusCode).toBe(400);
    expect(format.json().errors.map((e: { field: string }) => e.field)).toContain('format');
    expect((await get(url('region=x&format=docx'), cookies.admin)).statusCode).toBe(400);
    expect((await get(url(''), cookies.admin)).statusCode).toBe(400);
  });
});

describe("the round's political case", () => {
  const casesOfRound = async () =>
    (
      await t.database.db
        .select({ n: count() })
        .from(reportingRoundCases)
        .where(eq(reportingRoundCases.roundId, roundId))
    )[0]?.n;

  it('is refused to all but the admin, and for an unknown round, with nothing made', async () => {
    const before = await t.database.db.select({ n: count() }).from(politicalCases);
    for (const cookie of [cookies.viewer, cookies.department, cookies.region])
      expect((await post(`/api/v1/reporting-rounds/${roundId}/case`, cookie)).statusCode).toBe(403);
    const unknown = await post(
      '/api/v1/reporting-rounds/7d3e6b4e-0000-4000-8000-000000000000/case',
      cookies.admin,
    );
    expect(unknown.statusCode).toBe(404);
    const meeting = await post(`/api/v1/reporting-rounds/${roundId}/case`, cookies.admin, {
      meetingId: '7d3e6b4e-0000-4000-8000-000000000000',
    });
    expect(meeting.statusCode).toBe(400);
    expect(await t.database.db.select({ n: count() }).from(politicalCases)).toEqual(before);
    expect(await casesOfRound()).toBe(0);
  });

  it('is made in one action for the executive board, listing the report, audited, and only once while open', async () => {
    const res = await post(`/api/v1/reporting-rounds/${roundId}/case`, cookies.admin);
    expect(res.statusCode).toBe(201);
    const made = res.json() as PoliticalCase;
    expect(made.title).toBe('Årsrapport Rapport med frist 2023-02-01 for partnerskapsavtalene');
    expect(made.agreements).toEqual([]);
    expect(made.decisionPoints.map((p) => p.text)[0]).toBe(
      'Fylkesrådet tar årsrapporten «Rapport med frist 2023-02-01» for oppfølgingen av partnerskapsavtalene til orientering.',
    );
    expect(made.treatments).toHaveLength(1);
    expect(made.treatments[0]?.role).toBe('decide');
    const facts = JSON.stringify(made.facts);
    expect(facts).toContain('Vedlegg');
    expect(facts).toContain(
      'Rapport med frist 2023-02-01: oppfølging av partnerskapsavtalene (årsrapport, DOCX eller PDF)',
    );
    expect(facts).toContain('Indre Østfold');
    expect(facts).toContain('Næringshage i Askim (Forsinket)');
    expect(facts).toContain('samlet framdrift 39,1 % (vektet etter budsjett)');
    // The case reads back through the cases' own route.
    const read = await get(`/api/v1/cases/${made.id}`, cookies.admin);
    expect(read.statusCode).toBe(200);
    expect(read.json().title).toBe(made.title);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, made.id), like(auditEvents.action, 'reportingRound.case')));
    expect(audit).toHaveLength(1);

    const again = await post(`/api/v1/reporting-rounds/${roundId}/case`, cookies.admin);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe('validation.roundInOpenCase');
    expect(await casesOfRound()).toBe(1);
    const named = await t.database.db
      .select({ n: count() })
      .from(politicalCases)
      .where(eq(politicalCases.title, made.title));
    expect(named[0]?.n).toBe(1);
  });
});
