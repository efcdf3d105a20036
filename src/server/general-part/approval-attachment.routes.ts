import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AttachmentQuery, attachmentMaxBytes, IdParams } from '../../shared/contracts/common.js';
import { ApprovalAttachment } from '../../shared/contracts/general-part.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { fieldError } from '../platform/errors.js';
import { declaredMediaType } from '../platform/files.js';
import { acceptRawUploads, sendDownload } from '../platform/http/files.js';
import { addApprovalAttachment } from './add-approval-attachment.js';
import { getApprovalAttachment } from './get-approval-attachment.js';

const tags = ['general part'];

export const approvalAttachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  // An attachment is uploaded as the raw file (see acceptRawUploads); the body limit is the route's.
  acceptRawUploads(app);

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
      return sendDownload(reply, file);
    },
  );
};
