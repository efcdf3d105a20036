import { CreatePersonInput, type Person } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { toPerson } from './person.mapper.js';
import { people } from './registry.table.js';

/** People are contacts (meeting participants, region contacts); two may share a name, so none is unique. */
export async function createPerson(ctx: Ctx, raw: unknown): Promise<Person> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreatePersonInput, raw);
  return actx.db.transaction(async (tx) => {
    const [row] = await tx.insert(people).values(input).returning();
    if (!row) throw new Error('insert returned nothing');
    const person = toPerson(row);
    await appendAudit(tx, actx, {
      action: 'person.create',
      entityType: 'person',
      entityId: row.id,
      before: null,
      after: person,
    });
    return person;
  });
}
