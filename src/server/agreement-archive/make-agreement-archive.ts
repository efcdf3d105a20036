import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ArchiveFailure } from '../../shared/contracts/agreement-document.js';
import { loadAgreementDocumentData } from '../agreement-document/agreement-document-data.js';
import { agreementDocument, agreementFileName } from '../agreement-document/agreement-document-model.js';
import { agreements } from '../agreements/agreement.table.js';
import type { Db } from '../db/client.js';
import { renderDocx, renderPdf } from '../documents/download.js';
import { renderOffLoop } from '../documents/render-pool.js';
import { cycles } from '../general-part/general-part.table.js';
import { defineJob, defineWorker, type JobWorker } from '../jobs/define-job.js';
import { regions } from '../registry/registry.table.js';
import { agreementArchives } from './agreement-archive.table.js';

/**
 * Making one agreement archive. A failure to reach the database is tried again (twice, after half a
 * minute and more); an agreement that cannot be rendered fails the archive at once, since trying again
 * would render the same data the same way.
 */
export const agreementArchiveJob = defineJob({
  name: 'agreement-archive.make',
  data: z.object({ archiveId: z.string().uuid() }),
  policy: 'exclusive',
  queue: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
});

/** The caller an archive's documents count against (render-pool.ts): the job, one archive at a time. */
const archiveCaller = 'agreement-archive';

/** A failure with the code the app shows; anything else is `unexpected`. */
class ArchiveError extends Error {
  constructor(
    readonly failure: ArchiveFailure,
    options: { cause: unknown },
  ) {
    super(`agreement archive: ${failure}`, options);
  }
}

/**
 * The ZIP of a cycle's agreements: for every agreement (by region name) its DOCX, to edit and send on,
 * and its PDF, to read and archive, named as a single download is (`Partnerskapsavtale-Hallingdal-2021-2024`).
 * `done` counts agreements as they are rendered, which is what the app's progress bar shows.
 *
 * Returns false when there was nothing to do (the archive is finished, failed or gone).
 */
export async function makeAgreementArchive(db: Db, archiveId: string): Promise<boolean> {
  // Claiming it starts it over: a retry after a crash renders everything again from the first agreement.
  const [claimed] = await db
    .update(agreementArchives)
    .set({ state: 'running', done: 0 })
    .where(and(eq(agreementArchives.id, archiveId), inArray(agreementArchives.state, ['queued', 'running'])))
    .returning({ cycleId: agreementArchives.cycleId, requestedAt: agreementArchives.requestedAt });
  if (!claimed) return false;

  const [cycle] = await db
    .select({ periodFrom: cycles.periodFrom, periodTo: cycles.periodTo })
    .from(cycles)
    .where(eq(cycles.id, claimed.cycleId));
  const ids = await db
    .select({ id: agreements.id })
    .from(agreements)
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(agreements.cycleId, claimed.cycleId))
    .orderBy(asc(regions.name));
  await db.update(agreementArchives).set({ total: ids.length }).where(eq(agreementArchives.id, archiveId));

  // Every document and the ZIP itself are made in the document workers (render-pool.ts), off the main
  // loop, one at a time for the job: the archive counts against its own caller, not a user's.
  const entries: { name: string; content: Uint8Array }[] = [];
  const names = new Set<string>();
  for (const [i, { id }] of ids.entries()) {
    try {
      const data = await loadAgreementDocumentData(db, id);
      const model = agreementDocument(data);
      const name = uniqueName(agreementFileName(data), names);
      entries.push({ name: `${name}.docx`, content: await renderDocx(archiveCaller, model) });
      entries.push({ name: `${name}.pdf`, content: await renderPdf(archiveCaller, model) });
    } catch (error) {
      throw new ArchiveError('document', { cause: error });
    }
    await db
      .update(agreementArchives)
      .set({ done: i + 1 })
      .where(eq(agreementArchives.id, archiveId));
  }
  const content = await renderOffLoop(archiveCaller, { kind: 'zip', entries });
  const years = cycle ? `-${cycle.periodFrom.slice(0, 4)}-${cycle.periodTo.slice(0, 4)}` : '';
  await db.transaction(async (tx) => {
    await tx
      .update(agreementArchives)
      .set({
        state: 'done',
        content,
        filename: `Partnerskapsavtaler${years}.zip`,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        finishedAt: new Date(),
      })
      .where(eq(agreementArchives.id, archiveId));
    // The newest archive replaces the cycle's older finished or failed ones (their ZIPs are large).
    await tx
      .delete(agreementArchives)
      .where(
        and(
          eq(agreementArchives.cycleId, claimed.cycleId),
          ne(agreementArchives.id, archiveId),
          inArray(agreementArchives.state, ['done', 'failed']),
          lt(agreementArchives.requestedAt, claimed.requestedAt),
        ),
      );
  });
  return true;
}

/** `Partnerskapsavtale-Follo-2021-2024`, or with `-2` if two regions' short names are the same. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Marks the archive failed with a code the app translates; the cause goes to the log only. */
export async function failAgreementArchive(
  db: Db,
  archiveId: string,
  failure: ArchiveFailure,
): Promise<void> {
  await db
    .update(agreementArchives)
    .set({ state: 'failed', failure, finishedAt: new Date() })
    .where(and(eq(agreementArchives.id, archiveId), inArray(agreementArchives.state, ['queued', 'running'])));
}

/**
 * Runs one archive job. An agreement that cannot be rendered, or the last try of anything else, marks the
 * archive failed (and the job done, so it is not tried again); an earlier failure is thrown for a retry.
 */
export async function runAgreementArchive(
  db: Db,
  log: Logger,
  archiveId: string,
  tries: { retryCount: number; retryLimit: number },
): Promise<void> {
  try {
    const made = await makeAgreementArchive(db, archiveId);
    log.info({ archiveId, made }, 'agreement archive');
  } catch (error) {
    const failure: ArchiveFailure = error instanceof ArchiveError ? error.failure : 'unexpected';
    log.error({ err: error, archiveId, failure }, 'agreement archive failed');
    if (failure === 'document' || tries.retryCount >= tries.retryLimit) {
      await failAgreementArchive(db, archiveId, failure);
      return;
    }
    throw new Error(`agreement archive ${archiveId} failed; it will be tried again`);
  }
}

/** One archive at a time per process: rendering is work for the CPU, not waiting. */
export function agreementArchiveWorker(): JobWorker {
  return defineWorker(
    agreementArchiveJob,
    (data, ctx) => runAgreementArchive(ctx.db, ctx.log, data.archiveId, ctx),
    { concurrency: 1 },
  );
}
