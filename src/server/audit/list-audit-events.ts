import { and, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AuditEvent, AuditQuery } from '../../shared/contracts/audit.js';
import type { Db, Tx } from '../db/client.js';
import { authorize, parse, readers } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { fieldError } from '../platform/errors.js';
import { auditEvents } from './audit.table.js';
import { createReadCache } from './audited-read-cache.js';

/**
 * The cursor keeps the timestamp as PostgreSQL prints it: with microseconds and offset. A JavaScript Date
 * has milliseconds only, and rounding would skip or repeat events written in the same millisecond.
 */
const AuditCursor = z.object({ at: z.string().max(64), id: z.number().int().positive() });

type AuditPage = { items: AuditEvent[]; nextCursor: string | null };

/**
 * Pages of the log, kept while nothing is written: the log is the read caches' stamp itself, so a page read
 * at a stamp is exactly the page at that stamp, and the next write (which adds an event) renews it.
 */
const pages = createReadCache<AuditPage>({ maxEntries: 64 });

/** Newest first, paged by (at, id) on the index audit_events_at: fast however long the log grows. */
export async function listAuditEvents(ctx: Ctx, raw: unknown): Promise<AuditPage> {
  const { db } = authorize(ctx, readers);
  const query = parse(AuditQuery, raw);
  if (query.from && query.to && query.to < query.from) throw fieldError('to', 'validation.endBeforeStart');
  const values = pageValues(query);
  return pages.read(ctx, 'every scope', JSON.stringify(values), async (reader) => {
    // Inside the cache's transaction the statement is built for it; on the database it is prepared once.
    const rows =
      reader === db
        ? await preparedAuditPage(db, values).execute(values)
        : await pageQuery(reader, values, 'values');
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => row.event),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    };
  });
}

/**
 * The event as the API shows it, built by the database: one JSON value per row for the driver to parse,
 * instead of eleven columns, two JSON documents and a timestamp turned into a Date and back into text. That
 * was most of what a page cost the server. `at` is written as JavaScript's toISOString writes it
 * (milliseconds, cut not rounded, in UTC).
 */
const eventJson = sql<AuditEvent>`json_build_object(
  'id', ${auditEvents.id}::text,
  'at', to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'actorId', ${auditEvents.actorId},
  'actorName', ${auditEvents.actorName},
  'action', ${auditEvents.action},
  'entityType', ${auditEvents.entityType},
  'entityId', ${auditEvents.entityId},
  'before', ${auditEvents.before},
  'after', ${auditEvents.after},
  'requestId', ${auditEvents.requestId})`;

type PageValues = {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  cursorAt?: string;
  cursorId?: number;
  limit: number;
};

/** The query's values by name: the filters it uses, the cursor's key, and one row more than the page. */
function pageValues(query: AuditQuery): PageValues {
  const after = query.cursor ? decodeCursor(AuditCursor, query.cursor) : null;
  const { actorId, action, entityType, entityId, from, to } = query;
  return {
    ...{ actorId, action, entityType, entityId, from, to },
    ...(after ? { cursorAt: after.at, cursorId: after.id } : {}),
    limit: query.limit + 1,
  };
}

/**
 * The page query for the filters a query uses, with each value in it (a query to run or to EXPLAIN once) or
 * as a named placeholder (a statement prepared once per combination of filters).
 */
function pageQuery(db: Db | Tx, values: PageValues, mode: 'values' | 'placeholders') {
  const bind = <K extends keyof PageValues>(name: K, value: NonNullable<PageValues[K]>) =>
    mode === 'values' ? value : sql.placeholder(name);
  const where: SQL[] = [];
  if (values.actorId) where.push(sql`${auditEvents.actorId} = ${bind('actorId', values.actorId)}`);
  if (values.action) where.push(sql`${auditEvents.action} = ${bind('action', values.action)}`);
  if (values.entityType)
    where.push(sql`${auditEvents.entityType} = ${bind('entityType', values.entityType)}`);
  if (values.entityId) where.push(sql`${auditEvents.entityId} = ${bind('entityId', values.entityId)}`);
  // Calendar days in Norway: a day starts at midnight Oslo time (UTC+1 in winter, UTC+2 in summer).
  if (values.from)
    where.push(
      sql`${auditEvents.at} >= (${bind('from', values.from)}::date)::timestamp at time zone 'Europe/Oslo'`,
    );
  if (values.to)
    where.push(
      sql`${auditEvents.at} < (${bind('to', values.to)}::date + 1)::timestamp at time zone 'Europe/Oslo'`,
    );
  if (values.cursorAt !== undefined && values.cursorId !== undefined)
    where.push(
      sql`(${auditEvents.at}, ${auditEvents.id}) < (${bind('cursorAt', values.cursorAt)}::timestamptz, ${bind('cursorId', values.cursorId)}::bigint)`,
    );
  return (
    db
      .select({ id: auditEvents.id, cursorAt: sql<string>`${auditEvents.at}::text`, event: eventJson })
      .from(auditEvents)
      .where(and(...where))
      // Spelled as the index is declared (DESC NULLS LAST) so that PostgreSQL reads the index in order.
      .orderBy(sql`${auditEvents.at} desc nulls last`, sql`${auditEvents.id} desc nulls last`)
      .limit(mode === 'values' ? values.limit : sql.placeholder('limit'))
  );
}

/** The page query (one row more than asked for, to know whether there is a next page), to run or EXPLAIN. */
export function selectAuditPage(db: Db, query: AuditQuery) {
  return pageQuery(db, pageValues(query), 'values');
}

/**
 * The same query prepared once per database and combination of filters: the log is read page after page,
 * and building the SQL anew for each took as long as PostgreSQL took to answer it (named statements are
 * also parsed and planned once per connection).
 */
const prepared = new WeakMap<Db, Map<string, ReturnType<typeof prepare>>>();

function prepare(db: Db, values: PageValues, name: string) {
  return pageQuery(db, values, 'placeholders').prepare(name);
}

function preparedAuditPage(db: Db, values: PageValues) {
  const shape = (Object.keys(values) as (keyof PageValues)[])
    .filter((k) => values[k] !== undefined)
    .sort()
    .join('_');
  let statements = prepared.get(db);
  if (!statements) {
    statements = new Map();
    prepared.set(db, statements);
  }
  let statement = statements.get(shape);
  if (!statement) {
    statement = prepare(db, values, `audit_page_${shape}`);
    statements.set(shape, statement);
  }
  return statement;
}
