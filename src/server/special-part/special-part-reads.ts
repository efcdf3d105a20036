import { asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  ContributionsContent,
  contributionsSectionKey,
  type SpecialPartSection,
  type SpecialPartState,
  type SpecialPartVersion,
  type SpecialPartVersionSummary,
} from '../../shared/contracts/special-part.js';
import type { Db, Tx } from '../db/client.js';
import { users } from '../users/user.table.js';
import { generateContributionsContent } from './contributions-content.js';
import { specialPartSections, specialPartVersions } from './special-part.table.js';

const creator = alias(users, 'creator');
const sender = alias(users, 'sender');
const agreer = alias(users, 'agreer');

type VersionRow = typeof specialPartVersions.$inferSelect;

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function toSummary(
  row: VersionRow,
  names: { creatorName: string | null; senderName: string | null; agreerName: string | null },
): SpecialPartVersionSummary {
  return {
    id: row.id,
    agreementId: row.agreementId,
    number: row.number,
    // The CHECK constraint holds the column to the four states.
    state: row.state as SpecialPartState,
    basedOnVersionId: row.basedOnVersionId,
    createdAt: row.createdAt.toISOString(),
    createdBy: person(row.createdBy, names.creatorName),
    sentAt: row.sentAt?.toISOString() ?? null,
    sentBy: person(row.sentBy, names.senderName),
    agreedAt: row.agreedAt?.toISOString() ?? null,
    agreedBy: person(row.agreedBy, names.agreerName),
    version: row.version,
  };
}

/** What the audit keeps of a version: its identity and state (the version itself keeps the text). */
export const auditedVersion = (row: VersionRow) => ({
  agreementId: row.agreementId,
  number: row.number,
  state: row.state,
  basedOnVersionId: row.basedOnVersionId,
  version: row.version,
});

/** Versions with the names of who made, sent and agreed them, newest first. */
export async function selectSummaries(db: Db | Tx, where: SQL): Promise<SpecialPartVersionSummary[]> {
  const rows = await db
    .select({
      row: specialPartVersions,
      creatorName: creator.name,
      senderName: sender.name,
      agreerName: agreer.name,
    })
    .from(specialPartVersions)
    .leftJoin(creator, eq(creator.id, specialPartVersions.createdBy))
    .leftJoin(sender, eq(sender.id, specialPartVersions.sentBy))
    .leftJoin(agreer, eq(agreer.id, specialPartVersions.agreedBy))
    .where(where)
    .orderBy(desc(specialPartVersions.number));
  return rows.map(({ row, ...names }) => toSummary(row, names));
}

/**
 * The contributions content of a version: frozen in the version once it was sent, generated live from the
 * agreed contributions while it is a draft.
 */
export async function contributionsOf(
  db: Db | Tx,
  version: { agreementId: string; state: string; contributionsSnapshot: unknown },
): Promise<ContributionsContent> {
  if (version.state === 'draft') return generateContributionsContent(db, version.agreementId);
  return ContributionsContent.parse(version.contributionsSnapshot);
}

/** A version's sections in order, the contributions section's body being the generated text. */
export async function loadSections(
  db: Db | Tx,
  versionId: string,
  contributions: ContributionsContent,
): Promise<SpecialPartSection[]> {
  const rows = await db
    .select()
    .from(specialPartSections)
    .where(eq(specialPartSections.versionId, versionId))
    .orderBy(asc(specialPartSections.position));
  return rows.map((row) => {
    const generated = row.key === contributionsSectionKey;
    return {
      id: row.id,
      key: row.key,
      title: row.title,
      body: generated ? contributions.body : row.body,
      position: row.position,
      generated,
    };
  });
}

/** One version with its sections and contributions content, or null. */
export async function loadSpecialPartVersion(db: Db | Tx, id: string): Promise<SpecialPartVersion | null> {
  const [summary] = await selectSummaries(db, eq(specialPartVersions.id, id));
  if (!summary) return null;
  const [row] = await db
    .select({ contributionsSnapshot: specialPartVersions.contributionsSnapshot })
    .from(specialPartVersions)
    .where(eq(specialPartVersions.id, id));
  const contributions = await contributionsOf(db, {
    ...summary,
    contributionsSnapshot: row?.contributionsSnapshot,
  });
  return { ...summary, sections: await loadSections(db, id, contributions), contributions };
}

/**
 * The special part to print in the agreement document: the agreed version if there is one, else the newest
 * (a draft, or a sent version awaiting agreement), with its sections and contributions content. For an
 * agreed or sent version the contributions are its frozen snapshot; for a draft, the current agreed
 * contributions. Null when the agreement has no special part yet (or no such agreement).
 */
export async function loadSpecialPartForDocument(
  db: Db | Tx,
  agreementId: string,
): Promise<SpecialPartVersion | null> {
  const summaries = await selectSummaries(db, eq(specialPartVersions.agreementId, agreementId));
  const chosen = summaries.find((v) => v.state === 'agreed') ?? summaries[0];
  return chosen ? loadSpecialPartVersion(db, chosen.id) : null;
}
