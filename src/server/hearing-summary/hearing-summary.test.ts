import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { InputSummary } from '../../shared/contracts/hearing-summary.js';
import { readDocx, readPdfPages, squash } from '../documents/testing/read-document.js';
import { createDraft } from '../general-part/create-draft.js';
import { createDisposition } from '../hearings/create-disposition.js';
import { openedHearing, passDeadline, regionId, unknownId } from '../hearings/hearing.fixtures.js';
import { submitInput } from '../hearings/submit-input.js';
import { withdrawInput } from '../hearings/withdraw-input.js';
import type { Actor } from '../platform/context.js';
import { users } from '../users/user.table.js';

let t: TestApp;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region' | 'otherRegion', string>;

const indre = 'Indre Østfold regionråd';
const hallingdal = 'Regionrådet for Hallingdal';
const kongsberg = 'Kongsbergregionen';

/** A closed formal hearing with input from three regions, answered in every way there is. */
let closed: { hearingId: string; lateInputId: string; withdrawnText: string };

/** The contact of a demo region, as the loader made them (`<slug>@demo.partnerskap.no`). */
async function contactOf(name: string): Promise<Actor> {
  const id = await regionId(t, name);
  const [u] = await t.database.db.select().from(users).where(eq(users.regionId, id));
  if (!u) throw new Error(`no contact for ${name}`);
  return { ...t.actors.region, id: u.id, name: u.name, email: u.email, regionId: id };
}

beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };

  const admin = t.ctx(t.actors.admin);
  const { draft, hearing } = await openedHearing(t);
  const asIndre = t.ctx(t.actors.region);
  const asHallingdal = t.ctx(t.actors.otherRegion);
  const indrePurpose = await submitInput(asIndre, hearing.id, {
    sectionKey: 'purpose',
    text: 'Formålet bør nevne grønn omstilling og kollektivtilbudet på Østlandet.',
  });
  const indreWhole = await submitInput(asIndre, hearing.id, {
    text: 'Dokumentet er langt; lag et sammendrag.',
  });
  const hallingdalPurpose = await submitInput(asHallingdal, hearing.id, {
    sectionKey: 'purpose',
    text: 'Formålet må omfatte reiseliv i fjellregionen.',
  });
  const hallingdalImplementation = await submitInput(asHallingdal, hearing.id, {
    sectionKey: 'implementation',
    text: 'Gjennomføringen trenger årlige partnerskapsmøte.',
  });
  const withdrawnText = 'Dette innspillet ble trukket tilbake.';
  const withdrawn = await submitInput(t.ctx(await contactOf(kongsberg)), hearing.id, {
    sectionKey: 'period',
    text: withdrawnText,
  });
  await withdrawInput(t.ctx(await contactOf(kongsberg)), withdrawn.id, { version: withdrawn.version });
  await passDeadline(t, hearing.id);
  const late = await submitInput(admin, hearing.id, {
    regionId: await regionId(t, kongsberg),
    sectionKey: 'parties',
    text: 'Kongsbergregionen ber om at Flesberg nevnes særskilt.',
  });

  const nextDraft = await createDraft(admin, draft.id);
  await createDisposition(admin, hearing.id, {
    inputIds: [indrePurpose.id],
    outcome: 'taken_in',
    reason: 'Grønn omstilling er tatt inn i formålet.',
    takenInVersionId: nextDraft.id,
    takenInSectionKey: 'purpose',
  });
  await createDisposition(admin, hearing.id, {
    inputIds: [hallingdalPurpose.id],
    outcome: 'partly_taken_in',
    reason: 'Reiseliv nevnes under næringsutvikling.',
  });
  await createDisposition(admin, hearing.id, {
    inputIds: [hallingdalImplementation.id],
    outcome: 'not_taken_in',
    reason: 'Møtene avtales i hver regions særskilte del.',
  });
  await createDisposition(admin, hearing.id, {
    inputIds: [indreWhole.id],
    outcome: 'noted',
    reason: 'Et sammendrag følger saken.',
  });
  await createDisposition(admin, hearing.id, {
    inputIds: [late.id],
    outcome: 'taken_in',
    reason: 'Samferdselsavdelingen vurderer dette.',
    assignedDepartmentId: t.actors.department.departmentId,
  });
  closed = { hearingId: hearing.id, lateInputId: late.id, withdrawnText };
});
afterAll(async () => t.close());

const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });
const summaryUrl = (id: string, format?: string) =>
  `/api/v1/hearings/${id}/summary${format ? `?format=${format}` : ''}`;

const reasons = [
  'Grønn omstilling er tatt inn i formålet.',
  'Reiseliv nevnes under næringsutvikling.',
  'Møtene avtales i hver regions særskilte del.',
  'Et sammendrag følger saken.',
];

describe('the input summary as JSON', () => {
  it('lists every section of the version in order with its input, then the input on the whole document', async () => {
    const res = await get(summaryUrl(closed.hearingId), cookies.admin);
    expect(res.statusCode).toBe(200);
    const summary = res.json() as InputSummary;
    expect(summary.hearing).toMatchObject({
      id: closed.hearingId,
      kind: 'formal',
      versionNumber: 1,
      state: 'closed',
      counts: { invitedRegions: 12, regionsWithInput: 3, inputs: 5, lateInputs: 1, unanswered: 1 },
    });
    expect(summary.hearing.invitedRegions).toHaveLength(12);
    expect(summary.sections.map((s) => [s.key, s.title])).toEqual([
      ['parties', 'Avtalepartnere'],
      ['period', 'Avtaleperiode'],
      ['purpose', 'Formål'],
      ['anchoring', 'Forankring'],
      ['implementation', 'Gjennomføring'],
    ]);
    const byKey = Object.fromEntries(summary.sections.map((s) => [s.key, s.entries]));
    expect(byKey.period).toEqual([]); // the withdrawn input is in nobody's summary
    expect(byKey.purpose?.map((e) => [e.region.name, e.disposition?.outcome])).toEqual([
      [indre, 'taken_in'],
      [hallingdal, 'partly_taken_in'],
    ]);
    expect(byKey.purpose?.[0]?.disposition).toEqual({
      outcome: 'taken_in',
      reason: 'Grønn omstilling er tatt inn i formålet.',
      final: true,
      takenIn: { versionNumber: 2, sectionKey: 'purpose', sectionTitle: 'Formål' },
    });
    expect(byKey.parties?.[0]).toMatchObject({
      inputId: closed.lateInputId,
      region: { name: kongsberg },
      late: true,
      disposition: { outcome: 'taken_in', final: false },
    });
    expect(byKey.implementation?.map((e) => e.disposition?.outcome)).toEqual(['not_taken_in']);
    expect(summary.wholeDocument.map((e) => [e.region.name, e.disposition?.outcome])).toEqual([
      [indre, 'noted'],
    ]);
    // The draft disposition counts as unanswered until it is final.
    expect(summary.outcomes).toEqual({
      taken_in: 1,
      partly_taken_in: 1,
      not_taken_in: 1,
      noted: 1,
      unanswered: 1,
    });
  });

  it('gives the viewer the same summary as the admin', async () => {
    const admin = (await get(summaryUrl(closed.hearingId), cookies.admin)).json() as InputSummary;
    const res = await get(summaryUrl(closed.hearingId), cookies.viewer);
    expect(res.statusCode).toBe(200);
    const viewer = res.json() as InputSummary;
    expect({ ...viewer, generatedAt: '' }).toEqual({ ...admin, generatedAt: '' });
  });

  it('shows an invited region every region’s input once closed, with final dispositions only', async () => {
    const res = await get(summaryUrl(closed.hearingId), cookies.otherRegion);
    expect(res.statusCode).toBe(200);
    const summary = res.json() as InputSummary;
    const entries = [...summary.sections.flatMap((s) => s.entries), ...summary.wholeDocument];
    expect(new Set(entries.map((e) => e.region.name))).toEqual(new Set([indre, hallingdal, kongsberg]));
    expect(entries.find((e) => e.inputId === closed.lateInputId)?.disposition).toBeNull();
    expect(entries.filter((e) => e.disposition).map((e) => e.disposition?.reason)).toEqual(
      expect.arrayContaining(reasons),
    );
    expect(summary.outcomes.unanswered).toBe(1);
  });
});

describe('who may read it', () => {
  it('refuses a region contact while the hearing is open (409, with the reason in their language)', async () => {
    const { hearing } = await openedHearing(t);
    const res = await get(summaryUrl(hearing.id), cookies.region);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([
      {
        field: '_',
        code: 'validation.summaryWhileOpen',
        message: 'Innspillsoppsummeringen blir tilgjengelig for regionene når høringen er avsluttet.',
      },
    ]);
    const file = await get(summaryUrl(hearing.id, 'pdf'), cookies.region);
    expect(file.statusCode).toBe(409);
    // The county's staff follow the input as it comes in.
    expect((await get(summaryUrl(hearing.id), cookies.admin)).statusCode).toBe(200);
    expect((await get(summaryUrl(hearing.id, 'docx'), cookies.viewer)).statusCode).toBe(200);
  });

  it('refuses a region that was not invited (403), a department editor (403) and anyone signed out (401)', async () => {
    const { hearing } = await openedHearing(t, { invitedRegionIds: [t.actors.region.regionId] });
    await passDeadline(t, hearing.id);
    expect((await get(summaryUrl(hearing.id), cookies.region)).statusCode).toBe(200);
    for (const format of [undefined, 'docx', 'pdf']) {
      expect((await get(summaryUrl(hearing.id, format), cookies.otherRegion)).statusCode).toBe(403);
      expect((await get(summaryUrl(hearing.id, format), cookies.department)).statusCode).toBe(403);
      expect((await get(summaryUrl(hearing.id, format))).statusCode).toBe(401);
    }
  });

  it('answers 404 for an unknown hearing and 400 for a format it does not make', async () => {
    expect((await get(summaryUrl(unknownId), cookies.admin)).statusCode).toBe(404);
    expect((await get(summaryUrl(unknownId, 'pdf'), cookies.admin)).statusCode).toBe(404);
    expect((await get(summaryUrl('not-an-id'), cookies.admin)).statusCode).toBe(404);
    const res = await get(summaryUrl(closed.hearingId, 'xlsx'), cookies.admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'format', code: 'validation.invalid' }),
    ]);
  });
});

describe('the input summary as documents', () => {
  const everyRegion = [indre, hallingdal, kongsberg];
  const everyOutcome = ['Tatt inn', 'Delvis tatt inn', 'Ikke tatt inn', 'Tatt til orientering'];
  const everySection = ['Avtalepartnere', 'Avtaleperiode', 'Formål', 'Forankring', 'Gjennomføring'];

  it('downloads a DOCX named for what it is, with every region, disposition, reason and section', async () => {
    const res = await get(summaryUrl(closed.hearingId, 'docx'), cookies.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="Innspillsoppsummering Formell h_ring generell del v1.docx"; ' +
        "filename*=UTF-8''Innspillsoppsummering%20Formell%20h%C3%B8ring%20generell%20del%20v1.docx",
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    const docx = readDocx(res.rawPayload);
    for (const words of [...everyRegion, ...everyOutcome, ...reasons, ...everySection]) {
      expect(docx.body).toContain(words);
    }
    expect(docx.body).toContain('Innspill til hele dokumentet');
    expect(docx.body).toContain('Tatt inn i versjon 2, «Formål».');
    expect(docx.body).toContain('Ingen innspill til denne delen.');
    expect(docx.body).toContain('Tatt inn\n(utkast)');
    expect(docx.body).toContain(`${kongsberg}\n(levert etter fristen)`);
    expect(docx.body).not.toContain(closed.withdrawnText);
    expect(docx.headers).toContain('Viken fylkeskommune');
    expect(docx.headers).toContain('Innspillsoppsummering – formell høring av generell del');
    expect(docx.footers).toContain('Generell del, versjon 1');
  });

  it('downloads a PDF with the same content, text extractable with æøå', async () => {
    const res = await get(summaryUrl(closed.hearingId, 'pdf'), cookies.viewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''Innspillsoppsummering%20Formell%20h%C3%B8ring%20generell%20del%20v1.pdf",
    );
    const pages = await readPdfPages(res.rawPayload);
    const words = squash(pages.join('\n'));
    for (const expected of [...everyRegion, ...everyOutcome, ...reasons.map(squash), ...everySection]) {
      expect(words).toContain(expected);
    }
    expect(words).toContain('Formålet bør nevne grønn omstilling og kollektivtilbudet på Østlandet.');
    expect(words).not.toContain(closed.withdrawnText);
    expect(squash(pages.at(-1) ?? '')).toContain(`Side ${pages.length} av ${pages.length}`);
  });

  it('gives a region contact the document without draft dispositions', async () => {
    const res = await get(summaryUrl(closed.hearingId, 'docx'), cookies.region);
    expect(res.statusCode).toBe(200);
    const docx = readDocx(res.rawPayload);
    for (const words of [...everyRegion, ...reasons]) expect(docx.body).toContain(words);
    expect(docx.body).not.toContain('Samferdselsavdelingen vurderer dette.');
    expect(docx.body).not.toContain('(utkast)');
    expect(docx.body).toContain('Kongsbergregionen ber om at Flesberg nevnes særskilt.');
  });
});
