import type { Role } from '../../shared/contracts/common.js';
import type { Actor } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';

/** A region answers for itself: only its contacts answer, each for their own region's agreement. */
export const answerWriters: readonly Role[] = ['region'];

/**
 * The answer is between the county and the region: the county's people read every region's, a region's
 * contact only their own region's (another region's is refused, as its hearing input would be).
 */
export function assertMayReadAnswer(actor: Actor, regionId: string): void {
  if (actor.role === 'region' && actor.regionId !== regionId) throw forbidden();
}

/** The contact of the agreement's region, and nobody else, answers the region's version. */
export function assertMayAnswer(actor: Actor, regionId: string): void {
  if (actor.role !== 'region' || actor.regionId !== regionId) throw forbidden();
}
