import { eq } from 'drizzle-orm';
import {
  type AgreementArchive,
  ArchiveFailure,
  ArchiveState,
} from '../../shared/contracts/agreement-document.js';
import type { Db, Tx } from '../db/client.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { agreementArchives } from './agreement-archive.table.js';

/** Everything but the ZIP itself, which only the file route reads. */
export const archiveColumns = {
  id: agreementArchives.id,
  cycleId: agreementArchives.cycleId,
  state: agreementArchives.state,
  done: agreementArchives.done,
  total: agreementArchives.total,
  filename: agreementArchives.filename,
  size: agreementArchives.size,
  failure: agreementArchives.failure,
  requestedAt: agreementArchives.requestedAt,
  finishedAt: agreementArchives.finishedAt,
};

type ArchiveRow = Pick<typeof agreementArchives.$inferSelect, keyof typeof archiveColumns>;

export function toArchive(row: ArchiveRow): AgreementArchive {
  const failure = ArchiveFailure.safeParse(row.failure);
  return {
    id: row.id,
    cycleId: row.cycleId,
    // The CHECK constraint holds the column to the four states.
    state: ArchiveState.parse(row.state),
    done: row.done,
    total: row.total,
    filename: row.filename,
    size: row.size,
    failure: row.state === 'failed' ? (failure.success ? failure.data : 'unexpected') : null,
    requestedAt: row.requestedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** One archive without its content; 404 when there is none (or the id is not one). */
export async function findArchive(db: Db | Tx, id: string): Promise<AgreementArchive> {
  assertId(id);
  const [row] = await db.select(archiveColumns).from(agreementArchives).where(eq(agreementArchives.id, id));
  if (!row) throw notFound();
  return toArchive(row);
}
