import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarFeedList,
  CalendarFeedParams,
  CreatedCalendarFeed,
} from '../../shared/contracts/calendar.js';
import { IdParams } from '../../shared/contracts/common.js';
import { everyone } from '../platform/authorize.js';
import { keepEncodings } from '../platform/http/cached-responses.js';
import { sendDownload } from '../platform/http/files.js';
import type { FeedKeys } from './calendar-feed-rules.js';
import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from './calendar-feeds.js';
import { getCalendarFeed, getMeetingCalendar } from './get-calendar.js';

const tags = ['calendar'];
const calendarFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });
const calendarAnswer = {
  200: { description: 'An iCalendar object', content: { 'text/calendar': { schema: calendarFile } } },
};

export type CalendarRouteOptions = { keys: FeedKeys; publicUrl?: string };

/**
 * Meetings as iCalendar: one meeting to download, and personal feeds a calendar program subscribes to.
 * A feed's address holds its token and nothing else identifies the caller, so it is public and read-only.
 */
export const calendarRoutes: FastifyPluginAsyncZod<CalendarRouteOptions> = async (app, options) => {
  /** PUBLIC_URL, else the address the caller used: the feed's address and the events' links. */
  const appUrl = (request: FastifyRequest) => options.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get(
    '/api/v1/meetings/:id/calendar.ics',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'A meeting as an iCalendar event to import (who may read the meeting)',
        params: IdParams,
        response: calendarAnswer,
      },
    },
    async (request, reply) =>
      sendDownload(reply, await getMeetingCalendar(request.ctx, request.params.id, appUrl(request))),
  );
  app.get(
    '/api/v1/calendar-feeds',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "The caller's calendar feeds (without their addresses, which are shown once)",
        response: { 200: CalendarFeedList },
      },
    },
    async (request) => listCalendarFeeds(request.ctx),
  );
  app.post(
    '/api/v1/calendar-feeds',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Make a personal calendar feed; the answer holds its address, this once only',
        response: { 201: CreatedCalendarFeed },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCalendarFeed(request.ctx, options.keys, appUrl(request))),
  );
  app.delete(
    '/api/v1/calendar-feeds/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Revoke one of the caller’s calendar feeds: its address answers 404 from then on',
        params: IdParams,
        response: { 204: z.undefined().describe('Feed revoked') },
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/v1/calendar/:token.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "A personal calendar feed: the meetings its owner may read now (404 for an unknown or revoked token, or a deactivated owner's)",
        params: CalendarFeedParams,
        response: calendarAnswer,
      },
    },
    async (request, reply) => {
      const file = await getCalendarFeed(request.ctx, options.keys, request.params.token, appUrl(request));
      // The same bytes until the next change (get-calendar.ts): compressed once for every reader.
      return reply
        .header('content-type', file.mediaType)
        .header('cache-control', 'private, no-store')
        .send(keepEncodings(file.content));
    },
  );
};
