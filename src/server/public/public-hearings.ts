import { desc, eq } from 'drizzle-orm';
import type { SummaryEntry } from '../../shared/contracts/hearing-summary.js';
import type {
  PublicCounty,
  PublicHearing,
  PublicHearingSummary,
  PublicSummaryEntry,
} from '../../shared/contracts/public.js';
import type { Db, Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { finalAnswersReader, summaryOf } from '../hearing-summary/get-hearing-summary.js';
import { deadlineEnd } from '../hearings/deadline.js';
import { hearings } from '../hearings/hearing.table.js';
import { closedForInput, type HearingRow } from '../hearings/hearing-rules.js';
import { databaseNow } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import { county } from '../registry/registry.table.js';

type Row = { row: HearingRow; cycleName: string; versionNumber: number };

function selectHearings(db: Db | Tx) {
  return db
    .select({ row: hearings, cycleName: cycles.name, versionNumber: generalPartVersions.number })
    .from(hearings)
    .innerJoin(cycles, eq(cycles.id, hearings.cycleId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId));
}

/** When input stopped: the end of the deadline day, or when the county closed it before that. */
function closesAtOf(row: HearingRow): Date {
  const end = deadlineEnd(row.deadline);
  return row.closedAt && row.closedAt < end ? row.closedAt : end;
}

const entryOf = ({ inputId: _id, attachments: _files, ...rest }: SummaryEntry): PublicSummaryEntry => rest;

/** The public sees a closed hearing as every invited region does once it is closed: final answers only. */
async function publicHearingOf(db: Db | Tx, { row, cycleName, versionNumber }: Row): Promise<PublicHearing> {
  const summary = await summaryOf(db, finalAnswersReader, row, true);
  const entries = [...summary.sections.flatMap((s) => s.entries), ...summary.wholeDocument];
  return {
    id: row.id,
    cycleName,
    versionNumber,
    kind: row.kind as PublicHearing['kind'],
    deadline: row.deadline,
    closesAt: closesAtOf(row).toISOString(),
    inputs: entries.length,
    outcomes: summary.outcomes,
    sections: summary.sections.map((s) => ({ key: s.key, title: s.title, entries: s.entries.map(entryOf) })),
    wholeDocument: summary.wholeDocument.map(entryOf),
  };
}

/**
 * The hearings closed on `today` (an Oslo date): closed early, or with their deadline day behind them; newest
 * first, each with how its inputs were answered.
 */
export async function loadClosedHearings(db: Db | Tx, today: string): Promise<PublicHearingSummary[]> {
  const rows = (await selectHearings(db).orderBy(desc(hearings.createdAt), desc(hearings.id))).filter(
    (r) => r.row.closedAt !== null || today > r.row.deadline,
  );
  const items: PublicHearingSummary[] = [];
  for (const r of rows) {
    const { sections: _s, wholeDocument: _w, ...summary } = await publicHearingOf(db, r);
    items.push(summary);
  }
  return items;
}

/** One closed hearing with its summary; 404 for an open one, as for one that does not exist. */
export async function loadClosedHearing(db: Db | Tx, id: string): Promise<PublicHearing> {
  const [found] = await selectHearings(db).where(eq(hearings.id, id));
  if (!found || !closedForInput(found.row, await databaseNow(db))) throw notFound();
  return publicHearingOf(db, found);
}

/** The county's name, for the public pages' frame. */
export async function loadPublicCounty(db: Db | Tx): Promise<PublicCounty> {
  const [row] = await db.select({ name: county.name }).from(county);
  return { name: row?.name ?? '' };
}
