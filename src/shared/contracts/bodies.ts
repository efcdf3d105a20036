import { z } from 'zod';
import { Id, IsoDate, optionalIsoDate, optionalText, Version } from './common.js';

/**
 * Political bodies (utvalg) and their meeting plans. The county's executive board (fylkesråd) and council
 * (fylkesting), each region's regional council (regionråd) and each member municipality's council
 * (kommunestyre): the bodies an agreement passes on its way into force. The bodies are made from the
 * registry; each keeps a plan of meeting dates, and the county's bodies a deadline for case documents
 * before each meeting.
 */

export const bodyKinds = [
  'executive_board',
  'county_council',
  'regional_council',
  'municipal_council',
] as const;
export const BodyKind = z.enum(bodyKinds, { error: 'validation.invalid' });
export type BodyKind = z.infer<typeof BodyKind>;

/** The county's own bodies: their meetings carry a deadline for case documents. */
export const countyBodyKinds = ['executive_board', 'county_council'] as const satisfies readonly BodyKind[];
export const isCountyBody = (kind: BodyKind) => (countyBodyKinds as readonly BodyKind[]).includes(kind);

export const BodyMeeting = z.object({
  id: z.string(),
  bodyId: z.string(),
  /** The day the body meets. */
  date: z.string(),
  /** The last day for case documents to this meeting (the county's bodies only). */
  documentsDue: z.string().nullable(),
  place: z.string().nullable(),
  version: z.number(),
});
export type BodyMeeting = z.infer<typeof BodyMeeting>;

export const PoliticalBody = z.object({
  id: z.string(),
  kind: BodyKind,
  name: z.string(),
  /** The region of a regional council. */
  regionId: z.string().nullable(),
  /** The municipality of a municipal council, with its number. */
  municipalityId: z.string().nullable(),
  municipalityNumber: z.string().nullable(),
  /** The regions a municipal council's municipality is a member of today, and a regional council's region. */
  regionIds: z.array(z.string()),
  /** The first meeting from today on, if planned. */
  nextMeeting: BodyMeeting.nullable(),
  /** Whether the caller may change this body's meeting plan. */
  mayPlan: z.boolean(),
});
export type PoliticalBody = z.infer<typeof PoliticalBody>;

export const PoliticalBodyWithPlan = PoliticalBody.extend({ meetings: z.array(BodyMeeting) });
export type PoliticalBodyWithPlan = z.infer<typeof PoliticalBodyWithPlan>;

export const BodyListQuery = z.object({
  kind: BodyKind.optional(),
  regionId: Id.optional(),
});
export type BodyListQuery = z.input<typeof BodyListQuery>;

export const BodyList = z.object({ items: z.array(PoliticalBody) });
export type BodyList = z.infer<typeof BodyList>;

/** What making the bodies from the registry did: how many were made and how many existed already. */
export const BodySyncResult = z.object({ created: z.number(), existing: z.number() });
export type BodySyncResult = z.infer<typeof BodySyncResult>;

export const CreateBodyMeetingInput = z.object({
  date: IsoDate,
  documentsDue: optionalIsoDate,
  place: optionalText(200),
});
export type CreateBodyMeetingInput = z.input<typeof CreateBodyMeetingInput>;

export const UpdateBodyMeetingInput = CreateBodyMeetingInput.extend({ version: Version });
export type UpdateBodyMeetingInput = z.input<typeof UpdateBodyMeetingInput>;

export const BodyMeetingParams = z.object({ id: Id, meetingId: Id });

export const bodyPath = (id: string) => `/utvalg/${id}`;
