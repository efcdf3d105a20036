import { eq, sql } from 'drizzle-orm';
import { UpdatePreferencesInput } from '../../shared/contracts/auth.js';
import { appendAudit } from '../audit/append-audit.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { users } from '../users/user.table.js';

/** Remembers the signed-in person's language. */
export async function updatePreferences(ctx: Ctx, raw: unknown): Promise<UpdatePreferencesInput> {
  const actx = authorize(ctx, everyone);
  const input = parse(UpdatePreferencesInput, raw);
  return actx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale: input.locale, updatedAt: sql`now()` })
      .where(eq(users.id, actx.actor.id));
    await appendAudit(tx, actx, {
      action: 'user.updatePreferences',
      entityType: 'user',
      entityId: actx.actor.id,
      before: { locale: actx.actor.locale },
      after: { locale: input.locale },
      // Only the calendar feeds, which read every scope, show a person's language.
      scopes: [],
    });
    return { locale: input.locale };
  });
}
