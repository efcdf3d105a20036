import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dispositionRoutes } from './disposition.routes.js';
import { type HearingRouteOptions, hearingRoutes } from './hearing.routes.js';
import { inputRoutes } from './input.routes.js';

/** Hearings on the general part: opening, extending, closing; the regions' input and its attachments; dispositions. */
export const hearingsRoutes: FastifyPluginAsyncZod<HearingRouteOptions> = async (app, options) => {
  await app.register(hearingRoutes, options);
  await app.register(inputRoutes);
  await app.register(dispositionRoutes);
};
