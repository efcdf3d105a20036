import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import {
  ImportPopulationInput,
  Population,
  PopulationImportSummary,
  PopulationList,
  PopulationListQuery,
  populationFileMaxChars,
  SetPopulationInput,
} from '../../shared/contracts/populations.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { importPopulations } from './import-populations.js';
import { listMunicipalityPopulations, listPopulations } from './list-populations.js';
import { setPopulation } from './set-population.js';

const tags = ['registry'];

/** Inhabitants per municipality: everyone signed in reads them, the coordinator sets and imports them. */
export const populationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/municipality-populations',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "Each municipality's latest number of inhabitants on or before a date (today by default)",
        querystring: PopulationListQuery,
        response: { 200: PopulationList },
      },
    },
    async (request) => listPopulations(request.ctx, request.query),
  );
  app.post(
    '/api/v1/municipality-populations/import',
    {
      config: { access: adminOnly },
      // The file as text in JSON: up to the file's limit in characters, each up to 4 bytes, and the rest.
      bodyLimit: populationFileMaxChars * 4 + 4096,
      schema: {
        tags,
        summary:
          "Import SSB's population table (07459 or 11342) as semicolon-separated CSV; a file with an unknown municipality number or a bad row changes nothing",
        body: ImportPopulationInput,
        response: { 200: PopulationImportSummary },
      },
    },
    async (request) => importPopulations(request.ctx, request.body),
  );
  app.get(
    '/api/v1/municipalities/:id/populations',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "A municipality's counts of inhabitants, newest first",
        params: IdParams,
        response: { 200: PopulationList },
      },
    },
    async (request) => listMunicipalityPopulations(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/municipalities/:id/populations',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Set a municipality's number of inhabitants on a date, with its source",
        params: IdParams,
        body: SetPopulationInput,
        response: { 200: Population },
      },
    },
    async (request) => setPopulation(request.ctx, request.params.id, request.body),
  );
};
