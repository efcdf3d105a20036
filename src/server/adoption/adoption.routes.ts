import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdoptionParams,
  AgreementAdoption,
  RecordAdoptionInput,
  ResolveDivergenceInput,
} from '../../shared/contracts/adoption.js';
import { IdParams } from '../../shared/contracts/common.js';
import { adminOnly, authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { loadAdoption } from './adoption-reads.js';
import { adoptionRecorders, recordAdoption, resolveDivergence } from './record-adoption.js';

const tags = ['political processing'];

/** An agreement's adoption record, for everyone who may read the agreement (a region contact: its own). */
export async function getAdoption(ctx: Ctx, agreementId: string) {
  const { db, actor } = authorize(ctx, everyone);
  assertId(agreementId);
  return loadAdoption(db, actor, agreementId);
}

export const adoptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/agreements/:id/adoption',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "An agreement's adoption: each member municipality's council decision, the changes made on the way, the executive board's and county council's treatment, and whether it is in force",
        params: IdParams,
        response: { 200: AgreementAdoption },
      },
    },
    async (request) => getAdoption(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/agreements/:id/adoption/:municipalityId',
    {
      config: { access: adoptionRecorders },
      schema: {
        tags,
        summary:
          "Record a member municipality's council decision on the agreement (a region contact: its own region's)",
        params: AdoptionParams,
        body: RecordAdoptionInput,
        response: { 200: AgreementAdoption },
      },
    },
    async (request) =>
      recordAdoption(request.ctx, request.params.id, request.params.municipalityId, request.body),
  );
  app.post(
    '/api/v1/divergences/:id/resolve',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          'Resolve a change a body made to an agreement: accepted into a new version, or sent back to negotiation',
        params: IdParams,
        body: ResolveDivergenceInput,
        response: { 200: AgreementAdoption },
      },
    },
    async (request) => resolveDivergence(request.ctx, request.params.id, request.body),
  );
};
