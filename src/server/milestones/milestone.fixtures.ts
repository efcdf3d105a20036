import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.js';
import type { AgreementMilestones, Milestone } from '../../shared/contracts/milestones.js';
import { oneAgreement, regionIdOf } from '../agreements/agreement.fixtures.js';
import { agreements } from '../agreements/agreement.table.js';
import { createAgreements } from '../agreements/create-agreements.js';
import { demoCycle } from '../demo/demo-general-part.js';
import { cycles } from '../general-part/general-part.table.js';
import { getAgreementMilestones } from './get-agreement-milestones.js';

/** Test data for the milestones' database tests, made through the use cases. */

export const indre = 'Indre Østfold regionråd';
export const hallingdal = 'Regionrådet for Hallingdal';

/** A new cycle (with the default template) and Indre Østfold's agreement in it, with its milestones. */
export async function agreementWithMilestones(t: TestApp) {
  const { cycle, agreement } = await oneAgreement(t, indre);
  return { cycle, agreement, milestones: await milestonesOf(t, agreement.id) };
}

/** A new cycle with agreements for Indre Østfold and Hallingdal. */
export async function twoAgreements(t: TestApp) {
  const { cycle, agreement: own } = await oneAgreement(t, indre);
  const [other] = await createAgreements(t.ctx(t.actors.admin), {
    cycleId: cycle.id,
    regionIds: [await regionIdOf(t, hallingdal)],
  });
  if (!other) throw new Error('no agreement made');
  return { cycle, own, other };
}

export const milestonesOf = (t: TestApp, agreementId: string): Promise<AgreementMilestones> =>
  getAgreementMilestones(t.ctx(t.actors.admin), agreementId);

/** The milestone of an evidence kind (the default template has one of each). */
export function byEvidence(list: AgreementMilestones, kind: Milestone['evidenceKind']): Milestone {
  const found = list.milestones.find((m) => m.evidenceKind === kind);
  if (!found) throw new Error(`no milestone for ${kind}`);
  return found;
}

/** The demo cycle's agreement of a region, by the region's name. */
export async function demoAgreementOf(t: TestApp, regionName: string): Promise<string> {
  const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  const regionId = await regionIdOf(t, regionName);
  const rows = await t.database.db
    .select()
    .from(agreements)
    .where(eq(agreements.cycleId, cycle?.id ?? ''));
  const found = rows.find((a) => a.regionId === regionId);
  if (!found) throw new Error(`no demo agreement for ${regionName}`);
  return found.id;
}
