import { sql } from 'drizzle-orm';
import { runBeforeCommit, thenCommit } from '../db/before-commit.js';
import type { Tx } from '../db/client.js';
import { type Actor, userIdOf } from '../platform/context.js';
import { auditEvents } from './audit.table.js';
import { auditOnlyScope, everyReadScope } from './cache-scopes.js';
import { cacheVersions } from './cache-version.table.js';

export type AuditCtx = { actor: Pick<Actor, 'id' | 'name'>; requestId: string | null };

export type AuditEntry = {
  /** `entity.verb`, e.g. `region.update`, `membership.create`. */
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /**
   * What cached reads the write changes (audit/cache-scopes.ts): every scope a read of the changed rows
   * names. Left out, every cached read loads again, which is always correct; `[]` for a write that no read
   * naming scopes shows (a session, a language preference, a feed token), which only the reads of every
   * scope load again.
   */
  scopes?: readonly string[];
};

const secretKeys = new Set(['passwordHash', 'password_hash', 'password']);

/** Never copy a secret into the audit trail. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !secretKeys.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/** The scopes each transaction raised already, where it could not wait until its end: once is enough. */
const raisedBy = new WeakMap<Tx, Set<string>>();

type AuditRow = typeof auditEvents.$inferInsert;

/** What each transaction will write just before it commits: its audit events and the scopes they raise. */
type Pending = { rows: AuditRow[]; scopes: Set<string> };
const pendingBy = new WeakMap<Tx, Pending>();

/** The versions of `scopes` raised by one, in sorted order; a scope without a row gets one at version 1. */
function raiseStatement(tx: Tx, scopes: Iterable<string>) {
  const sorted = [...new Set(scopes)].sort();
  return tx
    .insert(cacheVersions)
    .values(sorted.map((scope) => ({ scope, version: 1 })))
    .onConflictDoUpdate({ target: cacheVersions.scope, set: { version: sql`${cacheVersions.version} + 1` } });
}

/**
 * A transaction's audit events and the raise of their scopes, as one statement: a round trip less for every
 * write. The events go in the order they were appended, so their ids keep it. As the transaction's last
 * statement it goes with the commit (db/before-commit.ts `thenCommit`): the versions' row locks are then
 * held for no round trip of their own.
 */
async function writePending(tx: Tx, pending: Pending, last: boolean): Promise<void> {
  const audited = tx.insert(auditEvents).values(pending.rows).getSQL();
  await tx.execute(
    sql`${sql.raw(last ? thenCommit : '')}with audited as (${audited}) ${raiseStatement(tx, pending.scopes).getSQL()}`,
  );
}

/** The scopes an entry raises: `undefined` is every read's, `[]` only the audit log's. */
function scopesOf(entry: AuditEntry): readonly string[] {
  if (entry.scopes === undefined) return [everyReadScope];
  return entry.scopes.length === 0 ? [auditOnlyScope] : entry.scopes;
}

/**
 * Appends one audit event inside the caller's transaction, so the change and its record commit together
 * or not at all, and raises the versions of the scopes it names (`entry.scopes`) in the same transaction
 * (platform/read-cache.ts says why that keeps cached reads correct), once per transaction and scope:
 * readers only see commits.
 *
 * Both are written as the transaction's last statement (db/before-commit.ts), in one: the version rows are
 * locked until the transaction ends, so they are raised last, in sorted order, so that a transaction takes
 * no lock after them and two that raise the same scopes wait for each other instead of deadlocking. Nothing
 * reads the audit trail inside the transaction that writes it. In a savepoint, or a transaction that queues
 * no work, both are written at once.
 */
export async function appendAudit(tx: Tx, ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  const row: AuditRow = {
    actorId: userIdOf(ctx.actor),
    actorName: ctx.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: ctx.requestId,
  };
  const scopes = scopesOf(entry);
  const pending = pendingBy.get(tx);
  if (pending) {
    pending.rows.push(row);
    for (const scope of scopes) pending.scopes.add(scope);
    return;
  }
  const queued: Pending = { rows: [row], scopes: new Set(scopes) };
  if (runBeforeCommit(tx, (last) => writePending(tx, queued, last))) {
    pendingBy.set(tx, queued);
    return;
  }
  await tx.insert(auditEvents).values(row);
  let raised = raisedBy.get(tx);
  if (!raised) {
    raised = new Set();
    raisedBy.set(tx, raised);
  }
  const fresh = scopes.filter((scope) => !raised.has(scope));
  if (fresh.length > 0) await raiseStatement(tx, fresh);
  for (const scope of fresh) raised.add(scope);
}
