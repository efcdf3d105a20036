import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import { CreatePersonInput, Person, UpdatePersonInput } from '../../shared/contracts/registry.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { createPerson } from './create-person.js';
import { deletePerson } from './delete-person.js';
import { DeleteQuery } from './delete-query.js';
import { getPerson } from './get-person.js';
import { listPeople, PersonListQuery } from './list-people.js';
import { updatePerson } from './update-person.js';

const tags = ['registry'];

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/people',
    {
      config: { access: everyone },
      schema: {
        tags,
        summary: 'List people by name, optionally searched by name, e-mail or organisation',
        querystring: PersonListQuery,
        response: { 200: page(Person) },
      },
    },
    async (request) => listPeople(request.ctx, request.query),
  );
  app.get(
    '/api/v1/people/:id',
    {
      config: { access: everyone },
      schema: { tags, summary: 'Get a person', params: IdParams, response: { 200: Person } },
    },
    async (request) => getPerson(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/people',
    {
      config: { access: adminOnly },
      schema: { tags, summary: 'Register a person', body: CreatePersonInput, response: { 201: Person } },
    },
    async (request, reply) => reply.status(201).send(await createPerson(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: "Change a person's name or contact details",
        params: IdParams,
        body: UpdatePersonInput,
        response: { 200: Person },
      },
    },
    async (request) => updatePerson(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/v1/people/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Delete a person (409 inUse while a user account is linked to them)',
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: z.undefined().describe('Person deleted') },
      },
    },
    async (request, reply) => {
      await deletePerson(request.ctx, request.params.id, request.query);
      return reply.status(204).send();
    },
  );
};
