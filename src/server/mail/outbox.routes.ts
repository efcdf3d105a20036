import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import { OutboxMessage, OutboxQuery, OutboxSummary } from '../../shared/contracts/mail.js';
import { adminOnly } from '../platform/authorize.js';
import { getOutboxMessage } from './get-outbox-message.js';
import { listOutbox } from './list-outbox.js';

const tags = ['mail'];

/** The e-mail outbox: read-only, for the admin. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/outbox',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'E-mail messages, newest first, filtered by status and recipient',
        querystring: OutboxQuery,
        response: { 200: page(OutboxSummary) },
      },
    },
    async (request) => listOutbox(request.ctx, request.query),
  );
  app.get(
    '/api/v1/outbox/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'One e-mail message with its text, attempts and last error',
        params: IdParams,
        response: { 200: OutboxMessage },
      },
    },
    async (request) => getOutboxMessage(request.ctx, request.params.id),
  );
};
