import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { departmentRoutes } from './department.routes.js';

/** The registry: county, departments, regions with dated members, municipalities and people. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(departmentRoutes);
};
