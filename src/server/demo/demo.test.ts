import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { openTestDatabase } from '../../../test/support/database.js';
import type { Cycle, GeneralPart, GeneralPartVersion } from '../../shared/contracts/general-part.js';
import type { InputSummary } from '../../shared/contracts/hearing-summary.js';
import type { HearingInput, HearingSummary } from '../../shared/contracts/hearings.js';
import { toPlainText } from '../../shared/contracts/rich-text.js';
import { auditEvents } from '../audit/audit.table.js';
import { mailOutbox } from '../mail/mail.table.js';
import { demoCycle } from './demo-general-part.js';
import { formalHearing, informalHearing } from './demo-hearing-inputs.js';
import { loadDemo } from './load-demo.js';

let t: TestApp;
let admin: string;
let cycle: Cycle;
let part: GeneralPart;
let v1: GeneralPartVersion;
let v2: GeneralPartVersion;
let informal: HearingSummary;
let formal: HearingSummary;

async function get<T>(url: string, cookie = admin): Promise<T> {
  const res = await t.request({ method: 'GET', url, cookie });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
  const cycles = await get<{ items: Cycle[] }>('/api/v1/cycles');
  const found = cycles.items.find((c) => c.name === demoCycle.name);
  if (!found) throw new Error('no demo cycle');
  cycle = found;
  part = await get<GeneralPart>(`/api/v1/cycles/${cycle.id}/general-part`);
  const byNumber = (n: number) => part.versions.find((v) => v.number === n)?.id ?? 'none';
  v1 = await get<GeneralPartVersion>(`/api/v1/general-part-versions/${byNumber(1)}`);
  v2 = await get<GeneralPartVersion>(`/api/v1/general-part-versions/${byNumber(2)}`);
  const hearings = await get<{ items: HearingSummary[] }>(`/api/v1/hearings?cycle=${cycle.id}`);
  const ofKind = (kind: string) => {
    const h = hearings.items.find((x) => x.kind === kind);
    if (!h) throw new Error(`no ${kind} hearing`);
    return h;
  };
  informal = ofKind('informal');
  formal = ofKind('formal');
});

afterAll(async () => {
  await t.close();
});

describe('the demo cycle and its general part', () => {
  it('has the active cycle 2021–2024', () => {
    expect(cycle).toMatchObject({
      name: 'Partnerskapsavtaler 2021–2024',
      periodFrom: '2021-01-01',
      periodTo: '2024-12-31',
      status: 'active',
    });
  });

  it('has version 2 approved by Fylkesrådet on 22.10.2020 as the current general part', () => {
    expect(part.versions.map((v) => v.number).sort()).toEqual([1, 2]);
    expect(part.currentVersionId).toBe(v2.id);
    expect(part.draftVersionId).toBeNull();
    expect(v2.state).toBe('approved');
    expect(v2.basedOnVersionId).toBe(v1.id);
    expect(v2.approval).toMatchObject({
      date: '2020-10-22',
      body: 'Fylkesrådet',
      caseNumber: '123/20',
      decisionText:
        'Fylkesrådet godkjenner partnerskapsavtalens generelle del slik den fremkommer i vedlegget.',
      recordedBy: { name: 'Prosesskoordinator (demo)' },
    });
  });

  it('dates the story as it happened in 2020: version 1 before its hearings, version 2 before its approval', () => {
    expect(v1.createdAt < informal.openedAt).toBe(true);
    expect(informal.openedAt < formal.openedAt).toBe(true);
    expect(formal.closesAt < v2.createdAt).toBe(true);
    expect(v2.createdAt.slice(0, 10)).toBe('2020-09-21');
    expect(v2.approval?.recordedAt.slice(0, 10)).toBe('2020-10-23');
  });

  it('keeps version 1 frozen as it went on hearing: it was never approved, so it is not superseded', () => {
    // Only an approved version is ever superseded (approve-version.ts, and a CHECK in the table).
    expect(v1.state).toBe('on_hearing');
    expect(v1.approval).toBeNull();
  });

  it('fills the five required sections with Norwegian text, bold words, lists and a table', () => {
    for (const version of [v1, v2]) {
      expect(version.sections.map((s) => [s.key, s.title])).toEqual([
        ['parties', 'Avtalepartnere'],
        ['period', 'Avtaleperiode'],
        ['purpose', 'Formål'],
        ['anchoring', 'Forankring'],
        ['implementation', 'Gjennomføring'],
      ]);
      for (const s of version.sections) expect(toPlainText(s.body).length).toBeGreaterThan(200);
    }
    const json = JSON.stringify(v1.sections.map((s) => s.body));
    expect(json).toContain('"type":"bold"');
    expect(json).toContain('"type":"bulletList"');
    expect(json).toContain('"type":"table"');
    const text = v1.sections.map((s) => toPlainText(s.body)).join('\n');
    for (const words of [
      'Viken fylkeskommune',
      '1. januar 2021 til 31. desember 2024',
      'Likeverdighet',
      'Skreddersøm',
      'Gjøre en forskjell',
      '30. april 2020',
      'regional planstrategi',
      'kommunestyre',
      'årlig partnerskapsmøte',
      'eier sin del',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('compares version 1 and 2: every section took something in', async () => {
    const comparison = await get<{ sections: { key: string; status: string }[] }>(
      `/api/v1/general-part-versions/compare?from=${v1.id}&to=${v2.id}`,
    );
    expect(comparison.sections.map((s) => [s.key, s.status])).toEqual([
      ['parties', 'changed'],
      ['period', 'changed'],
      ['purpose', 'changed'],
      ['anchoring', 'changed'],
      ['implementation', 'changed'],
    ]);
  });
});

describe('the demo hearings', () => {
  it('lists an informal and a formal hearing on version 1, both closed, with 2020 deadlines', () => {
    expect(informal).toMatchObject({
      versionId: v1.id,
      state: 'closed',
      deadline: '2020-06-12',
      daysLeft: null,
    });
    expect(formal).toMatchObject({
      versionId: v1.id,
      state: 'closed',
      deadline: '2020-09-15',
      daysLeft: null,
    });
    expect(formal.openedAt).toBe(new Date('2020-06-24T09:00:00+02:00').toISOString());
    expect(formal.counts.invitedRegions).toBe(12);
  });

  it('answered every input of the informal hearing', () => {
    expect(informal.counts).toMatchObject({
      inputs: informalHearing.inputs.length,
      regionsWithInput: 4,
      unanswered: 0,
    });
  });

  it('has input to the formal hearing from at least eight regions, most of it answered', async () => {
    expect(formal.counts.regionsWithInput).toBeGreaterThanOrEqual(8);
    expect(formal.counts).toMatchObject({
      inputs: formalHearing.inputs.length,
      lateInputs: 1,
      unanswered: 2,
    });
    const inputs = await get<{ items: HearingInput[] }>(`/api/v1/hearings/${formal.id}/inputs`);
    expect(inputs.items).toHaveLength(formalHearing.inputs.length);
    const hallingdal = inputs.items.filter((i) => i.region.name === 'Regionrådet for Hallingdal');
    expect(hallingdal.length).toBeGreaterThan(0);
    // Nynorsk: Hallingdal writes in its own written standard.
    for (const input of hallingdal) expect(input.text).toMatch(/\b(ikkje|dei|meiner)\b/);
    expect(inputs.items.filter((i) => i.sectionKey === null).length).toBeGreaterThan(0);
    expect(inputs.items.filter((i) => i.sectionKey !== null).length).toBeGreaterThan(0);
    const late = inputs.items.filter((i) => i.late);
    expect(late.map((i) => i.region.name)).toEqual(['Regionrådet for Hadeland']);
    expect(late[0]?.submittedBy?.name).toBe('Prosesskoordinator (demo)');
  });

  it('answers input in every way, and links what was taken in to changed sections of version 2', async () => {
    const inputs = await get<{ items: HearingInput[] }>(`/api/v1/hearings/${formal.id}/inputs`);
    const outcomes = new Set(inputs.items.flatMap((i) => (i.disposition ? [i.disposition.outcome] : [])));
    expect([...outcomes].sort()).toEqual(['not_taken_in', 'noted', 'partly_taken_in', 'taken_in']);
    const bodyOf = (v: GeneralPartVersion, key: string) =>
      toPlainText(v.sections.find((s) => s.key === key)?.body ?? { type: 'doc', content: [] });
    const linked = inputs.items.flatMap((i) => (i.disposition?.takenIn ? [i.disposition.takenIn] : []));
    expect(linked.length).toBeGreaterThanOrEqual(8);
    for (const takenIn of linked) {
      expect(takenIn).toMatchObject({ versionId: v2.id, versionNumber: 2 });
      if (takenIn.sectionKey) expect(bodyOf(v2, takenIn.sectionKey)).not.toBe(bodyOf(v1, takenIn.sectionKey));
    }
    const shared = inputs.items.filter((i) => i.disposition && i.disposition.inputIds.length > 1);
    expect(shared.map((i) => i.region.name).sort()).toEqual([
      'Indre Østfold regionråd',
      'Ringeriksregionen interkommunale politiske råd',
    ]);
    // Answered after the deadline, before the case went to the executive board on 22.10.2020.
    for (const input of inputs.items) {
      if (input.disposition) expect(input.disposition.decidedAt.slice(0, 10)).toBe('2020-09-30');
    }
    const assigned = inputs.items.find((i) => i.disposition?.assignedDepartment);
    expect(assigned?.disposition).toMatchObject({ final: false, assignedDepartment: { name: 'Samferdsel' } });
  });

  it('gives the formal hearing an input summary for the political case, to admin and to an invited region', async () => {
    const summary = await get<InputSummary>(`/api/v1/hearings/${formal.id}/summary`);
    expect(summary.hearing.id).toBe(formal.id);
    expect(summary.sections.map((s) => s.key)).toEqual([
      'parties',
      'period',
      'purpose',
      'anchoring',
      'implementation',
    ]);
    const entries = [...summary.sections.flatMap((s) => s.entries), ...summary.wholeDocument];
    expect(entries).toHaveLength(formalHearing.inputs.length);
    expect(summary.outcomes).toEqual({
      taken_in: 8,
      partly_taken_in: 3,
      not_taken_in: 2,
      noted: 2,
      unanswered: 2,
    });
    const purpose = summary.sections.find((s) => s.key === 'purpose');
    expect(
      purpose?.entries.find((e) => e.region.name === 'Regionrådet for Hallingdal')?.disposition,
    ).toMatchObject({
      outcome: 'partly_taken_in',
      takenIn: { versionNumber: 2, sectionKey: 'purpose', sectionTitle: 'Formål' },
    });

    // A region sees the whole summary once the hearing has closed, with final answers only.
    const region = await t.request({
      method: 'GET',
      url: `/api/v1/hearings/${formal.id}/summary`,
      cookie: await t.cookieFor('hallingdal@demo.partnerskap.no'),
    });
    expect(region.statusCode).toBe(200);
    const seen = region.json() as InputSummary;
    expect(seen.outcomes).toEqual(summary.outcomes);
    const forRegion = [...seen.sections.flatMap((s) => s.entries), ...seen.wholeDocument];
    expect(forRegion.filter((e) => e.disposition === null)).toHaveLength(2);

    const docx = await t.request({
      method: 'GET',
      url: `/api/v1/hearings/${formal.id}/summary?format=docx`,
      cookie: admin,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('sent no e-mail about hearings of 2020', async () => {
    const mails = await t.database.db.select().from(mailOutbox);
    expect(mails).toEqual([]);
  });

  it('recorded every step in the audit trail, by the person who took it', async () => {
    const { db } = t.database;
    const actions = async (action: string) =>
      db
        .select({ actorName: auditEvents.actorName, requestId: auditEvents.requestId })
        .from(auditEvents)
        .where(eq(auditEvents.action, action));
    expect(await actions('cycle.create')).toEqual([
      { actorName: 'Prosesskoordinator (demo)', requestId: 'demo' },
    ]);
    expect(await actions('hearing.open')).toHaveLength(2);
    expect(await actions('input.registerLate')).toHaveLength(1);
    const submitted = await actions('input.submit');
    expect(submitted).toHaveLength(informalHearing.inputs.length + formalHearing.inputs.length - 1);
    expect(
      submitted.filter((e) => e.actorName === 'Kontaktperson Regionrådet for Hallingdal (demo)'),
    ).toHaveLength(3);
    expect(await actions('disposition.create')).toHaveLength(
      informalHearing.dispositions.length + formalHearing.dispositions.length,
    );
    expect(await actions('generalPartVersion.approve')).toHaveLength(1);
  });
});

describe('loading the demo', () => {
  it('loads into an empty database and gives the sign-ins of its users', async () => {
    const database = await openTestDatabase();
    try {
      // How long it takes is for the bench to measure, not a test: on this two-core machine it has taken from
      // under a second to over 40 s.
      const signIns = await loadDemo(database.db, 'demo-passord-123');
      expect(signIns.map((s) => s.email)).toContain('admin@demo.partnerskap.no');
      expect(signIns.map((s) => s.email)).toContain('hallingdal@demo.partnerskap.no');
    } finally {
      await database.close();
    }
  }, 180_000);
});
