import type { TestApp } from '../../../test/support/app.js';
import { syncBodies } from '../bodies/sync-bodies.js';
import { agreementsFixture } from '../contributions/contribution.fixtures.js';
import { approveVersion } from '../general-part/approve-version.js';
import { filledSections } from '../general-part/general-part.fixtures.js';
import { updateSections } from '../general-part/update-sections.js';
import { changeMeetingState } from '../meetings/change-meeting-state.js';
import { createMeeting } from '../meetings/create-meeting.js';
import { past } from '../meetings/meeting.fixtures.js';
import { agreeSpecialPartVersion } from '../special-part/agree-special-part-version.js';
import { createSpecialPart } from '../special-part/create-special-part.js';
import { sendSpecialPartVersion } from '../special-part/send-special-part-version.js';

/**
 * Test data for the political cases: the bodies made from the registry, and a cycle of its own whose
 * general part is approved, with Indre Østfold's agreement ready (final meeting held, special part agreed)
 * and Hallingdal's not (nothing held, nothing agreed). Everything made through the use cases.
 */
export async function casesFixture(t: TestApp) {
  const admin = t.ctx(t.actors.admin);
  await syncBodies(admin);
  const fx = await agreementsFixture(t);
  const filled = await updateSections(admin, fx.own.generalPartVersionId, {
    version: 1,
    sections: filledSections(),
  });
  const approved = await approveVersion(admin, filled.id, {
    date: '2025-02-20',
    body: 'Fylkesrådet',
    caseNumber: '12/25',
    decisionText: 'Fylkesrådet godkjenner generell del.',
    version: filled.version,
  });
  await readyAgreement(t, fx.cycle.id, fx.own.id);
  return { ...fx, generalPart: approved };
}

/** Holds the final joint meeting for an agreement and agrees its special part. */
export async function readyAgreement(t: TestApp, cycleId: string, agreementId: string) {
  const admin = t.ctx(t.actors.admin);
  const planned = await createMeeting(admin, {
    cycleId,
    type: 'final',
    title: 'Fellesmøte om avtalen',
    ...past,
    place: 'Fylkeshuset',
    agreementIds: [agreementId],
    participants: [],
  });
  await changeMeetingState(
    admin,
    planned.id,
    { state: 'held', version: planned.version },
    { appUrl: 'https://x.test' },
  );
  const draft = await createSpecialPart(admin, agreementId);
  const sent = await sendSpecialPartVersion(admin, draft.id, { version: draft.version });
  await agreeSpecialPartVersion(admin, sent.id, { version: sent.version });
}
