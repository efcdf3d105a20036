import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BodyList,
  BodyListQuery,
  BodyMeeting,
  BodyMeetingParams,
  BodySyncResult,
  CreateBodyMeetingInput,
  PoliticalBodyWithPlan,
  UpdateBodyMeetingInput,
} from '../../shared/contracts/bodies.js';
import { IdParams } from '../../shared/contracts/common.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { DeleteQuery } from '../registry/delete-query.js';
import { bodyCalendar } from './body-calendar.js';
import { getBody, listBodies } from './list-bodies.js';
import {
  bodyPlanners,
  createBodyMeeting,
  deleteBodyMeeting,
  updateBodyMeeting,
} from './plan-body-meetings.js';
import { syncBodies } from './sync-bodies.js';

const tags = ['political processing'];
const calendarFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

export type BodyRouteOptions = { publicUrl?: string };

/**
 * Political bodies and their meeting plans: everyone signed in reads them; the coordinator makes the bodies
 * from the registry and keeps every plan, a region contact its regional council's and its municipalities'.
 */
export const bodyRoutes: FastifyPluginAsyncZod<BodyRouteOptions> = async (app, options) => {
  app.get(
    '/api/v1/bodies',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The political bodies, the county’s first, with their next meeting; by kind and by region',
        querystring: BodyListQuery,
        response: { 200: BodyList },
      },
    },
    async (request) => listBodies(request.ctx, request.query),
  );
  app.post(
    '/api/v1/bodies/sync',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Make the bodies the registry calls for that are missing (executive board, county council, a council per region and per municipality inside the county)',
        response: { 200: BodySyncResult },
      },
    },
    async (request) => syncBodies(request.ctx),
  );
  app.get(
    '/api/v1/bodies/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'A political body with its meeting plan',
        params: IdParams,
        response: { 200: PoliticalBodyWithPlan },
      },
    },
    async (request) => getBody(request.ctx, request.params.id),
  );
  app.get(
    '/api/v1/bodies/:id/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A body's meeting plan as an iCalendar feed (public, as meeting plans are)",
        params: IdParams,
        response: {
          200: { description: 'An iCalendar object', content: { 'text/calendar': { schema: calendarFile } } },
        },
      },
    },
    async (request, reply) => {
      const appUrl = options.publicUrl ?? `${request.protocol}://${request.host}`;
      const file = await bodyCalendar(request.ctx.db, request.params.id, appUrl);
      return reply
        .header('content-type', file.mediaType)
        .header('cache-control', 'no-cache')
        .send(file.content);
    },
  );
  app.post(
    '/api/v1/bodies/:id/meetings',
    {
      config: { access: bodyPlanners },
      schema: {
        tags,
        summary:
          "Add a meeting to a body's plan (a region contact: its regional council's and its municipalities')",
        params: IdParams,
        body: CreateBodyMeetingInput,
        response: { 201: BodyMeeting },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createBodyMeeting(request.ctx, request.params.id, request.body)),
  );
  app.put(
    '/api/v1/bodies/:id/meetings/:meetingId',
    {
      config: { access: bodyPlanners },
      schema: {
        tags,
        summary: "Change a meeting in a body's plan",
        params: BodyMeetingParams,
        body: UpdateBodyMeetingInput,
        response: { 200: BodyMeeting },
      },
    },
    async (request) =>
      updateBodyMeeting(request.ctx, request.params.id, request.params.meetingId, request.body),
  );
  app.delete(
    '/api/v1/bodies/:id/meetings/:meetingId',
    {
      config: { access: bodyPlanners },
      schema: {
        tags,
        summary: "Take a meeting out of a body's plan (refused while a case is planned for it)",
        params: BodyMeetingParams,
        querystring: DeleteQuery,
        response: { 204: z.undefined().describe('Meeting removed') },
      },
    },
    async (request, reply) => {
      await deleteBodyMeeting(request.ctx, request.params.id, request.params.meetingId, request.query);
      return reply.status(204).send();
    },
  );
};
