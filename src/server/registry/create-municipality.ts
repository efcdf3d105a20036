import { CreateMunicipalityInput, type Municipality } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { toMunicipality } from './municipality.mapper.js';
import { municipalities } from './registry.table.js';

export const municipalityUnique = {
  municipalities_number_unique: ['number', 'validation.numberTaken'],
} satisfies Record<string, [string, string]>;

export async function createMunicipality(ctx: Ctx, raw: unknown): Promise<Municipality> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateMunicipalityInput, raw);
  try {
    return await actx.db.transaction(async (tx) => {
      const [row] = await tx.insert(municipalities).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      const municipality = toMunicipality(row);
      await appendAudit(tx, actx, {
        action: 'municipality.create',
        entityType: 'municipality',
        entityId: row.id,
        before: null,
        after: municipality,
      });
      return municipality;
    });
  } catch (error) {
    rethrowUnique(error, municipalityUnique);
  }
}
