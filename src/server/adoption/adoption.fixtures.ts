import type { TestApp } from '../../../test/support/app.js';
import { createBodyMeeting } from '../bodies/plan-body-meetings.js';
import { casesFixture } from '../cases/case.fixtures.js';
import { countyBody } from '../cases/case-reads.js';
import { createCase } from '../cases/create-case.js';
import { recordDecision } from '../cases/record-decision.js';
import { getAdoption } from './adoption.routes.js';
import { recordAdoption } from './record-adoption.js';

/**
 * Indre Østfold's agreement in force, made through the use cases: ready (casesFixture), batched into a case
 * the executive board adopted, and adopted by the council of every member municipality. Hallingdal's
 * agreement stays in its joint phase.
 */
export async function inForceFixture(t: TestApp) {
  const fx = await casesFixture(t);
  const caseId = await bringIntoForce(t, fx.cycle.id, fx.own.id);
  return { ...fx, caseId };
}

/**
 * Brings a ready agreement into force through the use cases: a case the executive board adopts, and the
 * council of every member municipality adopting it. Returns the case's id.
 */
export async function bringIntoForce(t: TestApp, cycleId: string, agreementId: string): Promise<string> {
  const admin = t.ctx(t.actors.admin);
  const board = await countyBody(t.database.db, 'executive_board');
  if (!board) throw new Error('no board');
  const meeting = await createBodyMeeting(admin, board.id, { date: '2099-10-22' });
  const made = await createCase(admin, {
    cycleId,
    agreementIds: [agreementId],
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
  const adoption = await getAdoption(admin, agreementId);
  for (const row of adoption.rows) {
    await recordAdoption(admin, agreementId, row.municipalityId, {
      decidedOn: '2099-12-10',
      outcome: 'adopted',
      caseReference: `${row.municipalityNumber}/99`,
      recordUrl: `https://einnsyn.no/sok?q=${row.municipalityNumber}`,
    });
  }
  return made.id;
}
