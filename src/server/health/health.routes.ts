import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkHealth, checkReadiness } from './check-health.js';
import type { Lifecycle } from './lifecycle.js';

const tags = ['system'];

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({
    reachable: z.boolean(),
    engine: z.enum(['pglite', 'postgresql']),
    version: z.string(),
  }),
});

export const Liveness = z.object({ status: z.literal('alive') });

export const Readiness = z.object({
  status: z
    .enum(['ready', 'starting', 'stopping', 'unavailable'])
    .describe('`unavailable`: the database does not answer'),
});

export const healthRoutes: FastifyPluginAsyncZod<{
  engine: 'pglite' | 'postgresql';
  lifecycle: Lifecycle;
}> = async (app, opts) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Is the server up and the database reachable?',
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      const health = await checkHealth(request.ctx, opts.engine);
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
  // For a load balancer or an orchestrator: `live` says whether to restart the process, `ready` whether to
  // send it requests. Live asks nothing of the database, so an outage there does not restart every server.
  app.get(
    '/api/health/live',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Liveness: does the process answer? (200 whenever it runs; no database query)',
        response: { 200: Liveness },
      },
    },
    async () => ({ status: 'alive' as const }),
  );
  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Readiness: should it get requests? 200 once started with the database answering; 503 while starting, stopping, or without the database',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(request.ctx, opts.lifecycle);
      return reply.status(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
};
