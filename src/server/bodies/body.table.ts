import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../platform/columns.js';
import { municipalities, regions } from '../registry/registry.table.js';

/**
 * A political body (utvalg): the executive board and the county council (one each), a regional council per
 * region, a municipal council per municipality inside the county. Made from the registry
 * (sync-bodies.ts); the kind fixes which of region and municipality it belongs to.
 */
export const politicalBodies = pgTable(
  'political_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    regionId: uuid('region_id').references(() => regions.id, { onDelete: 'restrict' }),
    municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check(
      'political_bodies_kind',
      sql`${t.kind} in ('executive_board', 'county_council', 'regional_council', 'municipal_council')`,
    ),
    check(
      'political_bodies_owner',
      sql`(${t.kind} = 'regional_council') = (${t.regionId} is not null) and (${t.kind} = 'municipal_council') = (${t.municipalityId} is not null)`,
    ),
    // One executive board and one county council; one council per region and per municipality.
    uniqueIndex('political_bodies_county_unique')
      .on(t.kind)
      .where(sql`${t.kind} in ('executive_board', 'county_council')`),
    uniqueIndex('political_bodies_region_unique').on(t.regionId),
    uniqueIndex('political_bodies_municipality_unique').on(t.municipalityId),
  ],
);

/**
 * A meeting in a body's plan: its day, and for the county's bodies the last day for case documents. A
 * case's treatment names the meeting it goes to.
 */
export const bodyMeetings = pgTable(
  'body_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => politicalBodies.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    documentsDue: date('documents_due', { mode: 'string' }),
    place: text('place'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('body_meetings_date_unique').on(t.bodyId, t.date),
    index('body_meetings_date').on(t.date),
    check('body_meetings_deadline', sql`${t.documentsDue} is null or ${t.documentsDue} <= ${t.date}`),
  ],
);
