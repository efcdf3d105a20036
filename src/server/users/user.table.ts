import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, people, regions } from '../registry/registry.table.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
    regionId: uuid('region_id').references(() => regions.id, { onDelete: 'restrict' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    locale: text('locale').notNull().default('nb'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_department').on(t.departmentId),
    index('users_region').on(t.regionId),
    check('users_role', sql`${t.role} in ('admin', 'department', 'region', 'viewer')`),
    check('users_locale', sql`${t.locale} in ('nb', 'nn', 'en')`),
    // A department editor is bound to exactly one department, a region contact to exactly one region.
    check(
      'users_role_binding',
      sql`(${t.role} = 'department') = (${t.departmentId} is not null) and (${t.role} = 'region') = (${t.regionId} is not null)`,
    ),
  ],
);
