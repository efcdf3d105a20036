import { Locale, Role } from '../../shared/contracts/common.js';
import type { User } from '../../shared/contracts/users.js';
import type { users } from './user.table.js';

/** The user as the API shows it. The password hash is left out here, the one place rows become responses. */
export const toUser = (row: typeof users.$inferSelect): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: Role.parse(row.role),
  departmentId: row.departmentId,
  regionId: row.regionId,
  locale: Locale.parse(row.locale),
  active: row.active,
  version: row.version,
});
