import { CreateUserInput, type User } from '../../shared/contracts/users.js';
import { appendAudit } from '../audit/append-audit.js';
import { hashPassword } from '../auth/password.js';
import { adminOnly, authorize, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { rethrowUnique } from '../platform/errors.js';
import { toUser } from './user.mapper.js';
import { users } from './user.table.js';
import { resolveBinding } from './user-binding.js';

/** The admin creates a local account with a first password (argon2id; the hash never leaves the server). */
export async function createUser(ctx: Ctx, raw: unknown): Promise<User> {
  const actx = authorize(ctx, adminOnly);
  const input = parse(CreateUserInput, raw);
  // Hashing is deliberately slow; it is done before the transaction so that no locks are held meanwhile.
  const passwordHash = await hashPassword(input.password);
  try {
    return await actx.db.transaction(async (tx) => {
      const { binding, writtenStandard } = await resolveBinding(tx, input.role, {
        departmentId: input.departmentId ?? null,
        regionId: input.regionId ?? null,
      });
      // A region's contact person starts in the region's written standard (Hallingdal writes nynorsk);
      // everyone else in bokmål. Each can change it from the header.
      const [row] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          ...binding,
          passwordHash,
          ...(writtenStandard ? { locale: writtenStandard } : {}),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      const user = toUser(row);
      await appendAudit(tx, actx, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        before: null,
        after: user,
      });
      return user;
    });
  } catch (error) {
    rethrowUnique(error, { users_email_unique: ['email', 'validation.emailTaken'] });
  }
}
