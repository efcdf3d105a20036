import { sql } from 'drizzle-orm';
import { runBeforeCommit } from '../db/before-commit.js';
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

/** The scopes each transaction will raise just before it commits. */
const toRaiseBy = new WeakMap<Tx, Set<string>>();

/** Raises the versions of `scopes` by one, in sorted order; a scope without a row gets one at version 1. */
async function raise(tx: Tx, scopes: Iterable<string>): Promise<void> {
  const sorted = [...scopes].sort();
  if (sorted.length === 0) return;
  await tx
    .insert(cacheVersions)
    .values(sorted.map((scope) => ({ scope, version: 1 })))
    .onConflictDoUpdate({ target: cacheVersions.scope, set: { version: sql`${cacheVersions.version} + 1` } });
}

/**
 * Raises the versions of the scopes a write changes, in its transaction (platform/read-cache.ts says why that
 * keeps cached reads correct), once per transaction and scope: readers only see commits. The rows are locked
 * until the transaction ends, so they are raised as its last statement (db/before-commit.ts), all in one
 * statement in sorted order: a transaction then takes no lock after them, and two that raise the same scopes
 * wait for each other instead of deadlocking. A savepoint raises at once.
 */
async function raiseVersions(tx: Tx, scopes: readonly string[] | undefined): Promise<void> {
  const named = scopes === undefined ? [everyReadScope] : scopes.length === 0 ? [auditOnlyScope] : scopes;
  const toRaise = toRaiseBy.get(tx);
  if (toRaise) {
    for (const scope of named) toRaise.add(scope);
    return;
  }
  const queued = new Set(named);
  if (runBeforeCommit(tx, () => raise(tx, queued))) {
    toRaiseBy.set(tx, queued);
    return;
  }
  let raised = raisedBy.get(tx);
  if (!raised) {
    raised = new Set();
    raisedBy.set(tx, raised);
  }
  const fresh = [...queued].filter((scope) => !raised.has(scope));
  await raise(tx, fresh);
  for (const scope of fresh) raised.add(scope);
}

/**
 * Appends one audit event inside the caller's transaction, so the change and its record commit together
 * or not at all, and raises the versions of the scopes it names (`entry.scopes`) in the same transaction.
 */
export async function appendAudit(tx: Tx, ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: userIdOf(ctx.actor),
    actorName: ctx.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: ctx.requestId,
  });
  await raiseVersions(tx, entry.scopes);
}
