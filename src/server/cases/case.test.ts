import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { BodyList, BodyMeeting } from '../../shared/contracts/bodies.js';
import type { BatchPlan, PoliticalCase } from '../../shared/contracts/cases.js';
import { agreementDivergences } from '../adoption/adoption.table.js';
import { loadAgreementDocumentData } from '../agreement-document/agreement-document-data.js';
import { readDocx, readPdfPages, squash } from '../documents/testing/read-document.js';
import { hearings } from '../hearings/hearing.table.js';
import {
  type MeetingCookies,
  meetingRequests,
  signInMeetingRoles,
  unknownId,
} from '../meetings/meeting.fixtures.js';
import { casesFixture, readyAgreement } from './case.fixtures.js';
import { caseDocument } from './case-document.js';
import { loadCase } from './case-reads.js';

let t: TestApp;
let cookies: MeetingCookies;
let fx: Awaited<ReturnType<typeof casesFixture>>;
let boardMeeting: BodyMeeting;
let councilMeeting: BodyMeeting;
let made: PoliticalCase;
const { req, refused, ok } = meetingRequests(() => t);

beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
  fx = await casesFixture(t);
  const bodies = (await ok<BodyList>('GET', '/api/v1/bodies', cookies.admin)).items;
  const board = bodies.find((b) => b.kind === 'executive_board');
  const council = bodies.find((b) => b.kind === 'county_council');
  if (!board || !council) throw new Error('county bodies missing');
  boardMeeting = await ok<BodyMeeting>('POST', `/api/v1/bodies/${board.id}/meetings`, cookies.admin, {
    date: '2099-10-22',
    documentsDue: '2099-10-08',
  });
  councilMeeting = await ok<BodyMeeting>('POST', `/api/v1/bodies/${council.id}/meetings`, cookies.admin, {
    date: '2099-11-12',
  });
});
afterAll(async () => t.close());

describe('the batch planner', () => {
  it('lists each agreement ready or with what it lacks, and the board meetings still within reach', async () => {
    const plan = await ok<BatchPlan>('GET', `/api/v1/cycles/${fx.cycle.id}/batch-plan`, cookies.admin);
    expect(plan.reachableMeetings.map((m) => m.id)).toContain(boardMeeting.id);
    expect(plan.reachableMeetings.map((m) => m.id)).not.toContain(councilMeeting.id);
    const byId = new Map(plan.agreements.map((a) => [a.agreementId, a]));
    expect(byId.get(fx.own.id)).toMatchObject({ ready: true, reasons: [], caseId: null });
    expect(byId.get(fx.other.id)).toMatchObject({
      ready: false,
      reasons: ['finalMeetingNotHeld', 'specialPartNotAgreed'],
    });
    await refused(() => req('GET', `/api/v1/cycles/${fx.cycle.id}/batch-plan`, cookies.viewer), 403);
    await refused(() => req('GET', `/api/v1/cycles/${unknownId}/batch-plan`, cookies.admin), 404);
  });
});

describe('a case for the executive board', () => {
  it('refuses an agreement that is not ready, naming its region, and a meeting of another body', async () => {
    await refused(
      () =>
        req('POST', '/api/v1/cases', cookies.admin, {
          cycleId: fx.cycle.id,
          agreementIds: [fx.own.id, fx.other.id],
        }),
      400,
      [['agreementIds', 'validation.agreementNotReady']],
    );
    const res = await req('POST', '/api/v1/cases', cookies.admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.other.id],
    });
    expect((res.json() as { errors: { message: string }[] }).errors[0]?.message).toContain('Hallingdal');
    await refused(
      () =>
        req('POST', '/api/v1/cases', cookies.admin, {
          cycleId: fx.cycle.id,
          agreementIds: [fx.own.id],
          meetingId: councilMeeting.id,
        }),
      400,
      [['meetingId', 'validation.unknownBodyMeeting']],
    );
    await refused(
      () => req('POST', '/api/v1/cases', cookies.admin, { cycleId: fx.cycle.id, agreementIds: [] }),
      400,
      [['agreementIds', 'validation.chooseAgreements']],
    );
    await refused(
      () =>
        req('POST', '/api/v1/cases', cookies.department, { cycleId: fx.cycle.id, agreementIds: [fx.own.id] }),
      403,
    );
  });

  it('writes the case from the live process and marks what the template filled', async () => {
    made = await ok<PoliticalCase>('POST', '/api/v1/cases', cookies.admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.own.id],
      meetingId: boardMeeting.id,
    });
    expect(made.title).toBe('Partnerskapsavtale med Indre Østfold regionråd');
    expect(made.agreements.map((a) => a.regionName)).toEqual(['Indre Østfold regionråd']);
    expect(made.decisionPoints.map((p) => p.fromTemplate)).toEqual(made.decisionPoints.map(() => true));
    expect(made.decisionPoints[0]?.text).toBe(
      'Fylkesrådet godkjenner partnerskapsavtalen med Indre Østfold regionråd, generell og spesiell del, slik den fremkommer i vedleggene.',
    );
    expect(made.templateFilled).toEqual([
      'title',
      'background',
      'facts',
      'alternatives',
      'assessment',
      'consequences',
      'authority',
    ]);
    const facts = JSON.stringify(made.facts);
    expect(facts).toContain('Generell del versjon 1 ble godkjent 20.02.2025 (sak 12/25).');
    expect(facts).toContain('fellesmøte 18.03.2025');
    expect(facts).toContain('Spesiell del versjon 1 ble avtalt');
    expect(made.treatments).toMatchObject([
      {
        bodyName: 'Fylkesrådet',
        role: 'decide',
        meeting: { id: boardMeeting.id, date: '2099-10-22' },
        caseNumber: null,
      },
    ]);
    expect(await auditTrail(t, 'case', made.id)).toMatchObject([{ action: 'case.create' }]);
  });

  it('keeps an agreement in one open case of the board', async () => {
    await refused(
      () => req('POST', '/api/v1/cases', cookies.admin, { cycleId: fx.cycle.id, agreementIds: [fx.own.id] }),
      400,
      [['agreementIds', 'validation.agreementInOpenCase']],
    );
    const plan = await ok<BatchPlan>('GET', `/api/v1/cycles/${fx.cycle.id}/batch-plan`, cookies.admin);
    expect(plan.agreements.find((a) => a.agreementId === fx.own.id)).toMatchObject({
      ready: false,
      reasons: ['inOpenCase'],
      caseId: made.id,
    });
  });

  it('is read by the county’s people and not by region contacts', async () => {
    await ok('GET', `/api/v1/cases/${made.id}`, cookies.department);
    await ok('GET', `/api/v1/cases?cycleId=${fx.cycle.id}`, cookies.viewer);
    await refused(() => req('GET', `/api/v1/cases/${made.id}`, cookies.region), 403);
    await refused(() => req('GET', `/api/v1/cases/${unknownId}`, cookies.admin), 404);
  });
});

describe('editing a case', () => {
  it('edits and reorders decision points, keeping the template mark only on untouched ones', async () => {
    const [first, second, ...rest] = made.decisionPoints;
    if (!first || !second) throw new Error('points missing');
    const url = `/api/v1/cases/${made.id}/decision-points`;
    await refused(
      () => req('PUT', url, cookies.admin, { points: [{ text: '   ' }], version: made.version }),
      400,
      [['points.0.text', 'validation.required']],
    );
    await refused(() => req('PUT', url, cookies.admin, { points: [], version: made.version }), 400, [
      ['points', 'validation.decisionPointsRequired'],
    ]);
    const edited = await ok<PoliticalCase>('PUT', url, cookies.admin, {
      points: [
        { id: second.id, text: second.text },
        { id: first.id, text: `${first.text} Avtalen signeres av fylkesordføreren.` },
        ...rest.map((p) => ({ id: p.id, text: p.text })),
      ],
      version: made.version,
    });
    expect(edited.decisionPoints.map((p) => p.fromTemplate)).toEqual([true, false, ...rest.map(() => true)]);
    expect(edited.decisionPoints[1]?.text).toContain('signeres av fylkesordføreren');
    await refused(
      () => req('PUT', url, cookies.admin, { points: [{ text: 'x' }], version: made.version }),
      409,
    );
    made = edited;
  });

  it('unmarks a part once edited, and keeps the archive number well formed and unique', async () => {
    const body = {
      title: made.title,
      archiveReference: '2099/1234',
      background: made.background,
      facts: made.facts,
      alternatives: made.alternatives,
      assessment: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fylkesrådet anbefaler avtalen.' }] }],
      },
      consequences: made.consequences,
      authority: made.authority,
      signerName: 'Tonje Brenna',
      signerTitle: 'fylkesrådsleder',
      signedOn: '2099-10-01',
      version: made.version,
    };
    await refused(
      () => req('PUT', `/api/v1/cases/${made.id}`, cookies.admin, { ...body, archiveReference: '1234' }),
      400,
      [['archiveReference', 'validation.archiveReference']],
    );
    const updated = await ok<PoliticalCase>('PUT', `/api/v1/cases/${made.id}`, cookies.admin, body);
    expect(updated.archiveReference).toBe('2099/1234');
    expect(updated.templateFilled).not.toContain('assessment');
    expect(updated.templateFilled).toContain('facts');
    expect(updated.signer).toEqual({ name: 'Tonje Brenna', title: 'fylkesrådsleder', date: '2099-10-01' });
    made = updated;
  });

  it('gives the treatment its case number, unique in the body and year', async () => {
    const treatment = made.treatments[0];
    if (!treatment) throw new Error('no treatment');
    const url = `/api/v1/cases/${made.id}/treatments/${treatment.id}`;
    await refused(
      () => req('PUT', url, cookies.admin, { meetingId: boardMeeting.id, caseNumber: '123-20', version: 1 }),
      400,
      [['caseNumber', 'validation.bodyCaseNumber']],
    );
    made = await ok<PoliticalCase>('PUT', url, cookies.admin, {
      meetingId: boardMeeting.id,
      caseNumber: '123/99',
      version: 1,
    });
    expect(made.treatments[0]?.caseNumber).toBe('123/99');

    await readyAgreement(t, fx.cycle.id, fx.other.id);
    const second = await ok<PoliticalCase>('POST', '/api/v1/cases', cookies.admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.other.id],
    });
    const other = second.treatments[0];
    if (!other) throw new Error('no treatment');
    await refused(
      () =>
        req('PUT', `/api/v1/cases/${second.id}/treatments/${other.id}`, cookies.admin, {
          meetingId: boardMeeting.id,
          caseNumber: '123/99',
          version: 1,
        }),
      400,
      [['caseNumber', 'validation.caseNumberTaken']],
    );
  });
});

describe('the county council’s case', () => {
  it('is made from the board’s case in one action, once', async () => {
    const council = await ok<PoliticalCase>('POST', `/api/v1/cases/${made.id}/council-case`, cookies.admin);
    expect(council.sourceCaseId).toBe(made.id);
    expect(council.treatments).toMatchObject([
      { bodyName: 'Fylkestinget', role: 'information', meeting: null },
    ]);
    expect(council.decisionPoints.map((p) => p.text)).toEqual([
      'Fylkestinget tar partnerskapsavtalen med Indre Østfold regionråd til orientering.',
    ]);
    expect(council.assessment).toEqual(made.assessment);
    const source = await ok<PoliticalCase>('GET', `/api/v1/cases/${made.id}`, cookies.admin);
    expect(source.followUpCaseId).toBe(council.id);
    await refused(() => req('POST', `/api/v1/cases/${made.id}/council-case`, cookies.admin), 409);
    await refused(() => req('POST', `/api/v1/cases/${council.id}/council-case`, cookies.admin), 409);
  });
});

describe('decisions', () => {
  it('refuses a decision dated before its meeting, a missing changed text and an outcome unfit for the role', async () => {
    const treatment = made.treatments[0];
    if (!treatment) throw new Error('no treatment');
    const url = `/api/v1/cases/${made.id}/treatments/${treatment.id}/decision`;
    const base = { decisionText: 'Fylkesrådet godkjenner avtalen.', version: treatment.version };
    await refused(
      () => req('POST', url, cookies.admin, { ...base, outcome: 'adopted', decidedOn: '2099-10-21' }),
      400,
      [['decidedOn', 'validation.decisionBeforeMeeting']],
    );
    await refused(
      () =>
        req('POST', url, cookies.admin, {
          ...base,
          outcome: 'adopted_with_changes',
          decidedOn: '2099-10-22',
        }),
      400,
      [['changedText', 'validation.changedTextRequired']],
    );
    await refused(
      () => req('POST', url, cookies.admin, { ...base, outcome: 'information', decidedOn: '2099-10-22' }),
      400,
      [['outcome', 'validation.outcomeForRole']],
    );
    await refused(
      () =>
        req('POST', url, cookies.admin, {
          ...base,
          outcome: 'postponed',
          decidedOn: '2099-10-22',
          postponedToMeetingId: councilMeeting.id,
        }),
      400,
      [['postponedToMeetingId', 'validation.postponeLater']],
    );
    await refused(
      () => req('POST', url, cookies.region, { ...base, outcome: 'adopted', decidedOn: '2099-10-22' }),
      403,
    );
  });

  it('postpones to a later meeting of the body, then records adoption with changes and a vote', async () => {
    const board = made.treatments[0];
    if (!board) throw new Error('no treatment');
    const later = await ok<BodyMeeting>('POST', `/api/v1/bodies/${board.bodyId}/meetings`, cookies.admin, {
      date: '2099-11-19',
    });
    const url = `/api/v1/cases/${made.id}/treatments/${board.id}/decision`;
    const postponed = await ok<PoliticalCase>('POST', url, cookies.admin, {
      outcome: 'postponed',
      decidedOn: '2099-10-22',
      postponedToMeetingId: later.id,
      version: board.version,
    });
    const moved = postponed.treatments[0];
    expect(moved).toMatchObject({
      meeting: { id: later.id, date: '2099-11-19' },
      decision: { outcome: 'postponed' },
    });
    const decided = await ok<PoliticalCase>('POST', url, cookies.admin, {
      outcome: 'adopted_with_changes',
      decisionText: 'Fylkesrådet godkjenner avtalen med endringen i punkt 2.',
      changedText: 'Tiltaket om bredbånd tas ut av spesiell del.',
      decidedOn: '2099-11-19',
      unanimous: false,
      votesFor: 7,
      votesAgainst: 2,
      version: moved?.version,
    });
    expect(decided.treatments[0]?.decision).toMatchObject({
      outcome: 'adopted_with_changes',
      decidedOn: '2099-11-19',
      unanimous: false,
      votes: { for: 7, against: 2, blank: 0 },
      recordedBy: t.actors.admin.name,
    });
    const divergences = await t.database.db
      .select()
      .from(agreementDivergences)
      .where(eq(agreementDivergences.agreementId, fx.own.id));
    expect(divergences).toMatchObject([
      {
        treatmentId: board.id,
        changedText: 'Tiltaket om bredbånd tas ut av spesiell del.',
        resolution: null,
      },
    ]);
    await refused(
      () =>
        req('POST', url, cookies.admin, {
          outcome: 'adopted',
          decisionText: 'x',
          decidedOn: '2099-11-19',
          version: decided.treatments[0]?.version,
        }),
      409,
    );
    // Approved by the board, the agreement goes on to the councils, not into a new case.
    const plan = await ok<BatchPlan>('GET', `/api/v1/cycles/${fx.cycle.id}/batch-plan`, cookies.admin);
    expect(plan.agreements.find((a) => a.agreementId === fx.own.id)).toMatchObject({
      ready: false,
      reasons: ['approvedByBoard'],
    });
    expect((await auditTrail(t, 'caseTreatment', board.id)).map((e) => e.action)).toEqual([
      'caseTreatment.update',
      'caseTreatment.decide',
      'caseTreatment.decide',
    ]);
    made = decided;
  });

  it('takes the council’s case for information at its meeting', async () => {
    const source = await ok<PoliticalCase>('GET', `/api/v1/cases/${made.id}`, cookies.admin);
    const council = await ok<PoliticalCase>('GET', `/api/v1/cases/${source.followUpCaseId}`, cookies.admin);
    const treatment = council.treatments[0];
    if (!treatment) throw new Error('no treatment');
    const decideUrl = `/api/v1/cases/${council.id}/treatments/${treatment.id}/decision`;
    const body = {
      outcome: 'information',
      decisionText: 'Fylkestinget tar saken til orientering.',
      decidedOn: '2099-11-12',
    };
    await refused(() => req('POST', decideUrl, cookies.admin, { ...body, version: treatment.version }), 409);
    const planned = await ok<PoliticalCase>(
      'PUT',
      `/api/v1/cases/${council.id}/treatments/${treatment.id}`,
      cookies.admin,
      {
        meetingId: councilMeeting.id,
        caseNumber: '45/99',
        version: treatment.version,
      },
    );
    const taken = await ok<PoliticalCase>('POST', decideUrl, cookies.admin, {
      ...body,
      version: planned.treatments[0]?.version,
    });
    expect(taken.treatments[0]?.decision).toMatchObject({
      outcome: 'information',
      unanimous: true,
      votes: null,
    });
  });
});

describe('the case document', () => {
  it('is a DOCX with the seed’s headings in order, the header table and the decision points', async () => {
    const res = await req('GET', `/api/v1/cases/${made.id}/document?format=docx`, cookies.viewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.docx');
    const text = squash(readDocx(res.rawPayload).body);
    const order = [
      'Partnerskapsavtale med Indre Østfold regionråd',
      'Fylkesrådens forslag til vedtak/innstilling',
      'Fylkesrådet godkjenner partnerskapsavtalen med Indre Østfold regionråd',
      '01.10.2099 Tonje Brenna fylkesrådsleder',
      'Behandlet av Møtedato Utvalgssaksnr.',
      'Fylkesrådet 19.11.2099 123/99',
      'Bakgrunn for saken',
      'Fakta',
      'Problemstillinger og alternative løsninger',
      'Vurdering',
      'Fylkesrådet anbefaler avtalen.',
      'Konsekvenser',
      'Vedtakskompetanse',
      'Reglement for delegering og innstilling, punkt 3.5.2, c',
      'Vedlegg',
      'Partnerskapsavtale med Indre Østfold regionråd, generell og spesiell del',
      'Innspillsoppsummering – formell høring av generell del, versjon 1',
      // The agreement itself follows as the appendix: its facts, general part, special part, the adopters.
      'Vedlegg 1: Partnerskapsavtale med Indre Østfold regionråd',
      'Indre Østfold regionråd',
      'Generell del',
      'Spesiell del',
      'Behandling og vedtak',
      // Then the general part's hearing: each region's input, with the county's final answers only.
      'Vedlegg 2: Innspillsoppsummering – formell høring av generell del, versjon 1',
      'Indre Østfold ber om at samferdsel får et eget avsnitt.',
      'Tatt til orientering',
      'Samferdsel omtales i den spesielle delen.',
      'Hallingdal ønsker mer om reiseliv.',
      'Ikke besvart',
    ];
    let at = -1;
    for (const words of order) {
      const next = text.indexOf(words, at + 1);
      expect(next, `"${words}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(text).toContain('Arkivsak 2099/1234');
    // A draft answer is the county's working paper, not something the politicians decide on.
    expect(text).not.toContain('Utkast som ikke er avgjort.');
  });

  it('names the closed hearings whose summaries it attaches, and attaches none while a hearing is open', async () => {
    const c = await ok<PoliticalCase>('GET', `/api/v1/cases/${made.id}`, cookies.department);
    expect(c.hearingSummaries).toEqual([
      { hearingId: fx.hearing.id, kind: 'formal', versionNumber: 1, deadline: expect.any(String) },
    ]);
    // The same cycle with its deadline moved back into the future: the hearing is open, so not attached.
    const db = t.database.db;
    const [row] = await db.select().from(hearings).where(eq(hearings.id, fx.hearing.id));
    if (!row) throw new Error('no hearing');
    await db.update(hearings).set({ deadline: '2999-01-01' }).where(eq(hearings.id, fx.hearing.id));
    try {
      expect((await loadCase(db, made.id)).hearingSummaries).toEqual([]);
    } finally {
      await db.update(hearings).set({ deadline: row.deadline }).where(eq(hearings.id, fx.hearing.id));
    }
  });

  it('is a PDF with the same words', async () => {
    const res = await req('GET', `/api/v1/cases/${made.id}/document?format=pdf`, cookies.admin);
    expect(res.statusCode).toBe(200);
    const text = squash((await readPdfPages(res.rawPayload)).join(' '));
    expect(text).toContain('Fylkesrådens forslag til vedtak/innstilling');
    expect(text).toContain('Vedtakskompetanse');
    expect(text).toContain('Vedlegg 1: Partnerskapsavtale med Indre Østfold regionråd');
    await refused(() => req('GET', `/api/v1/cases/${made.id}/document?format=pdf`, cookies.region), 403);
  });

  it('carries every agreement of the batch as its own appendix, in the case’s order', async () => {
    const db = t.database.db;
    const c = await loadCase(db, made.id);
    const own = await loadAgreementDocumentData(db, fx.own.id);
    const other = await loadAgreementDocumentData(db, fx.other.id);
    const model = caseDocument(c, 'Viken fylkeskommune', [own, other]);
    const headings = model.body.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b] : []));
    const appendices = headings.filter((h) => h.text.startsWith('Vedlegg '));
    expect(appendices.map((h) => [h.text, h.pageBreakBefore])).toEqual([
      ['Vedlegg 1: Partnerskapsavtale med Indre Østfold regionråd', true],
      ['Vedlegg 2: Partnerskapsavtale med Regionrådet for Hallingdal', true],
    ]);
    // Each appendix holds its agreement's parts, one heading level below the appendix's.
    const at = (text: string) => model.body.findIndex((b) => b.type === 'heading' && b.text === text);
    const second = at('Vedlegg 2: Partnerskapsavtale med Regionrådet for Hallingdal');
    const specials = model.body.flatMap((b, i) =>
      b.type === 'heading' && /^(Spesiell|Særskild) del$/.test(b.text) ? [[i, b.level]] : [],
    );
    expect(specials).toHaveLength(2);
    expect(specials[0]?.[0]).toBeLessThan(second);
    expect(specials[1]?.[0]).toBeGreaterThan(second);
    expect(specials.every(([, level]) => level === 2)).toBe(true);
  });
});
