import type { Tx } from '../db/client.js';
import { type Actor, userIdOf } from '../platform/context.js';
import { auditEvents } from './audit.table.js';

export type AuditCtx = { actor: Pick<Actor, 'id' | 'name'>; requestId: string | null };

export type AuditEntry = {
  /** `entity.verb`, e.g. `region.update`, `membership.create`. */
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
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

/**
 * Appends one audit event inside the caller's transaction, so the change and its record commit together
 * or not at all.
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
}
