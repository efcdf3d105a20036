import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { AgreementAdoption } from '../../shared/contracts/adoption.js';
import type {
  AgreementInForceList,
  CommitmentDetail,
  CommitmentList,
  CreateCommitmentInput,
} from '../../shared/contracts/follow-up.js';
import { getAdoption } from '../adoption/adoption.routes.js';
import { recordAdoption } from '../adoption/record-adoption.js';
import { auditEvents } from '../audit/audit.table.js';
import { createBodyMeeting } from '../bodies/plan-body-meetings.js';
import { casesFixture } from '../cases/case.fixtures.js';
import { countyBody } from '../cases/case-reads.js';
import { createCase } from '../cases/create-case.js';
import { recordDecision } from '../cases/record-decision.js';
import { changeStatus } from '../contributions/change-status.js';
import { regionItem } from '../contributions/contribution.fixtures.js';
import { createContribution } from '../contributions/create-contribution.js';
import { type MeetingCookies, meetingRequests, signInMeetingRoles } from '../meetings/meeting.fixtures.js';
import { regionMemberships } from '../registry/registry.table.js';
import { updateMember } from '../registry/update-member.js';
import { commitmentIndicators, commitments } from './commitment.table.js';
import { createCommitmentsInForce, yearsOf } from './commitments-in-force.js';
import { type FollowUpFixture, followUpFixture, unknownId } from './follow-up.fixtures.js';

let t: TestApp;
let cookies: MeetingCookies;
let fx: FollowUpFixture;
const { req, refused, ok } = meetingRequests(() => t);

beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
  fx = await followUpFixture(t);
});
afterAll(async () => t.close());

const elsewhere = (over: Partial<CreateCommitmentInput> = {}): CreateCommitmentInput => ({
  agreementId: fx.own.id,
  subjectAreaId: fx.areas.culture.id,
  owner: { type: 'department', departmentId: t.actors.department.departmentId ?? '' },
  title: 'Skoleskyss til kulturskolen',
  agreedElsewhere: 'Fylkesrådets vedtak 14/26, punkt 3',
  budgetNok: 800_000,
  needsSeparateDecision: true,
  indicators: [
    {
      name: 'Elever med skyss',
      unit: 'elever',
      direction: 'higher',
      baselineValue: 40,
      baselineOn: '2025-01-01',
      targetValue: 90,
      targetOn: '2028-12-31',
      goals: [{ value: 60, dueOn: '2026-12-31' }],
    },
  ],
  ...over,
});

describe('commitments from an agreement in force', () => {
  it('makes each agreed contribution a commitment with its owner, and nothing of what was not agreed', async () => {
    const list = await ok<CommitmentList>(
      'GET',
      `/api/v1/commitments?agreementId=${fx.own.id}`,
      cookies.viewer,
    );
    expect(list.items).toHaveLength(3);
    expect(list.items.map((c) => c.sourceContributionId).sort()).toEqual(
      [fx.contributions.bus.id, fx.contributions.garden.id, fx.contributions.manager.id].sort(),
    );
    const years = yearsOf(fx.own.periodFrom, fx.own.periodTo);
    expect(fx.commitments.bus).toMatchObject({
      owner: { type: 'department', department: { id: t.actors.department.departmentId } },
      region: { id: t.actors.region.regionId },
      subjectArea: { id: fx.areas.transport.id },
      budgetNok: 2_500_000 * years,
      responsible: { userId: null, name: 'Seksjonsleder kollektiv' },
      startsOn: fx.own.periodFrom,
      endsOn: fx.own.periodTo,
      state: 'active',
      latestReport: null,
    });
    expect(fx.commitments.garden).toMatchObject({
      owner: { type: 'department', department: { id: t.actors.otherDepartment.departmentId } },
      budgetNok: null,
    });
    expect(fx.commitments.manager).toMatchObject({ owner: { type: 'region' }, budgetNok: 400_000 * years });
    // The bus service's indicator had numbers and a unit; the garden's had words.
    const bus = await ok<CommitmentDetail>(
      'GET',
      `/api/v1/commitments/${fx.commitments.bus.id}`,
      cookies.region,
    );
    expect(bus.indicators).toMatchObject([
      {
        name: 'Påstigninger per år',
        unit: 'reiser',
        direction: 'higher',
        baselineValue: 120_000,
        targetValue: 150_000,
        baselineOn: fx.own.periodFrom,
        targetOn: fx.own.periodTo,
        goals: [],
        values: [],
      },
    ]);
    expect(bus).toMatchObject({ mayReport: false, mayChange: false, timeline: [], changes: [] });
    const garden = await ok<CommitmentDetail>(
      'GET',
      `/api/v1/commitments/${fx.commitments.garden.id}`,
      cookies.admin,
    );
    expect(garden.indicators).toEqual([]);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'commitment.createInForce'), eq(auditEvents.entityId, fx.own.id)));
    expect(events).toHaveLength(1);
  });

  it('makes nothing twice: neither run again nor after a council’s decision is recorded again', async () => {
    const made = await t.database.db.transaction((tx) =>
      createCommitmentsInForce(tx, { actor: t.actors.admin, requestId: null }, fx.own.id),
    );
    expect(made).toBe(0);
    const adoption: AgreementAdoption = await getAdoption(t.ctx(t.actors.admin), fx.own.id);
    const row = adoption.rows[0];
    if (!row?.adoption) throw new Error('no adoption');
    await recordAdoption(t.ctx(t.actors.admin), fx.own.id, row.municipalityId, {
      decidedOn: '2099-12-11',
      outcome: 'adopted',
      caseReference: row.adoption.caseReference,
      version: row.adoption.version,
    });
    const rows = await t.database.db.select().from(commitments).where(eq(commitments.agreementId, fx.own.id));
    expect(rows).toHaveLength(3);
  });

  it('makes none for an agreement not in force', async () => {
    const made = await t.database.db.transaction((tx) =>
      createCommitmentsInForce(tx, { actor: t.actors.admin, requestId: null }, fx.other.id),
    );
    expect(made).toBe(0);
    const list = await ok<CommitmentList>(
      'GET',
      `/api/v1/commitments?agreementId=${fx.other.id}`,
      cookies.admin,
    );
    expect(list.items).toEqual([]);
  });
});

describe('a commitment agreed elsewhere', () => {
  it('is added to one of the agreements in force, which the cycle lists', async () => {
    const list = await ok<AgreementInForceList>(
      'GET',
      `/api/v1/cycles/${fx.cycle.id}/agreements-in-force`,
      cookies.viewer,
    );
    expect(list.items).toEqual([
      {
        id: fx.own.id,
        region: { id: t.actors.region.regionId, name: expect.any(String) },
        periodFrom: fx.own.periodFrom,
        periodTo: fx.own.periodTo,
      },
    ]);
    const none = await ok<AgreementInForceList>(
      'GET',
      `/api/v1/cycles/${unknownId}/agreements-in-force`,
      cookies.admin,
    );
    expect(none.items).toEqual([]);
  });

  it('is added by the admin with its reference, indicators and goals', async () => {
    const made = await ok<CommitmentDetail>('POST', '/api/v1/commitments', cookies.admin, elsewhere());
    expect(made).toMatchObject({
      agreedElsewhere: 'Fylkesrådets vedtak 14/26, punkt 3',
      sourceContributionId: null,
      needsSeparateDecision: true,
      budgetNok: 800_000,
      startsOn: fx.own.periodFrom,
      endsOn: fx.own.periodTo,
    });
    expect(made.indicators[0]).toMatchObject({ unit: 'elever', goals: [{ value: 60, dueOn: '2026-12-31' }] });
    expect((await auditTrail(t, 'commitment', made.id)).map((e) => e.action)).toEqual(['commitment.create']);
  });

  it('is refused to others, to an agreement not in force, and with a target before its baseline, changing nothing', async () => {
    await refused(() => req('POST', '/api/v1/commitments', cookies.department, elsewhere()), 403);
    await refused(() => req('POST', '/api/v1/commitments', cookies.region, elsewhere()), 403);
    await refused(() => req('POST', '/api/v1/commitments', cookies.viewer, elsewhere()), 403);
    await refused(
      () => req('POST', '/api/v1/commitments', cookies.admin, elsewhere({ agreementId: fx.other.id })),
      409,
    );
    await refused(
      () => req('POST', '/api/v1/commitments', cookies.admin, elsewhere({ agreedElsewhere: ' ' })),
      400,
      [['agreedElsewhere', 'validation.required']],
    );
    await refused(
      () => req('POST', '/api/v1/commitments', cookies.admin, elsewhere({ budgetNok: -1 })),
      400,
      [['budgetNok', 'validation.amountNegative']],
    );
    const [indicator] = elsewhere().indicators ?? [];
    await refused(
      () =>
        req(
          'POST',
          '/api/v1/commitments',
          cookies.admin,
          elsewhere({ indicators: [{ ...indicator, targetOn: '2024-12-31' } as never] }),
        ),
      400,
      [
        ['indicators.0.targetOn', 'validation.targetBeforeBaseline'],
        ['indicators.0.goals.0.dueOn', 'validation.goalOutsidePeriod'],
      ],
    );
    await refused(
      () => req('POST', '/api/v1/commitments', cookies.admin, elsewhere({ subjectAreaId: unknownId })),
      400,
      [['subjectAreaId', 'validation.unknownSubjectArea']],
    );
  });

  it('holds a target before the baseline back in the database too', async () => {
    await expect(
      t.database.db.insert(commitmentIndicators).values({
        commitmentId: fx.commitments.bus.id,
        name: 'Baklengs',
        unit: 'reiser',
        direction: 'higher',
        baselineValue: 1,
        baselineOn: '2026-01-01',
        targetValue: 2,
        targetOn: '2025-01-01',
      }),
    ).rejects.toThrow();
  });
});

describe('changing a commitment after the agreement is in force', () => {
  it('needs a reason and the decision, and records what changed', async () => {
    const url = `/api/v1/commitments/${fx.commitments.garden.id}`;
    const change = {
      budgetNok: 600_000,
      needsSeparateDecision: true,
      version: fx.commitments.garden.version,
    };
    await refused(() => req('PATCH', url, cookies.admin, change), 400, [
      ['reason', 'validation.required'],
      ['decisionReference', 'validation.required'],
    ]);
    await refused(
      () => req('PATCH', url, cookies.otherDepartment, { ...change, reason: 'x', decisionReference: 'y' }),
      403,
    );
    const changed = await ok<CommitmentDetail>('PATCH', url, cookies.admin, {
      ...change,
      reason: 'Næringshagen fikk midler fra fylkestinget.',
      decisionReference: 'FT-sak 52/26',
    });
    expect(changed).toMatchObject({ budgetNok: 600_000, needsSeparateDecision: true, version: 2 });
    expect(changed.changes).toMatchObject([
      {
        reason: 'Næringshagen fikk midler fra fylkestinget.',
        decisionReference: 'FT-sak 52/26',
        before: { budgetNok: null, needsSeparateDecision: false },
        after: { budgetNok: 600_000, needsSeparateDecision: true },
      },
    ]);
    await refused(
      () =>
        req('PATCH', url, cookies.admin, {
          budgetNok: 600_000,
          reason: 'x',
          decisionReference: 'y',
          version: 2,
        }),
      409,
    );
    await refused(
      () =>
        req('PATCH', url, cookies.admin, { budgetNok: 1, reason: 'x', decisionReference: 'y', version: 1 }),
      409,
    );
  });
});

describe('indicators added by the owner', () => {
  it('lets the owning department add one, refuses another department and a target before the baseline', async () => {
    const url = `/api/v1/commitments/${fx.commitments.garden.id}/indicators`;
    const body = {
      name: 'Nye arbeidsplasser',
      unit: 'arbeidsplasser',
      direction: 'higher',
      baselineValue: 0,
      baselineOn: '2025-01-01',
      targetValue: 40,
      targetOn: '2028-12-31',
    };
    await refused(() => req('POST', url, cookies.department, body), 403);
    await refused(() => req('POST', url, cookies.region, body), 403);
    await refused(() => req('POST', url, cookies.otherDepartment, { ...body, targetOn: '2024-06-30' }), 400, [
      ['targetOn', 'validation.targetBeforeBaseline'],
    ]);
    await refused(() => req('POST', url, cookies.otherDepartment, { ...body, direction: 'sideways' }), 400, [
      ['direction', 'validation.chooseDirection'],
    ]);
    const made = await ok<CommitmentDetail>('POST', url, cookies.otherDepartment, body);
    expect(made.indicators.map((i) => i.name)).toEqual(['Nye arbeidsplasser']);
    const managerUrl = `/api/v1/commitments/${fx.commitments.manager.id}/indicators`;
    await refused(() => req('POST', managerUrl, cookies.otherRegion, body), 403);
    await ok('POST', managerUrl, cookies.region, { ...body, name: 'Møter i regionrådet', unit: 'møter' });
  });

  it('keeps the intermediate goals in date order, refusing one outside the period and two on one day', async () => {
    const url = `/api/v1/commitments/${fx.commitments.bus.id}/indicators`;
    const body = {
      name: 'Holdeplasser med leskur',
      unit: 'holdeplasser',
      direction: 'higher',
      baselineValue: 2,
      baselineOn: '2025-01-01',
      targetValue: 12,
      targetOn: '2028-12-31',
      goals: [
        { value: 8, dueOn: '2027-12-31' },
        { value: 5, dueOn: '2026-06-30' },
      ],
    };
    await refused(
      () =>
        req('POST', url, cookies.department, {
          ...body,
          goals: [
            { value: 1, dueOn: '2024-12-31' },
            { value: 13, dueOn: '2029-01-01' },
          ],
        }),
      400,
      [
        ['goals.0.dueOn', 'validation.goalOutsidePeriod'],
        ['goals.1.dueOn', 'validation.goalOutsidePeriod'],
      ],
    );
    await refused(
      () =>
        req('POST', url, cookies.department, {
          ...body,
          goals: [
            { value: 5, dueOn: '2026-06-30' },
            { value: 6, dueOn: '2026-06-30' },
          ],
        }),
      400,
      [['goals', 'validation.goalDatesRepeat']],
    );
    const made = await ok<CommitmentDetail>('POST', url, cookies.department, body);
    expect(made.indicators.find((i) => i.name === 'Holdeplasser med leskur')?.goals).toEqual([
      { value: 5, dueOn: '2026-06-30' },
      { value: 8, dueOn: '2027-12-31' },
    ]);
  });
});

describe('an agreement brought into force by a change of membership', () => {
  it('makes the commitments once a municipality that had not adopted is found to have left before the start', async () => {
    const admin = t.ctx(t.actors.admin);
    const fx2 = await casesFixture(t);
    const item = await createContribution(admin, fx2.own.id, regionItem(fx2.areas.business.id));
    await changeStatus(admin, item.id, { status: 'agreed', reason: 'Enighet.', version: item.version });
    const board = await countyBody(t.database.db, 'executive_board');
    if (!board) throw new Error('no board');
    const meeting = await createBodyMeeting(admin, board.id, { date: '2099-11-05' });
    const made = await createCase(admin, {
      cycleId: fx2.cycle.id,
      agreementIds: [fx2.own.id],
      meetingId: meeting.id,
    });
    const treatment = made.treatments[0];
    if (!treatment) throw new Error('no treatment');
    await recordDecision(admin, made.id, treatment.id, {
      outcome: 'adopted',
      decisionText: 'Fylkesrådet godkjenner avtalen.',
      decidedOn: '2099-11-05',
      version: treatment.version,
    });
    const [silent, ...others] = (await getAdoption(admin, fx2.own.id)).rows;
    if (!silent) throw new Error('no member');
    for (const row of others) {
      await recordAdoption(admin, fx2.own.id, row.municipalityId, {
        decidedOn: '2099-12-10',
        outcome: 'adopted',
      });
    }
    const ofAgreement = () =>
      t.database.db.select().from(commitments).where(eq(commitments.agreementId, fx2.own.id));
    expect(await ofAgreement()).toEqual([]);
    const [membership] = await t.database.db
      .select()
      .from(regionMemberships)
      .where(
        and(
          eq(regionMemberships.regionId, fx2.own.regionId),
          eq(regionMemberships.municipalityId, silent.municipalityId),
        ),
      );
    if (!membership) throw new Error('no membership');
    await updateMember(admin, fx2.own.regionId, membership.id, {
      validFrom: membership.validFrom,
      validTo: fx2.own.periodFrom,
      version: membership.version,
    });
    expect((await ofAgreement()).map((c) => c.sourceContributionId)).toEqual([item.id]);
  });
});
