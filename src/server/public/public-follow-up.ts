import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { ReportStatus } from '../../shared/contracts/follow-up.js';
import type { PublicFollowUp } from '../../shared/contracts/public.js';
import { subjectAreas } from '../agreements/agreement.table.js';
import type { Db, Tx } from '../db/client.js';
import { commitments } from '../follow-up/commitment.table.js';
import {
  commitmentReports,
  reportingRoundCommitments,
  reportingRounds,
} from '../follow-up/reporting-round.table.js';
import { departments } from '../registry/registry.table.js';

/**
 * The follow-up of an agreement in force as the public sees it: its active commitments with their owner,
 * and the submitted reports of the rounds admin has published (a published round is closed: its reports
 * no longer change). Open or unpublished rounds and draft reports are left out, and so are the people: who
 * is responsible, who reported and who published are not public.
 */
export async function loadPublicFollowUp(
  db: Db | Tx,
  agreementId: string,
  regionName: string,
): Promise<PublicFollowUp> {
  const own = await db
    .select({
      id: commitments.id,
      title: commitments.title,
      subjectArea: subjectAreas.name,
      department: departments.name,
      budgetNok: commitments.budgetNok,
    })
    .from(commitments)
    .innerJoin(subjectAreas, eq(subjectAreas.id, commitments.subjectAreaId))
    .leftJoin(departments, eq(departments.id, commitments.ownerDepartmentId))
    .where(and(eq(commitments.agreementId, agreementId), eq(commitments.state, 'active')))
    .orderBy(asc(subjectAreas.position), asc(commitments.title));
  const published = await db
    .selectDistinct({
      id: reportingRounds.id,
      name: reportingRounds.name,
      deadline: reportingRounds.deadline,
      publishedAt: reportingRounds.publishedAt,
    })
    .from(reportingRounds)
    .innerJoin(reportingRoundCommitments, eq(reportingRoundCommitments.roundId, reportingRounds.id))
    .innerJoin(commitments, eq(commitments.id, reportingRoundCommitments.commitmentId))
    .where(and(eq(commitments.agreementId, agreementId), isNotNull(reportingRounds.publishedAt)))
    .orderBy(desc(reportingRounds.publishedAt), asc(reportingRounds.id));
  const reports = await db
    .select({
      roundId: commitmentReports.roundId,
      commitmentId: commitmentReports.commitmentId,
      status: commitmentReports.status,
      progress: commitmentReports.progress,
      done: commitmentReports.done,
      next: commitmentReports.next,
    })
    .from(commitmentReports)
    .innerJoin(reportingRounds, eq(reportingRounds.id, commitmentReports.roundId))
    .innerJoin(commitments, eq(commitments.id, commitmentReports.commitmentId))
    .where(
      and(
        eq(commitments.agreementId, agreementId),
        isNotNull(reportingRounds.publishedAt),
        eq(commitmentReports.state, 'submitted'),
      ),
    );
  const order = new Map(published.map((r, i) => [r.id, i]));
  const byCommitment = new Map<string, PublicFollowUp['commitments'][number]['reports']>();
  for (const r of reports) {
    if (r.status === null || r.progress === null) continue;
    const list = byCommitment.get(r.commitmentId) ?? [];
    list.push({
      roundId: r.roundId,
      status: r.status as ReportStatus,
      progress: r.progress,
      done: r.done,
      next: r.next,
    });
    byCommitment.set(r.commitmentId, list);
  }
  for (const list of byCommitment.values()) {
    list.sort((a, b) => (order.get(a.roundId) ?? 0) - (order.get(b.roundId) ?? 0));
  }
  return {
    rounds: published.flatMap((r) =>
      r.publishedAt
        ? [{ id: r.id, name: r.name, deadline: r.deadline, publishedAt: r.publishedAt.toISOString() }]
        : [],
    ),
    commitments: own.map((c) => ({
      id: c.id,
      title: c.title,
      subjectArea: c.subjectArea,
      owner: c.department ?? regionName,
      ownedByRegion: c.department === null,
      budgetNok: c.budgetNok,
      reports: byCommitment.get(c.id) ?? [],
    })),
  };
}
