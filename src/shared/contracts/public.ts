import { z } from 'zod';
import { ListQuery, page } from './common.js';
import { ReportStatus } from './follow-up.js';
import { OutcomeCounts, SummaryEntry } from './hearing-summary.js';
import { HearingKind } from './hearings.js';
import { AgreementPhase } from './milestones.js';
import { RichTextDoc } from './rich-text.js';

/**
 * What anyone may read without signing in: the agreements in force with their parties, period and adoption
 * record, each region's agreement, phase and meeting dates, the follow-up of its agreement in force (the
 * reports of the rounds admin has published), the closed hearings with their summaries, the county's name,
 * and the same as open data. Nothing else.
 */

export const PublicAdoption = z.object({
  municipalityNumber: z.string(),
  municipalityName: z.string(),
  decidedOn: z.string().nullable(),
  caseReference: z.string().nullable(),
  recordUrl: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type PublicAdoption = z.infer<typeof PublicAdoption>;

export const PublicAgreement = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  cycleName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** The county and the member municipalities inside the county on the start date. */
  county: z.string(),
  parties: z.array(z.string()),
  generalPartVersion: z.number(),
  specialPartVersion: z.number().nullable(),
  adoption: z.array(PublicAdoption),
});
export type PublicAgreement = z.infer<typeof PublicAgreement>;

/**
 * An agreement in force as the public list shows it: everything but the adoption record, which is on the
 * agreement's own page and in the open data. At national size the records are four fifths of the list.
 */
export const PublicAgreementSummary = PublicAgreement.omit({ adoption: true });
export type PublicAgreementSummary = z.infer<typeof PublicAgreementSummary>;

/** The agreements in force by region name, a page at a time (`limit`, default 50, and `cursor`). */
export const PublicAgreementListQuery = ListQuery;
export const PublicAgreementList = page(PublicAgreementSummary);
export type PublicAgreementList = z.infer<typeof PublicAgreementList>;

export const PublicSection = z.object({ title: z.string(), body: z.unknown() });

export const PublicAgreementText = PublicAgreement.extend({
  title: z.string(),
  generalPart: z.array(PublicSection),
  specialPart: z.array(PublicSection),
});
export type PublicAgreementText = z.infer<typeof PublicAgreementText>;

/** A commitment's submitted report in a published round: what was reported, never who reported it. */
export const PublicCommitmentReport = z.object({
  roundId: z.string(),
  status: ReportStatus,
  progress: z.number(),
  done: RichTextDoc.nullable(),
  next: RichTextDoc.nullable(),
});
export type PublicCommitmentReport = z.infer<typeof PublicCommitmentReport>;

/**
 * The follow-up of a region's agreement in force: the rounds whose report admin has published (newest
 * first), and each active commitment with its owner (a county department or the region) and its report in
 * each of those rounds, newest first. Open rounds, unpublished rounds and drafts are never in it.
 */
export const PublicFollowUp = z.object({
  rounds: z.array(
    z.object({ id: z.string(), name: z.string(), deadline: z.string(), publishedAt: z.string() }),
  ),
  commitments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      subjectArea: z.string(),
      /** The county department that owns it, or the region (its own commitments). */
      owner: z.string(),
      ownedByRegion: z.boolean(),
      budgetNok: z.number().nullable(),
      reports: z.array(PublicCommitmentReport),
    }),
  ),
});
export type PublicFollowUp = z.infer<typeof PublicFollowUp>;

export const PublicRegion = z.object({
  id: z.string(),
  name: z.string(),
  /** The region's agreement in the newest cycle, if any. */
  agreement: z
    .object({ id: z.string(), cycleName: z.string(), phase: AgreementPhase, inForce: z.boolean() })
    .nullable(),
  /** The dates of the meetings about its agreement (held and planned), without their content. */
  meetings: z.array(z.object({ date: z.string(), type: z.string(), held: z.boolean() })),
  /** The follow-up of its agreement when that is in force; null otherwise. */
  followUp: PublicFollowUp.nullable(),
});
export type PublicRegion = z.infer<typeof PublicRegion>;

export const PublicRegionList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), phase: AgreementPhase.nullable() })),
});
export type PublicRegionList = z.infer<typeof PublicRegionList>;

export const openDatasets = ['agreements', 'parties', 'adoptions'] as const;
export const OpenDataParams = z.object({
  dataset: z.enum(openDatasets, { error: 'validation.invalid' }),
  format: z.enum(['csv', 'json'], { error: 'validation.invalid' }),
});

export const OpenDataCatalogue = z.object({
  datasets: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      csv: z.string(),
      json: z.string(),
      fields: z.array(z.object({ name: z.string(), description: z.string() })),
    }),
  ),
});
export type OpenDataCatalogue = z.infer<typeof OpenDataCatalogue>;

/** The county the public pages are about: its name, for the frame of every public page. */
export const PublicCounty = z.object({ name: z.string() });
export type PublicCounty = z.infer<typeof PublicCounty>;

/**
 * A closed hearing of the general part, as anyone may read it: the version heard, its kind and deadline, and
 * how the inputs were answered (final answers only; a draft counts as unanswered). Open hearings are not
 * public: neither listed nor found.
 */
export const PublicHearingSummary = z.object({
  id: z.string(),
  cycleName: z.string(),
  versionNumber: z.number(),
  kind: HearingKind,
  deadline: z.string(),
  /** When input stopped: the end of the deadline day, or when the county closed it early. */
  closesAt: z.string(),
  inputs: z.number(),
  outcomes: OutcomeCounts,
});
export type PublicHearingSummary = z.infer<typeof PublicHearingSummary>;

export const PublicHearingList = z.object({ items: z.array(PublicHearingSummary) });
export type PublicHearingList = z.infer<typeof PublicHearingList>;

/** One input in the public summary: the region, its text and the county's final answer; no files, no people. */
export const PublicSummaryEntry = SummaryEntry.omit({ inputId: true, attachments: true });
export type PublicSummaryEntry = z.infer<typeof PublicSummaryEntry>;

export const PublicHearing = PublicHearingSummary.extend({
  /** Every section of the version heard, in order, with the inputs on it. */
  sections: z.array(z.object({ key: z.string(), title: z.string(), entries: z.array(PublicSummaryEntry) })),
  /** Inputs on the whole document. */
  wholeDocument: z.array(PublicSummaryEntry),
});
export type PublicHearing = z.infer<typeof PublicHearing>;
