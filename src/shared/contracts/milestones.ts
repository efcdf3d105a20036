import { z } from 'zod';
import { IsoDate, optionalText, requiredText, Version } from './common.js';
import { PersonRef } from './general-part.js';

/**
 * Milestones and phase. Every cycle keeps a template of milestones (the county's process: kickoff, the
 * departments' proposals, the summary meeting, the region's own work, the joint meetings); every agreement
 * gets its own copy, with dates, a state and a note. A milestone completes itself from its evidence where the
 * evidence is in Partnerskap, and is completed by hand with a reason otherwise. The agreement's phase is
 * derived from its milestones, the region's ready flag and the special part, never stored.
 */

// ---- Words ----

/**
 * The strands of the process a milestone belongs to, in order: the three the phase passes through (see
 * `workStages`), then the political processing, whose milestones the agreement's coming into force completes.
 */
export const milestoneStages = ['county_internal', 'region_internal', 'joint', 'political'] as const;
export const MilestoneStage = z.enum(milestoneStages, { error: 'validation.chooseStage' });
export type MilestoneStage = z.infer<typeof MilestoneStage>;
/**
 * The stages whose milestones move the phase, in the order it passes them. The political processing's phase
 * follows from the cases and decisions, not from its milestones, so they never hold an agreement back.
 */
export const workStages = [
  'county_internal',
  'region_internal',
  'joint',
] as const satisfies readonly MilestoneStage[];

export const milestoneStates = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export const MilestoneState = z.enum(milestoneStates, { error: 'validation.chooseStatus' });
export type MilestoneState = z.infer<typeof MilestoneState>;

/**
 * Where an agreement stands, in the order of the process. `political_processing` and `in_force` belong to
 * the political processing, which Partnerskap does not record yet: no agreement reaches them today.
 */
export const agreementPhases = [
  'preparation',
  'county_internal',
  'region_internal',
  'joint',
  'ready_for_political_processing',
  'political_processing',
  'in_force',
] as const;
export const AgreementPhase = z.enum(agreementPhases);
export type AgreementPhase = z.infer<typeof AgreementPhase>;

/**
 * What can show that a milestone has happened: a closed list, each with its rule in the server's
 * `milestone-evidence.ts`. A milestone without a kind is completed by hand with a reason.
 */
export const evidenceKinds = [
  /** The kickoff meeting (oppstartsmøte) with all departments was held. */
  'kickoff_held',
  /** Departments have contributions in the agreement: each one listed is a department that has proposed. */
  'department_proposals',
  /** The county's internal summary meeting (oppsummeringsmøte) was held. */
  'summary_held',
  /** The region has marked the subject areas it wants. */
  'wanted_subject_areas',
  /** The region has written contributions of its own (commitments it takes on). */
  'region_commitments',
  /** The first collaboration meeting (samhandlingsmøte) with the regional council was held. */
  'collaboration_held',
  /** A bilateral meeting was held with every department that has contributions for the region. */
  'bilateral_held',
  /** The final joint meeting (fellesmøte) settled what goes to political processing. */
  'final_held',
  /** A version of the special part is agreed. */
  'special_part_agreed',
] as const;
export const EvidenceKind = z.enum(evidenceKinds, { error: 'validation.invalid' });
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/**
 * The evidence kinds that come from meetings: a meeting of the matching type held (held, minutes for
 * comment or minutes approved) that concerns the agreement.
 */
export const meetingEvidenceKinds = [
  'kickoff_held',
  'summary_held',
  'collaboration_held',
  'bilateral_held',
  'final_held',
] as const satisfies readonly EvidenceKind[];

// ---- The cycle's template ----

export const MilestoneTemplateItem = z.object({
  id: z.string(),
  cycleId: z.string(),
  name: z.string(),
  stage: MilestoneStage,
  /** What completes the milestone by itself; null: only by hand. */
  evidence: EvidenceKind.nullable(),
  /** An optional milestone never holds the phase back. */
  optional: z.boolean(),
  /** Order in the cycle, 0 first. */
  position: z.number(),
  version: z.number(),
});
export type MilestoneTemplateItem = z.infer<typeof MilestoneTemplateItem>;

export const MilestoneTemplate = z.object({
  cycleId: z.string(),
  items: z.array(MilestoneTemplateItem),
  /** How many agreements the cycle has, and how many of them differ from the template (apply brings them in). */
  agreements: z.number(),
  agreementsBehind: z.number(),
});
export type MilestoneTemplate = z.infer<typeof MilestoneTemplate>;

const position = z
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .min(0, { error: 'validation.invalid' });

export const CreateMilestoneTemplateItemInput = z.object({
  name: requiredText(200),
  stage: MilestoneStage,
  evidence: EvidenceKind.nullish().transform((v) => v ?? null),
  optional: z.boolean({ error: 'validation.invalid' }).default(false),
  /** Absent: last. */
  position: position.optional(),
});
export type CreateMilestoneTemplateItemInput = z.input<typeof CreateMilestoneTemplateItemInput>;

export const UpdateMilestoneTemplateItemInput = z.object({
  name: requiredText(200).optional(),
  stage: MilestoneStage.optional(),
  evidence: EvidenceKind.nullable().optional(),
  optional: z.boolean({ error: 'validation.invalid' }).optional(),
  /** Moves the item to this place in the template; the others shift to make room. */
  position: position.optional(),
  version: Version,
});
export type UpdateMilestoneTemplateItemInput = z.infer<typeof UpdateMilestoneTemplateItemInput>;

/** What bringing the cycle's agreements in line with the template did. */
export const ApplyMilestoneTemplateResult = z.object({
  /** Agreements that changed. */
  agreements: z.number(),
  added: z.number(),
  /** Renamed, moved, or given another stage, evidence or optional mark. */
  updated: z.number(),
  /** Milestones of items taken out of the template that nobody had begun. */
  removed: z.number(),
  /** Milestones of items taken out of the template that had been begun: kept, marked not applicable. */
  markedNotApplicable: z.number(),
});
export type ApplyMilestoneTemplateResult = z.infer<typeof ApplyMilestoneTemplateResult>;

// ---- An agreement's milestones ----

/**
 * Where the web app shows the evidence: the agreement's wanted subject areas, contributions or special part,
 * or a meeting's page.
 */
export const evidenceTargets = ['wanted_subject_areas', 'contributions', 'special_part', 'meeting'] as const;
export const EvidenceTarget = z.enum(evidenceTargets);
export type EvidenceTarget = z.infer<typeof EvidenceTarget>;

export const EvidenceLink = z.object({
  target: EvidenceTarget,
  /**
   * The contributions of this owner: a department's id, `region` for the region's own; for a bilateral
   * meeting, the department that owns it; else null.
   */
  owner: z.string().nullable(),
  /** The department's name, or the meeting's title; else null. */
  name: z.string().nullable(),
  /**
   * How many things the link leads to (subject areas, contributions), the special part's version number,
   * or 1 for a meeting.
   */
  count: z.number(),
  /** The meeting's id, when the link leads to a meeting; else null. */
  meetingId: z.string().nullable(),
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;

export const Evidence = z.object({
  kind: EvidenceKind,
  /** The evidence is there: the milestone is done. */
  met: z.boolean(),
  /** When it first was (ISO timestamp), if met. */
  at: z.string().nullable(),
  links: z.array(EvidenceLink),
});
export type Evidence = z.infer<typeof Evidence>;

export const Milestone = z.object({
  id: z.string(),
  agreementId: z.string(),
  /** The template item it was made from; null once that item has left the template. */
  templateItemId: z.string().nullable(),
  name: z.string(),
  stage: MilestoneStage,
  evidenceKind: EvidenceKind.nullable(),
  optional: z.boolean(),
  position: z.number(),
  plannedDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  /** The state as it stands: done when the evidence is met, else the state recorded by hand. */
  state: MilestoneState,
  /** The state recorded by hand (what an edit changes). */
  recordedState: MilestoneState,
  /** How it is done: by its evidence, by hand (with a reason), or not yet. */
  completedBy: z.enum(['evidence', 'hand']).nullable(),
  doneReason: z.string().nullable(),
  doneBy: PersonRef.nullable(),
  doneAt: z.string().nullable(),
  note: z.string().nullable(),
  /** What Partnerskap knows of the evidence; null when its kind has none in Partnerskap yet, or none is set. */
  evidence: Evidence.nullable(),
  /** The caller may edit it. */
  canEdit: z.boolean(),
  version: z.number(),
});
export type Milestone = z.infer<typeof Milestone>;

export const RegionReady = z.object({
  ready: z.boolean(),
  note: z.string().nullable(),
  /** Who last marked it, and when; null while nobody has. */
  markedBy: PersonRef.nullable(),
  markedAt: z.string().nullable(),
});
export type RegionReady = z.infer<typeof RegionReady>;

export const AgreementMilestones = z.object({
  agreementId: z.string(),
  cycleId: z.string(),
  regionId: z.string(),
  /** Derived from the milestones, the ready flag and the special part; never stored. */
  phase: AgreementPhase,
  regionReady: RegionReady,
  specialPartAgreed: z.boolean(),
  /** The caller may mark the region ready or not ready. */
  canMarkReady: z.boolean(),
  /** The agreement's version, for the ready flag's optimistic concurrency. */
  agreementVersion: z.number(),
  /** In the agreement's order. */
  milestones: z.array(Milestone),
});
export type AgreementMilestones = z.infer<typeof AgreementMilestones>;

/**
 * Changes one milestone. Recording it done by hand needs the reason (the evidence is not in Partnerskap, or
 * does not show it); fields left out keep their value.
 */
export const UpdateMilestoneInput = z
  .object({
    plannedDate: IsoDate.nullable().optional(),
    actualDate: IsoDate.nullable().optional(),
    state: MilestoneState.optional(),
    note: optionalText(2000).optional(),
    reason: optionalText(1000).optional(),
    version: Version,
  })
  .refine((v) => v.state !== 'done' || Boolean(v.reason), {
    error: 'validation.milestoneReasonRequired',
    path: ['reason'],
  });
export type UpdateMilestoneInput = z.input<typeof UpdateMilestoneInput>;

export const MarkRegionReadyInput = z.object({
  ready: z.boolean({ error: 'validation.invalid' }),
  note: optionalText(1000),
  /** The agreement's version. */
  version: Version,
});
export type MarkRegionReadyInput = z.input<typeof MarkRegionReadyInput>;
