import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { agreements } from '../agreements/agreement.table.js';
import { demoCycle } from '../demo/demo-general-part.js';
import { cycles } from '../general-part/general-part.table.js';
import { regions } from '../registry/registry.table.js';
import { contributions } from './contribution.table.js';
import { getContribution } from './get-contribution.js';
import { updateContribution } from './update-contribution.js';

/**
 * The demo's political processing (demo/demo-political.ts): Indre Østfold's agreement is in force;
 * Gardermoregionen's is in a case the board approved, but waits for councils; the rest are in no case.
 */
const inForce = 'Indre Østfold regionråd';
const inCaseNotInForce = 'Gardermoregionen interkommunale politiske råd';

let t: TestApp;
let cycleId: string;

beforeAll(async () => {
  t = await startTestApp();
  const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.name, demoCycle.name));
  if (!cycle) throw new Error('no demo cycle');
  cycleId = cycle.id;
});
afterAll(async () => {
  await t.close();
});

/** The first contribution of a region's agreement in the demo cycle. */
async function firstContributionOf(region: string) {
  const [row] = await t.database.db
    .select({ id: contributions.id, version: contributions.version, title: contributions.title })
    .from(contributions)
    .innerJoin(agreements, eq(agreements.id, contributions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(and(eq(agreements.cycleId, cycleId), eq(regions.name, region)))
    .orderBy(asc(contributions.createdAt), asc(contributions.id))
    .limit(1);
  if (!row) throw new Error(`no contribution in the agreement of ${region}`);
  return row;
}

describe('a contribution of an agreement in a political case', () => {
  it('cannot change once the agreement is in force, and nothing of it changes', async () => {
    const item = await firstContributionOf(inForce);
    const admin = t.ctx(t.actors.admin);
    await expect(
      updateContribution(admin, item.id, { version: item.version, title: 'Endret etter vedtak' }),
    ).rejects.toMatchObject({
      status: 409,
      fields: [{ code: 'validation.agreementInForce' }],
    });
    const after = await getContribution(admin, item.id);
    expect(after).toMatchObject({ title: item.title, version: item.version });
  });

  it('changes as any other while the agreement waits for its councils', async () => {
    const item = await firstContributionOf(inCaseNotInForce);
    const admin = t.ctx(t.actors.admin);
    const changed = await updateContribution(admin, item.id, {
      version: item.version,
      title: 'Justert mens kommunestyrene behandler',
    });
    expect(changed).toMatchObject({
      title: 'Justert mens kommunestyrene behandler',
      version: item.version + 1,
    });
    // The answer is the contribution as its page shows it, with the same history.
    expect(await getContribution(admin, item.id)).toEqual(changed);
  });
});
