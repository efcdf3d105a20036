import type { Meeting } from '../../shared/contracts/meetings.js';
import { authorize, everyone } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { readMeeting } from './meeting-reads.js';
import { assertMayRead } from './meeting-rules.js';

/** One meeting with its participants, agenda, minutes, outcomes and comments, if the caller may read it. */
export async function getMeeting(ctx: Ctx, id: string): Promise<Meeting> {
  const { db, actor } = authorize(ctx, everyone);
  assertId(id);
  const meeting = await readMeeting(db, actor, id);
  if (!meeting) throw notFound();
  assertMayRead(actor, { ...meeting, regionIds: meeting.agreements.map((a) => a.region.id) });
  return meeting;
}
