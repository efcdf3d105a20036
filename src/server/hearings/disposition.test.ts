import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { createDraft } from '../general-part/create-draft.js';
import { filledCycle } from '../general-part/general-part.fixtures.js';
import { departments } from '../registry/registry.table.js';
import { createDisposition } from './create-disposition.js';
import { getOverview } from './get-overview.js';
import { auditOf, openedHearing, passDeadline, unknownId } from './hearing.fixtures.js';
import { listInputs } from './list-inputs.js';
import { submitInput } from './submit-input.js';
import { updateDisposition } from './update-disposition.js';
import { withdrawInput } from './withdraw-input.js';

let t: TestApp;
let cookies: { admin: string; viewer: string; department: string; otherDepartment: string; region: string };
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    otherDepartment: await t.cookieFor('naering@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
});
afterAll(async () => t.close());

const asAdmin = () => t.ctx(t.actors.admin);
const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: unknown) =>
  t.request({ method, url, cookie, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

/**
 * A closed hearing with input from two regions: Indre Østfold on the purpose and on the whole document,
 * Hallingdal on the purpose.
 */
async function closedWithInput() {
  const opened = await openedHearing(t);
  const { hearing } = opened;
  const purpose = await submitInput(t.ctx(t.actors.region), hearing.id, {
    sectionKey: 'purpose',
    text: 'Formålet bør nevne grønn omstilling.',
  });
  const whole = await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Teksten er for lang.' });
  const hallingdal = await submitInput(t.ctx(t.actors.otherRegion), hearing.id, {
    sectionKey: 'purpose',
    text: 'Vi støtter Indre Østfold.',
  });
  await passDeadline(t, hearing.id);
  return { ...opened, purpose, whole, hallingdal };
}

describe('recording dispositions', () => {
  it('answers several inputs at once, audited, and links where they were taken in', async () => {
    const { cycle, draft, hearing, purpose, hallingdal } = await closedWithInput();
    const next = await createDraft(asAdmin(), draft.id);
    const res = await req('POST', `/api/v1/hearings/${hearing.id}/dispositions`, cookies.admin, {
      inputIds: [purpose.id, hallingdal.id],
      outcome: 'taken_in',
      reason: 'Grønn omstilling er tatt inn i formålet.',
      takenInVersionId: next.id,
      takenInSectionKey: 'purpose',
    });
    expect(res.statusCode).toBe(201);
    const disposition = res.json();
    expect(disposition).toMatchObject({
      hearingId: hearing.id,
      inputIds: [purpose.id, hallingdal.id].sort(),
      outcome: 'taken_in',
      reason: 'Grønn omstilling er tatt inn i formålet.',
      final: true,
      assignedDepartment: null,
      takenIn: { versionId: next.id, versionNumber: 2, sectionKey: 'purpose' },
      decidedBy: { id: t.actors.admin.id },
      version: 1,
    });
    expect(cycle.id).toBe(next.cycleId);
    const [event] = await auditOf(t, 'disposition', disposition.id);
    expect(event).toMatchObject({
      action: 'disposition.create',
      after: { inputIds: [purpose.id, hallingdal.id].sort(), outcome: 'taken_in' },
    });
    const [input] = (
      await listInputs(t.ctx(t.actors.region), hearing.id, { region: t.actors.otherRegion.regionId ?? '' })
    ).items;
    expect(input?.disposition).toMatchObject({ id: disposition.id, outcome: 'taken_in' });
  });

  it('refuses dispositions while the hearing is open (409)', async () => {
    const { hearing } = await openedHearing(t);
    const input = await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Innspill.' });
    const before = await snapshot(t.database.db);
    const res = await req('POST', `/api/v1/hearings/${hearing.id}/dispositions`, cookies.admin, {
      inputIds: [input.id],
      outcome: 'noted',
      reason: 'Tatt til orientering.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].code).toBe('validation.hearingStillOpen');
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    const { hearing, purpose, whole, draft } = await closedWithInput();
    await createDisposition(asAdmin(), hearing.id, {
      inputIds: [whole.id],
      outcome: 'noted',
      reason: 'Notert.',
    });
    const { hearing: other, draft: otherDraft } = await openedHearing(t);
    const foreign = await submitInput(t.ctx(t.actors.region), other.id, { text: 'Annen høring.' });
    const { draft: otherCycleDraft } = await filledCycle(t);
    const base = { inputIds: [purpose.id], outcome: 'not_taken_in', reason: 'Passer ikke i generell del.' };
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['no reason', { reason: ' ' }, 'reason', 'validation.required'],
      ['no inputs', { inputIds: [] }, 'inputIds', 'validation.noInputs'],
      ['an unknown outcome', { outcome: 'ignored' }, 'outcome', 'validation.invalid'],
      ['an unknown input', { inputIds: [unknownId] }, 'inputIds', 'validation.unknownInput'],
      ['an input of another hearing', { inputIds: [foreign.id] }, 'inputIds', 'validation.unknownInput'],
      [
        'an input answered already',
        { inputIds: [purpose.id, whole.id] },
        'inputIds',
        'validation.inputHasDisposition',
      ],
      [
        'an unknown department',
        { assignedDepartmentId: unknownId },
        'assignedDepartmentId',
        'validation.unknownDepartment',
      ],
      [
        'a taken-in link on what was not taken in',
        { takenInVersionId: draft.id },
        'takenInVersionId',
        'validation.takenInOutcome',
      ],
      [
        'a section without a version',
        { outcome: 'taken_in', takenInSectionKey: 'purpose' },
        'takenInVersionId',
        'validation.takenInVersionRequired',
      ],
      [
        'a version of another cycle',
        { outcome: 'taken_in', takenInVersionId: otherCycleDraft.id },
        'takenInVersionId',
        'validation.versionNotInCycle',
      ],
      [
        'a section the version lacks',
        { outcome: 'taken_in', takenInVersionId: draft.id, takenInSectionKey: 'climate' },
        'takenInSectionKey',
        'validation.unknownSection',
      ],
    ];
    expect(otherDraft.cycleId).not.toBe(draft.cycleId);
    const before = await snapshot(t.database.db);
    for (const [what, over, field, code] of cases) {
      const res = await req('POST', `/api/v1/hearings/${hearing.id}/dispositions`, cookies.admin, {
        ...base,
        ...over,
      });
      expect(res.statusCode, what).toBe(400);
      expect(res.json().errors, what).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a withdrawn input', async () => {
    const { hearing } = await openedHearing(t);
    const input = await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Trekkes.' });
    await withdrawInput(t.ctx(t.actors.region), input.id);
    await passDeadline(t, hearing.id);
    await expect(
      createDisposition(asAdmin(), hearing.id, { inputIds: [input.id], outcome: 'noted', reason: 'x' }),
    ).rejects.toMatchObject({ fields: [{ field: 'inputIds', code: 'validation.inputWithdrawn' }] });
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const { hearing, purpose } = await closedWithInput();
    const payload = { inputIds: [purpose.id], outcome: 'noted', reason: 'Notert.' };
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(createDisposition(t.ctx(actor), hearing.id, payload)).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    for (const cookie of [cookies.viewer, cookies.department, cookies.region]) {
      expect(
        (await req('POST', `/api/v1/hearings/${hearing.id}/dispositions`, cookie, payload)).statusCode,
      ).toBe(403);
    }
    expect((await req('POST', `/api/v1/hearings/${hearing.id}/dispositions`, '', payload)).statusCode).toBe(
      401,
    );
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('a department answers first', () => {
  it('lets the assigned department answer while it is not final; the admin settles it', async () => {
    const { hearing, purpose } = await closedWithInput();
    const samferdsel = t.actors.department.departmentId ?? '';
    const assigned = await createDisposition(asAdmin(), hearing.id, {
      inputIds: [purpose.id],
      outcome: 'noted',
      reason: 'Sendt til Samferdsel for svar.',
      assignedDepartmentId: samferdsel,
    });
    expect(assigned).toMatchObject({
      final: false,
      assignedDepartment: { id: samferdsel, name: 'Samferdsel' },
    });
    // A region contact does not see an answer that is still being worked on.
    const seenByRegion = await listInputs(t.ctx(t.actors.region), hearing.id, { section: 'purpose' });
    expect(seenByRegion.items.map((i) => i.disposition)).toEqual([null, null]);

    const answered = await req('PATCH', `/api/v1/dispositions/${assigned.id}`, cookies.department, {
      outcome: 'partly_taken_in',
      reason: 'Kollektivtrafikk nevnes under gjennomføring.',
      version: assigned.version,
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      outcome: 'partly_taken_in',
      final: false,
      decidedBy: { id: t.actors.department.id },
      version: 2,
    });
    const mine = await listInputs(t.ctx(t.actors.department), hearing.id, { department: samferdsel });
    expect(mine.items.map((i) => i.id)).toEqual([purpose.id]);

    const settled = await updateDisposition(asAdmin(), assigned.id, { final: true, version: 2 });
    expect(settled).toMatchObject({ final: true, outcome: 'partly_taken_in', version: 3 });
    expect((await auditOf(t, 'disposition', assigned.id)).map((e) => e.action)).toEqual([
      'disposition.create',
      'disposition.update',
      'disposition.update',
    ]);
    const finalForRegion = await listInputs(t.ctx(t.actors.region), hearing.id, { status: 'answered' });
    expect(finalForRegion.items.map((i) => i.id)).toEqual([purpose.id]);

    // Final: the department can no longer change it.
    const late = await req('PATCH', `/api/v1/dispositions/${assigned.id}`, cookies.department, {
      reason: 'Endret igjen.',
      version: 3,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0].code).toBe('validation.dispositionFinal');
  });

  it('refuses another department, fields beyond the answer, viewers and regions (403), and a stale version (409)', async () => {
    const { hearing, purpose, whole } = await closedWithInput();
    const [samferdsel] = await t.database.db
      .select()
      .from(departments)
      .where(eq(departments.name, 'Samferdsel'));
    const assigned = await createDisposition(asAdmin(), hearing.id, {
      inputIds: [purpose.id],
      outcome: 'noted',
      reason: 'Til Samferdsel.',
      assignedDepartmentId: samferdsel?.id,
    });
    const unassigned = await createDisposition(asAdmin(), hearing.id, {
      inputIds: [whole.id],
      outcome: 'noted',
      reason: 'Notert.',
    });
    const before = await snapshot(t.database.db);
    const patch = (id: string, cookie: string, payload: Record<string, unknown>) =>
      req('PATCH', `/api/v1/dispositions/${id}`, cookie, payload);
    expect((await patch(assigned.id, cookies.otherDepartment, { reason: 'x', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await patch(unassigned.id, cookies.department, { reason: 'x', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await patch(assigned.id, cookies.department, { final: true, version: 1 })).statusCode).toBe(403);
    expect(
      (await patch(assigned.id, cookies.department, { assignedDepartmentId: null, version: 1 })).statusCode,
    ).toBe(403);
    for (const cookie of [cookies.viewer, cookies.region]) {
      expect((await patch(assigned.id, cookie, { reason: 'x', version: 1 })).statusCode).toBe(403);
    }
    for (const actor of [t.actors.viewer, t.actors.region, t.actors.otherDepartment]) {
      await expect(
        updateDisposition(t.ctx(actor), assigned.id, { reason: 'x', version: 1 }),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    const staleRes = await patch(assigned.id, cookies.department, { reason: 'x', version: 2 });
    expect(staleRes.statusCode).toBe(409);
    expect(staleRes.json().code).toBe('stale');
    const adminStale = await patch(assigned.id, cookies.admin, { outcome: 'taken_in', version: 7 });
    expect(adminStale.statusCode).toBe(409);
    const badLink = await patch(unassigned.id, cookies.admin, { takenInSectionKey: 'purpose', version: 1 });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().errors[0]).toMatchObject({
      field: 'takenInVersionId',
      code: 'validation.takenInVersionRequired',
    });
    expect((await patch(unknownId, cookies.admin, { reason: 'x', version: 1 })).statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe('the hearing overview', () => {
  it('counts per region and per section what came in and what is unanswered, and filters the inputs', async () => {
    const { hearing, purpose, whole, hallingdal } = await closedWithInput();
    await createDisposition(asAdmin(), hearing.id, {
      inputIds: [whole.id],
      outcome: 'noted',
      reason: 'Notert.',
    });
    const res = await req('GET', `/api/v1/hearings/${hearing.id}/overview`, cookies.admin);
    expect(res.statusCode).toBe(200);
    const overview = res.json();
    expect(overview.hearing).toMatchObject({
      id: hearing.id,
      state: 'closed',
      counts: { invitedRegions: 12, regionsWithInput: 2, inputs: 3, unanswered: 2 },
    });
    expect(overview.regions).toHaveLength(12);
    expect(overview.regions).toContainEqual({
      region: { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' },
      inputs: 2,
      late: 0,
      unanswered: 1,
    });
    expect(overview.regions).toContainEqual(
      expect.objectContaining({ region: expect.objectContaining({ name: 'Drammensregionen' }), inputs: 0 }),
    );
    expect(overview.sections.map((s: { key: string | null }) => s.key)).toEqual([
      null,
      'parties',
      'period',
      'purpose',
      'anchoring',
      'implementation',
    ]);
    expect(overview.sections[0]).toEqual({ key: null, title: null, inputs: 1, unanswered: 0 });
    expect(overview.sections[3]).toEqual({ key: 'purpose', title: 'Formål', inputs: 2, unanswered: 2 });
    expect(overview.inputs.map((i: { id: string }) => i.id)).toEqual([whole.id, purpose.id, hallingdal.id]);

    const ids = async (query: string) =>
      (await req('GET', `/api/v1/hearings/${hearing.id}/overview?${query}`, cookies.admin))
        .json()
        .inputs.map((i: { id: string }) => i.id);
    expect(await ids('status=unanswered')).toEqual([purpose.id, hallingdal.id]);
    expect(await ids('status=answered')).toEqual([whole.id]);
    expect(await ids(`region=${t.actors.otherRegion.regionId}&section=purpose`)).toEqual([hallingdal.id]);
    expect(await ids('section=_document')).toEqual([whole.id]);
  });

  it('gives a region contact only its own line while the hearing is open', async () => {
    const { hearing } = await openedHearing(t);
    await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Vårt innspill.' });
    await submitInput(t.ctx(t.actors.otherRegion), hearing.id, { text: 'Hallingdals innspill.' });
    const overview = await getOverview(t.ctx(t.actors.region), hearing.id, {});
    expect(overview.regions).toEqual([
      {
        region: { id: t.actors.region.regionId, name: 'Indre Østfold regionråd' },
        inputs: 1,
        late: 0,
        unanswered: 1,
      },
    ]);
    expect(overview.inputs.map((i) => i.text)).toEqual(['Vårt innspill.']);
    expect(overview.hearing.counts).toMatchObject({ inputs: 1, regionsWithInput: 1 });
    await expect(getOverview(t.ctx(null), hearing.id, {})).rejects.toMatchObject({ code: 'unauthenticated' });
    expect((await req('GET', `/api/v1/hearings/${unknownId}/overview`, cookies.admin)).statusCode).toBe(404);
  });
});
