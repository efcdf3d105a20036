import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AttachmentQuery,
  attachmentMaxBytes,
  attachmentMediaTypes,
  IdParams,
} from '../../shared/contracts/common.js';
import { ApprovalAttachment } from '../../shared/contracts/general-part.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { fieldError } from '../platform/errors.js';
import { contentDisposition, declaredMediaType } from '../platform/files.js';
import { addApprovalAttachment } from './add-approval-attachment.js';
import { getApprovalAttachment } from './get-approval-attachment.js';

const tags = ['general part'];

export const approvalAttachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  // The document is sent as the raw file, its type in Content-Type. Only these two types are read, and only
  // in this plugin; the body limit is the route's (10 MB), and a larger Content-Length is refused with 413
  // before a byte of the body is read.
  app.addContentTypeParser([...attachmentMediaTypes], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/v1/general-part-versions/:id/approval-attachments',
    {
      bodyLimit: attachmentMaxBytes,
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Attach a document to an approved version's approval, e.g. the signed decision (the raw PDF or DOCX as the body, its type as Content-Type, at most 10 MB; checked by content; 409 unless approved)",
        params: IdParams,
        querystring: AttachmentQuery,
        response: { 201: ApprovalAttachment },
      },
    },
    async (request, reply) => {
      // A JSON body reaches here through the app's JSON parser: it is no file.
      if (!Buffer.isBuffer(request.body)) throw fieldError('file', 'validation.fileType');
      const attachment = await addApprovalAttachment(request.ctx, request.params.id, {
        filename: request.query.filename,
        mediaType: declaredMediaType(request.headers['content-type']),
        content: request.body,
      });
      return reply.status(201).send(attachment);
    },
  );
  app.get(
    '/api/v1/approval-attachments/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "Download a document of a version's approval",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const file = await getApprovalAttachment(request.ctx, request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
};
