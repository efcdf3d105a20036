import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countyRoutes } from './county.routes.js';
import { departmentRoutes } from './department.routes.js';
import { membershipRoutes } from './membership.routes.js';
import { municipalityRoutes } from './municipality.routes.js';
import { personRoutes } from './person.routes.js';
import { populationRoutes } from './population.routes.js';
import { regionRoutes } from './region.routes.js';

/** The registry: county, departments, regions with dated members, municipalities with their inhabitants, and people. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(countyRoutes);
  await app.register(departmentRoutes);
  await app.register(regionRoutes);
  await app.register(membershipRoutes);
  await app.register(municipalityRoutes);
  await app.register(personRoutes);
  await app.register(populationRoutes);
};
