import { sql } from 'drizzle-orm';
import type { AuditActions } from '../../shared/contracts/audit.js';
import { authorize, readers } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';

/**
 * The distinct action names. A plain DISTINCT would read every event; this walks the action index from one
 * name to the next (a "loose index scan"): one index probe per distinct name, however long the log is.
 */
export const distinctActions = sql`
  with recursive names(action) as (
    (select action from audit_events order by action limit 1)
    union all
    select (select e.action from audit_events e where e.action > names.action order by e.action limit 1)
    from names
    where names.action is not null
  )
  select action from names where action is not null
`;

/** The action names that occur in the log, for the log's filter. */
export async function listAuditActions(ctx: Ctx): Promise<AuditActions> {
  const { db } = authorize(ctx, readers);
  const result = (await db.execute(distinctActions)) as unknown as { rows: { action: string }[] };
  return { items: result.rows.map((r) => r.action) };
}
