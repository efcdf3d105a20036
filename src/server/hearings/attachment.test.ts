import { createHash } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { origin, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { attachmentMaxBytes } from '../../shared/contracts/hearings.js';
import { contentDisposition } from '../platform/http/files.js';
import { addAttachment } from './add-attachment.js';
import { auditOf, docxBytes, openedHearing, passDeadline, pdfBytes, unknownId } from './hearing.fixtures.js';
import { listInputs } from './list-inputs.js';
import { submitInput } from './submit-input.js';

const pdfType = 'application/pdf';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestApp;
let port: number;
let cookies: { admin: string; viewer: string; department: string; region: string; otherRegion: string };
beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => t.close());

const upload = (
  inputId: string,
  body: Buffer | Readable | string,
  options: { type?: string; filename?: string; cookie?: string; headers?: Record<string, string> } = {},
) =>
  t.request({
    method: 'POST',
    url: `/api/v1/hearing-inputs/${inputId}/attachments?filename=${encodeURIComponent(options.filename ?? 'innspill.pdf')}`,
    cookie: options.cookie ?? cookies.region,
    headers: { 'content-type': options.type ?? pdfType, ...options.headers },
    payload: body,
  });
const download = (id: string, cookie: string) =>
  t.request({ method: 'GET', url: `/api/v1/input-attachments/${id}`, cookie });

/** A hearing open for input, with one input from Indre Østfold. */
async function inputOfRegion() {
  const { hearing } = await openedHearing(t);
  const input = await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Se vedlegget.' });
  return { hearing, input };
}

/**
 * Sends a body of `total` bytes to the listening server over a plain socket, as fast as the server takes
 * it, and reports how much of it the server had read when the connection ended, and its answer if one
 * could be read (a server that stops reading closes the connection on the rest of the body, which may
 * take its answer with it: the status is checked through inject as well).
 */
async function streamOverSocket(
  path: string,
  total: number,
  mode: 'content-length' | 'chunked',
): Promise<{ answer: string; serverRead: number }> {
  const chunk = Buffer.alloc(64 * 1024, 0x25);
  const framing = mode === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${total}`;
  const head = [
    `POST ${path} HTTP/1.1`,
    'host: partnerskap.test',
    `origin: ${origin}`,
    `cookie: ${cookies.region}`,
    `content-type: ${pdfType}`,
    framing,
    '',
    '',
  ].join('\r\n');
  let serverSocket: net.Socket | undefined;
  const accepted = (s: net.Socket) => {
    serverSocket = s;
  };
  t.app.server.once('connection', accepted);
  const answer = await new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let sent = 0;
    const received: Buffer[] = [];
    socket.on('data', (part: Buffer) => received.push(part));
    // Writing into a connection the server has closed fails: that is the refusal.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => resolve(Buffer.concat(received).toString('utf8')));
    const frame = (data: Buffer) =>
      mode === 'chunked'
        ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')])
        : data;
    const pump = () => {
      while (received.length === 0 && sent < total && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(frame(chunk))) return void socket.once('drain', pump);
      }
      // Answered, or all sent: let the server finish.
      if (socket.destroyed) return;
      if (mode === 'chunked' && sent >= total) socket.end('0\r\n\r\n');
      else socket.end();
    };
    socket.once('connect', () => {
      socket.write(head);
      pump();
    });
  });
  if (!serverSocket) throw new Error('the server saw no connection');
  return { answer, serverRead: serverSocket.bytesRead };
}

/** A body that is made as it is read, counting how much of it the server asked for. */
function lazyBody(total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x25);
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= total) return void this.push(null);
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced };
}

describe('attaching files to input', () => {
  it('stores a PDF checked by its content, with size and SHA-256, audited and listed with the input', async () => {
    const { hearing, input } = await inputOfRegion();
    const bytes = pdfBytes();
    const res = await upload(input.id, bytes, { filename: 'Innspill fra Indre Østfold.pdf' });
    expect(res.statusCode).toBe(201);
    const attachment = res.json();
    expect(attachment).toEqual({
      id: expect.any(String),
      inputId: input.id,
      filename: 'Innspill fra Indre Østfold.pdf',
      mediaType: pdfType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedAt: expect.any(String),
    });
    const [event] = await auditOf(t, 'inputAttachment', attachment.id);
    expect(event).toMatchObject({
      action: 'attachment.create',
      actorId: t.actors.region.id,
      after: attachment,
    });
    const [listed] = (await listInputs(t.ctx(t.actors.admin), hearing.id, {})).items;
    expect(listed?.attachments).toEqual([attachment]);
  });

  it('serves a DOCX back as an attachment with its name encoded for every browser', async () => {
    const { input } = await inputOfRegion();
    const bytes = await docxBytes();
    const filename = 'Innspel frå "Indre" – høyring.docx';
    const res = await upload(input.id, bytes, { type: docxType, filename: `C:\\fakepath\\${filename}` });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ filename, mediaType: docxType });

    const file = await download(res.json().id, cookies.admin);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(docxType);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Innspel fr_ _Indre_ _ h_yring.docx"; filename*=UTF-8''Innspel%20fr%C3%A5%20%22Indre%22%20%E2%80%93%20h%C3%B8yring.docx`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(contentDisposition("a'(b)*.pdf")).toContain("filename*=UTF-8''a%27%28b%29%2A.pdf");
  });

  it('refuses a file that is not what it claims (400 naming the field), and changes nothing', async () => {
    const { input } = await inputOfRegion();
    const before = await snapshot(t.database.db);
    const cases: [string, Buffer | string, { type: string; filename: string }, string, string][] = [
      [
        'a PDF renamed .docx',
        pdfBytes(),
        { type: docxType, filename: 'innspill.docx' },
        'file',
        'validation.fileType',
      ],
      [
        'a text file sent as a PDF',
        'Bare tekst, ingen PDF.',
        { type: pdfType, filename: 'innspill.pdf' },
        'file',
        'validation.fileType',
      ],
      [
        'a DOCX sent as a PDF',
        await docxBytes(),
        { type: pdfType, filename: 'innspill.pdf' },
        'file',
        'validation.fileType',
      ],
      [
        'a PDF named .docx',
        pdfBytes(),
        { type: pdfType, filename: 'innspill.docx' },
        'filename',
        'validation.fileExtension',
      ],
      [
        'a PDF without extension',
        pdfBytes(),
        { type: pdfType, filename: 'innspill' },
        'filename',
        'validation.fileExtension',
      ],
      [
        'JSON instead of a file',
        JSON.stringify({ text: 'x' }),
        { type: 'application/json', filename: 'a.pdf' },
        'file',
        'validation.fileType',
      ],
    ];
    for (const [what, body, options, field, code] of cases) {
      const res = await upload(input.id, body, options);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().errors, what).toEqual([expect.objectContaining({ field, code })]);
    }
    const noName = await upload(input.id, pdfBytes(), { filename: '' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].field).toBe('filename');
    const plain = await upload(input.id, 'hei', { type: 'text/plain' });
    expect(plain.statusCode).toBe(415);
    await expect(
      addAttachment(t.ctx(t.actors.region), input.id, {
        filename: 'a.pdf',
        mediaType: pdfType,
        content: Buffer.alloc(0),
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: [{ field: 'file', code: 'validation.fileEmpty' }],
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses 50 MB with 413 without reading it all, whether its length is declared or not', async () => {
    const { input } = await inputOfRegion();
    const before = await snapshot(t.database.db);
    const total = 50 * 1024 * 1024;
    const path = `/api/v1/hearing-inputs/${input.id}/attachments?filename=stor.pdf`;

    // Declared: refused on its Content-Length, before the body is read.
    const declared = lazyBody(total);
    const res = await upload(input.id, declared.stream, { headers: { 'content-length': String(total) } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'tooLarge', title: 'Forespørselen er for stor.' });
    expect(declared.produced()).toBeLessThan(attachmentMaxBytes);
    const overSocket = await streamOverSocket(path, total, 'content-length');
    expect(overSocket.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(overSocket.serverRead).toBeLessThan(attachmentMaxBytes);

    // Not declared (chunked): read up to the limit, then refused and the connection closed.
    expect((await upload(input.id, lazyBody(total).stream)).statusCode).toBe(413);
    const chunked = await streamOverSocket(path, total, 'chunked');
    expect(chunked.serverRead).toBeGreaterThan(attachmentMaxBytes);
    expect(chunked.serverRead).toBeLessThan(total / 2);

    // One byte over the limit is over it.
    const justOver = await upload(input.id, Buffer.concat([pdfBytes(), Buffer.alloc(attachmentMaxBytes)]));
    expect(justOver.statusCode).toBe(413);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('needs the request to come from the app (Origin), like every write', async () => {
    const { input } = await inputOfRegion();
    const res = await upload(input.id, pdfBytes(), { headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('crossSite');
  });

  it("refuses another region's input, viewers and departments (403), and a region after the deadline (409)", async () => {
    const { hearing, input } = await inputOfRegion();
    await passDeadline(t, hearing.id);
    // After the deadline, as before it: a region contact of another region is refused by ownership first.
    const before = await snapshot(t.database.db);
    for (const cookie of [cookies.otherRegion, cookies.viewer, cookies.department]) {
      expect((await upload(input.id, pdfBytes(), { cookie })).statusCode).toBe(403);
    }
    expect((await upload(input.id, pdfBytes(), { cookie: '' })).statusCode).toBe(401);
    expect((await upload(unknownId, pdfBytes())).statusCode).toBe(404);
    for (const actor of [t.actors.otherRegion, t.actors.viewer, t.actors.department]) {
      await expect(
        addAttachment(t.ctx(actor), input.id, { filename: 'a.pdf', mediaType: pdfType, content: pdfBytes() }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    const late = await upload(input.id, pdfBytes());
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0].code).toBe('validation.hearingClosed');
    expect(await snapshot(t.database.db)).toBe(before);
    // The admin may still attach what a region sent by e-mail.
    expect((await upload(input.id, pdfBytes(), { cookie: cookies.admin })).statusCode).toBe(201);
  });

  it('takes at most ten attachments per input', async () => {
    const { input } = await inputOfRegion();
    for (let i = 0; i < 10; i++) {
      expect((await upload(input.id, pdfBytes(), { filename: `vedlegg-${i}.pdf` })).statusCode).toBe(201);
    }
    const eleventh = await upload(input.id, pdfBytes(), { filename: 'vedlegg-10.pdf' });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().errors[0].code).toBe('validation.tooManyAttachments');
  });
});

describe('downloading attachments', () => {
  it('serves a file to whoever may see its input: the region and the county at once, the other regions after the deadline', async () => {
    const { hearing, input } = await inputOfRegion();
    const id = (await upload(input.id, pdfBytes())).json().id;
    expect((await download(id, cookies.region)).statusCode).toBe(200);
    expect((await download(id, cookies.admin)).statusCode).toBe(200);
    expect((await download(id, cookies.viewer)).statusCode).toBe(200);
    expect((await download(id, cookies.otherRegion)).statusCode).toBe(404);
    expect((await download(id, cookies.department)).statusCode).toBe(404);
    expect((await download(id, '')).statusCode).toBe(401);
    await passDeadline(t, hearing.id);
    expect((await download(id, cookies.otherRegion)).statusCode).toBe(200);
    expect((await download(id, cookies.department)).statusCode).toBe(200);
    for (const unknown of [unknownId, 'nope'])
      expect((await download(unknown, cookies.admin)).statusCode).toBe(404);
  });

  it('keeps a region that was not invited out, also after the deadline', async () => {
    const { hearing } = await openedHearing(t, { invitedRegionIds: [t.actors.region.regionId] });
    const input = await submitInput(t.ctx(t.actors.region), hearing.id, { text: 'Se vedlegget.' });
    const id = (await upload(input.id, pdfBytes())).json().id;
    await passDeadline(t, hearing.id);
    expect((await download(id, cookies.otherRegion)).statusCode).toBe(404);
    expect((await download(id, cookies.region)).statusCode).toBe(200);
  });
});
