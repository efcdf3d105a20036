import { asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { GeneralPartVersion, GeneralPartVersionSummary } from '../../shared/contracts/general-part.js';
import type { Db, Tx } from '../db/client.js';
import { users } from '../users/user.table.js';
import { toSection, toVersionSummary } from './general-part.mapper.js';
import { documentSections, documentVersions } from './general-part.table.js';

const creator = alias(users, 'creator');
const recorder = alias(users, 'recorder');

/** Versions with the names of who made them and who recorded their approval, newest first. */
export async function selectVersionSummaries(db: Db | Tx, where: SQL): Promise<GeneralPartVersionSummary[]> {
  const rows = await db
    .select({ row: documentVersions, creatorName: creator.name, recorderName: recorder.name })
    .from(documentVersions)
    .leftJoin(creator, eq(creator.id, documentVersions.createdBy))
    .leftJoin(recorder, eq(recorder.id, documentVersions.approvalRecordedBy))
    .where(where)
    .orderBy(desc(documentVersions.number));
  return rows.map(({ row, ...names }) => toVersionSummary(row, names));
}

export async function loadSections(db: Db | Tx, versionId: string) {
  const rows = await db
    .select()
    .from(documentSections)
    .where(eq(documentSections.versionId, versionId))
    .orderBy(asc(documentSections.position));
  return rows.map(toSection);
}

/** One version with its sections in order, or null. */
export async function loadVersion(db: Db | Tx, id: string): Promise<GeneralPartVersion | null> {
  const [summary] = await selectVersionSummaries(db, eq(documentVersions.id, id));
  if (!summary) return null;
  return { ...summary, sections: await loadSections(db, id) };
}
