import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { auditEvents } from '../audit/audit.table.js';
import { createBodyMeeting } from '../bodies/plan-body-meetings.js';
import { casesFixture } from '../cases/case.fixtures.js';
import { countyBody } from '../cases/case-reads.js';
import { createCase } from '../cases/create-case.js';
import { recordDecision } from '../cases/record-decision.js';
import { applyMilestoneTemplate } from '../milestones/apply-milestone-template.js';
import { getAgreementMilestones } from '../milestones/get-agreement-milestones.js';
import { getMilestoneTemplate } from '../milestones/get-milestone-template.js';
import { regionMemberships } from '../registry/registry.table.js';
import { updateMember } from '../registry/update-member.js';
import { getAdoption } from './adoption.routes.js';
import { inForceReason } from './complete-political-milestones.js';
import { recordAdoption } from './record-adoption.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** The political cases' test data, the agreements given their cycle's milestones (the fixture makes none). */
async function withMilestones() {
  const fx = await casesFixture(t);
  await applyMilestoneTemplate(t.ctx(t.actors.admin), fx.cycle.id);
  return fx;
}

const politicalOf = async (agreementId: string) =>
  (await getAgreementMilestones(t.ctx(t.actors.admin), agreementId)).milestones.filter(
    (m) => m.stage === 'political',
  );

describe('the political milestones', () => {
  it('are in a new cycle’s template: the board’s approval and every council’s adoption', async () => {
    const fx = await withMilestones();
    const template = await getMilestoneTemplate(t.ctx(t.actors.admin), fx.cycle.id);
    expect(template.items.filter((i) => i.stage === 'political').map((i) => [i.name, i.optional])).toEqual([
      ['Godkjent av fylkesrådet', false],
      ['Vedtatt av kommunestyret i alle medlemskommunene', false],
    ]);
    const milestones = await getAgreementMilestones(t.ctx(t.actors.admin), fx.own.id);
    expect(milestones.milestones.filter((m) => m.stage === 'political').map((m) => m.state)).toEqual([
      'not_started',
      'not_started',
    ]);
  });

  it('are completed, audited, by the council decision that brings the agreement into force, and not before', async () => {
    const fx = await withMilestones();
    const admin = t.ctx(t.actors.admin);
    const region = t.ctx(t.actors.region);
    const board = await countyBody(t.database.db, 'executive_board');
    if (!board) throw new Error('no board');
    const meeting = await createBodyMeeting(admin, board.id, { date: '2099-10-22' });
    const made = await createCase(admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.own.id],
      meetingId: meeting.id,
    });
    const treatment = made.treatments[0];
    if (!treatment) throw new Error('no treatment');
    await recordDecision(admin, made.id, treatment.id, {
      outcome: 'adopted',
      decisionText: 'Fylkesrådet godkjenner avtalen.',
      decidedOn: '2099-10-22',
      version: treatment.version,
    });
    // The board's approval alone does not bring it into force.
    expect((await politicalOf(fx.own.id)).every((m) => m.state === 'not_started')).toBe(true);

    const [last, ...others] = (await getAdoption(admin, fx.own.id)).rows;
    if (!last) throw new Error('no members');
    for (const row of others) {
      await recordAdoption(region, fx.own.id, row.municipalityId, {
        decidedOn: '2099-12-03',
        outcome: 'adopted',
      });
    }
    expect((await politicalOf(fx.own.id)).every((m) => m.state === 'not_started')).toBe(true);
    await recordAdoption(region, fx.own.id, last.municipalityId, {
      decidedOn: '2099-12-10',
      outcome: 'adopted',
    });

    const done = await politicalOf(fx.own.id);
    expect(done).toHaveLength(2);
    for (const m of done) {
      expect(m).toMatchObject({
        state: 'done',
        completedBy: 'hand',
        doneReason: inForceReason,
        actualDate: '2099-12-10',
        doneBy: { name: t.actors.region.name },
      });
    }
    expect((await getAgreementMilestones(admin, fx.own.id)).phase).toBe('in_force');
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'milestone.update'),
          inArray(
            auditEvents.entityId,
            done.map((m) => m.id),
          ),
        ),
      );
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(e).toMatchObject({
        actorId: t.actors.region.id,
        before: { state: 'not_started' },
        after: { state: 'done' },
      });
    }
    // A correction after it is in force completes nothing twice.
    const corrected = (await getAdoption(admin, fx.own.id)).rows.find(
      (r) => r.municipalityId === last.municipalityId,
    );
    await recordAdoption(region, fx.own.id, last.municipalityId, {
      decidedOn: '2099-12-11',
      outcome: 'adopted',
      version: corrected?.adoption?.version,
    });
    const again = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'milestone.update'),
          inArray(
            auditEvents.entityId,
            done.map((m) => m.id),
          ),
        ),
      );
    expect(again).toHaveLength(2);
    expect((await politicalOf(fx.own.id)).map((m) => m.actualDate)).toEqual(['2099-12-10', '2099-12-10']);
  });

  it('are completed when a change of membership brings the agreement into force', async () => {
    const fx = await withMilestones();
    const admin = t.ctx(t.actors.admin);
    const board = await countyBody(t.database.db, 'executive_board');
    if (!board) throw new Error('no board');
    const meeting = await createBodyMeeting(admin, board.id, { date: '2099-10-29' });
    const made = await createCase(admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.own.id],
      meetingId: meeting.id,
    });
    const treatment = made.treatments[0];
    if (!treatment) throw new Error('no treatment');
    await recordDecision(admin, made.id, treatment.id, {
      outcome: 'adopted',
      decisionText: 'Fylkesrådet godkjenner avtalen.',
      decidedOn: '2099-10-29',
      version: treatment.version,
    });
    const adoption = await getAdoption(admin, fx.own.id);
    const [silent, ...others] = adoption.rows;
    if (!silent) throw new Error('no members');
    for (const row of others) {
      await recordAdoption(admin, fx.own.id, row.municipalityId, {
        decidedOn: '2099-12-03',
        outcome: 'adopted',
      });
    }
    expect((await politicalOf(fx.own.id)).every((m) => m.state === 'not_started')).toBe(true);
    // The council that never decided turns out to have left the region on the start date.
    const [membership] = await t.database.db
      .select()
      .from(regionMemberships)
      .where(eq(regionMemberships.municipalityId, silent.municipalityId));
    if (!membership) throw new Error('no membership');
    await updateMember(admin, membership.regionId, membership.id, {
      validFrom: membership.validFrom,
      validTo: adoption.startDate,
      version: membership.version,
    });
    const done = await politicalOf(fx.own.id);
    expect(done.map((m) => [m.state, m.doneReason])).toEqual([
      ['done', inForceReason],
      ['done', inForceReason],
    ]);
    expect((await getAgreementMilestones(admin, fx.own.id)).phase).toBe('in_force');
  });
});
