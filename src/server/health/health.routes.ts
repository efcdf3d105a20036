import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkHealth } from './check-health.js';

export const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({
    reachable: z.boolean(),
    engine: z.enum(['pglite', 'postgresql']),
    version: z.string(),
  }),
});

export const healthRoutes: FastifyPluginAsyncZod<{ engine: 'pglite' | 'postgresql' }> = async (app, opts) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Is the server up and the database reachable?',
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      const health = await checkHealth(request.ctx, opts.engine);
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
};
