import { createHash } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { AgreementAdoption } from '../../shared/contracts/adoption.js';
import { attachmentMaxBytes } from '../../shared/contracts/common.js';
import { auditEvents } from '../audit/audit.table.js';
import { renderPdf } from '../documents/render-pdf.js';
import { type MeetingCookies, signInMeetingRoles, unknownId } from '../meetings/meeting.fixtures.js';
import { inForceFixture } from './adoption.fixtures.js';
import { getAdoption } from './adoption.routes.js';

const pdfType = 'application/pdf';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestApp;
let cookies: MeetingCookies;
let fx: Awaited<ReturnType<typeof inForceFixture>>;
let protocol: Buffer;
let first: string;
beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
  fx = await inForceFixture(t);
  const adoption = await getAdoption(t.ctx(t.actors.admin), fx.own.id);
  first = adoption.rows[0]?.municipalityId as string;
  protocol = await renderPdf({
    language: 'nb',
    county: 'Viken fylkeskommune',
    title: 'Saksprotokoll',
    version: 'Sak 45/99',
    body: [
      { type: 'heading', level: 1, text: 'Saksprotokoll i kommunestyret' },
      { type: 'paragraph', content: 'Kommunestyret vedtar partnerskapsavtalen.' },
    ],
  });
});
afterAll(async () => t.close());

const protocolUrl = (agreementId: string, municipalityId: string, filename = 'saksprotokoll.pdf') =>
  `/api/v1/agreements/${agreementId}/adoption/${municipalityId}/protocol?filename=${encodeURIComponent(filename)}`;

const upload = (
  body: Buffer | string,
  options: {
    type?: string;
    filename?: string;
    cookie?: string;
    agreementId?: string;
    municipalityId?: string;
  } = {},
) =>
  t.request({
    method: 'PUT',
    url: protocolUrl(options.agreementId ?? fx.own.id, options.municipalityId ?? first, options.filename),
    payload: body,
    headers: { 'content-type': options.type ?? pdfType },
    ...(options.cookie === '' ? {} : { cookie: options.cookie ?? cookies.region }),
  });

const download = (cookie: string | undefined, agreementId = fx.own.id, municipalityId = first) =>
  t.request({
    method: 'GET',
    url: `/api/v1/agreements/${agreementId}/adoption/${municipalityId}/protocol`,
    ...(cookie ? { cookie } : {}),
  });

const auditOf = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'adoption.attachProtocol')))
    .orderBy(asc(auditEvents.id));

describe('a council’s protocol of its decision on an agreement', () => {
  it('is attached by the region’s contact, shown on the adoption row and downloaded byte for byte', async () => {
    const res = await upload(protocol, { filename: 'Saksprotokoll 45-99.pdf' });
    expect(res.statusCode).toBe(200);
    const adoption = res.json() as AgreementAdoption;
    const row = adoption.rows.find((r) => r.municipalityId === first);
    expect(row?.adoption?.protocol).toMatchObject({
      filename: 'Saksprotokoll 45-99.pdf',
      mediaType: pdfType,
      size: protocol.length,
      sha256: createHash('sha256').update(protocol).digest('hex'),
    });
    // Attaching the protocol does not change the decision itself.
    expect(row?.adoption?.version).toBe(1);
    expect(adoption.rows.filter((r) => r.adoption?.protocol)).toHaveLength(1);

    for (const cookie of [cookies.admin, cookies.viewer, cookies.department, cookies.region]) {
      const file = await download(cookie);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe(pdfType);
      expect(file.headers['content-disposition']).toContain('filename="Saksprotokoll 45-99.pdf"');
      expect(file.rawPayload.equals(protocol)).toBe(true);
    }
    const [event, ...more] = await auditOf();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ entityType: 'adoption', actorId: t.actors.region.id, before: null });
    expect(event?.after).toMatchObject({ municipalityId: first, filename: 'Saksprotokoll 45-99.pdf' });
    expect(JSON.stringify(event?.after)).not.toContain('content');
  });

  it('is replaced by a newer file (a DOCX too) by the admin, the one before kept in the audit trail', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Særutskrift')] }] }),
    );
    const res = await upload(docx, {
      type: docxType,
      filename: 'C:\\fakepath\\Særutskrift kommunestyret.docx',
      cookie: cookies.admin,
    });
    expect(res.statusCode).toBe(200);
    const row = (res.json() as AgreementAdoption).rows.find((r) => r.municipalityId === first);
    expect(row?.adoption?.protocol).toMatchObject({
      filename: 'Særutskrift kommunestyret.docx',
      mediaType: docxType,
    });
    const file = await download(cookies.region);
    expect(file.headers['content-type']).toBe(docxType);
    expect(file.rawPayload.equals(docx)).toBe(true);
    const events = await auditOf();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      actorId: t.actors.admin.id,
      before: { filename: 'Saksprotokoll 45-99.pdf' },
      after: { filename: 'Særutskrift kommunestyret.docx' },
    });
  });

  it('is refused to another region’s contact, the county’s other people and anyone not signed in, and nothing changes', async () => {
    const before = await snapshot(t.database.db);
    for (const cookie of [cookies.otherRegion, cookies.viewer, cookies.department]) {
      expect((await upload(protocol, { cookie })).statusCode).toBe(403);
    }
    expect((await upload(protocol, { cookie: '' })).statusCode).toBe(401);
    // Another region's contact cannot read it either; without signing in nobody can.
    expect((await download(cookies.otherRegion)).statusCode).toBe(403);
    expect((await download(undefined)).statusCode).toBe(401);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('must be a PDF or DOCX as it claims, at most 10 MB, on a recorded decision, and nothing changes', async () => {
    const before = await snapshot(t.database.db);
    const text = await upload('Dette er ikke en PDF.', { filename: 'protokoll.pdf' });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'validation', errors: [{ field: 'file' }] });
    const wrongEnding = await upload(protocol, { filename: 'protokoll.docx' });
    expect(wrongEnding.json()).toMatchObject({ errors: [{ field: 'filename' }] });
    const json = await t.request({
      method: 'PUT',
      url: protocolUrl(fx.own.id, first),
      payload: { file: 'a.pdf' },
      cookie: cookies.region,
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ errors: [{ field: 'file' }] });
    expect((await upload(protocol, { type: 'text/plain' })).statusCode).toBe(415);
    const tooLarge = await upload(Buffer.concat([protocol, Buffer.alloc(attachmentMaxBytes)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'tooLarge' });

    // Hallingdal's agreement has no council decisions recorded: nothing to attach a protocol to.
    const other = await getAdoption(t.ctx(t.actors.admin), fx.other.id);
    const notRecorded = await upload(protocol, {
      cookie: cookies.admin,
      agreementId: fx.other.id,
      municipalityId: other.rows[0]?.municipalityId as string,
    });
    expect(notRecorded.statusCode).toBe(409);
    expect(notRecorded.json()).toMatchObject({ errors: [{ code: 'validation.adoptionNotRecorded' }] });
    expect((await upload(protocol, { cookie: cookies.admin, agreementId: unknownId })).statusCode).toBe(404);
    expect((await download(cookies.admin, fx.other.id, other.rows[0]?.municipalityId)).statusCode).toBe(404);
    expect((await download(cookies.admin, unknownId)).statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});
