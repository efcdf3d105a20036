import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { DeleteQuery } from '../registry/delete-query.js';
import { toTemplateItem } from './milestone.mapper.js';
import { milestoneTemplateItems } from './milestone.table.js';
import { lockTemplateOfItem, renumberTemplate } from './milestone-rules.js';

/**
 * Takes a milestone out of a cycle's template; the items after it move up one. The agreements' milestones
 * made from it stay as they are, detached from the template, until the template is applied: then those
 * nobody began are deleted and the others are kept, marked not applicable.
 */
export async function deleteMilestoneTemplateItem(ctx: Ctx, id: string, raw: unknown = {}): Promise<void> {
  const actx = authorize(ctx, adminOnly);
  assertId(id);
  const { version } = parse(DeleteQuery, raw ?? {});
  await actx.db.transaction(async (tx) => {
    const { items } = await lockTemplateOfItem(tx, id);
    const before = items.find((i) => i.id === id);
    if (!before) throw notFound();
    if (version !== undefined && before.version !== version) throw stale();
    await tx.delete(milestoneTemplateItems).where(eq(milestoneTemplateItems.id, id));
    await renumberTemplate(
      tx,
      items.filter((i) => i.id !== id),
    );
    await appendAudit(tx, actx, {
      action: 'milestoneTemplateItem.delete',
      entityType: 'milestoneTemplateItem',
      entityId: id,
      before: toTemplateItem(before),
      after: null,
    });
  });
}
