import { eq } from 'drizzle-orm';
import { HearingKind } from '../../shared/contracts/hearings.js';
import type { Tx } from '../db/client.js';
import { cycles, generalPartVersions } from '../general-part/general-part.table.js';
import { hearingInvitations, hearings } from './hearing.table.js';
import type { HearingFacts } from './hearing-mail.js';

/** What the e-mails of a hearing say about it, and the regions it was sent to. */
export async function hearingFacts(
  tx: Tx,
  hearingId: string,
): Promise<{ facts: HearingFacts; regionIds: string[] }> {
  const [row] = await tx
    .select({ hearing: hearings, cycleName: cycles.name, versionNumber: generalPartVersions.number })
    .from(hearings)
    .innerJoin(cycles, eq(cycles.id, hearings.cycleId))
    .innerJoin(generalPartVersions, eq(generalPartVersions.id, hearings.versionId))
    .where(eq(hearings.id, hearingId));
  if (!row) throw new Error('hearing vanished');
  const invited = await tx
    .select({ regionId: hearingInvitations.regionId })
    .from(hearingInvitations)
    .where(eq(hearingInvitations.hearingId, hearingId));
  return {
    facts: {
      hearingId,
      cycleName: row.cycleName,
      kind: HearingKind.parse(row.hearing.kind),
      versionNumber: row.versionNumber,
      deadline: row.hearing.deadline,
      coverLetter: row.hearing.coverLetter,
    },
    regionIds: invited.map((i) => i.regionId),
  };
}
