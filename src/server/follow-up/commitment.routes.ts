import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import {
  AddIndicatorInput,
  AgreementInForceList,
  ChangeCommitmentInput,
  CommitmentDetail,
  CommitmentList,
  CommitmentQuery,
  CreateCommitmentInput,
} from '../../shared/contracts/follow-up.js';
import { adminOnly, authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { addIndicator } from './add-indicator.js';
import { changeCommitment } from './change-commitment.js';
import { listAgreementsInForce, listCommitments, loadCommitmentDetail } from './commitment-reads.js';
import { reporters } from './commitment-rules.js';
import { createCommitment } from './create-commitment.js';

const tags = ['follow-up'];

/** Commitments of agreements in force, by cycle, agreement, region or department; everyone signed in. */
export async function getCommitments(ctx: Ctx, raw: unknown): Promise<CommitmentList> {
  const { db } = authorize(ctx, everyone);
  const query = parse(CommitmentQuery, raw);
  return { items: await listCommitments(db, query) };
}

/** One commitment with its indicators, changes and timeline of reports; everyone signed in. */
export async function getCommitment(ctx: Ctx, id: string): Promise<CommitmentDetail> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(id);
  return loadCommitmentDetail(db, actor, id);
}

/** The agreements of a cycle in force, which commitments agreed elsewhere are added to; everyone signed in. */
export async function getAgreementsInForce(ctx: Ctx, cycleId: string): Promise<AgreementInForceList> {
  const { db } = authorize(ctx, everyone);
  assertId(cycleId);
  return { items: await listAgreementsInForce(db, cycleId) };
}

export const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/cycles/:id/agreements-in-force',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          'The agreements of a cycle in force, by region name: those a commitment agreed elsewhere can be added to',
        params: IdParams,
        response: { 200: AgreementInForceList },
      },
    },
    async (request) => getAgreementsInForce(request.ctx, request.params.id),
  );
  app.get(
    '/api/v1/commitments',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "The commitments of agreements in force (each agreed contribution, and what was agreed elsewhere), with each one's latest report",
        querystring: CommitmentQuery,
        response: { 200: CommitmentList },
      },
    },
    async (request) => getCommitments(request.ctx, request.query),
  );
  app.post(
    '/api/v1/commitments',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Add a commitment agreed outside the contributions, with a reference to where it was agreed',
        body: CreateCommitmentInput,
        response: { 201: CommitmentDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await createCommitment(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/commitments/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'A commitment with its indicators, the changes made to it and its timeline of reports',
        params: IdParams,
        response: { 200: CommitmentDetail },
      },
    },
    async (request) => getCommitment(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/commitments/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Change a commitment's substance, with the reason and the decision the change rests on",
        params: IdParams,
        body: ChangeCommitmentInput,
        response: { 200: CommitmentDetail },
      },
    },
    async (request) => changeCommitment(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/commitments/:id/indicators',
    {
      config: { access: reporters },
      schema: {
        tags,
        summary:
          'Add an indicator to a commitment: unit, direction, baseline and target with their dates, intermediate goals (its owner or the admin)',
        params: IdParams,
        body: AddIndicatorInput,
        response: { 201: CommitmentDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addIndicator(request.ctx, request.params.id, request.body)),
  );
};
