import type { FastifyInstance, FastifyReply } from 'fastify';
import { attachmentMediaTypes } from '../../../shared/contracts/common.js';
import type { StoredFile } from '../files.js';

/**
 * Content-Disposition for a download: `attachment`, so the browser saves the file rather than showing it
 * inside the app's origin, with the name as ASCII for old clients and in full as UTF-8 (RFC 6266, RFC
 * 8187): `Innspillsoppsummering Formell høring.docx` keeps its ø.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a file to be saved: its type, its name, and never kept by a shared cache (it is someone's data).
 * A file that no longer changes (a kept document, documents/kept-document.ts) carries its SHA-256 as a
 * strong ETag, and a request that names it in If-None-Match is answered 304 without the bytes.
 */
export function sendDownload(reply: FastifyReply, file: StoredFile & { etag?: string }) {
  if (file.etag) {
    const etag = `"${file.etag}"`;
    reply.header('etag', etag);
    const asked = reply.request.headers['if-none-match'];
    if (asked?.split(',').some((tag) => tag.trim() === etag)) {
      return reply.header('cache-control', 'private, no-store').code(304).send();
    }
  }
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

/**
 * Lets a plugin's routes take an uploaded file as the raw request body, its type in Content-Type. Only the
 * attachment types (PDF, DOCX) are read, and only by the plugin that calls this; the body limit is the
 * route's, and a larger Content-Length is refused with 413 before a byte of the body is read.
 */
export function acceptRawUploads(app: FastifyInstance) {
  app.addContentTypeParser([...attachmentMediaTypes], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
}
