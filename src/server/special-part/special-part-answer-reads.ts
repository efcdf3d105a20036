import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type {
  SpecialPartAnswer,
  SpecialPartAnswerView,
  SpecialPartVerdict,
} from '../../shared/contracts/special-part.js';
import { agreements } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import {
  specialPartAnswerComments,
  specialPartAnswers,
  specialPartSections,
  specialPartVersions,
} from './special-part.table.js';

/** A version as answering it needs: its place among the agreement's versions, and the agreement's region. */
export type AnsweredVersion = {
  id: string;
  agreementId: string;
  number: number;
  state: string;
  region: { id: string; name: string };
};

export async function loadAnsweredVersion(db: Db | Tx, id: string): Promise<AnsweredVersion | null> {
  const [row] = await db
    .select({
      id: specialPartVersions.id,
      agreementId: specialPartVersions.agreementId,
      number: specialPartVersions.number,
      state: specialPartVersions.state,
      regionId: regions.id,
      regionName: regions.name,
    })
    .from(specialPartVersions)
    .innerJoin(agreements, eq(agreements.id, specialPartVersions.agreementId))
    .innerJoin(regions, eq(regions.id, agreements.regionId))
    .where(eq(specialPartVersions.id, id));
  if (!row) return null;
  const { regionId, regionName, ...version } = row;
  return { ...version, region: { id: regionId, name: regionName } };
}

/**
 * Whether the region may answer the version now: it is sent, and no later version of the agreement is
 * agreed (which would leave this one never to be agreed). An agreed or superseded version is closed.
 */
export async function answerOpen(db: Db | Tx, version: AnsweredVersion): Promise<boolean> {
  if (version.state !== 'sent') return false;
  const [later] = await db
    .select({ id: specialPartVersions.id })
    .from(specialPartVersions)
    .where(
      and(
        eq(specialPartVersions.agreementId, version.agreementId),
        eq(specialPartVersions.state, 'agreed'),
        gt(specialPartVersions.number, version.number),
      ),
    )
    .limit(1);
  return !later;
}

/** The SQL twin of `answerOpen` for a query over many versions (the start page). */
export const answerOpenSql = sql`(${specialPartVersions.state} = 'sent' and not exists (
  select 1 from special_part_versions later
  where later.agreement_id = ${specialPartVersions.agreementId}
    and later.state = 'agreed' and later.number > ${specialPartVersions.number}))`;

type AnswerRow = typeof specialPartAnswers.$inferSelect;

/** The region's answer to a version, its comments in the version's section order; null before it answered. */
export async function loadAnswer(
  db: Db | Tx,
  versionId: string,
  regionId: string,
): Promise<SpecialPartAnswer | null> {
  const [found] = await db
    .select({ row: specialPartAnswers, answererName: users.name })
    .from(specialPartAnswers)
    .leftJoin(users, eq(users.id, specialPartAnswers.answeredBy))
    .where(and(eq(specialPartAnswers.versionId, versionId), eq(specialPartAnswers.regionId, regionId)));
  if (!found) return null;
  const { row, answererName } = found;
  const comments = await db
    .select({
      sectionKey: specialPartAnswerComments.sectionKey,
      sectionTitle: specialPartSections.title,
      text: specialPartAnswerComments.text,
    })
    .from(specialPartAnswerComments)
    .innerJoin(
      specialPartSections,
      and(
        eq(specialPartSections.versionId, specialPartAnswerComments.versionId),
        eq(specialPartSections.key, specialPartAnswerComments.sectionKey),
      ),
    )
    .where(eq(specialPartAnswerComments.answerId, row.id))
    .orderBy(asc(specialPartSections.position));
  return {
    id: row.id,
    // The CHECK constraint holds the column to the two verdicts.
    verdict: row.verdict as SpecialPartVerdict,
    comments,
    answeredAt: row.answeredAt.toISOString(),
    answeredBy: row.answeredBy && answererName ? { id: row.answeredBy, name: answererName } : null,
    version: row.version,
  };
}

export async function loadAnswerView(db: Db | Tx, version: AnsweredVersion): Promise<SpecialPartAnswerView> {
  return {
    versionId: version.id,
    region: version.region,
    open: await answerOpen(db, version),
    answer: await loadAnswer(db, version.id, version.region.id),
  };
}

/** What the audit keeps of an answer: the whole of it, as it is short and is what the coordinator acts on. */
export const auditedAnswer = (row: AnswerRow, comments: readonly { sectionKey: string; text: string }[]) => ({
  versionId: row.versionId,
  regionId: row.regionId,
  verdict: row.verdict,
  comments: comments.map((c) => ({ sectionKey: c.sectionKey, text: c.text })),
  version: row.version,
});
