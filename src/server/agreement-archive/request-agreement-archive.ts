import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AgreementArchive } from '../../shared/contracts/agreement-document.js';
import { agreements } from '../agreements/agreement.table.js';
import { appendAudit } from '../audit/append-audit.js';
import { cycles } from '../general-part/general-part.table.js';
import { requestJob } from '../jobs/request-job.js';
import { adminOnly, authorize } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { agreementArchives } from './agreement-archive.table.js';
import { archiveColumns, toArchive } from './agreement-archive-reads.js';
import { agreementArchiveJob } from './make-agreement-archive.js';

/** Longer than every try of the job together (three tries of at most an hour each, and their delays). */
const abandonedAfterHours = 4;

/**
 * Starts the ZIP of all agreements of a cycle in the background (admin). While one is still queued or
 * running for the cycle, that one is answered instead of starting a second: pressing the button twice, or
 * two admins at once, makes one archive. A cycle without agreements has nothing to archive (409).
 */
export async function requestAgreementArchive(ctx: Ctx, cycleId: string): Promise<AgreementArchive> {
  const { db, actor, requestId } = authorize(ctx, adminOnly);
  assertId(cycleId);
  return db.transaction(async (tx) => {
    // Taking the cycle's row serialises two requests for the same cycle.
    const [cycle] = await tx
      .select({ id: cycles.id })
      .from(cycles)
      .where(eq(cycles.id, cycleId))
      .for('update');
    if (!cycle) throw notFound();

    // An archive still "running" long after every try of its job must have ended (a process that stopped
    // mid-run on its last try): it is marked failed, so that it does not stand in for a new one for ever.
    await tx
      .update(agreementArchives)
      .set({ state: 'failed', failure: 'unexpected', finishedAt: sql`now()` })
      .where(
        and(
          eq(agreementArchives.cycleId, cycleId),
          inArray(agreementArchives.state, ['queued', 'running']),
          lt(agreementArchives.requestedAt, sql`now() - make_interval(hours => ${abandonedAfterHours})`),
        ),
      );
    const [running] = await tx
      .select(archiveColumns)
      .from(agreementArchives)
      .where(
        and(eq(agreementArchives.cycleId, cycleId), inArray(agreementArchives.state, ['queued', 'running'])),
      )
      .orderBy(desc(agreementArchives.requestedAt))
      .limit(1);
    if (running) return toArchive(running);

    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(agreements)
      .where(eq(agreements.cycleId, cycleId));
    if (total === 0) {
      throw new AppError('conflict', [{ field: '_', code: 'validation.noAgreementsToArchive', params: {} }]);
    }

    const [row] = await tx
      .insert(agreementArchives)
      .values({ cycleId, total, requestedBy: actor.id })
      .returning(archiveColumns);
    if (!row) throw new Error('archive not stored');
    await appendAudit(
      tx,
      { actor, requestId },
      {
        action: 'agreementArchive.create',
        entityType: 'agreementArchive',
        entityId: row.id,
        before: null,
        after: { cycleId, total },
      },
    );
    await requestJob(tx, agreementArchiveJob, { archiveId: row.id }, { singletonKey: row.id });
    return toArchive(row);
  });
}
