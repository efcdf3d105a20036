import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import {
  CreateUserInput,
  ResetPasswordInput,
  UpdateUserInput,
  User,
  UserListQuery,
} from '../../shared/contracts/users.js';
import { adminOnly, readers } from '../platform/authorize.js';
import { createUser } from './create-user.js';
import { getUser } from './get-user.js';
import { listUsers } from './list-users.js';
import { resetPassword } from './reset-password.js';
import { updateUser } from './update-user.js';

const tags = ['users'];

/** Local accounts: the admin manages them, the viewer (auditors, leadership) may see who has access. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'List users, filtered by name or e-mail, role and active',
        querystring: UserListQuery,
        response: { 200: page(User) },
      },
    },
    async (request) => listUsers(request.ctx, request.query),
  );
  app.get(
    '/api/v1/users/:id',
    {
      config: { access: readers },
      schema: { tags, summary: 'One user', params: IdParams, response: { 200: User } },
    },
    async (request) => getUser(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/users',
    {
      config: { access: adminOnly },
      schema: { tags, summary: 'Create a user', body: CreateUserInput, response: { 201: User } },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Rename a user, change their role, or (de)activate them; deactivating ends their sessions',
        params: IdParams,
        body: UpdateUserInput,
        response: { 200: User },
      },
    },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/password',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Set a new password for a user; ends their sessions',
        params: IdParams,
        body: ResetPasswordInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetPassword(request.ctx, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
