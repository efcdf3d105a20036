import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MyTasks, MyTasksQuery } from '../../shared/contracts/tasks.js';
import { everyone } from '../platform/authorize.js';
import { getMyTasks } from './get-my-tasks.js';

/** "Mine oppgaver": what waits for the caller in a cycle. */
export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/my-tasks',
    {
      config: { access: everyone },
      schema: {
        tags: ['tasks'],
        summary:
          "What waits for the caller in a cycle: inputs assigned to their department, their department's or region's part of the special parts",
        querystring: MyTasksQuery,
        response: { 200: MyTasks },
      },
    },
    async (request) => getMyTasks(request.ctx, request.query),
  );
};
