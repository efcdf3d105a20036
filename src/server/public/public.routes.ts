import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseDocumentQuery } from '../../shared/contracts/cases.js';
import { IdParams } from '../../shared/contracts/common.js';
import {
  OpenDataCatalogue,
  OpenDataParams,
  PublicAgreement,
  PublicAgreementList,
  PublicRegion,
  PublicRegionList,
} from '../../shared/contracts/public.js';
import { loadAgreementDocumentData } from '../agreement-document/agreement-document-data.js';
import { agreementDocument, agreementFileName } from '../agreement-document/agreement-document-model.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import type { Db } from '../db/client.js';
import { documentMediaType, renderDocument } from '../documents/download.js';
import { sendDownload } from '../platform/http/files.js';
import { assertId } from '../platform/ids.js';
import { openDataCatalogue, openDataFile } from './open-data.js';
import {
  loadAgreementInForce,
  loadAgreementsInForce,
  loadPublicRegion,
  loadPublicRegions,
} from './public-reads.js';

const tags = ['public'];
const file = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

/** The public list is read by anyone, often: kept while nothing is written. */
const inForce = createReadCache<PublicAgreement[]>({ maxEntries: 1 });

/**
 * The public pages' API: no sign-in, and only what is public by law and by the county's choice: the
 * agreements in force (text, parties, period, adoption record), each region's agreement, phase and meeting
 * dates, and the open data. Answers may be cached by anyone (`public`), for a minute.
 */
export type PublicRouteOptions = { publicUrl?: string };

export const publicRoutes: FastifyPluginAsyncZod<PublicRouteOptions> = async (app, options) => {
  const cachePublic = { 'cache-control': 'public, max-age=60' };
  const agreementsInForce = (db: Db) => inForce.read(db, 'all', (reader) => loadAgreementsInForce(reader));

  app.get(
    '/api/v1/public/agreements',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The agreements in force, with parties, period and adoption record',
        response: { 200: PublicAgreementList },
      },
    },
    async (request, reply) =>
      reply.headers(cachePublic).send({ items: await agreementsInForce(request.ctx.db) }),
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
      assertId(request.params.id);
      return reply.headers(cachePublic).send(await loadAgreementInForce(request.ctx.db, request.params.id));
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
      assertId(request.params.id);
      await loadAgreementInForce(request.ctx.db, request.params.id);
      const data = await loadAgreementDocumentData(request.ctx.db, request.params.id);
      return sendDownload(
        reply,
        await renderDocument(agreementDocument(data), request.query.format, agreementFileName(data)),
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
    async (request, reply) => reply.headers(cachePublic).send(await loadPublicRegions(request.ctx.db)),
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
      assertId(request.params.id);
      return reply.headers(cachePublic).send(await loadPublicRegion(request.ctx.db, request.params.id));
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
      const data = openDataFile(
        request.params.dataset,
        request.params.format,
        await agreementsInForce(request.ctx.db),
      );
      return reply
        .header('content-type', data.mediaType)
        .header('content-disposition', `attachment; filename="${data.filename}"`)
        .header('cache-control', 'public, max-age=60')
        .send(data.content);
    },
  );
};
