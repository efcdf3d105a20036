import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseDocumentQuery } from '../../shared/contracts/cases.js';
import { IdParams } from '../../shared/contracts/common.js';
import {
  OpenDataCatalogue,
  OpenDataParams,
  PublicAgreement,
  PublicAgreementList,
  PublicAgreementListQuery,
  PublicCounty,
  PublicHearing,
  PublicHearingList,
  PublicRegion,
  PublicRegionList,
} from '../../shared/contracts/public.js';
import { documentMediaType } from '../documents/download.js';
import { sendDownload } from '../platform/http/files.js';
import { openDataCatalogue } from './open-data.js';
import {
  exportAgreementInForce,
  getAgreementInForce,
  getClosedHearing,
  getPublicCounty,
  getPublicRegion,
  listAgreementsInForce,
  listClosedHearings,
  listPublicRegions,
  openDataset,
} from './public-use-cases.js';

const tags = ['public'];
const file = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

/**
 * The public pages' API: no sign-in, and only what is public by law and by the county's choice: the
 * agreements in force (text, parties, period, adoption record), each region's agreement, phase and meeting
 * dates, the closed hearings with their summaries, the county's name, and the open data. Answers may be cached by anyone (`public`), for a minute.
 */
export type PublicRouteOptions = { publicUrl?: string };

export const publicRoutes: FastifyPluginAsyncZod<PublicRouteOptions> = async (app, options) => {
  const cachePublic = { 'cache-control': 'public, max-age=60' };
  app.get(
    '/api/v1/public/county',
    {
      config: { access: 'public' },
      schema: { tags, summary: "The county's name", response: { 200: PublicCounty } },
    },
    async (request, reply) => reply.headers(cachePublic).send(await getPublicCounty(request.ctx)),
  );
  app.get(
    '/api/v1/public/hearings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The closed hearings of the general part, newest first, with how the inputs were answered (never an open hearing)',
        response: { 200: PublicHearingList },
      },
    },
    async (request, reply) => reply.headers(cachePublic).send(await listClosedHearings(request.ctx)),
  );
  app.get(
    '/api/v1/public/hearings/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "A closed hearing with its summary: each section's inputs by region with the county's final answer (404 for an open hearing)",
        params: IdParams,
        response: { 200: PublicHearing },
      },
    },
    async (request, reply) =>
      reply.headers(cachePublic).send(await getClosedHearing(request.ctx, request.params.id)),
  );
  app.get(
    '/api/v1/public/agreements',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The agreements in force, with parties and period',
        description:
          'Each agreement in force by region name, a page at a time. The adoption record of each is in `/api/v1/public/agreements/{id}` and in the open data.',
        querystring: PublicAgreementListQuery,
        response: { 200: PublicAgreementList },
      },
    },
    async (request, reply) =>
      reply.headers(cachePublic).send(await listAgreementsInForce(request.ctx, request.query)),
  );
  app.get(
    '/api/v1/public/agreements/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One agreement in force (404 for any other)',
        params: IdParams,
        response: { 200: PublicAgreement },
      },
    },
    async (request, reply) => {
      return reply.headers(cachePublic).send(await getAgreementInForce(request.ctx, request.params.id));
    },
  );
  app.get(
    '/api/v1/public/agreements/:id/document',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An agreement in force as DOCX or PDF, general and special part together',
        params: IdParams,
        querystring: CaseDocumentQuery,
        response: {
          200: {
            description: 'The agreement',
            content: {
              [documentMediaType.docx]: { schema: file },
              [documentMediaType.pdf]: { schema: file },
            },
          },
        },
      },
    },
    async (request, reply) => {
      return sendDownload(
        reply,
        await exportAgreementInForce(request.ctx, request.params.id, request.query.format),
      );
    },
  );
  app.get(
    '/api/v1/public/regions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The regions with the phase of their newest agreement',
        response: { 200: PublicRegionList },
      },
    },
    async (request, reply) => reply.headers(cachePublic).send(await listPublicRegions(request.ctx)),
  );
  app.get(
    '/api/v1/public/regions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A region's agreement, its phase and the dates of its meetings",
        params: IdParams,
        response: { 200: PublicRegion },
      },
    },
    async (request, reply) => {
      return reply.headers(cachePublic).send(await getPublicRegion(request.ctx, request.params.id));
    },
  );
  app.get(
    '/api/v1/public/data',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The open datasets, their addresses and a description of each field',
        response: { 200: OpenDataCatalogue },
      },
    },
    async (request, reply) =>
      reply
        .headers(cachePublic)
        .send(
          openDataCatalogue(
            options.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`,
          ),
        ),
  );
  app.get(
    '/api/v1/public/data/:dataset.:format',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'An open dataset as CSV or JSON: agreements, parties or adoptions of the agreements in force',
        params: OpenDataParams,
        response: {
          200: {
            description: 'The dataset',
            content: { 'text/csv': { schema: file }, 'application/json': { schema: file } },
          },
        },
      },
    },
    async (request, reply) => {
      const data = await openDataset(request.ctx, request.params.dataset, request.params.format);
      return reply
        .header('content-type', data.mediaType)
        .header('content-disposition', `attachment; filename="${data.filename}"`)
        .header('cache-control', 'public, max-age=60')
        .send(data.content);
    },
  );
};
