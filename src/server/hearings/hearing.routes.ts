import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import {
  CloseHearingInput,
  ExtendHearingInput,
  Hearing,
  HearingListQuery,
  HearingMailed,
  HearingOverview,
  HearingSummary,
  InputListQuery,
  OpenHearingInput,
  RegisterHearingInput,
  SilentRegionsReminded,
} from '../../shared/contracts/hearings.js';
import { type MailDelivery, noMailServer } from '../mail/mail-outcome.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { closeHearing } from './close-hearing.js';
import { extendHearing } from './extend-hearing.js';
import { getHearing } from './get-hearing.js';
import { getOverview } from './get-overview.js';
import { listHearings } from './list-hearings.js';
import { openHearing } from './open-hearing.js';
import { registerHearing } from './register-hearing.js';
import { remindSilentRegions } from './remind-silent-regions.js';

const tags = ['hearings'];

/** `mail`: whether a mail server sends the e-mail (the answers say what became of it); none when absent. */
export type HearingRouteOptions = { publicUrl?: string; mail?: MailDelivery };

export const hearingRoutes: FastifyPluginAsyncZod<HearingRouteOptions> = async (app, options) => {
  /**
   * The app's address for the links in e-mails: PUBLIC_URL when set; else the address the admin reached
   * the app at (a write has already shown, by Origin or Sec-Fetch-Site, that it comes from the app).
   */
  const links = (request: FastifyRequest) => ({
    appUrl: options.publicUrl ?? `${request.protocol}://${request.host}`,
  });
  const delivery = options.mail ?? noMailServer;

  app.get(
    '/api/v1/hearings',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "Hearings, newest first, by cycle and state (a region contact: their region's only)",
        querystring: HearingListQuery,
        response: { 200: page(HearingSummary) },
      },
    },
    async (request) => listHearings(request.ctx, request.query),
  );
  app.post(
    '/api/v1/hearings',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Open a hearing on a version (sent on hearing): invited regions are e-mailed, reminders scheduled; the answer says whether the e-mail is queued or kept (no mail server)',
        body: OpenHearingInput,
        response: { 201: HearingMailed },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openHearing(request.ctx, request.body, links(request), delivery)),
  );
  app.post(
    '/api/v1/hearings/registered-afterwards',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Register a hearing that took place before (its deadline passed): sent on hearing, nobody e-mailed, no reminder',
        body: RegisterHearingInput,
        response: { 201: Hearing },
      },
    },
    async (request, reply) => reply.status(201).send(await registerHearing(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/hearings/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Show a hearing', params: IdParams, response: { 200: Hearing } },
    },
    async (request) => getHearing(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/hearings/:id/extend',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Move an open hearing's deadline later; invited regions are told, reminders move",
        params: IdParams,
        body: ExtendHearingInput,
        response: { 200: HearingMailed },
      },
    },
    async (request) => extendHearing(request.ctx, request.params.id, request.body, links(request), delivery),
  );
  app.post(
    '/api/v1/hearings/:id/remind',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Remind the contacts of the invited regions that have not answered an open hearing, each contact once',
        params: IdParams,
        response: { 200: SilentRegionsReminded },
      },
    },
    async (request) => remindSilentRegions(request.ctx, request.params.id, links(request), delivery),
  );
  app.post(
    '/api/v1/hearings/:id/close',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Close an open hearing before its deadline',
        params: IdParams,
        body: CloseHearingInput,
        response: { 200: Hearing },
      },
    },
    async (request) => closeHearing(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/v1/hearings/:id/overview',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Per region and per section: what came in and what is unanswered, with the filtered inputs',
        params: IdParams,
        querystring: InputListQuery,
        response: { 200: HearingOverview },
      },
    },
    async (request) => getOverview(request.ctx, request.params.id, request.query),
  );
};
