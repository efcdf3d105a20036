import { asc, eq } from 'drizzle-orm';
import type { MilestoneStage } from '../../shared/contracts/milestones.js';
import type { AgreementRow } from '../agreements/agreement-reads.js';
import type { Tx } from '../db/client.js';
import { cycles } from '../general-part/general-part.table.js';
import type { Actor } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { milestoneTemplateItems } from './milestone.table.js';

type Agreement = Pick<AgreementRow, 'regionId'>;

const ownRegion = (actor: Actor, agreement: Agreement) =>
  actor.role === 'region' && actor.regionId === agreement.regionId;

/**
 * Everyone signed in reads an agreement's milestones, except that a region contact reads only their own
 * region's: the county's notes on its internal work with one region are not for the others.
 */
export const canReadMilestones = (actor: Actor, agreement: Agreement) =>
  actor.role !== 'region' || ownRegion(actor, agreement);

export function assertCanReadMilestones(actor: Actor, agreement: Agreement): void {
  if (!canReadMilestones(actor, agreement)) throw forbidden();
}

/**
 * The coordinator keeps every milestone; the region's own contact keeps the region's internal ones in its
 * own agreement (the region's own work is the region's to report). Department editors read: the meetings
 * they own will complete their milestones through the meetings feature.
 */
export const canEditMilestone = (actor: Actor, agreement: Agreement, stage: MilestoneStage) =>
  actor.role === 'admin' || (ownRegion(actor, agreement) && stage === 'region_internal');

/** The coordinator or the region's own contact says whether the region is ready to start. */
export const canMarkRegionReady = (actor: Actor, agreement: Agreement) =>
  actor.role === 'admin' || ownRegion(actor, agreement);

/**
 * Locks a cycle and then its template's items, in order: every change to a template (add, move, delete,
 * apply) takes the cycle's lock first, so two of them run one after the other instead of deadlocking.
 * Throws `notFound` for an unknown cycle.
 */
export async function lockTemplateOf(tx: Tx, cycleId: string) {
  const [cycle] = await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId)).for('update');
  if (!cycle) throw notFound();
  return tx
    .select()
    .from(milestoneTemplateItems)
    .where(eq(milestoneTemplateItems.cycleId, cycleId))
    .orderBy(asc(milestoneTemplateItems.position), asc(milestoneTemplateItems.name))
    .for('update');
}

/** The cycle of a template item, locked as lockTemplateOf does; `notFound` for an unknown item. */
export async function lockTemplateOfItem(tx: Tx, itemId: string) {
  const [item] = await tx
    .select({ cycleId: milestoneTemplateItems.cycleId })
    .from(milestoneTemplateItems)
    .where(eq(milestoneTemplateItems.id, itemId));
  if (!item) throw notFound();
  return { cycleId: item.cycleId, items: await lockTemplateOf(tx, item.cycleId) };
}

/**
 * Writes the template's order as 0, 1, 2 … in the given order, touching only the rows whose place changed.
 * The caller holds the template locked.
 */
export async function renumberTemplate(tx: Tx, ordered: readonly { id: string; position: number }[]) {
  for (const [position, item] of ordered.entries()) {
    if (item.position === position) continue;
    await tx.update(milestoneTemplateItems).set({ position }).where(eq(milestoneTemplateItems.id, item.id));
  }
}
