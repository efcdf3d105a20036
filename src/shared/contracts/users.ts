import { z } from 'zod';
import {
  Email,
  Id,
  ListQuery,
  Locale,
  missingOrText,
  Role,
  requiredText,
  safeString,
  Version,
} from './common.js';

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.string().nullable(),
  regionId: z.string().nullable(),
  locale: Locale,
  active: z.boolean(),
  version: z.number(),
});
export type User = z.infer<typeof User>;

export const Password = z
  .string({ error: missingOrText })
  .min(12, { error: 'validation.passwordTooShort' })
  .max(200, { error: 'validation.tooLong' });

/** A department editor needs a department, a region contact a region, and nobody else either. */
const bindingRule = (v: { role?: Role; departmentId?: string | null; regionId?: string | null }) => [
  ...(v.role === 'department' && !v.departmentId
    ? [{ path: ['departmentId'], message: 'validation.departmentRequired' }]
    : []),
  ...(v.role === 'region' && !v.regionId
    ? [{ path: ['regionId'], message: 'validation.regionRequired' }]
    : []),
];

export const CreateUserInput = z
  .object({
    email: Email,
    name: requiredText(200),
    role: Role,
    departmentId: Id.nullish(),
    regionId: Id.nullish(),
    password: Password,
  })
  .superRefine((v, ctx) => {
    for (const issue of bindingRule(v)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    name: requiredText(200).optional(),
    role: Role.optional(),
    departmentId: Id.nullish(),
    regionId: Id.nullish(),
    active: z.boolean().optional(),
    version: Version,
  })
  .superRefine((v, ctx) => {
    for (const issue of bindingRule(v)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z.object({ password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const UserListQuery = ListQuery.extend({
  q: safeString().trim().max(200).optional(),
  role: Role.optional(),
  active: z.enum(['true', 'false']).optional(),
});
