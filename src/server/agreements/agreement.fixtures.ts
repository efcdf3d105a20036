import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/app.js';
import { auditTrail } from '../../../test/support/app.js';
import { approveVersion } from '../general-part/approve-version.js';
import { createDraft } from '../general-part/create-draft.js';
import { approval, filledCycle } from '../general-part/general-part.fixtures.js';
import { regions } from '../registry/registry.table.js';
import { createAgreements } from './create-agreements.js';

/** Test data for the agreements' database tests, made through the use cases. */

export const unknownId = '7d3e6b4e-0000-4000-8000-0000000000aa';

/** A new cycle whose general part version 1 is approved: agreements can be made in it. */
export async function approvedCycle(t: TestApp) {
  const { cycle, draft } = await filledCycle(t);
  const v1 = await approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
  return { cycle, v1 };
}

/** Makes a new version from `sourceId` and approves it (the one before is superseded). */
export async function approveNext(t: TestApp, sourceId: string) {
  const draft = await createDraft(t.ctx(t.actors.admin), sourceId);
  return approveVersion(t.ctx(t.actors.admin), draft.id, approval(draft.version));
}

export async function regionIdOf(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.db.select({ id: regions.id }).from(regions).where(eq(regions.name, name));
  if (!row) throw new Error(`no region ${name}`);
  return row.id;
}

/** A cycle with an approved general part and one agreement, for the region given by name. */
export async function oneAgreement(t: TestApp, regionName: string) {
  const { cycle, v1 } = await approvedCycle(t);
  const [agreement] = await createAgreements(t.ctx(t.actors.admin), {
    cycleId: cycle.id,
    regionIds: [await regionIdOf(t, regionName)],
  });
  if (!agreement) throw new Error('no agreement made');
  return { cycle, v1, agreement };
}

/** The audit events of one entity, oldest first. */
export const auditOf = auditTrail;
