import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import type { AgreementAdoption } from '../../shared/contracts/adoption.js';
import type { BodyList, BodyMeeting } from '../../shared/contracts/bodies.js';
import type { PoliticalCase } from '../../shared/contracts/cases.js';
import { casesFixture } from '../cases/case.fixtures.js';
import {
  type MeetingCookies,
  meetingRequests,
  signInMeetingRoles,
  unknownId,
} from '../meetings/meeting.fixtures.js';
import { regionMemberships } from '../registry/registry.table.js';
import { updateMember } from '../registry/update-member.js';
import { agreeSpecialPartVersion } from '../special-part/agree-special-part-version.js';
import { createSpecialPartDraft } from '../special-part/create-special-part-draft.js';
import { sendSpecialPartVersion } from '../special-part/send-special-part-version.js';
import { specialPartVersions } from '../special-part/special-part.table.js';

let t: TestApp;
let cookies: MeetingCookies;
let fx: Awaited<ReturnType<typeof casesFixture>>;
let adoption: AgreementAdoption;
const { req, refused, ok } = meetingRequests(() => t);

beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
  fx = await casesFixture(t);
});
afterAll(async () => t.close());

const url = (municipalityId: string) => `/api/v1/agreements/${fx.own.id}/adoption/${municipalityId}`;

describe('an agreement’s adoption', () => {
  it('lists the member municipalities inside the county on the start date, none adopted, not in force', async () => {
    adoption = await ok<AgreementAdoption>('GET', `/api/v1/agreements/${fx.own.id}/adoption`, cookies.region);
    expect(adoption.rows.length).toBeGreaterThan(1);
    expect(adoption).toMatchObject({ inForce: false, board: null, mayRecord: true });
    expect(adoption.rows.every((r) => r.adoption === null && !r.counts)).toBe(true);
    await refused(() => req('GET', `/api/v1/agreements/${fx.own.id}/adoption`, cookies.otherRegion), 403);
    await refused(() => req('GET', `/api/v1/agreements/${unknownId}/adoption`, cookies.admin), 404);
    const viewer = await ok<AgreementAdoption>(
      'GET',
      `/api/v1/agreements/${fx.own.id}/adoption`,
      cookies.viewer,
    );
    expect(viewer.mayRecord).toBe(false);
  });

  it('refuses a municipality outside the region, another region’s contact and a decision before the meeting', async () => {
    const other = await ok<AgreementAdoption>(
      'GET',
      `/api/v1/agreements/${fx.other.id}/adoption`,
      cookies.admin,
    );
    const stranger = other.rows[0]?.municipalityId as string;
    const body = { decidedOn: '2099-12-01', outcome: 'adopted', caseReference: '45/99' };
    await refused(() => req('PUT', url(stranger), cookies.region, body), 400, [
      ['municipalityId', 'validation.notMemberOnStart'],
    ]);
    const first = adoption.rows[0]?.municipalityId as string;
    await refused(() => req('PUT', url(first), cookies.otherRegion, body), 403);
    await refused(() => req('PUT', url(first), cookies.viewer, body), 403);
    await refused(
      () => req('PUT', url(first), cookies.region, { ...body, outcome: 'adopted_with_changes' }),
      400,
      [['changedText', 'validation.changedTextRequired']],
    );
    await refused(
      () => req('PUT', url(first), cookies.region, { ...body, recordUrl: 'javascript:alert(1)' }),
      400,
      [['recordUrl', 'validation.url']],
    );
    await ok('POST', '/api/v1/bodies/sync', cookies.admin);
    const councils = (
      await ok<BodyList>('GET', `/api/v1/bodies?regionId=${t.actors.region.regionId}`, cookies.region)
    ).items;
    const council = councils.find((b) => b.municipalityId === first);
    if (!council) throw new Error('no council');
    const meeting = await ok<BodyMeeting>('POST', `/api/v1/bodies/${council.id}/meetings`, cookies.region, {
      date: '2099-12-05',
    });
    await refused(() => req('PUT', url(first), cookies.region, { ...body, bodyMeetingId: meeting.id }), 400, [
      ['decidedOn', 'validation.decisionBeforeMeeting'],
    ]);
  });

  it('comes into force when the board has approved it and every council adopted it, a change once accepted', async () => {
    // The executive board adopts the agreement.
    const bodies = (await ok<BodyList>('GET', '/api/v1/bodies?kind=executive_board', cookies.admin)).items;
    const board = bodies[0];
    if (!board) throw new Error('no board');
    const meeting = await ok<BodyMeeting>('POST', `/api/v1/bodies/${board.id}/meetings`, cookies.admin, {
      date: '2099-10-22',
    });
    const made = await ok<PoliticalCase>('POST', '/api/v1/cases', cookies.admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.own.id],
      meetingId: meeting.id,
    });
    const treatment = made.treatments[0];
    await ok('POST', `/api/v1/cases/${made.id}/treatments/${treatment?.id}/decision`, cookies.admin, {
      outcome: 'adopted',
      decisionText: 'Fylkesrådet godkjenner avtalen.',
      decidedOn: '2099-10-22',
      version: treatment?.version,
    });

    const [first, ...rest] = adoption.rows;
    if (!first) throw new Error('no members');
    for (const row of rest) {
      adoption = await ok<AgreementAdoption>('PUT', url(row.municipalityId), cookies.region, {
        decidedOn: '2099-12-10',
        outcome: 'adopted',
        caseReference: '45/99',
        recordUrl: 'https://einnsyn.no/sok?q=partnerskapsavtale',
      });
    }
    expect(adoption).toMatchObject({ inForce: false, board: { outcome: 'adopted', approved: true } });
    const during = await ok<{ phase: string }>(
      'GET',
      `/api/v1/agreements/${fx.own.id}/milestones`,
      cookies.admin,
    );
    expect(during.phase).toBe('political_processing');
    adoption = await ok<AgreementAdoption>('PUT', url(first.municipalityId), cookies.region, {
      decidedOn: '2099-12-10',
      outcome: 'adopted_with_changes',
      changedText: 'Kommunen ber om at tiltaket om bredbånd prioriteres.',
    });
    expect(adoption.inForce).toBe(false);
    const divergence = adoption.divergences[0];
    expect(adoption.divergences).toHaveLength(1);
    expect(divergence).toMatchObject({
      source: 'municipality',
      municipalityName: first.municipalityName,
      resolution: null,
    });
    const recorded = adoption.rows.find((r) => r.municipalityId === first.municipalityId);
    expect(recorded).toMatchObject({
      counts: false,
      adoption: { recordedBy: t.actors.region.name, version: 1 },
    });
    // A correction needs the version it corrects.
    await refused(
      () =>
        req('PUT', url(first.municipalityId), cookies.region, {
          decidedOn: '2099-12-10',
          outcome: 'adopted',
        }),
      409,
    );

    const resolveUrl = `/api/v1/divergences/${divergence?.id}/resolve`;
    await refused(
      () => req('POST', resolveUrl, cookies.region, { resolution: 'renegotiate', note: 'x' }),
      403,
    );
    const [agreed] = await t.database.db
      .select()
      .from(specialPartVersions)
      .where(eq(specialPartVersions.agreementId, fx.own.id));
    await refused(
      () =>
        req('POST', resolveUrl, cookies.admin, { resolution: 'accepted', specialPartVersionId: agreed?.id }),
      400,
      [['specialPartVersionId', 'validation.versionNotNewer']],
    );
    // The change goes into a new version of the special part, sent and agreed.
    const admin = t.ctx(t.actors.admin);
    const draft = await createSpecialPartDraft(admin, agreed?.id as string);
    const sent = await sendSpecialPartVersion(
      admin,
      draft.id,
      { version: draft.version },
      { appUrl: 'https://x.test' },
    );
    const newer = await agreeSpecialPartVersion(admin, sent.id, { version: sent.version });
    adoption = await ok<AgreementAdoption>('POST', resolveUrl, cookies.admin, {
      resolution: 'accepted',
      specialPartVersionId: newer.id,
      note: 'Tatt inn i spesiell del versjon 2.',
    });
    expect(adoption.inForce).toBe(true);
    const milestones = await ok<{ phase: string }>(
      'GET',
      `/api/v1/agreements/${fx.own.id}/milestones`,
      cookies.region,
    );
    expect(milestones.phase).toBe('in_force');
    // In force, the agreement's contributions change only through a new version and a new decision.
    await refused(
      () =>
        req('POST', `/api/v1/agreements/${fx.own.id}/contributions`, cookies.admin, {
          title: 'Nytt tiltak etter vedtaket',
          kind: 'measure',
          subjectAreaId: fx.areas.transport.id,
          owner: { type: 'department', departmentId: t.actors.department.departmentId },
        }),
      409,
    );
    expect(adoption.divergences[0]).toMatchObject({ resolution: 'accepted', specialPartVersionId: newer.id });
    await refused(
      () => req('POST', resolveUrl, cookies.admin, { resolution: 'renegotiate', note: 'x' }),
      409,
    );
    expect((await auditTrail(t, 'divergence', divergence?.id as string)).map((e) => e.action)).toEqual([
      'divergence.resolve',
    ]);
  });

  it('keeps a municipality whose membership ends during the period, and drops one that left before the start', async () => {
    const before = await ok<AgreementAdoption>(
      'GET',
      `/api/v1/agreements/${fx.own.id}/adoption`,
      cookies.admin,
    );
    const [leaving, left] = before.rows;
    if (!leaving || !left) throw new Error('too few members');
    const admin = t.ctx(t.actors.admin);
    const membershipOf = async (municipalityId: string) => {
      const [m] = await t.database.db
        .select()
        .from(regionMemberships)
        .where(eq(regionMemberships.municipalityId, municipalityId));
      if (!m) throw new Error('no membership');
      return m;
    };
    // Leaves the region a year into the agreement: its council's adoption still counts, and it stays in force.
    const year = Number(before.startDate.slice(0, 4));
    const m1 = await membershipOf(leaving.municipalityId);
    await updateMember(admin, m1.regionId, m1.id, {
      validFrom: m1.validFrom,
      validTo: `${year + 1}${before.startDate.slice(4)}`,
      version: m1.version,
    });
    const during = await ok<AgreementAdoption>(
      'GET',
      `/api/v1/agreements/${fx.own.id}/adoption`,
      cookies.admin,
    );
    expect(during.rows.map((r) => r.municipalityId)).toEqual(before.rows.map((r) => r.municipalityId));
    expect(during.inForce).toBe(true);
    // Its membership ended on the start date (exclusive): it was never a member in the period.
    const m2 = await membershipOf(left.municipalityId);
    await updateMember(admin, m2.regionId, m2.id, {
      validFrom: m2.validFrom,
      validTo: before.startDate,
      version: m2.version,
    });
    const after = await ok<AgreementAdoption>(
      'GET',
      `/api/v1/agreements/${fx.own.id}/adoption`,
      cookies.admin,
    );
    expect(after.rows.map((r) => r.municipalityId)).not.toContain(left.municipalityId);
    expect(after.rows.map((r) => r.municipalityId)).toContain(leaving.municipalityId);
    await refused(
      () =>
        req('PUT', url(left.municipalityId), cookies.admin, { decidedOn: '2099-12-11', outcome: 'adopted' }),
      400,
      [['municipalityId', 'validation.notMemberOnStart']],
    );
  });
});
