import type { TestApp } from '../../../test/support/app.js';
import { agreements, subjectAreas } from '../agreements/agreement.table.js';
import { contributions } from '../contributions/contribution.table.js';
import { filledCycle } from '../general-part/general-part.fixtures.js';

/**
 * Test data for the special part's database tests: a cycle of its own with two subject areas, and
 * agreements and contributions written straight to the tables (the special part only reads them).
 */

export type SpecialPartWorld = {
  cycleId: string;
  generalPartVersionId: string;
  /**
   * Two subject areas of the cycle's own (after any the cycle was made with), in the cycle's order:
   * "Kollektivtransport i regionen", then "Reiseliv i regionen".
   */
  subjectAreaIds: [string, string];
};

export async function specialPartWorld(t: TestApp): Promise<SpecialPartWorld> {
  const { cycle, draft } = await filledCycle(t);
  const rows = await t.database.db
    .insert(subjectAreas)
    .values([
      { cycleId: cycle.id, name: 'Reiseliv i regionen', position: 101 },
      { cycleId: cycle.id, name: 'Kollektivtransport i regionen', position: 100 },
    ])
    .returning();
  const byName = (name: string) => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`no subject area ${name}`);
    return row.id;
  };
  return {
    cycleId: cycle.id,
    generalPartVersionId: draft.id,
    subjectAreaIds: [byName('Kollektivtransport i regionen'), byName('Reiseliv i regionen')],
  };
}

/** An agreement of the world's cycle for a region (Indre Østfold writes bokmål, Hallingdal nynorsk). */
export async function newAgreement(t: TestApp, world: SpecialPartWorld, regionId: string | null) {
  if (!regionId) throw new Error('the actor has no region');
  const [row] = await t.database.db
    .insert(agreements)
    .values({
      cycleId: world.cycleId,
      regionId,
      generalPartVersionId: world.generalPartVersionId,
      periodFrom: '2021-01-01',
      periodTo: '2024-12-31',
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

type ContributionValues = Partial<typeof contributions.$inferInsert> & { title: string };

/** A contribution of an agreement, agreed unless told otherwise. */
export async function addContribution(
  t: TestApp,
  agreement: { id: string; cycleId: string },
  subjectAreaId: string,
  values: ContributionValues,
) {
  const [row] = await t.database.db
    .insert(contributions)
    .values({
      agreementId: agreement.id,
      cycleId: agreement.cycleId,
      subjectAreaId,
      kind: 'measure',
      status: 'agreed',
      position: 0,
      ...values,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
