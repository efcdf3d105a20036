import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type User, UserListQuery } from '../../shared/contracts/users.js';
import { authorize, parse, readers } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { containsPattern } from '../platform/like.js';
import { toUser } from './user.mapper.js';
import { users } from './user.table.js';

const UserCursor = z.object({ name: z.string(), id: z.string().uuid() });

/** Users by name, filtered by text (name or e-mail), role and whether they are active. */
export async function listUsers(
  ctx: Ctx,
  raw: unknown,
): Promise<{ items: User[]; nextCursor: string | null }> {
  const { db } = authorize(ctx, readers);
  const query = parse(UserListQuery, raw);
  const where: (SQL | undefined)[] = [];
  if (query.q) {
    const pattern = containsPattern(query.q);
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (query.role) where.push(eq(users.role, query.role));
  if (query.active) where.push(eq(users.active, query.active === 'true'));
  if (query.cursor) {
    const after = decodeCursor(UserCursor, query.cursor);
    where.push(sql`(${users.name}, ${users.id}) > (${after.name}::text, ${after.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null;
  return { items: items.map(toUser), nextCursor };
}
