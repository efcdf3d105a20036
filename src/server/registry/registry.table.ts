import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../platform/columns.js';

/** One county per deployment: the fixed key makes a second row impossible. */
export const county = pgTable(
  'county',
  {
    id: text('id').primaryKey().default('county'),
    name: text('name').notNull(),
    number: text('number').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('county_singleton', sql`${t.id} = 'county'`),
    check('county_number_format', sql`${t.number} ~ '^[0-9]{2}$'`),
  ],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('departments_name_unique').on(sql`lower(${t.name})`)],
);

export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The written standard the region's documents use: bokmål or nynorsk. */
    writtenStandard: text('written_standard').notNull().default('nb'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('regions_name_unique').on(sql`lower(${t.name})`),
    check('regions_written_standard', sql`${t.writtenStandard} in ('nb', 'nn')`),
  ],
);

export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SSB municipality number (KLASS 131). */
    number: text('number').notNull(),
    name: text('name').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    /** Exclusive end: the first day the municipality no longer exists under this number. */
    validTo: date('valid_to', { mode: 'string' }),
    outsideCounty: boolean('outside_county').notNull().default(false),
    countyNumber: text('county_number'),
    countyName: text('county_name'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('municipalities_number_unique').on(t.number),
    check('municipalities_number_format', sql`${t.number} ~ '^[0-9]{4}$'`),
    check(
      'municipalities_valid_period',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} > ${t.validFrom}`,
    ),
  ],
);

/**
 * Dated, many-to-many membership. A municipality may sit in two regions, and members join and leave on
 * dates: `validTo` is exclusive and null while the membership lasts. Overlapping periods for the same pair
 * are refused by the use case under a lock on the region row.
 */
export const regionMemberships = pgTable(
  'region_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('region_memberships_start_unique').on(t.regionId, t.municipalityId, t.validFrom),
    index('region_memberships_municipality').on(t.municipalityId),
    check('region_memberships_period', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email'),
    organisation: text('organisation'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('people_name').on(t.name)],
);
