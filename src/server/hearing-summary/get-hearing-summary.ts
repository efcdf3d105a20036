import type { Role } from '../../shared/contracts/common.js';
import type {
  InputSummary,
  OutcomeCounts,
  SummaryEntry,
  SummarySection,
} from '../../shared/contracts/hearing-summary.js';
import type { HearingInput } from '../../shared/contracts/hearings.js';
import { loadHearing } from '../hearings/hearing-reads.js';
import { assertTakesPart, closedForInput, findHearing, type HearingRow } from '../hearings/hearing-rules.js';
import { loadInputs, type SectionRef, sectionsOf } from '../hearings/input-reads.js';
import { authorize } from '../platform/authorize.js';
import { databaseNow } from '../platform/clock.js';
import type { Actor, Ctx } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';

/**
 * Who may read a hearing's input summary:
 * - admin and viewer: at any time, with dispositions still being worked on marked as drafts;
 * - a region contact of an invited region: once the hearing is closed, the whole summary, every region's
 *   input (likeverdighet: after the deadline every invited region sees all input, at the same moment), with
 *   final dispositions only. So each region sees how its own input was handled, and how the others' was.
 *   While the hearing is open the summary is refused (409): it would show only the region's own input,
 *   which its input list already does, and a "summary" that leaves the others out would mislead.
 * - a department editor: refused. They answer the inputs assigned to them on the hearing screen; the
 *   summary is the county's document for the political case.
 *
 * The visibility rules themselves (withdrawn input, own input while open, final dispositions for regions)
 * are the hearings feature's, read through its read functions, so the summary can never show more than
 * the hearing screen does.
 */
export const summaryReaders: readonly Role[] = ['admin', 'viewer', 'region'];

export async function getHearingSummary(ctx: Ctx, hearingId: string): Promise<InputSummary> {
  const { db, actor } = authorize(ctx, summaryReaders);
  const row = await findHearing(db, hearingId);
  await assertTakesPart(db, actor, hearingId);
  const now = await databaseNow(db);
  const closed = closedForInput(row, now);
  if (actor.role === 'region' && !closed) throw conflict('validation.summaryWhileOpen');

  const hearing = await loadHearing(db, actor, now, hearingId);
  if (!hearing) throw notFound();
  return { hearing, ...(await summaryOf(db, actor, row, closed)), generatedAt: now.toISOString() };
}

/**
 * Who reads a closed hearing as every invited region does once it is closed, without being one: the inputs
 * not withdrawn, and only the county's final answers (the hearings feature's rules for a region contact, for
 * no region). It is nobody's account and may do nothing: only reads take it, for the public pages and for
 * the summary a political case attaches.
 */
export const finalAnswersReader: Actor = {
  id: '00000000-0000-0000-0000-0000000000ff',
  name: 'Offentligheten',
  email: 'offentlig@partnerskap.invalid',
  role: 'region',
  departmentId: null,
  regionId: null,
  locale: 'nb',
};

/**
 * A closed hearing's summary as a political case attaches it (cases/case-document.ts): the hearing as the
 * county reads it (its invited regions and counts), with only the final answers, since a case goes to the
 * politicians and the public, where a draft answer has no place. The caller has already been authorised to
 * read the case; a hearing that is not closed is refused (409), as it is to a region contact.
 */
export async function closedSummaryForCase(ctx: Ctx, hearingId: string): Promise<InputSummary> {
  const { db, actor } = authorize(ctx, ['admin', 'department', 'viewer']);
  const row = await findHearing(db, hearingId);
  const now = await databaseNow(db);
  if (!closedForInput(row, now)) throw conflict('validation.summaryWhileOpen');
  const hearing = await loadHearing(db, actor, now, hearingId);
  if (!hearing) throw notFound();
  return { hearing, ...(await summaryOf(db, finalAnswersReader, row, true)), generatedAt: now.toISOString() };
}

/**
 * The summary's body as `viewer` may see it (the hearings feature's visibility rules): the outcomes, each
 * section's inputs by region with their answers, and the inputs on the whole document.
 */
export async function summaryOf(
  db: Ctx['db'],
  viewer: Actor,
  row: HearingRow,
  closed: boolean,
): Promise<Pick<InputSummary, 'outcomes' | 'sections' | 'wholeDocument'>> {
  const inputs = await loadInputs(db, viewer, row, closed);
  const sections = await sectionsOf(db, row.versionId);
  const titles = await sectionTitlesOfTakenIn(db, row.versionId, sections, inputs);

  const entry = (input: HearingInput): SummaryEntry => {
    const d = input.disposition;
    return {
      inputId: input.id,
      region: input.region,
      text: input.text,
      late: input.late,
      submittedAt: input.submittedAt,
      attachments: input.attachments.map((a) => a.filename),
      disposition: d
        ? {
            outcome: d.outcome,
            reason: d.reason,
            final: d.final,
            takenIn: d.takenIn && {
              versionNumber: d.takenIn.versionNumber,
              sectionKey: d.takenIn.sectionKey,
              sectionTitle: d.takenIn.sectionKey
                ? (titles.get(`${d.takenIn.versionId}/${d.takenIn.sectionKey}`) ?? null)
                : null,
            },
          }
        : null,
    };
  };
  // loadInputs orders by region, so each section lists its regions alphabetically.
  const summarySections: SummarySection[] = sections.map((section) => ({
    key: section.key,
    title: section.title,
    entries: inputs.filter((i) => i.sectionKey === section.key).map(entry),
  }));
  return {
    outcomes: countOutcomes(inputs),
    sections: summarySections,
    wholeDocument: inputs.filter((i) => i.sectionKey === null).map(entry),
  };
}

/** Final dispositions by outcome; a draft counts as unanswered, as in the hearing's own counts. */
function countOutcomes(inputs: readonly HearingInput[]): OutcomeCounts {
  const counts: OutcomeCounts = { taken_in: 0, partly_taken_in: 0, not_taken_in: 0, noted: 0, unanswered: 0 };
  for (const input of inputs) {
    const d = input.disposition;
    counts[d?.final ? d.outcome : 'unanswered'] += 1;
  }
  return counts;
}

/**
 * The titles of the sections inputs were taken into, by `versionId/sectionKey`: usually sections of the
 * next draft, read once per version named (one or two), not per input.
 */
async function sectionTitlesOfTakenIn(
  db: Ctx['db'],
  hearingVersionId: string,
  hearingSections: readonly SectionRef[],
  inputs: readonly HearingInput[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const add = (versionId: string, sections: readonly SectionRef[]) => {
    for (const s of sections) titles.set(`${versionId}/${s.key}`, s.title);
  };
  add(hearingVersionId, hearingSections);
  const versions = new Set(
    inputs.flatMap((i) => (i.disposition?.takenIn?.sectionKey ? [i.disposition.takenIn.versionId] : [])),
  );
  versions.delete(hearingVersionId);
  for (const versionId of versions) add(versionId, await sectionsOf(db, versionId));
  return titles;
}
