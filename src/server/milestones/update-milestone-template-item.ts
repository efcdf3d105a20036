import { eq } from 'drizzle-orm';
import {
  type MilestoneTemplateItem,
  UpdateMilestoneTemplateItemInput,
} from '../../shared/contracts/milestones.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound, rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { toTemplateItem } from './milestone.mapper.js';
import { milestoneTemplateItems } from './milestone.table.js';
import { lockTemplateOfItem, renumberTemplate } from './milestone-rules.js';

/**
 * Renames a template item, gives it another stage or evidence, marks it optional or not, or moves it to
 * another place (the others close up behind it). The agreements under way follow when the template is
 * applied.
 */
export async function updateMilestoneTemplateItem(
  ctx: Ctx,
  id: string,
  raw: unknown,
): Promise<MilestoneTemplateItem> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const input = parse(UpdateMilestoneTemplateItemInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const { items } = await lockTemplateOfItem(tx, id);
      const before = await lockVersioned(tx, milestoneTemplateItems, id, input.version);
      let position = before.position;
      if (input.position !== undefined) {
        const others = items.filter((i) => i.id !== id);
        position = Math.min(input.position, others.length);
        const ordered = [...others];
        ordered.splice(position, 0, before);
        await renumberTemplate(tx, ordered);
      }
      const [after] = await tx
        .update(milestoneTemplateItems)
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.stage !== undefined ? { stage: input.stage } : {}),
          ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
          ...(input.optional !== undefined ? { optional: input.optional } : {}),
          position,
          ...nextVersion(milestoneTemplateItems),
        })
        .where(eq(milestoneTemplateItems.id, id))
        .returning();
      if (!after) throw notFound();
      const item = toTemplateItem(after);
      await appendAudit(tx, actx, {
        action: 'milestoneTemplateItem.update',
        entityType: 'milestoneTemplateItem',
        entityId: id,
        before: toTemplateItem(before),
        after: item,
      });
      return item;
    });
  } catch (error) {
    rethrowUnique(error, { milestone_template_items_name_unique: ['name', 'validation.nameTaken'] });
  }
}
