import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, page } from '../../shared/contracts/common.js';
import { CreateDepartmentInput, Department, UpdateDepartmentInput } from '../../shared/contracts/registry.js';
import { adminOnly, everyone } from '../platform/authorize.js';
import { createDepartment } from './create-department.js';
import { listDepartments } from './list-departments.js';
import { updateDepartment } from './update-department.js';

const tags = ['registry'];

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/departments',
    {
      config: { access: everyone },
      schema: { tags, summary: 'List departments', response: { 200: page(Department) } },
    },
    async (request) => listDepartments(request.ctx),
  );
  app.post(
    '/api/v1/departments',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Create a department',
        body: CreateDepartmentInput,
        response: { 201: Department },
      },
    },
    async (request, reply) => reply.status(201).send(await createDepartment(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/departments/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Rename or deactivate a department',
        params: IdParams,
        body: UpdateDepartmentInput,
        response: { 200: Department },
      },
    },
    async (request) => updateDepartment(request.ctx, request.params.id, request.body),
  );
};
