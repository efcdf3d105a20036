import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../shared/contracts/common.js';
import {
  ChangeStatusInput,
  Comment,
  CommentList,
  ContributionCopies,
  ContributionDetail,
  ContributionList,
  ContributionListQuery,
  CopyContributionInput,
  CopyTargetList,
  CreateCommentInput,
  CreateContributionInput,
  DeleteContributionQuery,
  MentionableUserList,
  MoveContributionInput,
  UpdateContributionInput,
} from '../../shared/contracts/contributions.js';
import { everyone } from '../platform/authorize.js';
import { addComment } from './add-comment.js';
import { changeStatus } from './change-status.js';
import { contributionCopiers, copyContribution } from './copy-contribution.js';
import { contributionWriters, createContribution } from './create-contribution.js';
import { deleteContribution } from './delete-contribution.js';
import { getContribution } from './get-contribution.js';
import { listComments } from './list-comments.js';
import { listContributionsJson } from './list-contributions.js';
import { listCopyTargets } from './list-copy-targets.js';
import { listMentionableUsers } from './list-mentionable-users.js';
import { moveContribution } from './move-contribution.js';
import { updateContribution } from './update-contribution.js';

const tags = ['contributions'];

export type ContributionRouteOptions = { publicUrl?: string };

export const contributionRoutes: FastifyPluginAsyncZod<ContributionRouteOptions> = async (app, options) => {
  /** The app's address for the links in mention e-mails: PUBLIC_URL, else the address the writer used. */
  const links = (request: FastifyRequest) => ({
    appUrl: options.publicUrl ?? `${request.protocol}://${request.host}`,
  });

  app.get(
    '/api/v1/agreements/:id/contributions',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary:
          "An agreement's contributions by subject area (wanted ones marked), filtered by owner and status",
        params: IdParams,
        querystring: ContributionListQuery,
        response: { 200: ContributionList },
      },
    },
    // The answer comes as the JSON listContributionsJson made with the contract's schemas, and Fastify sends
    // bytes as they are, past the response serializer; the route's type names the objects they encode.
    async (request, reply) => {
      const json = await listContributionsJson(request.ctx, request.params.id, request.query);
      return reply.type('application/json; charset=utf-8').send(json as unknown as ContributionList);
    },
  );
  app.post(
    '/api/v1/agreements/:id/contributions',
    {
      config: { access: contributionWriters },
      schema: {
        tags,
        summary:
          "Add a contribution: a department editor their department's (any region), a region contact the region's own",
        params: IdParams,
        body: CreateContributionInput,
        response: { 201: ContributionDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createContribution(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/v1/contributions/:id',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Show a contribution with its status history',
        params: IdParams,
        response: { 200: ContributionDetail },
      },
    },
    async (request) => getContribution(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/contributions/:id',
    {
      config: { access: contributionWriters },
      schema: {
        tags,
        summary: 'Change a contribution (its owner only by the admin)',
        params: IdParams,
        body: UpdateContributionInput,
        response: { 200: ContributionDetail },
      },
    },
    async (request) => updateContribution(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/contributions/:id',
    {
      config: { access: contributionWriters },
      schema: {
        tags,
        summary: 'Delete a contribution that is still proposed (otherwise drop it through its status)',
        params: IdParams,
        querystring: DeleteContributionQuery,
      },
    },
    async (request, reply) => {
      await deleteContribution(request.ctx, request.params.id, request.query);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/v1/contributions/:id/status',
    {
      config: { access: contributionWriters },
      schema: {
        tags,
        summary: "Change a contribution's negotiation status, with a reason kept in its history",
        params: IdParams,
        body: ChangeStatusInput,
        response: { 200: ContributionDetail },
      },
    },
    async (request) => changeStatus(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/contributions/:id/move',
    {
      config: { access: contributionWriters },
      schema: {
        tags,
        summary: 'Move a contribution up, down or to a position within its subject area',
        params: IdParams,
        body: MoveContributionInput,
        response: { 200: ContributionDetail },
      },
    },
    async (request) => moveContribution(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/v1/contributions/:id/copy-targets',
    {
      config: { access: contributionCopiers },
      schema: {
        tags,
        summary: "The regions a department's contribution can be copied to, and why not where it cannot",
        params: IdParams,
        response: { 200: CopyTargetList },
      },
    },
    async (request) => listCopyTargets(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/contributions/:id/copies',
    {
      config: { access: contributionCopiers },
      schema: {
        tags,
        summary:
          "Copy a department's contribution to other regions' agreements of its cycle, all or none, each copy its own",
        params: IdParams,
        body: CopyContributionInput,
        response: { 201: ContributionCopies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await copyContribution(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/v1/contributions/:id/comments',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: "A contribution's comments, oldest first (replies point at their parent)",
        params: IdParams,
        response: { 200: CommentList },
      },
    },
    async (request) => listComments(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/contributions/:id/comments',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'Comment on a contribution or reply to a comment; mentioned users are e-mailed',
        params: IdParams,
        body: CreateCommentInput,
        response: { 201: Comment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addComment(request.ctx, request.params.id, request.body, links(request))),
  );
  app.get(
    '/api/v1/mentionable-users',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'The active users a comment can mention: name, role and department or region only',
        response: { 200: MentionableUserList },
      },
    },
    async (request) => listMentionableUsers(request.ctx),
  );
};
