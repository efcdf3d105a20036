import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import type { Actor } from '../platform/context.js';
import { conflict, forbidden } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { users } from '../users/user.table.js';
import { dispositionInputs, type hearingInputs } from './hearing.table.js';
import { hearingClosed } from './hearing-rules.js';

type InputRow = typeof hearingInputs.$inferSelect;

/** What the audit keeps of an input. */
export const auditedInput = (row: InputRow) => ({
  hearingId: row.hearingId,
  regionId: row.regionId,
  sectionKey: row.sectionKey,
  text: row.text,
  late: row.late,
  withdrawnAt: row.withdrawnAt,
  version: row.version,
});

export const assertInputId = (id: string) => {
  assertId(id);
};

/**
 * Who may change (edit, withdraw) an input, checked in this order so that nobody learns more than they
 * may: a region contact changes their own region's input (another region's: 403) while the hearing takes
 * input (after: 409 hearingClosed). The admin does not rewrite a region's own words: they correct only the
 * input the county registered on a region's behalf (late, or sent by post or e-mail), and only until it
 * has a disposition.
 */
/** Input the admin (or an import) registered, rather than the region's contact. */
async function registeredByCounty(tx: Tx, input: InputRow): Promise<boolean> {
  if (input.late || input.submittedBy === null) return true;
  const [submitter] = await tx
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, input.submittedBy));
  return submitter?.role === 'admin';
}

export async function assertMayChangeInput(
  tx: Tx,
  actor: Actor,
  input: InputRow,
  closed: boolean,
): Promise<void> {
  if (actor.role === 'region') {
    if (!actor.regionId || input.regionId !== actor.regionId) throw forbidden();
    if (input.withdrawnAt) throw conflict('validation.inputWithdrawn');
    if (closed) throw hearingClosed();
    return;
  }
  if (actor.role !== 'admin' || !(await registeredByCounty(tx, input))) throw forbidden();
  if (input.withdrawnAt) throw conflict('validation.inputWithdrawn');
  const [answered] = await tx
    .select({ id: dispositionInputs.dispositionId })
    .from(dispositionInputs)
    .where(eq(dispositionInputs.inputId, input.id));
  if (answered) throw conflict('validation.inputHasDisposition');
}
