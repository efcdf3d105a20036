import { z } from 'zod';
import {
  Id,
  IsoDate,
  ListQuery,
  missingOrText,
  optionalIsoDate,
  optionalText,
  requiredText,
  safeString,
  Version,
} from './common.js';

export const WrittenStandard = z.enum(['nb', 'nn']);

export const County = z.object({ name: z.string(), number: z.string(), version: z.number() });
export type County = z.infer<typeof County>;
export const UpdateCountyInput = z.object({
  name: requiredText(200),
  number: z
    .string()
    .trim()
    .regex(/^\d{2}$/, { error: 'validation.countyNumber' }),
  version: Version,
});
export type UpdateCountyInput = z.infer<typeof UpdateCountyInput>;

export const Department = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  version: z.number(),
});
export type Department = z.infer<typeof Department>;
export const CreateDepartmentInput = z.object({ name: requiredText(200) });
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInput>;
export const UpdateDepartmentInput = z.object({
  name: requiredText(200).optional(),
  active: z.boolean().optional(),
  version: Version,
});
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInput>;

export const MunicipalityNumber = z
  .string({ error: missingOrText })
  .trim()
  .regex(/^\d{4}$/, { error: 'validation.municipalityNumber' });

export const Municipality = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  outsideCounty: z.boolean(),
  countyNumber: z.string().nullable(),
  countyName: z.string().nullable(),
  version: z.number(),
});
export type Municipality = z.infer<typeof Municipality>;

const periodRule = <T extends { validFrom?: string | null; validTo?: string | null }>(v: T) =>
  !v.validFrom || !v.validTo || v.validTo > v.validFrom;
const periodIssue = { error: 'validation.endBeforeStart', path: ['validTo'] };

export const CreateMunicipalityInput = z
  .object({
    number: MunicipalityNumber,
    name: requiredText(200),
    validFrom: optionalIsoDate,
    validTo: optionalIsoDate,
    outsideCounty: z.boolean().default(false),
    countyNumber: z
      .string()
      .trim()
      .regex(/^\d{2}$/, { error: 'validation.countyNumber' })
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    countyName: optionalText(200),
  })
  .refine(periodRule, periodIssue);
export type CreateMunicipalityInput = z.infer<typeof CreateMunicipalityInput>;

export const UpdateMunicipalityInput = z
  .object({
    number: MunicipalityNumber.optional(),
    name: requiredText(200).optional(),
    validFrom: optionalIsoDate.optional(),
    validTo: optionalIsoDate.optional(),
    outsideCounty: z.boolean().optional(),
    countyName: optionalText(200).optional(),
    version: Version,
  })
  .refine(periodRule, periodIssue);
export type UpdateMunicipalityInput = z.infer<typeof UpdateMunicipalityInput>;

export const Membership = z.object({
  id: z.string(),
  regionId: z.string(),
  municipalityId: z.string(),
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  outsideCounty: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number(),
});
export type Membership = z.infer<typeof Membership>;

export const Region = z.object({
  id: z.string(),
  name: z.string(),
  writtenStandard: WrittenStandard,
  version: z.number(),
  members: z.array(Membership),
});
export type Region = z.infer<typeof Region>;

export const RegionListQuery = ListQuery.extend({ q: safeString().trim().max(200).optional() });

export const CreateRegionInput = z.object({
  name: requiredText(200),
  writtenStandard: WrittenStandard.default('nb'),
});
export type CreateRegionInput = z.infer<typeof CreateRegionInput>;
export const UpdateRegionInput = z.object({
  name: requiredText(200).optional(),
  writtenStandard: WrittenStandard.optional(),
  version: Version,
});
export type UpdateRegionInput = z.infer<typeof UpdateRegionInput>;

export const AddMemberInput = z
  .object({ municipalityId: Id, validFrom: IsoDate, validTo: optionalIsoDate })
  .refine(periodRule, periodIssue);
export type AddMemberInput = z.infer<typeof AddMemberInput>;
export const UpdateMemberInput = z
  .object({ validFrom: IsoDate, validTo: optionalIsoDate, version: Version })
  .refine(periodRule, periodIssue);
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;
export const MemberParams = z.object({ id: Id, membershipId: Id });

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number(),
});
export type Person = z.infer<typeof Person>;

const optionalEmail = safeString()
  .trim()
  .max(254, { error: 'validation.tooLong' })
  .refine((v) => v === '' || z.string().email().safeParse(v).success, { error: 'validation.email' })
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null));
const optionalPhone = safeString()
  .trim()
  .max(40, { error: 'validation.tooLong' })
  .refine((v) => v === '' || /^\+?[0-9 ()-]{5,}$/.test(v), { error: 'validation.phone' })
  .nullish()
  .transform((v) => (v ? v : null));

export const CreatePersonInput = z.object({
  name: requiredText(200),
  email: optionalEmail,
  organisation: optionalText(200),
  phone: optionalPhone,
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;
export const UpdatePersonInput = z.object({
  name: requiredText(200).optional(),
  email: optionalEmail.optional(),
  organisation: optionalText(200).optional(),
  phone: optionalPhone.optional(),
  version: Version,
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const SearchQuery = ListQuery.extend({ q: safeString().trim().max(200).optional() });
