import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../shared/contracts/common.js';
import {
  Attachment,
  AttachmentQuery,
  attachmentMaxBytes,
  HearingInput,
  InputList,
  InputListQuery,
  SubmitInputInput,
  UpdateInputInput,
  WithdrawInputQuery,
} from '../../shared/contracts/hearings.js';
import { everyone } from '../platform/authorize.js';
import { fieldError } from '../platform/errors.js';
import { acceptRawUploads, sendDownload } from '../platform/http/files.js';
import { addAttachment } from './add-attachment.js';
import { getAttachment } from './get-attachment.js';
import { listInputs } from './list-inputs.js';
import { inputWriters, submitInput } from './submit-input.js';
import { updateInput } from './update-input.js';
import { withdrawInput } from './withdraw-input.js';

const tags = ['hearings'];

export const inputRoutes: FastifyPluginAsyncZod = async (app) => {
  // An attachment is uploaded as the raw file (see acceptRawUploads); the body limit is the route's.
  acceptRawUploads(app);

  app.get(
    '/api/v1/hearings/:id/inputs',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A hearing's input the caller may see (a region: its own while open, all invited once closed)",
        params: IdParams,
        querystring: InputListQuery,
        response: { 200: InputList },
      },
    },
    async (request) => listInputs(request.ctx, request.params.id, request.query),
  );
  app.post(
    '/api/v1/hearings/:id/inputs',
    {
      config: { access: inputWriters },
      schema: {
        tags,
        summary:
          "Give input for one's own region while the hearing is open (admin: for a region, late once closed)",
        params: IdParams,
        body: SubmitInputInput,
        response: { 201: HearingInput },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitInput(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/hearing-inputs/:id',
    {
      config: { access: inputWriters },
      schema: {
        tags,
        summary: "Edit one's region's input while the hearing is open (409 once closed or stale)",
        params: IdParams,
        body: UpdateInputInput,
        response: { 200: HearingInput },
      },
    },
    async (request) => updateInput(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/hearing-inputs/:id',
    {
      config: { access: inputWriters },
      schema: {
        tags,
        summary: "Withdraw one's region's input while the hearing is open",
        params: IdParams,
        querystring: WithdrawInputQuery,
        response: { 204: z.undefined().describe('Input withdrawn') },
      },
    },
    async (request, reply) => {
      await withdrawInput(request.ctx, request.params.id, request.query);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/hearing-inputs/:id/attachments',
    {
      bodyLimit: attachmentMaxBytes,
      config: { access: inputWriters },
      schema: {
        tags,
        summary:
          'Attach a PDF or DOCX (the raw file as the body, its type as Content-Type, at most 10 MB; checked by content)',
        params: IdParams,
        querystring: AttachmentQuery,
        response: { 201: Attachment },
      },
    },
    async (request, reply) => {
      // A JSON body reaches here through the app's JSON parser: it is no file.
      if (!Buffer.isBuffer(request.body)) throw fieldError('file', 'validation.fileType');
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const attachment = await addAttachment(request.ctx, request.params.id, {
        filename: request.query.filename,
        mediaType,
        content: request.body,
      });
      return reply.status(201).send(attachment);
    },
  );
  app.get(
    '/api/v1/input-attachments/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Download an attachment, for whoever may see its input',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const file = await getAttachment(request.ctx, request.params.id);
      return sendDownload(reply, file);
    },
  );
};
