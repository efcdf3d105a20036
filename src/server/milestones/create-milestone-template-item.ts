import {
  CreateMilestoneTemplateItemInput,
  type MilestoneTemplateItem,
} from '../../shared/contracts/milestones.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { toTemplateItem } from './milestone.mapper.js';
import { milestoneTemplateItems } from './milestone.table.js';
import { lockTemplateOf, renumberTemplate } from './milestone-rules.js';

/**
 * Adds a milestone to a cycle's template, last or at the given place. The agreements under way get it when
 * the admin applies the template (apply-milestone-template.ts); agreements made from now on get it at once.
 */
export async function createMilestoneTemplateItem(
  ctx: Ctx,
  cycleId: string,
  raw: unknown,
): Promise<MilestoneTemplateItem> {
  const actx = authorize(ctx, adminOnly);
  assertId(cycleId);
  const input = parse(CreateMilestoneTemplateItemInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const items = await lockTemplateOf(tx, cycleId);
      const position = Math.min(input.position ?? items.length, items.length);
      const [row] = await tx
        .insert(milestoneTemplateItems)
        .values({
          cycleId,
          name: input.name,
          stage: input.stage,
          evidence: input.evidence,
          optional: input.optional,
          position,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      const ordered = [...items];
      ordered.splice(position, 0, row);
      await renumberTemplate(tx, ordered);
      const item = toTemplateItem(row);
      await appendAudit(tx, actx, {
        action: 'milestoneTemplateItem.create',
        entityType: 'milestoneTemplateItem',
        entityId: row.id,
        before: null,
        after: item,
      });
      return item;
    });
  } catch (error) {
    rethrowUnique(error, { milestone_template_items_name_unique: ['name', 'validation.nameTaken'] });
  }
}
