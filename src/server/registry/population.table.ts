import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../platform/columns.js';
import { municipalities } from './registry.table.js';

/**
 * The number of inhabitants of a municipality on a date, with where the figure comes from (e.g. "SSB,
 * tabell 07459"). One count per municipality and date: setting it again replaces it. Per-inhabitant
 * figures use the latest count on or before the date they are about.
 */
export const municipalityPopulations = pgTable(
  'municipality_populations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    count: integer('count').notNull(),
    countedOn: date('counted_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('municipality_populations_date_unique').on(t.municipalityId, t.countedOn),
    index('municipality_populations_date').on(t.countedOn),
    check('municipality_populations_count', sql`${t.count} >= 0`),
  ],
);
