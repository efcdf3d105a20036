import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import { CompareQuery } from '../../shared/contracts/document-versions.js';
import {
  SpecialPart,
  SpecialPartAnswerInput,
  SpecialPartAnswerView,
  SpecialPartComparison,
  SpecialPartTransitionInput,
  SpecialPartVersion,
  SpecialPartVersionSent,
  UpdateSpecialPartSectionsInput,
} from '../../shared/contracts/special-part.js';
import { sectionsBodyLimit } from '../document-versions/section-edits.js';
import { type MailDelivery, noMailServer } from '../mail/mail-outcome.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { agreeSpecialPartVersion } from './agree-special-part-version.js';
import { answerSpecialPartVersion } from './answer-special-part-version.js';
import { compareSpecialPartVersions } from './compare-special-part-versions.js';
import { createSpecialPart } from './create-special-part.js';
import { createSpecialPartDraft } from './create-special-part-draft.js';
import { getSpecialPart } from './get-special-part.js';
import { getSpecialPartAnswer } from './get-special-part-answer.js';
import { getSpecialPartVersion } from './get-special-part-version.js';
import { sendSpecialPartVersion } from './send-special-part-version.js';
import { answerWriters } from './special-part-answer-rules.js';
import { updateSpecialPartSections } from './update-special-part-sections.js';

const tags = ['special part'];

/** `mail`: whether a mail server sends the e-mail (the answer to sending says what became of it). */
export type SpecialPartRouteOptions = { publicUrl?: string; mail?: MailDelivery };

/**
 * Everyone signed in reads every agreement's special part; the coordinator (admin) writes its text, sends it
 * and records it agreed. Departments and regions shape it through their contributions, which the generated
 * contributions section shows; the region's contact answers a sent version, and the county's people and
 * the region read that answer.
 */
export const specialPartRoutes: FastifyPluginAsyncZod<SpecialPartRouteOptions> = async (app, options) => {
  /** The app's address for the link in the e-mail: PUBLIC_URL, else the address the coordinator used. */
  const links = (request: FastifyRequest) => ({
    appUrl: options.publicUrl ?? `${request.protocol}://${request.host}`,
  });
  const delivery = options.mail ?? noMailServer;

  app.get(
    '/api/v1/agreements/:id/special-part',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "An agreement's special part: its versions, newest first, with the agreed one and the draft",
        params: IdParams,
        response: { 200: SpecialPart },
      },
    },
    async (request) => getSpecialPart(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/agreements/:id/special-part',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Start the agreement's special part: a first draft with the default sections (409 if started)",
        params: IdParams,
        response: { 201: SpecialPartVersion },
      },
    },
    async (request, reply) => reply.status(201).send(await createSpecialPart(request.ctx, request.params.id)),
  );
  app.get(
    '/api/v1/special-part-versions/compare',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Compare two versions of one special part section by section, the contributions as text',
        querystring: CompareQuery,
        response: { 200: SpecialPartComparison },
      },
    },
    async (request) => compareSpecialPartVersions(request.ctx, request.query),
  );
  app.get(
    '/api/v1/special-part-versions/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'Show a version with its sections; the contributions section live for a draft, frozen otherwise',
        params: IdParams,
        response: { 200: SpecialPartVersion },
      },
    },
    async (request) => getSpecialPartVersion(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/special-part-versions/:id/sections',
    {
      bodyLimit: sectionsBodyLimit,
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Replace a draft's sections, in order (409 if stale or not a draft)",
        params: IdParams,
        body: UpdateSpecialPartSectionsInput,
        response: { 200: SpecialPartVersion },
      },
    },
    async (request) => updateSpecialPartSections(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/special-part-versions/:id/drafts',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Make a new draft copied from this version (409 if the agreement has a draft already)',
        params: IdParams,
        response: { 201: SpecialPartVersion },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSpecialPartDraft(request.ctx, request.params.id)),
  );
  app.post(
    '/api/v1/special-part-versions/:id/send',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Send a draft to the parties, freezing its contributions section; the region's contacts are e-mailed to answer it, and the answer says whether the e-mail is queued or kept (409 if stale or not a draft)",
        params: IdParams,
        body: SpecialPartTransitionInput,
        response: { 200: SpecialPartVersionSent },
      },
    },
    async (request) =>
      sendSpecialPartVersion(request.ctx, request.params.id, request.body, links(request), delivery),
  );
  app.get(
    '/api/v1/special-part-versions/:id/answer',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "The region's answer to a version and whether it may answer now (a region contact: their own region's only)",
        params: IdParams,
        response: { 200: SpecialPartAnswerView },
      },
    },
    async (request) => getSpecialPartAnswer(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/special-part-versions/:id/answer',
    {
      config: { access: answerWriters },
      schema: {
        tags,
        summary:
          "Answer a sent version for the contact's own region: it agrees, or comments on sections; changeable until the version is agreed (403 for another region, 409 if not sent, agreed or stale)",
        params: IdParams,
        body: SpecialPartAnswerInput,
        response: { 200: SpecialPartAnswerView },
      },
    },
    async (request) => answerSpecialPartVersion(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/special-part-versions/:id/agree',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Record a sent version as agreed; the previously agreed version is superseded',
        params: IdParams,
        body: SpecialPartTransitionInput,
        response: { 200: SpecialPartVersion },
      },
    },
    async (request) => agreeSpecialPartVersion(request.ctx, request.params.id, request.body),
  );
};
