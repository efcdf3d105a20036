import { z } from 'zod';
import { requiredText, Version } from './common.js';
import { checkUniqueSectionKeys, comparisonOf } from './document-versions.js';
import { PersonRef, SectionKey } from './general-part.js';
import { RegionRef } from './hearings.js';
import { MailOutcome } from './mail.js';
import { RichTextDoc, RichTextInput } from './rich-text.js';

export { specialPartPath } from './paths.js';

/**
 * An agreement's special part (spesiell del): a versioned document of ordered sections like the general
 * part. One section is not written by hand: the contributions section (key `contributions`) is generated
 * from the agreement's AGREED contributions, grouped by subject area. While a version is a draft it is
 * generated live on every read; when the version is sent, the generated content is frozen into the version
 * (and stays frozen when it is agreed), so a sent or agreed text never changes under its readers and never
 * disagrees with the items it was sent with.
 *
 * Who writes: the coordinator (admin) creates, edits, sends and records the agreement. Department editors
 * and region contacts shape the special part through their contributions (and comments on them), which is
 * what the generated section shows; everyone signed in reads every version. A sent version goes to the
 * region's contacts, who answer it: the region agrees, or it has comments on some of its sections.
 */

export const contributionsSectionKey = 'contributions';

export const specialPartStates = ['draft', 'sent', 'agreed', 'superseded'] as const;
export const SpecialPartState = z.enum(specialPartStates);
export type SpecialPartState = z.infer<typeof SpecialPartState>;

/** A written standard of Norwegian: the region's, in which the system writes the fixed texts of its part. */
export const WrittenStandard = z.enum(['nb', 'nn']);
export type WrittenStandard = z.infer<typeof WrittenStandard>;

export const contributionKinds = ['measure', 'project', 'instrument', 'commitment'] as const;
export const ContributionKind = z.enum(contributionKinds);
export type ContributionKind = z.infer<typeof ContributionKind>;

export const GeneratedIndicator = z.object({
  name: z.string(),
  baseline: z.string().nullable(),
  target: z.string().nullable(),
  unit: z.string().nullable(),
});

/** One agreed contribution as the special part shows it. The owner is a department, or the region itself. */
export const GeneratedContribution = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: ContributionKind,
  owner: z.object({ type: z.enum(['department', 'region']), id: z.string(), name: z.string() }),
  responsible: z.string().nullable(),
  budgetNokPerYear: z.number().nullable(),
  timeFrame: z.string().nullable(),
  indicators: z.array(GeneratedIndicator),
});
export type GeneratedContribution = z.infer<typeof GeneratedContribution>;

export const GeneratedSubjectArea = z.object({
  id: z.string(),
  name: z.string(),
  contributions: z.array(GeneratedContribution),
});
export type GeneratedSubjectArea = z.infer<typeof GeneratedSubjectArea>;

/**
 * The generated contributions content: the agreed contributions grouped by subject area (the cycle's
 * subject area order, then each contribution's position), with the section body written from them in the
 * region's written standard. This is exactly what `special_part_versions.contributions_snapshot` holds
 * once a version is sent.
 */
export const ContributionsContent = z.object({
  writtenStandard: WrittenStandard,
  /** When it was generated: now for a draft, the moment of sending for a frozen version. */
  generatedAt: z.string(),
  subjectAreas: z.array(GeneratedSubjectArea),
  body: RichTextDoc,
});
export type ContributionsContent = z.infer<typeof ContributionsContent>;

export const SpecialPartSection = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  body: RichTextDoc,
  position: z.number(),
  /** True for the contributions section: its body is generated, never typed. */
  generated: z.boolean(),
});
export type SpecialPartSection = z.infer<typeof SpecialPartSection>;

export const SpecialPartVersionSummary = z.object({
  id: z.string(),
  agreementId: z.string(),
  number: z.number(),
  state: SpecialPartState,
  basedOnVersionId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: PersonRef.nullable(),
  sentAt: z.string().nullable(),
  sentBy: PersonRef.nullable(),
  agreedAt: z.string().nullable(),
  agreedBy: PersonRef.nullable(),
  /** For optimistic concurrency: send it back with a change. */
  version: z.number(),
});
export type SpecialPartVersionSummary = z.infer<typeof SpecialPartVersionSummary>;

export const SpecialPartVersion = SpecialPartVersionSummary.extend({
  sections: z.array(SpecialPartSection),
  contributions: ContributionsContent,
});
export type SpecialPartVersion = z.infer<typeof SpecialPartVersion>;

/** An agreement's special part: its versions, newest first, with the agreed one and the draft named. */
export const SpecialPart = z.object({
  agreementId: z.string(),
  writtenStandard: WrittenStandard,
  currentVersionId: z.string().nullable(),
  draftVersionId: z.string().nullable(),
  versions: z.array(SpecialPartVersionSummary),
});
export type SpecialPart = z.infer<typeof SpecialPart>;

export const maxSpecialPartSections = 50;

export const SpecialPartSectionInput = z
  .object({
    /** Absent for a new section: the server gives it a key. */
    key: SectionKey.optional(),
    title: requiredText(200),
    /** Required, except for the contributions section, whose body is generated (a body sent for it is ignored). */
    body: RichTextInput.optional(),
  })
  .superRefine((section, ctx) => {
    if (section.key !== contributionsSectionKey && section.body === undefined) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'validation.required' });
    }
  });
export type SpecialPartSectionInput = z.infer<typeof SpecialPartSectionInput>;

export const UpdateSpecialPartSectionsInput = z
  .object({
    version: Version,
    sections: z
      .array(SpecialPartSectionInput)
      .max(maxSpecialPartSections, { error: 'validation.tooManySections' }),
  })
  .superRefine((input, ctx) => {
    if (!checkUniqueSectionKeys(input.sections, ctx).has(contributionsSectionKey)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: 'validation.contributionsSectionRequired',
      });
    }
  });
export type UpdateSpecialPartSectionsInput = z.infer<typeof UpdateSpecialPartSectionsInput>;

/** Sending and agreeing change only the state, from the version the caller saw. */
export const SpecialPartTransitionInput = z.object({ version: Version });
export type SpecialPartTransitionInput = z.infer<typeof SpecialPartTransitionInput>;

/**
 * The answer to sending a version: the version, what became of the e-mail to the region's contacts, and the
 * region when it has no active contact (nobody there was told; the region still finds the version on its
 * start page once somebody signs in for it).
 */
export const SpecialPartVersionSent = SpecialPartVersion.extend({
  mail: MailOutcome,
  regionsWithoutContact: z.array(RegionRef),
});
export type SpecialPartVersionSent = z.infer<typeof SpecialPartVersionSent>;

/** `agrees`: the region agrees with the version as sent; `comments`: it has comments on some sections. */
export const specialPartVerdicts = ['agrees', 'comments'] as const;
export const SpecialPartVerdict = z.enum(specialPartVerdicts, { error: 'validation.chooseAnswer' });
export type SpecialPartVerdict = z.infer<typeof SpecialPartVerdict>;

export const maxAnswerCommentLength = 10_000;

/** A comment on one section of the version, named by its key. */
export const SpecialPartAnswerCommentInput = z.object({
  sectionKey: SectionKey,
  text: requiredText(maxAnswerCommentLength),
});
export type SpecialPartAnswerCommentInput = z.infer<typeof SpecialPartAnswerCommentInput>;

/**
 * The region's answer to a sent version, given or changed. `version` is the answer's, as the caller saw it
 * (absent for a first answer), so that two contacts of a region never overwrite each other unseen. Comments
 * go with `comments` only, at most one per section.
 */
export const SpecialPartAnswerInput = z
  .object({
    version: Version.optional(),
    verdict: SpecialPartVerdict,
    comments: z
      .array(SpecialPartAnswerCommentInput, { error: 'validation.invalid' })
      .max(maxSpecialPartSections, { error: 'validation.tooManySections' })
      .default([]),
  })
  .superRefine((input, ctx) => {
    if (input.verdict === 'comments' && input.comments.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comments'], message: 'validation.answerNeedsComment' });
    }
    if (input.verdict === 'agrees' && input.comments.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['comments'], message: 'validation.answerAgreesWithComments' });
    }
    const seen = new Set<string>();
    input.comments.forEach((comment, i) => {
      if (seen.has(comment.sectionKey)) {
        ctx.addIssue({
          code: 'custom',
          path: ['comments', i, 'sectionKey'],
          message: 'validation.duplicateSectionComment',
        });
      }
      seen.add(comment.sectionKey);
    });
  });
export type SpecialPartAnswerInput = z.input<typeof SpecialPartAnswerInput>;

export const SpecialPartAnswerComment = z.object({
  sectionKey: z.string(),
  sectionTitle: z.string(),
  text: z.string(),
});
export type SpecialPartAnswerComment = z.infer<typeof SpecialPartAnswerComment>;

/** A region's answer: its verdict, its comments in the version's section order, who gave it and when. */
export const SpecialPartAnswer = z.object({
  id: z.string(),
  verdict: SpecialPartVerdict,
  comments: z.array(SpecialPartAnswerComment),
  answeredAt: z.string(),
  answeredBy: PersonRef.nullable(),
  /** For optimistic concurrency: send it back with a change. */
  version: z.number(),
});
export type SpecialPartAnswer = z.infer<typeof SpecialPartAnswer>;

/**
 * A version's answer as the county's people and the region's own contacts see it. `open`: the region may
 * answer or change its answer now (the version is sent, and neither it nor a later version is agreed).
 */
export const SpecialPartAnswerView = z.object({
  versionId: z.string(),
  region: RegionRef,
  open: z.boolean(),
  answer: SpecialPartAnswer.nullable(),
});
export type SpecialPartAnswerView = z.infer<typeof SpecialPartAnswerView>;

export const SpecialPartVersionRef = z.object({
  id: z.string(),
  agreementId: z.string(),
  number: z.number(),
  state: SpecialPartState,
});
export type SpecialPartVersionRef = z.infer<typeof SpecialPartVersionRef>;

/** The contributions section is compared as its generated text. */
export const SpecialPartComparison = comparisonOf(SpecialPartVersionRef);
export type SpecialPartComparison = z.infer<typeof SpecialPartComparison>;
