import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CommitmentReport,
  OpenRoundInput,
  ReopenReportInput,
  ReportingRound,
  ReportingRoundList,
  ReportParams,
  RoundCommitmentPage,
  RoundCommitmentQuery,
  RoundParams,
  RoundQuery,
  RoundStatus,
  RoundVersionInput,
  SaveReportInput,
} from '../../shared/contracts/follow-up.js';
import { createReadCache } from '../audit/audited-read-cache.js';
import { adminOnly, authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { closeRound, publishRound } from './close-round.js';
import { reporters } from './commitment-rules.js';
import { openRound } from './open-round.js';
import { reopenReport } from './reopen-report.js';
import { loadReport } from './report-reads.js';
import { listRoundCommitments, listRounds, type RoundTally, tallyRound } from './reporting-round-reads.js';
import { saveReport } from './save-report.js';

const tags = ['follow-up'];

export async function getRounds(ctx: Ctx, raw: unknown): Promise<ReportingRoundList> {
  const { db } = authorize(ctx, everyone);
  const query = parse(RoundQuery, raw);
  return { items: await listRounds(db, query) };
}

/**
 * A round's status reads every commitment of the round, and its page is opened again and again while
 * reports come in: kept while nothing is written (every report saved appends an audit event, so a status
 * read after it is read anew).
 */
const roundTallies = createReadCache<RoundTally | null>({ maxEntries: 16 });

export async function getRoundStatus(ctx: Ctx, id: string): Promise<RoundStatus> {
  const { actor } = authorize(ctx, everyone);
  assertId(id);
  const tally = await roundTallies.read(ctx, 'every scope', id, (reader) => tallyRound(reader, id));
  if (!tally) throw notFound();
  return { ...tally, mayManage: actor.role === 'admin' };
}

export async function getRoundCommitments(ctx: Ctx, id: string, raw: unknown): Promise<RoundCommitmentPage> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(id);
  return listRoundCommitments(db, actor, id, parse(RoundCommitmentQuery, raw ?? {}));
}

export async function getReport(ctx: Ctx, roundId: string, commitmentId: string): Promise<CommitmentReport> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(roundId);
  assertId(commitmentId);
  return loadReport(db, actor, roundId, commitmentId);
}

export type ReportingRoundRouteOptions = { publicUrl?: string };

export const reportingRoundRoutes: FastifyPluginAsyncZod<ReportingRoundRouteOptions> = async (
  app,
  options,
) => {
  /** The app's address for the link in the reminders: PUBLIC_URL when set, else the address the admin used. */
  const links = (request: FastifyRequest) => ({
    appUrl: options.publicUrl ?? `${request.protocol}://${request.host}`,
  });
  app.get(
    '/api/v1/reporting-rounds',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Reporting rounds, the latest deadline first, with how many commitments are reported on',
        querystring: RoundQuery,
        response: { 200: ReportingRoundList },
      },
    },
    async (request) => getRounds(request.ctx, request.query),
  );
  app.post(
    '/api/v1/reporting-rounds',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary:
          "Open a reporting round of a cycle with its deadline and the commitments it covers (by default all of the cycle's agreements in force); reminders go out 14 and 3 days before the deadline",
        body: OpenRoundInput,
        response: { 201: ReportingRound },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openRound(request.ctx, request.body, links(request))),
  );
  app.get(
    '/api/v1/reporting-rounds/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A round's status over all its commitments: how many reports are not started, drafts, reopened and submitted, which owners have and have not reported, and the regions it covers",
        params: RoundParams,
        response: { 200: RoundStatus },
      },
    },
    async (request) => getRoundStatus(request.ctx, request.params.id),
  );
  app.get(
    '/api/v1/reporting-rounds/:id/commitments',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A page of a round's commitments with where each one's report stands, by region, subject area and title; filtered by report state, region and owner (a department's id, or `region` for the regions' own)",
        params: RoundParams,
        querystring: RoundCommitmentQuery,
        response: { 200: RoundCommitmentPage },
      },
    },
    async (request) => getRoundCommitments(request.ctx, request.params.id, request.query),
  );
  app.post(
    '/api/v1/reporting-rounds/:id/close',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Close a round: no report is saved or submitted in it after this',
        params: RoundParams,
        body: RoundVersionInput,
        response: { 200: RoundStatus },
      },
    },
    async (request) => closeRound(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/reporting-rounds/:id/publish',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Publish a closed round's report, for the public region pages",
        params: RoundParams,
        body: RoundVersionInput,
        response: { 200: RoundStatus },
      },
    },
    async (request) => publishRound(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/v1/reporting-rounds/:id/commitments/:commitmentId/report',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "A commitment's report in a round, with its indicators (a draft only for its owner, the admin and the viewers)",
        params: ReportParams,
        response: { 200: CommitmentReport },
      },
    },
    async (request) => getReport(request.ctx, request.params.id, request.params.commitmentId),
  );
  app.put(
    '/api/v1/reporting-rounds/:id/commitments/:commitmentId/report',
    {
      config: { access: reporters },
      schema: {
        tags,
        summary:
          "Save a draft of the report on a commitment in an open round (its department's editor, the region's contact for the region's own, or the admin)",
        params: ReportParams,
        body: SaveReportInput,
        response: { 200: CommitmentReport },
      },
    },
    async (request) =>
      saveReport(request.ctx, request.params.id, request.params.commitmentId, request.body, {
        submit: false,
      }),
  );
  app.post(
    '/api/v1/reporting-rounds/:id/commitments/:commitmentId/report/submit',
    {
      config: { access: reporters },
      schema: {
        tags,
        summary: 'Save and submit the report on a commitment in an open round (status and progress required)',
        params: ReportParams,
        body: SaveReportInput,
        response: { 200: CommitmentReport },
      },
    },
    async (request) =>
      saveReport(request.ctx, request.params.id, request.params.commitmentId, request.body, { submit: true }),
  );
  app.post(
    '/api/v1/reporting-rounds/:id/commitments/:commitmentId/report/reopen',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Reopen a submitted report with a reason, so its owner can change it and submit it again',
        params: ReportParams,
        body: ReopenReportInput,
        response: { 200: CommitmentReport },
      },
    },
    async (request) =>
      reopenReport(request.ctx, request.params.id, request.params.commitmentId, request.body),
  );
};
