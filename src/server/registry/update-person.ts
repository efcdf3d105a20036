import { eq } from 'drizzle-orm';
import { type Person, UpdatePersonInput } from '../../shared/contracts/registry.js';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { assertId } from '../platform/ids.js';
import { lockVersioned, nextVersion } from '../platform/versioned.js';
import { toPerson } from './person.mapper.js';
import { people } from './registry.table.js';

/** Changes what is given; an absent field keeps its value, and an empty or null one clears it. */
export async function updatePerson(ctx: Ctx, id: string, raw: unknown): Promise<Person> {
  const actx = authorize(ctx, adminOnly);
  const { version, ...changes } = parse(UpdatePersonInput, raw);
  assertId(id);
  return actx.db.transaction(async (tx) => {
    const before = await lockVersioned(tx, people, id, version);
    const [row] = await tx
      .update(people)
      .set({ ...changes, ...nextVersion(people) })
      .where(eq(people.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    const person = toPerson(row);
    await appendAudit(tx, actx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before: toPerson(before),
      after: person,
    });
    return person;
  });
}
