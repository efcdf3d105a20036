import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { ActorCtx } from '../platform/context.js';
import { approveVersion } from './approve-version.js';
import { createDraft } from './create-draft.js';
import {
  approval,
  filledCycle,
  filledSections,
  newCycle,
  signInAdminAndOthers,
  textBody,
  unknownId,
} from './general-part.fixtures.js';
import { getGeneralPart } from './get-general-part.js';
import { getVersion } from './get-version.js';
import { assertReadyForHearing, markOnHearing } from './mark-on-hearing.js';
import { updateSections } from './update-sections.js';

let t: TestApp;
let admin: string;
/** Signed in before any snapshot: a sign-in writes to the audit log. */
let others: string[];
beforeAll(async () => {
  t = await startTestApp();
  ({ admin, others } = await signInAdminAndOthers(t));
});
afterAll(async () => t.close());

const asAdmin = () => t.ctx(t.actors.admin);
const auditOf = (entityId: string) => auditTrail(t, 'generalPartVersion', entityId);
const approve = (id: string, payload: Record<string, unknown>, cookie = admin) =>
  t.request({ method: 'POST', url: `/api/v1/general-part-versions/${id}/approve`, payload, cookie });
/** What the hearing's use case will do: send the version on hearing inside its own transaction. */
const sendOnHearing = (id: string, actor = t.actors.admin) =>
  t.database.db.transaction((tx) => markOnHearing(tx, t.ctx(actor) as ActorCtx, id));

describe('approving a version', () => {
  it("records the executive board's decision and makes the version the cycle's current general part", async () => {
    const { cycle, draft } = await filledCycle(t);
    const res = await approve(draft.id, approval(draft.version));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'approved',
      version: draft.version + 1,
      approval: {
        date: '2024-06-18',
        body: 'Fylkesrådet',
        caseNumber: '123/24',
        decisionText: 'Fylkesrådet godkjenner generell del av partnerskapsavtalene.',
        recordedBy: { id: t.actors.admin.id, name: t.actors.admin.name },
      },
    });
    const part = await getGeneralPart(t.ctx(t.actors.region), cycle.id);
    expect(part).toMatchObject({ currentVersionId: draft.id, draftVersionId: null });
    expect(await auditOf(draft.id)).toMatchObject([
      { action: 'generalPartVersion.createDraft' },
      { action: 'generalPartVersion.updateSections' },
      {
        action: 'generalPartVersion.approve',
        actorId: t.actors.admin.id,
        before: { state: 'draft' },
        after: { state: 'approved', approvalCaseNumber: '123/24', supersedes: null },
      },
    ]);
  });

  it('supersedes the previously approved version in the same step', async () => {
    const { cycle, draft: v1 } = await filledCycle(t);
    await approveVersion(asAdmin(), v1.id, approval(v1.version));
    const v2 = await createDraft(asAdmin(), v1.id);
    const edited = await updateSections(asAdmin(), v2.id, {
      version: v2.version,
      sections: filledSections().map((s) =>
        s.key === 'purpose' ? { ...s, body: textBody('Innspill tatt inn.') } : s,
      ),
    });
    await approveVersion(asAdmin(), v2.id, { ...approval(edited.version), caseNumber: '200/24' });

    const part = await getGeneralPart(asAdmin(), cycle.id);
    expect(part.currentVersionId).toBe(v2.id);
    expect(part.versions.map((v) => [v.number, v.state, v.approval?.caseNumber])).toEqual([
      [2, 'approved', '200/24'],
      [1, 'superseded', '123/24'],
    ]);
    const events = await auditOf(v1.id);
    expect(events.at(-1)).toMatchObject({
      action: 'generalPartVersion.supersede',
      before: { state: 'approved' },
      after: { state: 'superseded', supersededBy: v2.id },
    });
    expect((await auditOf(v2.id)).at(-1)).toMatchObject({ after: { supersedes: v1.id } });
  });

  it('refuses while a required section is empty or missing, naming each, and changes nothing', async () => {
    const { draft } = await newCycle(t);
    const partly = await updateSections(asAdmin(), draft.id, {
      version: draft.version,
      sections: filledSections()
        .filter((s) => s.key !== 'anchoring')
        .map((s) =>
          s.key === 'purpose' ? { ...s, body: { type: 'doc', content: [{ type: 'paragraph' }] } } : s,
        ),
    });
    const before = await snapshot(t.database.db);
    const res = await approve(draft.id, approval(partly.version));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'sections.purpose',
        code: 'validation.requiredSectionEmpty',
        message: 'Avsnittet «Formål» må ha tekst.',
      },
      {
        field: 'sections.anchoring',
        code: 'validation.requiredSectionMissing',
        message: 'Avsnittet «Forankring» mangler. Det må være med.',
      },
    ]);
    expect(await snapshot(t.database.db)).toBe(before);
    expect((await getVersion(asAdmin(), draft.id)).state).toBe('draft');
  });

  it('answers bad input with 400 and the field named, and changes nothing', async () => {
    const { draft } = await filledCycle(t);
    const before = await snapshot(t.database.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...approval(draft.version), date: '18.06.2024' }, 'date'],
      [{ ...approval(draft.version), body: '' }, 'body'],
      [{ ...approval(draft.version), caseNumber: 'x'.repeat(51) }, 'caseNumber'],
      [{ ...approval(draft.version), decisionText: ' ' }, 'decisionText'],
      [{ ...approval(draft.version), version: undefined }, 'version'],
    ];
    for (const [payload, field] of cases) {
      const res = await approve(draft.id, payload);
      expect(res.statusCode).toBe(400);
      expect(new Set(res.json().errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const { draft } = await filledCycle(t);
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(approveVersion(t.ctx(actor), draft.id, approval(draft.version))).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    for (const cookie of others)
      expect((await approve(draft.id, approval(draft.version), cookie)).statusCode).toBe(403);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a stale version with 409: the text changed after it was read', async () => {
    const { draft } = await filledCycle(t);
    await updateSections(asAdmin(), draft.id, { version: draft.version, sections: filledSections() });
    const before = await snapshot(t.database.db);
    const res = await approve(draft.id, approval(draft.version));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale');
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses to approve a superseded version, or one older than the approved one', async () => {
    const { draft: v1 } = await filledCycle(t);
    const v2 = await createDraft(asAdmin(), (await sendOnHearing(v1.id)).id);
    const v2Filled = await getVersion(asAdmin(), v2.id);
    await approveVersion(asAdmin(), v2.id, approval(v2Filled.version));
    const older = await getVersion(asAdmin(), v1.id);
    const res = await approve(v1.id, approval(older.version));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toMatchObject([{ code: 'validation.olderThanApproved' }]);

    const v3 = await createDraft(asAdmin(), v2.id);
    await approveVersion(asAdmin(), v3.id, approval(v3.version));
    const superseded = await getVersion(asAdmin(), v2.id);
    expect(superseded.state).toBe('superseded');
    const again = await approve(v2.id, approval(superseded.version));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toMatchObject([{ code: 'validation.versionNotApprovable' }]);
  });

  it('answers 404 for an unknown version', async () => {
    expect((await approve(unknownId, approval(1))).statusCode).toBe(404);
  });
});

describe('sending a version on hearing (called by the hearing)', () => {
  it('freezes a complete draft as on hearing and records it', async () => {
    const { cycle, draft } = await filledCycle(t);
    const sent = await sendOnHearing(draft.id);
    expect(sent).toMatchObject({ id: draft.id, state: 'on_hearing', version: draft.version + 1 });
    expect((await auditOf(draft.id)).at(-1)).toMatchObject({
      action: 'generalPartVersion.markOnHearing',
      actorId: t.actors.admin.id,
      before: { state: 'draft' },
      after: { state: 'on_hearing' },
    });
    const part = await getGeneralPart(asAdmin(), cycle.id);
    expect(part).toMatchObject({ draftVersionId: null, currentVersionId: null });
  });

  it('never lets the text change once it is on hearing; a new draft is made from it instead', async () => {
    const { draft } = await filledCycle(t);
    const sent = await sendOnHearing(draft.id);
    const before = await snapshot(t.database.db);
    await expect(
      updateSections(asAdmin(), draft.id, { version: sent.version, sections: filledSections() }),
    ).rejects.toMatchObject({ code: 'conflict', fields: [{ code: 'validation.versionFrozen' }] });
    expect(await snapshot(t.database.db)).toBe(before);
    const next = await createDraft(asAdmin(), draft.id);
    expect(next).toMatchObject({ number: 2, state: 'draft', basedOnVersionId: draft.id });
  });

  it('leaves a version that is already on hearing as it is (a formal hearing after an informal one)', async () => {
    const { draft } = await filledCycle(t);
    const first = await sendOnHearing(draft.id);
    const before = await snapshot(t.database.db);
    const second = await sendOnHearing(draft.id);
    expect(second).toEqual(first);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses while a required section is empty, naming it, and changes nothing', async () => {
    const { draft } = await newCycle(t);
    const before = await snapshot(t.database.db);
    const error = await sendOnHearing(draft.id).then(
      () => null,
      (e: unknown) => e as { code: string; fields: { field: string; code: string }[] },
    );
    expect(error?.code).toBe('validation');
    expect(error?.fields.map((f) => [f.field, f.code])).toEqual([
      ['sections.parties', 'validation.requiredSectionEmpty'],
      ['sections.period', 'validation.requiredSectionEmpty'],
      ['sections.purpose', 'validation.requiredSectionEmpty'],
      ['sections.anchoring', 'validation.requiredSectionEmpty'],
      ['sections.implementation', 'validation.requiredSectionEmpty'],
    ]);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses an approved version with 409 and an unknown one with 404', async () => {
    const { draft } = await filledCycle(t);
    await approveVersion(asAdmin(), draft.id, approval(draft.version));
    await expect(sendOnHearing(draft.id)).rejects.toMatchObject({
      code: 'conflict',
      fields: [{ code: 'validation.versionNotForHearing' }],
    });
    await expect(sendOnHearing(unknownId)).rejects.toMatchObject({ code: 'notFound' });
    await expect(
      t.database.db.transaction((tx) => assertReadyForHearing(tx, 'not-an-id')),
    ).rejects.toMatchObject({ code: 'notFound' });
  });

  it('lets the check run on its own without changing anything', async () => {
    const { draft } = await filledCycle(t);
    const before = await snapshot(t.database.db);
    const row = await t.database.db.transaction((tx) => assertReadyForHearing(tx, draft.id));
    expect(row).toMatchObject({ id: draft.id, state: 'draft' });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses every role but admin, and changes nothing', async () => {
    const { draft } = await filledCycle(t);
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(sendOnHearing(draft.id, actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
