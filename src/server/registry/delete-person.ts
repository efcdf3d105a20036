import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFound, pgErrorOf, stale } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { users } from '../users/user.table.js';
import { DeleteQuery } from './delete-query.js';
import { toPerson } from './person.mapper.js';
import { people } from './registry.table.js';

/**
 * Deletes a person nobody refers to. A person linked to a user account is refused with 409 `inUse` rather
 * than silently unlinked (the foreign key alone would set the user's link to null): the account would lose
 * its contact details without anyone deciding it. Unlink the user first, then delete.
 */
export async function deletePerson(ctx: Ctx, id: string, raw: unknown = {}): Promise<void> {
  const actx = authorize(ctx, adminOnly);
  const { version } = parse(DeleteQuery, raw ?? {});
  assertId(id);
  try {
    await actx.db.transaction(async (tx) => {
      // Locking the row makes a concurrent link to it (whose foreign key check needs a share lock) wait for
      // this transaction, so the check below cannot be overtaken.
      const [before] = await tx.select().from(people).where(eq(people.id, id)).for('update');
      if (!before) throw notFound();
      if (version !== undefined && before.version !== version) throw stale();
      const [linked] = await tx.select({ id: users.id }).from(users).where(eq(users.personId, id)).limit(1);
      if (linked) throw new AppError('inUse');
      await tx.delete(people).where(eq(people.id, id));
      await appendAudit(tx, actx, {
        action: 'person.delete',
        entityType: 'person',
        entityId: id,
        before: toPerson(before),
        after: null,
      });
    });
  } catch (error) {
    // A restricting foreign key from a table added later (a meeting's participants, say) means the same.
    if (pgErrorOf(error).code === '23503') throw new AppError('inUse');
    throw error;
  }
}
