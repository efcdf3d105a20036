import type {
  Evidence,
  EvidenceKind,
  Milestone,
  MilestoneStage,
  MilestoneState,
  MilestoneTemplateItem,
} from '../../shared/contracts/milestones.js';
import type { agreementMilestones, milestoneTemplateItems } from './milestone.table.js';
import { stateOf } from './milestone-phase.js';

export type TemplateItemRow = typeof milestoneTemplateItems.$inferSelect;
export type MilestoneRow = typeof agreementMilestones.$inferSelect;

export const toTemplateItem = (row: TemplateItemRow): MilestoneTemplateItem => ({
  id: row.id,
  cycleId: row.cycleId,
  name: row.name,
  stage: row.stage as MilestoneStage,
  evidence: row.evidence as EvidenceKind | null,
  optional: row.optional,
  position: row.position,
  version: row.version,
});

/** What the audit keeps of a milestone. */
export const auditedMilestone = (row: MilestoneRow) => ({
  id: row.id,
  agreementId: row.agreementId,
  templateItemId: row.templateItemId,
  name: row.name,
  stage: row.stage,
  evidence: row.evidence,
  optional: row.optional,
  position: row.position,
  plannedDate: row.plannedDate,
  actualDate: row.actualDate,
  state: row.state,
  note: row.note,
  doneReason: row.doneReason,
  version: row.version,
});

/** A milestone as the API shows it: its state as it stands, from its evidence or as recorded by hand. */
export function toMilestone(
  row: MilestoneRow,
  evidence: Evidence | null,
  doneBy: { id: string; name: string } | null,
  canEdit: boolean,
): Milestone {
  const recordedState = row.state as MilestoneState;
  const state = stateOf(recordedState, evidence);
  return {
    id: row.id,
    agreementId: row.agreementId,
    templateItemId: row.templateItemId,
    name: row.name,
    stage: row.stage as MilestoneStage,
    evidenceKind: row.evidence as EvidenceKind | null,
    optional: row.optional,
    position: row.position,
    plannedDate: row.plannedDate,
    actualDate: row.actualDate,
    state,
    recordedState,
    completedBy: evidence?.met ? 'evidence' : recordedState === 'done' ? 'hand' : null,
    doneReason: row.doneReason,
    doneBy,
    doneAt: row.doneAt?.toISOString() ?? null,
    note: row.note,
    evidence,
    canEdit,
    version: row.version,
  };
}
