import { eq } from 'drizzle-orm';
import { type Municipality, UpdateMunicipalityInput } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { fieldError, rethrowUnique } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { municipalityUnique } from './create-municipality.js';
import { toMunicipality } from './municipality.mapper.js';
import { municipalities } from './registry.table.js';

/** Changes what is given; an absent field keeps its value, and `null` clears an optional one. */
export async function updateMunicipality(ctx: Ctx, id: string, raw: unknown): Promise<Municipality> {
  const actx = authorize(ctx, adminOnly);
  const { version, ...changes } = parse(UpdateMunicipalityInput, raw);
  assertId(id);
  try {
    return await actx.db.transaction(async (tx) => {
      const before = await lockVersioned(tx, municipalities, id, version);
      // The input checks the period only when both dates are given; a single date meets the stored one here.
      const validFrom = changes.validFrom === undefined ? before.validFrom : changes.validFrom;
      const validTo = changes.validTo === undefined ? before.validTo : changes.validTo;
      if (validFrom && validTo && validTo <= validFrom)
        throw fieldError('validTo', 'validation.endBeforeStart');
      const [row] = await tx
        .update(municipalities)
        .set({ ...changes, ...nextVersion(municipalities) })
        .where(eq(municipalities.id, id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      const municipality = toMunicipality(row);
      await appendAudit(tx, actx, {
        action: 'municipality.update',
        entityType: 'municipality',
        entityId: id,
        before: toMunicipality(before),
        after: municipality,
      });
      return municipality;
    });
  } catch (error) {
    rethrowUnique(error, municipalityUnique);
  }
}
