import { and, eq, notInArray } from 'drizzle-orm';
import { countyInternalTypes, type MeetingList, MeetingListQuery } from '../../shared/contracts/meetings.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { noId } from '../platform/ids.js';
import { meetings } from './meeting.table.js';
import { concernsAgreement, concernsRegion, readMeetingPage } from './meeting-reads.js';

/**
 * Meetings, earliest first, filtered by cycle, type, state, region and agreement. A region contact gets
 * only the meetings that concern their own region's agreement (never the county's internal ones), and is
 * refused on the filter when they ask for another region's. Paged by `limit` and `cursor` (keyset on the
 * list's order): a national cycle has a meeting or ten per region, a thousand regions.
 */
export async function listMeetings(ctx: Ctx, raw: unknown): Promise<MeetingList> {
  const { db, actor } = authorize(ctx, everyone);
  const query = parse(MeetingListQuery, raw ?? {});
  if (actor.role === 'region' && query.region && query.region !== actor.regionId) {
    throw new AppError('forbidden', [{ field: 'region', code: 'validation.meetingOtherRegion', params: {} }]);
  }
  const where = and(
    query.cycle ? eq(meetings.cycleId, query.cycle) : undefined,
    query.type ? eq(meetings.type, query.type) : undefined,
    query.state ? eq(meetings.state, query.state) : undefined,
    query.region ? concernsRegion(query.region) : undefined,
    query.agreement ? concernsAgreement(query.agreement) : undefined,
    actor.role === 'region' ? concernsRegion(actor.regionId ?? noId) : undefined,
    actor.role === 'region' ? notInArray(meetings.type, [...countyInternalTypes]) : undefined,
  );
  return readMeetingPage(db, where, query.limit, query.cursor);
}
