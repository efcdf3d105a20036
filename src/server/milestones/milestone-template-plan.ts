import type { EvidenceKind, MilestoneStage, MilestoneState } from '../../shared/contracts/milestones.js';

/** A template item, in the template's order. */
export type PlanItem = {
  id: string;
  name: string;
  stage: MilestoneStage;
  evidence: EvidenceKind | null;
  optional: boolean;
};

/** An agreement's milestone as the plan needs it. */
export type PlanMilestone = PlanItem & {
  templateItemId: string | null;
  position: number;
  state: MilestoneState;
  plannedDate: string | null;
  actualDate: string | null;
  note: string | null;
};

type Shape = Omit<PlanItem, 'id'> & { position: number };

export type MilestoneChange = Partial<Shape> & { templateItemId?: null; state?: 'not_applicable' };

export type TemplatePlan = {
  insert: (Shape & { templateItemId: string })[];
  update: { id: string; set: MilestoneChange; markedNotApplicable: boolean }[];
  remove: string[];
};

/** Nothing was ever recorded on it: it can go without losing anything. */
const untouched = (m: PlanMilestone) =>
  m.state === 'not_started' && m.plannedDate === null && m.actualDate === null && m.note === null;

const changed = <T extends object>(before: T, after: Partial<T>): Partial<T> =>
  Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof T] !== v)) as Partial<T>;

/**
 * What it takes to bring one agreement's milestones in line with its cycle's template: a milestone for
 * every item (added where missing, renamed, moved and given the item's stage, evidence and optional mark
 * where they differ), in the template's order. A milestone whose item has left the template is deleted
 * only if nothing was ever recorded on it; otherwise it is kept after the template's milestones, detached
 * from the template and optional, and marked not applicable unless it is done (what was done stays done).
 * Pure, so the template page can count the agreements behind with the same rule that applies it.
 */
export function planTemplate(
  template: readonly PlanItem[],
  milestones: readonly PlanMilestone[],
): TemplatePlan {
  const plan: TemplatePlan = { insert: [], update: [], remove: [] };
  const byItem = new Map(
    milestones.flatMap((m) => (m.templateItemId ? [[m.templateItemId, m] as const] : [])),
  );
  template.forEach((item, position) => {
    const shape: Shape = {
      name: item.name,
      stage: item.stage,
      evidence: item.evidence,
      optional: item.optional,
      position,
    };
    const existing = byItem.get(item.id);
    if (!existing) {
      plan.insert.push({ ...shape, templateItemId: item.id });
      return;
    }
    const set = changed<Shape>(existing, shape);
    if (Object.keys(set).length > 0) plan.update.push({ id: existing.id, set, markedNotApplicable: false });
  });
  const inTemplate = new Set(template.map((i) => i.id));
  const leftovers = milestones
    .filter((m) => m.templateItemId === null || !inTemplate.has(m.templateItemId))
    .sort((a, b) => a.position - b.position);
  let next = template.length;
  for (const m of leftovers) {
    if (untouched(m)) {
      plan.remove.push(m.id);
      continue;
    }
    const markedNotApplicable = m.state === 'not_started' || m.state === 'in_progress';
    const set: MilestoneChange = {
      ...(m.templateItemId !== null ? { templateItemId: null } : {}),
      ...changed<Shape>(m, { optional: true, position: next }),
      ...(markedNotApplicable ? { state: 'not_applicable' as const } : {}),
    };
    next++;
    if (Object.keys(set).length > 0) plan.update.push({ id: m.id, set, markedNotApplicable });
  }
  return plan;
}

/** Whether the plan changes anything. */
export const planIsEmpty = (plan: TemplatePlan) =>
  plan.insert.length === 0 && plan.update.length === 0 && plan.remove.length === 0;
