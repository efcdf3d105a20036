import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type {
  CommitmentDetail,
  CommitmentReport,
  ReportingRound,
  ReportingRoundList,
  RoundCommitmentPage,
  RoundStatus,
} from '../../shared/contracts/follow-up.js';
import { jobRequests } from '../jobs/job.table.js';
import { type MeetingCookies, meetingRequests, signInMeetingRoles } from '../meetings/meeting.fixtures.js';
import { encodeCursor } from '../platform/cursor.js';
import { commitmentIndicators } from './commitment.table.js';
import { type FollowUpFixture, followUpFixture, halfway, inDays, unknownId } from './follow-up.fixtures.js';
import { commitmentReports, reportIndicatorValues } from './reporting-round.table.js';

let t: TestApp;
let cookies: MeetingCookies;
let fx: FollowUpFixture;
let round: RoundStatus;
const { req, refused, ok } = meetingRequests(() => t);

beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
  fx = await followUpFixture(t);
});
afterAll(async () => t.close());

/** A page of the round's commitments, with the query given (limit, cursor, filters). */
const commitmentsOf = (cookie: string, query = '') =>
  ok<RoundCommitmentPage>('GET', `/api/v1/reporting-rounds/${round.id}/commitments${query}`, cookie);

const reportUrl = (commitmentId: string, action = '') =>
  `/api/v1/reporting-rounds/${round.id}/commitments/${commitmentId}/report${action}`;

const busIndicator = async () => {
  const [indicator] = await t.database.db
    .select()
    .from(commitmentIndicators)
    .where(eq(commitmentIndicators.commitmentId, fx.commitments.bus.id));
  if (!indicator) throw new Error('no indicator');
  return indicator;
};

describe('opening a reporting round', () => {
  it('refuses others, a deadline past, and commitments outside the cycle’s agreements in force, changing nothing', async () => {
    const body = { cycleId: fx.cycle.id, name: 'Årsrapport 2026', deadline: inDays(30) };
    await refused(() => req('POST', '/api/v1/reporting-rounds', cookies.department, body), 403);
    await refused(() => req('POST', '/api/v1/reporting-rounds', cookies.viewer, body), 403);
    await refused(
      () => req('POST', '/api/v1/reporting-rounds', cookies.admin, { ...body, deadline: inDays(-1) }),
      400,
      [['deadline', 'validation.deadlinePast']],
    );
    await refused(
      () => req('POST', '/api/v1/reporting-rounds', cookies.admin, { ...body, commitmentIds: [unknownId] }),
      400,
      [['commitmentIds', 'validation.commitmentNotInCycle']],
    );
    await refused(() => req('POST', '/api/v1/reporting-rounds', cookies.admin, { ...body, name: '' }), 400, [
      ['name', 'validation.required'],
    ]);
  });

  it('covers every commitment of the cycle’s agreements in force by default', async () => {
    const opened = await ok<ReportingRound>('POST', '/api/v1/reporting-rounds', cookies.admin, {
      cycleId: fx.cycle.id,
      name: 'Årsrapport 2026',
      deadline: inDays(30),
    });
    round = await ok<RoundStatus>('GET', `/api/v1/reporting-rounds/${opened.id}`, cookies.admin);
    expect(round).toMatchObject({
      state: 'open',
      commitments: 3,
      submitted: 0,
      counts: { not_started: 3, draft: 0, reopened: 0, submitted: 0 },
      regions: [{ id: t.actors.region.regionId }],
      mayManage: true,
    });
    const rows = (await commitmentsOf(cookies.admin)).items;
    expect(rows.map((r) => r.commitment.id).sort()).toEqual(
      [fx.commitments.bus.id, fx.commitments.garden.id, fx.commitments.manager.id].sort(),
    );
    expect(rows.every((r) => r.report === null && r.mayReport)).toBe(true);
    expect(round.owners).toHaveLength(3);
    expect((await auditTrail(t, 'reportingRound', round.id)).map((e) => e.action)).toEqual([
      'reportingRound.open',
    ]);
    // The reminders 14 and 3 days before the deadline are asked for with the round (the demo's open round
    // has its own).
    const reminders = await t.database.db
      .select({ key: jobRequests.singletonKey })
      .from(jobRequests)
      .where(
        and(
          eq(jobRequests.queue, 'follow-up.round-reminder'),
          like(jobRequests.singletonKey, `round:${round.id}:%`),
        ),
      );
    expect(reminders.map((r) => r.key).sort()).toEqual([
      `round:${round.id}:reminder:14`,
      `round:${round.id}:reminder:3`,
    ]);
    await refused(
      () =>
        req('POST', '/api/v1/reporting-rounds', cookies.admin, {
          cycleId: fx.cycle.id,
          name: 'årsrapport 2026',
          deadline: inDays(30),
        }),
      400,
      [['name', 'validation.roundNameTaken']],
    );
    const list = await ok<ReportingRoundList>(
      'GET',
      `/api/v1/reporting-rounds?cycleId=${fx.cycle.id}`,
      cookies.region,
    );
    expect(list.items.map((r) => r.name)).toEqual(['Årsrapport 2026']);
  });
});

describe('reporting on a commitment', () => {
  it('refuses a report on a commitment the user does not own, a region contact for another region, and bad input, changing nothing', async () => {
    const indicator = await busIndicator();
    await refused(
      () => req('PUT', reportUrl(fx.commitments.bus.id), cookies.otherDepartment, halfway()),
      403,
    );
    await refused(() => req('PUT', reportUrl(fx.commitments.bus.id), cookies.region, halfway()), 403);
    await refused(() => req('PUT', reportUrl(fx.commitments.bus.id), cookies.viewer, halfway()), 403);
    await refused(
      () => req('PUT', reportUrl(fx.commitments.manager.id), cookies.otherRegion, halfway()),
      403,
    );
    await refused(() => req('PUT', reportUrl(fx.commitments.manager.id), cookies.department, halfway()), 403);
    await refused(
      () => req('PUT', reportUrl(fx.commitments.bus.id), cookies.department, halfway({ progress: 101 })),
      400,
      [['progress', 'validation.progressRange']],
    );
    await refused(
      () => req('PUT', reportUrl(fx.commitments.bus.id), cookies.department, halfway({ progress: -5 })),
      400,
      [['progress', 'validation.progressRange']],
    );
    await refused(
      () => req('PUT', reportUrl(fx.commitments.bus.id), cookies.department, halfway({ spentNok: -1 })),
      400,
      [['spentNok', 'validation.amountNegative']],
    );
    await refused(
      () =>
        req(
          'PUT',
          reportUrl(fx.commitments.bus.id),
          cookies.department,
          halfway({
            values: [{ indicatorId: indicator.id, value: 131_000, measuredOn: '2026-06-30', unit: 'kroner' }],
          }),
        ),
      400,
      [['values.0.unit', 'validation.unitMismatch']],
    );
    await refused(
      () =>
        req(
          'PUT',
          reportUrl(fx.commitments.bus.id),
          cookies.department,
          halfway({
            values: [{ indicatorId: unknownId, value: 1, measuredOn: '2026-06-30', unit: 'reiser' }],
          }),
        ),
      400,
      [['values.0.indicatorId', 'validation.unknownIndicator']],
    );
    await refused(
      () =>
        req(
          'PUT',
          reportUrl(fx.commitments.bus.id),
          cookies.department,
          halfway({ status: 'late' as never }),
        ),
      400,
      [['status', 'validation.chooseReportStatus']],
    );
    await refused(
      () => req('POST', reportUrl(fx.commitments.bus.id, '/submit'), cookies.department, { values: [] }),
      400,
      [
        ['status', 'validation.required'],
        ['progress', 'validation.required'],
      ],
    );
    await refused(
      () =>
        req(
          'PUT',
          `/api/v1/reporting-rounds/${round.id}/commitments/${unknownId}/report`,
          cookies.admin,
          halfway(),
        ),
      404,
    );
  });

  it('holds a value in another unit, a progress outside 0–100 and a negative amount back in the database too', async () => {
    const indicator = await busIndicator();
    await expect(
      t.database.db.insert(reportIndicatorValues).values({
        reportId: unknownId,
        indicatorId: indicator.id,
        unit: 'kroner',
        value: 1,
        measuredOn: '2026-06-30',
      }),
    ).rejects.toThrow();
    const report = { roundId: round.id, commitmentId: fx.commitments.garden.id };
    await expect(
      t.database.db.insert(commitmentReports).values({ ...report, progress: 101 }),
    ).rejects.toThrow();
    await expect(
      t.database.db.insert(commitmentReports).values({ ...report, spentNok: -1 }),
    ).rejects.toThrow();
  });

  it('lets the department editor save a draft and submit it with an indicator value', async () => {
    const indicator = await busIndicator();
    const values = [{ indicatorId: indicator.id, value: 131_000, measuredOn: '2026-06-30', unit: 'reiser' }];
    const draft = await ok<CommitmentReport>('PUT', reportUrl(fx.commitments.bus.id), cookies.department, {
      status: 'on_track',
      progress: 40,
      values,
    });
    expect(draft).toMatchObject({ mayWrite: true, report: { state: 'draft', progress: 40, version: 1 } });
    // A draft is its owner's (and the admin's and viewers'); another department sees nothing written yet.
    const seen = await ok<CommitmentReport>('GET', reportUrl(fx.commitments.bus.id), cookies.otherDepartment);
    expect(seen.report).toBeNull();
    await refused(() => req('PUT', reportUrl(fx.commitments.bus.id), cookies.department, halfway()), 409);
    const submitted = await ok<CommitmentReport>(
      'POST',
      reportUrl(fx.commitments.bus.id, '/submit'),
      cookies.department,
      {
        ...halfway({ values }),
        version: 1,
      },
    );
    expect(submitted).toMatchObject({
      mayWrite: false,
      report: {
        state: 'submitted',
        status: 'on_track',
        progress: 50,
        spentNok: 1_200_000,
        values,
        version: 2,
      },
    });
    expect(submitted.report?.submittedByName).toBe(t.actors.department.name);
    await refused(
      () => req('PUT', reportUrl(fx.commitments.bus.id), cookies.department, { ...halfway(), version: 2 }),
      409,
    );
  });

  it('lets the region contact report on the region’s own commitment', async () => {
    const report = await ok<CommitmentReport>(
      'POST',
      reportUrl(fx.commitments.manager.id, '/submit'),
      cookies.region,
      {
        status: 'delayed',
        progress: 20,
        done: halfway().done,
        next: halfway().next,
      },
    );
    expect(report.report).toMatchObject({ state: 'submitted', status: 'delayed' });
  });
});

describe('the round’s status, reopening, closing and publishing', () => {
  it('shows who has and has not reported', async () => {
    const status = await ok<RoundStatus>('GET', `/api/v1/reporting-rounds/${round.id}`, cookies.viewer);
    expect(status).toMatchObject({ commitments: 3, submitted: 2, mayManage: false });
    const byOwner = Object.fromEntries(
      status.owners.map((o) => [o.owner.type === 'department' ? o.owner.department.id : 'region', o]),
    );
    expect(byOwner[t.actors.department.departmentId ?? '']).toMatchObject({ commitments: 1, submitted: 1 });
    expect(byOwner[t.actors.otherDepartment.departmentId ?? '']).toMatchObject({
      commitments: 1,
      submitted: 0,
    });
    expect(byOwner.region).toMatchObject({
      commitments: 1,
      submitted: 1,
      region: { id: t.actors.region.regionId },
    });
    // Those with something left come first.
    expect(status.owners[0]?.submitted).toBe(0);
    expect(status.counts).toEqual({ not_started: 1, draft: 0, reopened: 0, submitted: 2 });
  });

  it('lists the round’s commitments a page at a time by region, subject area and title, the counts over them all', async () => {
    const whole = await commitmentsOf(cookies.viewer, '?limit=500');
    expect(whole.nextCursor).toBeNull();
    expect(whole.items).toHaveLength(3);
    const paged: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: RoundCommitmentPage = await commitmentsOf(
        cookies.viewer,
        `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items).toHaveLength(1);
      paged.push(...page.items.map((r) => r.commitment.id));
      cursor = page.nextCursor;
      pages += 1;
      // The round's status counts every commitment whatever the page holds.
      const status = await ok<RoundStatus>('GET', `/api/v1/reporting-rounds/${round.id}`, cookies.viewer);
      expect(Object.values(status.counts).reduce((a, b) => a + b, 0)).toBe(3);
    }
    expect(pages).toBe(3);
    expect(paged).toEqual(whole.items.map((r) => r.commitment.id));
    // The second page by the first page's cursor starts right after it.
    const first = await commitmentsOf(cookies.viewer, '?limit=2');
    const second = await commitmentsOf(
      cookies.viewer,
      `?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect([...first.items, ...second.items].map((r) => r.commitment.id)).toEqual(paged);
    expect(second.nextCursor).toBeNull();
    // One region: the subject areas in the cycle's order (transport before business), then the titles.
    expect(paged).toEqual([fx.commitments.bus.id, fx.commitments.garden.id, fx.commitments.manager.id]);
  });

  it('filters the round’s commitments on the server by report state, region and owner', async () => {
    const ids = async (query: string) =>
      (await commitmentsOf(cookies.viewer, `?${query}`)).items.map((r) => r.commitment.id).sort();
    expect(await ids('state=not_started')).toEqual([fx.commitments.garden.id]);
    expect(await ids('state=draft')).toEqual([]);
    await ok('PUT', reportUrl(fx.commitments.garden.id), cookies.otherDepartment, { status: 'at_risk' });
    expect(await ids('state=submitted')).toEqual([fx.commitments.bus.id, fx.commitments.manager.id].sort());
    expect(await ids('state=draft')).toEqual([fx.commitments.garden.id]);
    expect(await ids('state=not_started')).toEqual([]);
    expect(
      (await ok<RoundStatus>('GET', `/api/v1/reporting-rounds/${round.id}`, cookies.viewer)).counts,
    ).toEqual({ not_started: 0, draft: 1, reopened: 0, submitted: 2 });
    expect(await ids('owner=region')).toEqual([fx.commitments.manager.id]);
    expect(await ids(`owner=${t.actors.department.departmentId}`)).toEqual([fx.commitments.bus.id]);
    expect(await ids(`owner=${t.actors.otherDepartment.departmentId}&state=submitted`)).toEqual([]);
    expect(await ids(`region=${t.actors.region.regionId}`)).toHaveLength(3);
    expect(await ids(`region=${t.actors.otherRegion.regionId}`)).toEqual([]);
    // A page of a filtered list goes on by its cursor within the filter.
    const first = await commitmentsOf(cookies.viewer, '?state=submitted&limit=1');
    const next = await commitmentsOf(
      cookies.viewer,
      `?state=submitted&limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect([...first.items, ...next.items].map((r) => r.commitment.id).sort()).toEqual(
      await ids('state=submitted'),
    );
    expect(next.nextCursor).toBeNull();
    // Who may report on which row is the caller's: the department editor on its own, while the round is open.
    const mine = await commitmentsOf(cookies.department);
    expect(mine.items.filter((r) => r.mayReport).map((r) => r.commitment.id)).toEqual([
      fx.commitments.bus.id,
    ]);
  });

  it('refuses a bad cursor, a limit outside 1–500 and an unknown filter with 400 problem+json, and an unknown round with 404', async () => {
    const base = `/api/v1/reporting-rounds/${round.id}/commitments`;
    for (const [query, field] of [
      ['cursor=not-a-cursor', 'cursor'],
      // A cursor of the right shape naming a commitment outside the round.
      [`cursor=${encodeCursor([unknownId])}`, 'cursor'],
      [`cursor=${encodeCursor(['x'])}`, 'cursor'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=ten', 'limit'],
      ['state=late', 'state'],
      ['owner=nobody', 'owner'],
      ['region=Moss', 'region'],
    ] as const) {
      const res = (await refused(() => req('GET', `${base}?${query}`, cookies.admin), 400)) as Awaited<
        ReturnType<typeof req>
      >;
      expect(res.headers['content-type'], query).toContain('application/problem+json');
      expect((res.json() as { errors: { field: string }[] }).errors[0]?.field, query).toBe(field);
    }
    await refused(() => req('GET', `/api/v1/reporting-rounds/${unknownId}/commitments`, cookies.admin), 404);
    await refused(() => req('GET', `/api/v1/reporting-rounds/${unknownId}`, cookies.admin), 404);
  });

  it('lets the admin reopen a submitted report with a reason, and the owner submit it again', async () => {
    const before = await ok<CommitmentReport>('GET', reportUrl(fx.commitments.bus.id), cookies.admin);
    expect(before.mayReopen).toBe(true);
    const version = before.report?.version ?? 0;
    await refused(
      () =>
        req('POST', reportUrl(fx.commitments.bus.id, '/reopen'), cookies.department, {
          reason: 'x',
          version,
        }),
      403,
    );
    await refused(
      () => req('POST', reportUrl(fx.commitments.bus.id, '/reopen'), cookies.admin, { reason: ' ', version }),
      400,
      [['reason', 'validation.required']],
    );
    const reopened = await ok<CommitmentReport>(
      'POST',
      reportUrl(fx.commitments.bus.id, '/reopen'),
      cookies.admin,
      {
        reason: 'Beløpet brukt mangler driftsmidlene.',
        version,
      },
    );
    expect(reopened.report).toMatchObject({
      state: 'draft',
      reopenedReason: 'Beløpet brukt mangler driftsmidlene.',
    });
    const whileReopened = await ok<RoundStatus>('GET', `/api/v1/reporting-rounds/${round.id}`, cookies.admin);
    expect(whileReopened.counts).toEqual({ not_started: 0, draft: 1, reopened: 1, submitted: 1 });
    expect((await commitmentsOf(cookies.admin, '?state=reopened')).items.map((r) => r.commitment.id)).toEqual(
      [fx.commitments.bus.id],
    );
    await refused(
      () =>
        req('POST', reportUrl(fx.commitments.bus.id, '/reopen'), cookies.admin, {
          reason: 'igjen',
          version: version + 1,
        }),
      409,
    );
    const again = await ok<CommitmentReport>(
      'POST',
      reportUrl(fx.commitments.bus.id, '/submit'),
      cookies.department,
      {
        ...halfway({ spentNok: 1_450_000, values: reopened.report?.values }),
        version: version + 1,
      },
    );
    expect(again.report).toMatchObject({ state: 'submitted', spentNok: 1_450_000 });
    expect((await auditTrail(t, 'commitmentReport', again.report?.id ?? '')).map((e) => e.action)).toEqual([
      'report.save',
      'report.submit',
      'report.reopen',
      'report.submit',
    ]);
  });

  it('closes the round, refuses a report after it closed, and publishes it', async () => {
    const status = await ok<RoundStatus>('GET', `/api/v1/reporting-rounds/${round.id}`, cookies.admin);
    await refused(
      () =>
        req('POST', `/api/v1/reporting-rounds/${round.id}/publish`, cookies.admin, {
          version: status.version,
        }),
      409,
    );
    await refused(
      () =>
        req('POST', `/api/v1/reporting-rounds/${round.id}/close`, cookies.department, {
          version: status.version,
        }),
      403,
    );
    const closed = await ok<RoundStatus>(
      'POST',
      `/api/v1/reporting-rounds/${round.id}/close`,
      cookies.admin,
      {
        version: status.version,
      },
    );
    expect(closed).toMatchObject({ state: 'closed' });
    expect((await commitmentsOf(cookies.admin)).items.every((r) => !r.mayReport)).toBe(true);
    await refused(
      () => req('PUT', reportUrl(fx.commitments.garden.id), cookies.otherDepartment, halfway()),
      409,
    );
    await refused(
      () => req('POST', reportUrl(fx.commitments.garden.id, '/submit'), cookies.admin, halfway()),
      409,
    );
    const published = await ok<RoundStatus>(
      'POST',
      `/api/v1/reporting-rounds/${round.id}/publish`,
      cookies.admin,
      {
        version: closed.version,
      },
    );
    expect(published.publishedAt).not.toBeNull();
    await refused(
      () =>
        req('POST', `/api/v1/reporting-rounds/${round.id}/publish`, cookies.admin, {
          version: published.version,
        }),
      409,
    );
  });

  it('gives each commitment its timeline of reports and its indicator’s values', async () => {
    const bus = await ok<CommitmentDetail>(
      'GET',
      `/api/v1/commitments/${fx.commitments.bus.id}`,
      cookies.department,
    );
    expect(bus.mayReport).toBe(true);
    expect(bus.timeline).toMatchObject([
      { roundName: 'Årsrapport 2026', status: 'on_track', spentNok: 1_450_000 },
    ]);
    expect(bus.latestReport).toMatchObject({ roundName: 'Årsrapport 2026', progress: 50 });
    expect(bus.indicators[0]?.values).toEqual([
      { value: 131_000, measuredOn: '2026-06-30', roundName: 'Årsrapport 2026' },
    ]);
    const garden = await ok<CommitmentDetail>(
      'GET',
      `/api/v1/commitments/${fx.commitments.garden.id}`,
      cookies.admin,
    );
    expect(garden.timeline).toEqual([]);
  });
});
