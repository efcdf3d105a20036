import { createHash } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { attachmentMaxBytes } from '../../shared/contracts/common.js';
import { auditEvents } from '../audit/audit.table.js';
import { renderPdf } from '../documents/render-pdf.js';
import { addApprovalAttachment } from './add-approval-attachment.js';
import { approveVersion } from './approve-version.js';
import { createDraft } from './create-draft.js';
import { approval, filledCycle } from './general-part.fixtures.js';
import { getVersion } from './get-version.js';

const pdfType = 'application/pdf';

let t: TestApp;
/** Signed in before any snapshot: a sign-in writes to the audit log. */
let cookies: { admin: string; viewer: string; department: string; region: string };
let protocol: Buffer;
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
  };
  protocol = await renderPdf({
    language: 'nb',
    county: 'Viken fylkeskommune',
    title: 'Saksprotokoll',
    version: 'Sak 123/24',
    body: [
      { type: 'heading', level: 1, text: 'Saksprotokoll i Fylkesrådet 18.06.2024' },
      { type: 'paragraph', content: 'Fylkesrådet godkjenner generell del av partnerskapsavtalene.' },
    ],
  });
});
afterAll(async () => t.close());

const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

const upload = (
  versionId: string,
  body: Buffer | string,
  options: { type?: string; filename?: string; cookie?: string } = {},
) =>
  t.request({
    method: 'POST',
    url: `/api/v1/general-part-versions/${versionId}/approval-attachments?filename=${encodeURIComponent(options.filename ?? 'saksprotokoll.pdf')}`,
    payload: body,
    headers: { 'content-type': options.type ?? pdfType },
    cookie: options.cookie ?? cookies.admin,
  });

/** A new cycle whose first version has been approved. */
async function approvedVersion() {
  const { draft } = await filledCycle(t);
  return approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
}

const auditOf = (versionId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'generalPartVersion.addApprovalAttachment'),
        eq(auditEvents.entityId, versionId),
      ),
    )
    .orderBy(asc(auditEvents.id));

describe("an approval's documents", () => {
  it('are uploaded by the admin, listed with the version and downloaded byte for byte by everyone', async () => {
    const version = await approvedVersion();
    expect(protocol.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const res = await upload(version.id, protocol, { filename: 'Saksprotokoll sak 123-24.pdf' });
    expect(res.statusCode).toBe(201);
    const attachment = res.json();
    expect(attachment).toMatchObject({
      versionId: version.id,
      filename: 'Saksprotokoll sak 123-24.pdf',
      mediaType: pdfType,
      size: protocol.length,
      sha256: createHash('sha256').update(protocol).digest('hex'),
    });

    const shown = await t.request({
      method: 'GET',
      url: `/api/v1/general-part-versions/${version.id}`,
      cookie: cookies.viewer,
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().approvalAttachments).toEqual([attachment]);
    // Attaching the decision's document does not change the version itself.
    expect(shown.json().version).toBe(version.version);

    for (const cookie of Object.values(cookies)) {
      const file = await t.request({
        method: 'GET',
        url: `/api/v1/approval-attachments/${attachment.id}`,
        cookie,
      });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe(pdfType);
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="Saksprotokoll sak 123-24.pdf"; filename*=UTF-8''Saksprotokoll%20sak%20123-24.pdf`,
      );
      expect(file.rawPayload.equals(protocol)).toBe(true);
    }

    const [event, ...more] = await auditOf(version.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      entityType: 'generalPartVersion',
      actorId: t.actors.admin.id,
      before: null,
      after: attachment,
    });
    expect(JSON.stringify(event?.after)).not.toContain('content');
  });

  it('take a DOCX too, keeping a name with Norwegian letters and without the path a browser may send', async () => {
    const version = await approvedVersion();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Vedtak')] }] }));
    const type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const res = await upload(version.id, docx, {
      type,
      filename: 'C:\\fakepath\\Særutskrift Fylkesrådet.docx',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().filename).toBe('Særutskrift Fylkesrådet.docx');
    const file = await t.request({
      method: 'GET',
      url: `/api/v1/approval-attachments/${res.json().id}`,
      cookie: cookies.region,
    });
    expect(file.headers['content-type']).toBe(type);
    expect(file.headers['content-disposition']).toContain(
      "filename*=UTF-8''S%C3%A6rutskrift%20Fylkesr%C3%A5det.docx",
    );
    expect(file.rawPayload.equals(docx)).toBe(true);
  });

  it('are refused to everyone but the admin, and nothing changes', async () => {
    const version = await approvedVersion();
    const before = await snapshot(t.database.db);
    for (const cookie of [cookies.viewer, cookies.department, cookies.region]) {
      const res = await upload(version.id, protocol, { cookie });
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await t.request({
      method: 'POST',
      url: `/api/v1/general-part-versions/${version.id}/approval-attachments?filename=a.pdf`,
      payload: protocol,
      headers: { 'content-type': pdfType },
    });
    expect(anonymous.statusCode).toBe(401);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(
        addApprovalAttachment(t.ctx(actor), version.id, {
          filename: 'a.pdf',
          mediaType: pdfType,
          content: protocol,
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('must be what they claim to be, with a name, and nothing changes', async () => {
    const version = await approvedVersion();
    const before = await snapshot(t.database.db);

    const text = await upload(version.id, 'Dette er ikke en PDF, bare tekst.', { filename: 'protokoll.pdf' });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'validation', errors: [{ field: 'file' }] });

    const wrongEnding = await upload(version.id, protocol, { filename: 'protokoll.docx' });
    expect(wrongEnding.statusCode).toBe(400);
    expect(wrongEnding.json()).toMatchObject({ errors: [{ field: 'filename' }] });

    const noName = await upload(version.id, protocol, { filename: '' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ errors: [{ field: 'filename' }] });

    const json = await t.request({
      method: 'POST',
      url: `/api/v1/general-part-versions/${version.id}/approval-attachments?filename=a.pdf`,
      payload: { file: 'a.pdf' },
      cookie: cookies.admin,
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ errors: [{ field: 'file' }] });

    const otherType = await upload(version.id, protocol, { type: 'text/plain' });
    expect(otherType.statusCode).toBe(415);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('belong to an approved version only: a draft, a superseded version or an unknown one is refused', async () => {
    const { cycle, draft } = await filledCycle(t);
    const before = await snapshot(t.database.db);
    const toDraft = await upload(draft.id, protocol);
    expect(toDraft.statusCode).toBe(409);
    expect(toDraft.json()).toMatchObject({
      code: 'conflict',
      errors: [{ code: 'validation.versionNotApproved' }],
    });
    expect(await snapshot(t.database.db)).toBe(before);

    const first = await approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
    const second = await createDraft(t.ctx(t.actors.admin), first.id);
    const approvedSecond = await approveVersion(t.ctx(t.actors.admin), second.id, approval(second.version));
    expect(approvedSecond.cycleId).toBe(cycle.id);
    expect((await getVersion(t.ctx(t.actors.admin), first.id)).state).toBe('superseded');
    const beforeSuperseded = await snapshot(t.database.db);
    expect((await upload(first.id, protocol)).statusCode).toBe(409);
    expect(await snapshot(t.database.db)).toBe(beforeSuperseded);

    expect((await upload(unknownId, protocol)).statusCode).toBe(404);
    expect((await upload('ikke-en-id', protocol)).statusCode).toBe(404);
    const missing = await t.request({
      method: 'GET',
      url: `/api/v1/approval-attachments/${unknownId}`,
      cookie: cookies.viewer,
    });
    expect(missing.statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(beforeSuperseded);
  });

  it('are at most 10 MB (413), and nothing changes', async () => {
    const version = await approvedVersion();
    const before = await snapshot(t.database.db);
    const justOver = await upload(version.id, Buffer.concat([protocol, Buffer.alloc(attachmentMaxBytes)]));
    expect(justOver.statusCode).toBe(413);
    expect(justOver.json()).toMatchObject({ code: 'tooLarge' });
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
