import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../shared/contracts/common.js';
import {
  AddMemberInput,
  MemberParams,
  Membership,
  UpdateMemberInput,
} from '../../shared/contracts/registry.js';
import { adminOnly } from '../platform/authorize.js';
import { addMember } from './add-member.js';
import { DeleteQuery } from './delete-query.js';
import { removeMember } from './remove-member.js';
import { updateMember } from './update-member.js';

const tags = ['registry'];

/** A region's dated members: a municipality joins on a date and leaves on another (exclusive). */
export const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/regions/:id/members',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Add a municipality to a region for a period',
        params: IdParams,
        body: AddMemberInput,
        response: { 201: Membership },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(request.ctx, request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/regions/:id/members/:membershipId',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Change a membership's period (validTo is exclusive; null while it lasts)",
        params: MemberParams,
        body: UpdateMemberInput,
        response: { 200: Membership },
      },
    },
    async (request) =>
      updateMember(request.ctx, request.params.id, request.params.membershipId, request.body),
  );
  app.delete(
    '/api/v1/regions/:id/members/:membershipId',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Remove a membership recorded by mistake (a municipality that leaves gets an end date)',
        params: MemberParams,
        querystring: DeleteQuery,
        response: { 204: z.undefined().describe('Membership removed') },
      },
    },
    async (request, reply) => {
      await removeMember(request.ctx, request.params.id, request.params.membershipId, request.query);
      return reply.status(204).send();
    },
  );
};
