import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approvalAttachmentRoutes } from './approval-attachment.routes.js';
import { cycleRoutes } from './cycle.routes.js';
import { nynorskRoutes } from './nynorsk.routes.js';
import { versionRoutes } from './version.routes.js';

/** Agreement cycles and their general part: versions of ordered sections, drafts, approval (with its documents), compare, the nynorsk text. */
export const generalPartRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(cycleRoutes);
  await app.register(versionRoutes);
  await app.register(approvalAttachmentRoutes);
  await app.register(nynorskRoutes);
};
