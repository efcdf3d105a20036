import { and, eq } from 'drizzle-orm';
import {
  type BodyKind,
  type BodyMeeting,
  CreateBodyMeetingInput,
  isCountyBody,
  UpdateBodyMeetingInput,
} from '../../shared/contracts/bodies.js';
import type { Role } from '../../shared/contracts/common.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Tx } from '../db/client.js';
import { authorize, parse } from '../platform/authorize.js';
import type { Actor, Ctx } from '../platform/context.js';
import {
  AppError,
  fieldError,
  forbidden,
  notFound,
  pgErrorOf,
  rethrowUnique,
  stale,
} from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { nextVersion } from '../platform/versioned.js';
import { DeleteQuery } from '../registry/delete-query.js';
import { bodyMeetings } from './body.table.js';
import { lockBody, mayPlan, regionsOfBodies, toBodyMeeting } from './body-reads.js';
import { osloToday } from './list-bodies.js';

/** Who keeps meeting plans: the coordinator every body's, a region contact its region's councils'. */
export const bodyPlanners: readonly Role[] = ['admin', 'region'];

const dateTaken = { body_meetings_date_unique: ['date', 'validation.bodyMeetingDateTaken'] } as Record<
  string,
  [string, string]
>;

/** The body under a share lock, refused unless the actor keeps its plan. */
async function plannedBody(tx: Tx, actor: Actor, bodyId: string) {
  const body = await lockBody(tx, bodyId);
  if (!body) throw notFound();
  const regions = await regionsOfBodies(tx, [body], await osloToday(tx));
  if (!mayPlan(actor, body.kind as BodyKind, regions.get(body.id) ?? [])) throw forbidden();
  return body;
}

/** A deadline for case documents belongs to the county's bodies, and falls on or before the meeting. */
function checkDeadline(kind: BodyKind, date: string, documentsDue: string | null) {
  if (documentsDue === null) return;
  if (!isCountyBody(kind)) throw fieldError('documentsDue', 'validation.documentsDueCountyOnly');
  if (documentsDue > date) throw fieldError('documentsDue', 'validation.documentsDueAfterMeeting');
}

export async function createBodyMeeting(ctx: Ctx, bodyId: string, raw: unknown): Promise<BodyMeeting> {
  const actx = authorize(ctx, bodyPlanners);
  const input = parse(CreateBodyMeetingInput, raw);
  assertId(bodyId);
  try {
    return await actx.db.transaction(async (tx) => {
      const body = await plannedBody(tx, actx.actor, bodyId);
      checkDeadline(body.kind as BodyKind, input.date, input.documentsDue);
      const [row] = await tx
        .insert(bodyMeetings)
        .values({ bodyId, date: input.date, documentsDue: input.documentsDue, place: input.place })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      const meeting = toBodyMeeting(row);
      await appendAudit(tx, actx, {
        action: 'bodyMeeting.create',
        entityType: 'bodyMeeting',
        entityId: row.id,
        before: null,
        after: meeting,
      });
      return meeting;
    });
  } catch (error) {
    rethrowUnique(error, dateTaken);
  }
}

/** The meeting of the body under a lock, at the caller's version. */
async function lockMeeting(tx: Tx, bodyId: string, meetingId: string, version: number | undefined) {
  const [row] = await tx
    .select()
    .from(bodyMeetings)
    .where(and(eq(bodyMeetings.id, meetingId), eq(bodyMeetings.bodyId, bodyId)))
    .for('update');
  if (!row) throw notFound();
  if (version !== undefined && row.version !== version) throw stale();
  return row;
}

export async function updateBodyMeeting(
  ctx: Ctx,
  bodyId: string,
  meetingId: string,
  raw: unknown,
): Promise<BodyMeeting> {
  const actx = authorize(ctx, bodyPlanners);
  const input = parse(UpdateBodyMeetingInput, raw);
  assertId(bodyId);
  assertId(meetingId);
  try {
    return await actx.db.transaction(async (tx) => {
      const body = await plannedBody(tx, actx.actor, bodyId);
      const before = await lockMeeting(tx, bodyId, meetingId, input.version);
      checkDeadline(body.kind as BodyKind, input.date, input.documentsDue);
      const [row] = await tx
        .update(bodyMeetings)
        .set({
          date: input.date,
          documentsDue: input.documentsDue,
          place: input.place,
          ...nextVersion(bodyMeetings),
        })
        .where(eq(bodyMeetings.id, meetingId))
        .returning();
      if (!row) throw new Error('update returned nothing');
      const meeting = toBodyMeeting(row);
      await appendAudit(tx, actx, {
        action: 'bodyMeeting.update',
        entityType: 'bodyMeeting',
        entityId: meetingId,
        before: toBodyMeeting(before),
        after: meeting,
      });
      return meeting;
    });
  } catch (error) {
    rethrowUnique(error, dateTaken);
  }
}

/** Takes a meeting out of the plan; refused (409) while a case is planned for it. */
export async function deleteBodyMeeting(ctx: Ctx, bodyId: string, meetingId: string, raw: unknown = {}) {
  const actx = authorize(ctx, bodyPlanners);
  const { version } = parse(DeleteQuery, raw ?? {});
  assertId(bodyId);
  assertId(meetingId);
  try {
    await actx.db.transaction(async (tx) => {
      await plannedBody(tx, actx.actor, bodyId);
      const before = await lockMeeting(tx, bodyId, meetingId, version);
      await tx.delete(bodyMeetings).where(eq(bodyMeetings.id, meetingId));
      await appendAudit(tx, actx, {
        action: 'bodyMeeting.delete',
        entityType: 'bodyMeeting',
        entityId: meetingId,
        before: toBodyMeeting(before),
        after: null,
      });
    });
  } catch (error) {
    if (pgErrorOf(error).code === '23503') throw new AppError('inUse');
    throw error;
  }
}
