import { z } from 'zod';
import { Locale, missingOrText, Role, safeString } from './common.js';

export const LoginInput = z.object({
  email: safeString({ error: missingOrText }).trim().min(1, { error: 'validation.required' }).max(254, {
    error: 'validation.tooLong',
  }),
  password: safeString({ error: missingOrText }).min(1, { error: 'validation.required' }).max(200, {
    error: 'validation.tooLong',
  }),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  locale: Locale,
});
export type Me = z.infer<typeof Me>;

export const UpdatePreferencesInput = z.object({ locale: Locale });
export type UpdatePreferencesInput = z.infer<typeof UpdatePreferencesInput>;
