import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import type { AgreementMilestones } from '../../shared/contracts/milestones.js';
import { auditOf, unknownId } from '../agreements/agreement.fixtures.js';
import { listSubjectAreas } from '../agreements/list-subject-areas.js';
import { createContribution } from '../contributions/create-contribution.js';
import {
  agreementWithMilestones,
  byEvidence,
  demoAgreementOf,
  hallingdal,
  indre,
  milestonesOf,
  twoAgreements,
} from './milestone.fixtures.js';
import { agreementMilestones } from './milestone.table.js';

let t: TestApp;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region' | 'otherRegion', string>;
beforeAll(async () => {
  t = await startTestApp();
  // Signed in before any snapshot: a sign-in writes to the audit log.
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
}, 300_000);
afterAll(async () => t.close());

type Who = keyof typeof cookies;
const get = (url: string, who: Who = 'admin') => t.request({ method: 'GET', url, cookie: cookies[who] });
const send = (method: 'PATCH' | 'PUT', url: string, payload: object, who: Who = 'admin') =>
  t.request({ method, url, cookie: cookies[who], payload });

type Problem = { code: string; errors?: { field: string; code: string; message: string }[] };

/** Expects the request to be refused with the status (and code), and nothing in the database to change. */
async function expectRefused(
  request: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  code?: string,
): Promise<Problem> {
  const before = await snapshot(t.database.db);
  const res = await request();
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  if (code) expect(res.json()).toMatchObject({ code });
  expect(await snapshot(t.database.db)).toBe(before);
  return res.json() as Problem;
}

describe("an agreement's milestones", () => {
  it('are its cycle’s template, not started, when the agreement is made; the agreement is in preparation', async () => {
    const { agreement, milestones } = await agreementWithMilestones(t);
    expect(milestones).toMatchObject({
      agreementId: agreement.id,
      phase: 'preparation',
      regionReady: { ready: false, note: null, markedBy: null, markedAt: null },
      specialPartAgreed: false,
      canMarkReady: true,
    });
    expect(milestones.milestones.map((m) => [m.name, m.stage, m.evidenceKind, m.optional])).toEqual([
      ['Oppstartsmøte med alle rådsområdene', 'county_internal', 'kickoff_held', false],
      ['Rådsområdenes forslag til regionen', 'county_internal', 'department_proposals', false],
      ['Oppsummeringsmøte i fylkeskommunen', 'county_internal', 'summary_held', false],
      ['Regionens ønskede fagområder', 'region_internal', 'wanted_subject_areas', false],
      ['Regionens egne forpliktelser', 'region_internal', 'region_commitments', true],
      ['Første samhandlingsmøte med regionrådet', 'joint', 'collaboration_held', false],
      ['Bilaterale møter med rådsområdene', 'joint', 'bilateral_held', false],
      ['Fellesmøte om det som legges frem til politisk behandling', 'joint', 'final_held', false],
      ['Spesiell del avtalt', 'joint', 'special_part_agreed', false],
      ['Godkjent av fylkesrådet', 'political', null, false],
      ['Vedtatt av kommunestyret i alle medlemskommunene', 'political', null, false],
    ]);
    for (const m of milestones.milestones) {
      expect(m).toMatchObject({ state: 'not_started', recordedState: 'not_started', completedBy: null });
      expect(m.canEdit).toBe(true);
    }
    // No meeting is held yet: the meetings' milestones have evidence not met (meeting-evidence.test.ts).
    expect(byEvidence(milestones, 'kickoff_held').evidence).toEqual({
      kind: 'kickoff_held',
      met: false,
      at: null,
      links: [],
    });
    expect(byEvidence(milestones, 'wanted_subject_areas').evidence).toEqual({
      kind: 'wanted_subject_areas',
      met: false,
      at: null,
      links: [],
    });
    expect(await auditOf(t, 'agreementMilestones', agreement.id)).toMatchObject([
      { action: 'agreementMilestones.create', before: null },
    ]);
  });

  it('are read by the admin, viewer, department editors and the region’s own contact, not by another region', async () => {
    const { own, other } = await twoAgreements(t);
    for (const who of ['admin', 'viewer', 'department', 'region'] as const) {
      const res = await get(`/api/v1/agreements/${own.id}/milestones`, who);
      expect(res.statusCode, who).toBe(200);
    }
    const asDepartment = (await get(`/api/v1/agreements/${own.id}/milestones`, 'department')).json();
    expect((asDepartment as AgreementMilestones).milestones.every((m) => !m.canEdit)).toBe(true);
    expect((asDepartment as AgreementMilestones).canMarkReady).toBe(false);
    const asRegion = (
      await get(`/api/v1/agreements/${own.id}/milestones`, 'region')
    ).json() as AgreementMilestones;
    expect(asRegion.canMarkReady).toBe(true);
    expect(asRegion.milestones.filter((m) => m.canEdit).map((m) => m.stage)).toEqual([
      'region_internal',
      'region_internal',
    ]);
    expect((await get(`/api/v1/agreements/${other.id}/milestones`, 'region')).statusCode).toBe(403);
    expect((await get(`/api/v1/agreements/${unknownId}/milestones`)).statusCode).toBe(404);
  });
});

describe('recording a milestone', () => {
  it('lets the admin complete one by hand with a reason; the phase moves on; the change is audited', async () => {
    const { agreement, milestones } = await agreementWithMilestones(t);
    const kickoff = byEvidence(milestones, 'kickoff_held');
    const res = await send('PATCH', `/api/v1/milestones/${kickoff.id}`, {
      plannedDate: '2025-01-10',
      actualDate: '2025-01-14',
      state: 'done',
      reason: 'Oppstartsmøtet ble holdt på fylkeshuset.',
      note: 'Alle sju rådsområder deltok.',
      version: kickoff.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as AgreementMilestones;
    expect(after.phase).toBe('county_internal');
    expect(byEvidence(after, 'kickoff_held')).toMatchObject({
      plannedDate: '2025-01-10',
      actualDate: '2025-01-14',
      state: 'done',
      recordedState: 'done',
      completedBy: 'hand',
      doneReason: 'Oppstartsmøtet ble holdt på fylkeshuset.',
      doneBy: { id: t.actors.admin.id },
      note: 'Alle sju rådsområder deltok.',
      version: kickoff.version + 1,
    });
    expect(await auditOf(t, 'milestone', kickoff.id)).toMatchObject([
      {
        action: 'milestone.update',
        before: { state: 'not_started', doneReason: null },
        after: { state: 'done', doneReason: 'Oppstartsmøtet ble holdt på fylkeshuset.' },
      },
    ]);

    // Leaving done drops the reason; the dates and the note stay unless changed.
    const back = await send('PATCH', `/api/v1/milestones/${kickoff.id}`, {
      state: 'in_progress',
      version: kickoff.version + 1,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(byEvidence(back.json() as AgreementMilestones, 'kickoff_held')).toMatchObject({
      state: 'in_progress',
      doneReason: null,
      doneBy: null,
      actualDate: '2025-01-14',
      note: 'Alle sju rådsområder deltok.',
    });
    expect((await milestonesOf(t, agreement.id)).phase).toBe('county_internal');
  });

  it('records a milestone done on its real date years back, bringing an ongoing process in; who and when stay', async () => {
    const { milestones } = await agreementWithMilestones(t);
    const summary = byEvidence(milestones, 'summary_held');
    const res = await send('PATCH', `/api/v1/milestones/${summary.id}`, {
      actualDate: '2020-11-05',
      state: 'done',
      reason:
        'Oppsummeringsmøtet ble holdt før fylkeskommunen tok i bruk Partnerskap. Referatet er arkivert.',
      version: summary.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = byEvidence(res.json() as AgreementMilestones, 'summary_held');
    expect(done).toMatchObject({
      actualDate: '2020-11-05',
      state: 'done',
      doneBy: { id: t.actors.admin.id },
    });
    // Recorded today, about 2020: the time it was recorded is today's, the actual date the real one.
    expect(Date.parse(done.doneAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses completing by hand without a reason, naming the field, and changes nothing', async () => {
    const { milestones } = await agreementWithMilestones(t);
    const summary = byEvidence(milestones, 'summary_held');
    for (const reason of [undefined, '', '   ']) {
      const body = await expectRefused(
        () =>
          send('PATCH', `/api/v1/milestones/${summary.id}`, {
            state: 'done',
            ...(reason === undefined ? {} : { reason }),
            version: summary.version,
          }),
        400,
        'validation',
      );
      expect(body.errors).toEqual([
        {
          field: 'reason',
          code: 'validation.milestoneReasonRequired',
          message: 'Skriv hvorfor milepælen er fullført, når den markeres som fullført for hånd.',
        },
      ]);
    }
  });

  it('refuses a planned date that is not a date, and a state it does not know, naming the field', async () => {
    const { milestones } = await agreementWithMilestones(t);
    const kickoff = byEvidence(milestones, 'kickoff_held');
    for (const plannedDate of ['neste uke', '2025-02-30', 20250101]) {
      const body = await expectRefused(
        () => send('PATCH', `/api/v1/milestones/${kickoff.id}`, { plannedDate, version: kickoff.version }),
        400,
        'validation',
      );
      expect(body.errors?.[0]).toMatchObject({ field: 'plannedDate', code: 'validation.date' });
    }
    const state = await expectRefused(
      () =>
        send('PATCH', `/api/v1/milestones/${kickoff.id}`, { state: 'finished', version: kickoff.version }),
      400,
    );
    expect(state.errors?.[0]).toMatchObject({ field: 'state', code: 'validation.chooseStatus' });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const { milestones } = await agreementWithMilestones(t);
    const kickoff = byEvidence(milestones, 'kickoff_held');
    const first = await send('PATCH', `/api/v1/milestones/${kickoff.id}`, {
      plannedDate: '2025-01-10',
      version: kickoff.version,
    });
    expect(first.statusCode).toBe(200);
    await expectRefused(
      () =>
        send('PATCH', `/api/v1/milestones/${kickoff.id}`, {
          plannedDate: '2025-02-01',
          version: kickoff.version,
        }),
      409,
      'stale',
    );
    await expectRefused(
      () => send('PATCH', `/api/v1/milestones/${unknownId}`, { plannedDate: '2025-02-01', version: 1 }),
      404,
      'notFound',
    );
  });

  it('lets the region’s own contact record the region’s internal milestones only; department editors and viewers read', async () => {
    const { own, other } = await twoAgreements(t);
    const list = await milestonesOf(t, own.id);
    const wanted = byEvidence(list, 'wanted_subject_areas');
    const ok = await send(
      'PATCH',
      `/api/v1/milestones/${wanted.id}`,
      {
        plannedDate: '2025-03-01',
        state: 'in_progress',
        note: 'Regionrådet drøfter i mars.',
        version: wanted.version,
      },
      'region',
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(byEvidence(ok.json() as AgreementMilestones, 'wanted_subject_areas')).toMatchObject({
      state: 'in_progress',
      note: 'Regionrådet drøfter i mars.',
    });
    const kickoff = byEvidence(list, 'kickoff_held');
    await expectRefused(
      () =>
        send(
          'PATCH',
          `/api/v1/milestones/${kickoff.id}`,
          { state: 'done', reason: 'Holdt.', version: kickoff.version },
          'region',
        ),
      403,
      'forbidden',
    );
    const othersWanted = byEvidence(await milestonesOf(t, other.id), 'wanted_subject_areas');
    await expectRefused(
      () =>
        send(
          'PATCH',
          `/api/v1/milestones/${othersWanted.id}`,
          { state: 'in_progress', version: 1 },
          'region',
        ),
      403,
      'forbidden',
    );
    for (const who of ['department', 'viewer'] as const) {
      await expectRefused(
        () => send('PATCH', `/api/v1/milestones/${kickoff.id}`, { state: 'in_progress', version: 1 }, who),
        403,
        'forbidden',
      );
    }
  });
});

describe('evidence', () => {
  it('completes the wanted subject areas and the departments’ proposals from what is in Partnerskap, and undoes it', async () => {
    const { cycle, agreement } = await agreementWithMilestones(t);
    const [area] = (await listSubjectAreas(t.ctx(t.actors.admin), cycle.id)).items;
    if (!area) throw new Error('no subject area');
    const mark = await send(
      'PUT',
      `/api/v1/agreements/${agreement.id}/subject-areas/${area.id}`,
      { justification: 'Viktig for regionen.' },
      'region',
    );
    expect(mark.statusCode, mark.body).toBe(200);
    await createContribution(t.ctx(t.actors.department), agreement.id, {
      subjectAreaId: area.id,
      kind: 'measure',
      owner: { type: 'department', departmentId: t.actors.department.departmentId ?? '' },
      title: 'Bedre busstilbud',
    });
    const list = await milestonesOf(t, agreement.id);
    expect(byEvidence(list, 'wanted_subject_areas')).toMatchObject({
      state: 'done',
      recordedState: 'not_started',
      completedBy: 'evidence',
      evidence: {
        met: true,
        at: expect.any(String),
        links: [{ target: 'wanted_subject_areas', owner: null, name: null, count: 1 }],
      },
    });
    expect(byEvidence(list, 'department_proposals')).toMatchObject({
      state: 'done',
      completedBy: 'evidence',
      evidence: {
        met: true,
        links: [
          { target: 'contributions', owner: t.actors.department.departmentId, name: 'Samferdsel', count: 1 },
        ],
      },
    });
    // Begun by its evidence: no longer in preparation, though the region has not said it is ready.
    expect(list.phase).toBe('county_internal');

    const unmark = await t.request({
      method: 'DELETE',
      url: `/api/v1/agreements/${agreement.id}/subject-areas/${area.id}`,
      cookie: cookies.region,
    });
    expect(unmark.statusCode).toBe(204);
    expect(byEvidence(await milestonesOf(t, agreement.id), 'wanted_subject_areas')).toMatchObject({
      state: 'not_started',
      completedBy: null,
    });
  });

  it('completes the special part milestone when it is agreed: Indre Østfold’s in the demo, since adopted and in force', async () => {
    const list = await milestonesOf(t, await demoAgreementOf(t, indre));
    expect(list.specialPartAgreed).toBe(true);
    expect(list.phase).toBe('in_force');
    expect(byEvidence(list, 'special_part_agreed')).toMatchObject({
      state: 'done',
      completedBy: 'evidence',
      evidence: { met: true, links: [{ target: 'special_part', count: 1 }] },
    });
    expect(byEvidence(list, 'region_commitments')).toMatchObject({
      completedBy: 'evidence',
      evidence: { links: [{ target: 'contributions', owner: 'region', count: 2 }] },
    });
  });
});

describe('the region’s ready flag', () => {
  it('is marked by the region’s own contact with a note: the phase leaves preparation', async () => {
    const { agreement, milestones } = await agreementWithMilestones(t);
    expect(milestones.phase).toBe('preparation');
    const res = await send(
      'PUT',
      `/api/v1/agreements/${agreement.id}/region-ready`,
      { ready: true, note: 'Regionrådet vedtok oppstart 3. mars.', version: milestones.agreementVersion },
      'region',
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as AgreementMilestones;
    expect(after).toMatchObject({
      phase: 'county_internal',
      regionReady: {
        ready: true,
        note: 'Regionrådet vedtok oppstart 3. mars.',
        markedBy: { id: t.actors.region.id },
        markedAt: expect.any(String),
      },
      agreementVersion: milestones.agreementVersion + 1,
    });
    expect(await auditOf(t, 'agreement', agreement.id)).toMatchObject([
      { action: 'agreement.create' },
      {
        action: 'agreement.markRegionReady',
        before: { regionReady: false, regionReadyNote: null },
        after: { regionReady: true, regionReadyNote: 'Regionrådet vedtok oppstart 3. mars.' },
      },
    ]);

    // The admin may say it is not ready after all; a stale version is refused.
    const back = await send('PUT', `/api/v1/agreements/${agreement.id}/region-ready`, {
      ready: false,
      note: null,
      version: after.agreementVersion,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((back.json() as AgreementMilestones).phase).toBe('preparation');
    await expectRefused(
      () =>
        send('PUT', `/api/v1/agreements/${agreement.id}/region-ready`, {
          ready: true,
          version: after.agreementVersion,
        }),
      409,
      'stale',
    );
  });

  it('is refused for another region’s contact, department editors and viewers, and for bad input', async () => {
    const { own } = await twoAgreements(t);
    const version = (await milestonesOf(t, own.id)).agreementVersion;
    for (const who of ['otherRegion', 'department', 'viewer'] as const) {
      await expectRefused(
        () => send('PUT', `/api/v1/agreements/${own.id}/region-ready`, { ready: true, version }, who),
        403,
        'forbidden',
      );
    }
    const body = await expectRefused(
      () => send('PUT', `/api/v1/agreements/${own.id}/region-ready`, { ready: 'ja', version }),
      400,
      'validation',
    );
    expect(body.errors?.[0]).toMatchObject({ field: 'ready', code: 'validation.invalid' });
  });
});

describe('the demo', () => {
  it('has regions at different stages, two of them not ready to start', async () => {
    const phases: Record<string, string> = {};
    const notReady: string[] = [];
    for (const region of [
      indre,
      hallingdal,
      'Drammensregionen',
      'Haldenregionen',
      'Gardermoregionen interkommunale politiske råd',
    ]) {
      const list = await milestonesOf(t, await demoAgreementOf(t, region));
      phases[region] = list.phase;
      if (!list.regionReady.ready) notReady.push(region);
    }
    expect(phases).toEqual({
      [indre]: 'in_force',
      [hallingdal]: 'joint',
      Drammensregionen: 'county_internal',
      Haldenregionen: 'county_internal',
      'Gardermoregionen interkommunale politiske råd': 'political_processing',
    });
    expect(notReady).toEqual(['Drammensregionen', 'Haldenregionen']);
    const rows = await t.database.db
      .select()
      .from(agreementMilestones)
      .where(eq(agreementMilestones.state, 'done'));
    expect(rows.every((r) => (r.doneReason ?? '').length > 0)).toBe(true);
  });
});
