import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { requiredSections } from '../../shared/contracts/general-part.js';
import { agreementFixture } from '../agreement-document/agreement-document.fixtures.js';
import { exportAgreementDocument } from '../agreement-document/export-agreement-document.js';
import { auditEvents } from '../audit/audit.table.js';
import { readDocx } from '../documents/testing/read-document.js';
import type { ActorCtx } from '../platform/context.js';
import { approveVersion } from './approve-version.js';
import { createDraft } from './create-draft.js';
import { approval, filledCycle, textBody } from './general-part.fixtures.js';
import { markOnHearing } from './mark-on-hearing.js';
import { updateNynorsk } from './update-nynorsk.js';

let t: TestApp;
/** Signed in before any snapshot: a sign-in writes to the audit log. */
let cookies: { admin: string; viewer: string; department: string; region: string };
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
});
afterAll(async () => t?.close());

const nynorskTitles: Record<string, string> = {
  parties: 'Avtalepartnarar',
  period: 'Avtaleperiode',
  purpose: 'Føremål',
  anchoring: 'Forankring',
  implementation: 'Gjennomføring',
};
/** Every required section in nynorsk, each with a sentence only the nynorsk text has. */
const nynorskSections = () =>
  requiredSections.map((s) => ({
    key: s.key,
    title: nynorskTitles[s.key] ?? s.title,
    body: textBody(`${nynorskTitles[s.key]} i nynorsk for perioden.`),
  }));

const url = (id: string) => `/api/v1/general-part-versions/${id}/nynorsk`;
const put = (id: string, payload: object, cookie = cookies.admin) =>
  t.request({ method: 'PUT', url: url(id), payload, cookie });

async function approvedVersion() {
  const { draft } = await filledCycle(t);
  return approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
}

const auditOf = (versionId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.action, 'generalPartVersion.updateNynorsk'), eq(auditEvents.entityId, versionId)),
    )
    .orderBy(asc(auditEvents.id));

describe('the nynorsk text of an approved version', () => {
  it('is entered by the coordinator for every section, read back beside the bokmål and audited', async () => {
    const version = await approvedVersion();
    const empty = await t.request({ method: 'GET', url: url(version.id), cookie: cookies.region });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ versionId: version.id, state: 'approved', complete: false });
    expect(empty.json().sections.map((s: { nynorsk: unknown }) => s.nynorsk)).toEqual(
      requiredSections.map(() => null),
    );

    const res = await put(version.id, { version: version.version, sections: nynorskSections() });
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ complete: true, version: version.version + 1 });
    expect(saved.sections[2]).toMatchObject({
      key: 'purpose',
      title: 'Formål',
      nynorsk: { title: 'Føremål', body: textBody('Føremål i nynorsk for perioden.') },
    });

    const read = await t.request({ method: 'GET', url: url(version.id), cookie: cookies.viewer });
    expect(read.json()).toEqual(saved);

    const [event, ...more] = await auditOf(version.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorId: t.actors.admin.id,
      entityType: 'generalPartVersion',
      before: { version: version.version, sections: [] },
      after: { version: version.version + 1 },
    });
    const after = event?.after as { sections: { title: string }[] } | undefined;
    expect(after?.sections.map((s) => s.title)).toEqual(Object.values(nynorskTitles));

    // A second save from the same, now stale, screen is refused.
    const stale = await put(version.id, { version: version.version, sections: nynorskSections() });
    expect(stale.statusCode).toBe(409);
  });

  it('is refused to a department editor, a region contact and a viewer, and nothing changes', async () => {
    const version = await approvedVersion();
    const before = await snapshot(t.database.db);
    for (const cookie of [cookies.viewer, cookies.department, cookies.region]) {
      const res = await put(version.id, { version: version.version, sections: nynorskSections() }, cookie);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        updateNynorsk(t.ctx(actor), version.id, { version: version.version, sections: nynorskSections() }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('names the field of bad input, and nothing changes', async () => {
    const version = await approvedVersion();
    const before = await snapshot(t.database.db);
    const sections = nynorskSections();

    const noTitle = await put(version.id, {
      version: version.version,
      sections: sections.map((s, i) => (i === 1 ? { ...s, title: ' ' } : s)),
    });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.headers['content-type']).toContain('application/problem+json');
    expect(noTitle.json()).toMatchObject({ code: 'validation', errors: [{ field: 'sections.1.title' }] });

    const noText = await put(version.id, {
      version: version.version,
      sections: sections.map((s, i) =>
        i === 3 ? { ...s, body: { type: 'doc', content: [{ type: 'paragraph' }] } } : s,
      ),
    });
    expect(noText.statusCode).toBe(400);
    expect(noText.json()).toMatchObject({
      errors: [{ field: 'sections.3.body', code: 'validation.required' }],
    });

    const missing = await put(version.id, { version: version.version, sections: sections.slice(0, 4) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      errors: [{ field: 'sections.implementation', code: 'validation.nynorskSectionMissing' }],
    });
    expect(missing.json().errors[0].message).toContain('Gjennomføring');

    const unknown = await put(version.id, {
      version: version.version,
      sections: [...sections, { key: 'annet', title: 'Anna', body: textBody('Tekst.') }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      errors: [{ field: 'sections.5.key', code: 'validation.unknownSection' }],
    });

    const script = await put(version.id, {
      version: version.version,
      sections: sections.map((s, i) =>
        i === 0 ? { ...s, body: { type: 'doc', content: [{ type: 'script' }] } } : s,
      ),
    });
    expect(script.statusCode).toBe(400);
    expect(script.json().errors[0].field).toMatch(/^sections\.0\.body/);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('belongs to an approved version only: a draft, one on hearing and a superseded one get 409', async () => {
    const { draft } = await filledCycle(t);
    const before = await snapshot(t.database.db);
    const toDraft = await put(draft.id, { version: draft.version, sections: nynorskSections() });
    expect(toDraft.statusCode).toBe(409);
    expect(toDraft.json()).toMatchObject({
      code: 'conflict',
      errors: [{ code: 'validation.nynorskNotApproved' }],
    });
    expect(await snapshot(t.database.db)).toBe(before);

    const onHearing = await t.database.db.transaction((tx) =>
      markOnHearing(tx, t.ctx(t.actors.admin) as ActorCtx, draft.id),
    );
    expect(
      (await put(draft.id, { version: onHearing.version, sections: nynorskSections() })).statusCode,
    ).toBe(409);

    const first = await approveVersion(t.ctx(t.actors.admin), draft.id, approval(onHearing.version));
    const second = await createDraft(t.ctx(t.actors.admin), first.id);
    await approveVersion(t.ctx(t.actors.admin), second.id, approval(second.version));
    const superseded = await t.request({
      method: 'GET',
      url: `/api/v1/general-part-versions/${first.id}`,
      cookie: cookies.admin,
    });
    expect(superseded.json().state).toBe('superseded');
    const res = await put(first.id, { version: superseded.json().version, sections: nynorskSections() });
    expect(res.statusCode).toBe(409);
    expect(await auditOf(first.id)).toEqual([]);
    // A new draft made from an approved version does not carry its nynorsk text.
    expect(
      (await t.request({ method: 'GET', url: url(second.id), cookie: cookies.admin })).json().complete,
    ).toBe(false);
  });
});

describe('the agreement document of a region that writes nynorsk', () => {
  it("uses the pinned version's nynorsk text once there is one, and bokmål before", async () => {
    const hallingdal = await agreementFixture(t, { regionName: 'Regionrådet for Hallingdal' });
    const indre = await agreementFixture(t, { regionName: 'Indre Østfold regionråd', in: hallingdal });
    const before = readDocx(
      (await exportAgreementDocument(t.ctx(t.actors.admin), hallingdal.agreement.id, 'docx')).content,
    );
    expect(before.body).toContain('Formål for perioden.');
    expect(before.body).not.toContain('Føremål');

    const version = hallingdal.generalPart;
    const current = await t.request({ method: 'GET', url: url(version.id), cookie: cookies.admin });
    const res = await put(version.id, { version: current.json().version, sections: nynorskSections() });
    expect(res.statusCode).toBe(200);

    const docx = readDocx(
      (await exportAgreementDocument(t.ctx(t.actors.otherRegion), hallingdal.agreement.id, 'docx')).content,
    );
    expect(docx.body).toContain('Føremål\nFøremål i nynorsk for perioden.');
    expect(docx.body).toContain('Avtalepartnarar i nynorsk for perioden.');
    expect(docx.body).not.toContain('Formål for perioden.');
    // A region that writes bokmål keeps the bokmål text of the same version.
    const bokmal = readDocx(
      (await exportAgreementDocument(t.ctx(t.actors.admin), indre.agreement.id, 'docx')).content,
    );
    expect(bokmal.body).toContain('Formål\nFormål for perioden.');
    expect(bokmal.body).not.toContain('nynorsk for perioden');
  });
});
