import { asc, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  ApprovalAttachment,
  GeneralPartVersion,
  GeneralPartVersionSummary,
} from '../../shared/contracts/general-part.js';
import type { Db, Tx } from '../db/client.js';
import { users } from '../users/user.table.js';
import {
  approvalAttachmentColumns,
  toApprovalAttachment,
  toSection,
  toVersionSummary,
} from './general-part.mapper.js';
import { approvalAttachments, generalPartSections, generalPartVersions } from './general-part.table.js';

const creator = alias(users, 'creator');
const recorder = alias(users, 'recorder');

/** Versions with the names of who made them and who recorded their approval, newest first. */
export async function selectVersionSummaries(db: Db | Tx, where: SQL): Promise<GeneralPartVersionSummary[]> {
  const rows = await db
    .select({ row: generalPartVersions, creatorName: creator.name, recorderName: recorder.name })
    .from(generalPartVersions)
    .leftJoin(creator, eq(creator.id, generalPartVersions.createdBy))
    .leftJoin(recorder, eq(recorder.id, generalPartVersions.approvalRecordedBy))
    .where(where)
    .orderBy(desc(generalPartVersions.number));
  return rows.map(({ row, ...names }) => toVersionSummary(row, names));
}

export async function loadSections(db: Db | Tx, versionId: string) {
  const rows = await db
    .select()
    .from(generalPartSections)
    .where(eq(generalPartSections.versionId, versionId))
    .orderBy(asc(generalPartSections.position));
  return rows.map(toSection);
}

/** The documents attached to a version's approval, oldest first (their content is not read). */
export async function loadApprovalAttachments(db: Db | Tx, versionId: string): Promise<ApprovalAttachment[]> {
  const rows = await db
    .select(approvalAttachmentColumns)
    .from(approvalAttachments)
    .where(eq(approvalAttachments.versionId, versionId))
    .orderBy(asc(approvalAttachments.uploadedAt), asc(approvalAttachments.id));
  return rows.map(toApprovalAttachment);
}

/** One version with its sections in order, or null. */
export async function loadVersion(db: Db | Tx, id: string): Promise<GeneralPartVersion | null> {
  const [summary] = await selectVersionSummaries(db, eq(generalPartVersions.id, id));
  if (!summary) return null;
  return {
    ...summary,
    sections: await loadSections(db, id),
    approvalAttachments: await loadApprovalAttachments(db, id),
  };
}
