import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditActions, AuditEvent, AuditQuery } from '../../shared/contracts/audit.js';
import { page } from '../../shared/contracts/common.js';
import { readers } from '../platform/authorize.js';
import { listAuditActions } from './list-audit-actions.js';
import { listAuditEvents } from './list-audit-events.js';

const tags = ['audit'];

/** The audit log: read-only, for the admin and for viewers (auditors, leadership). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit-events',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Audit events, newest first, filtered by actor, action, entity and dates (Europe/Oslo)',
        querystring: AuditQuery,
        response: { 200: page(AuditEvent) },
      },
    },
    async (request) => listAuditEvents(request.ctx, request.query),
  );
  app.get(
    '/api/v1/audit-events/actions',
    {
      config: { access: readers },
      schema: { tags, summary: 'The action names that occur in the log', response: { 200: AuditActions } },
    },
    async (request) => listAuditActions(request.ctx),
  );
};
