import type { TestApp } from '../../../test/support/app.js';
import { syncBodies } from '../bodies/sync-bodies.js';
import { agreementsFixture } from '../contributions/contribution.fixtures.js';
import { approveVersion } from '../general-part/approve-version.js';
import { filledSections } from '../general-part/general-part.fixtures.js';
import { getVersion } from '../general-part/get-version.js';
import { updateSections } from '../general-part/update-sections.js';
import { createDisposition } from '../hearings/create-disposition.js';
import { coverLetter, inDays, links, passDeadline } from '../hearings/hearing.fixtures.js';
import { openHearing } from '../hearings/open-hearing.js';
import { submitInput } from '../hearings/submit-input.js';
import { changeMeetingState } from '../meetings/change-meeting-state.js';
import { createMeeting } from '../meetings/create-meeting.js';
import { past } from '../meetings/meeting.fixtures.js';
import { agreeSpecialPartVersion } from '../special-part/agree-special-part-version.js';
import { createSpecialPart } from '../special-part/create-special-part.js';
import { sendSpecialPartVersion } from '../special-part/send-special-part-version.js';

/**
 * Test data for the political cases: the bodies made from the registry, and a cycle of its own whose
 * general part went on a formal hearing (closed: one input from each region, Indre Østfold's answered
 * finally, Hallingdal's with a draft answer) and is approved, with Indre Østfold's agreement ready (final
 * meeting held, special part agreed) and Hallingdal's not (nothing held, nothing agreed). Everything made
 * through the use cases, but for the hearing's deadline, moved into the past.
 */
export async function casesFixture(t: TestApp) {
  const admin = t.ctx(t.actors.admin);
  await syncBodies(admin);
  const fx = await agreementsFixture(t);
  const filled = await updateSections(admin, fx.own.generalPartVersionId, {
    version: 1,
    sections: filledSections(),
  });
  const hearing = await openHearing(
    admin,
    { cycleId: fx.cycle.id, versionId: filled.id, kind: 'formal', deadline: inDays(21), coverLetter },
    links,
  );
  const fromOwn = await submitInput(t.ctx(t.actors.region), hearing.id, {
    text: 'Indre Østfold ber om at samferdsel får et eget avsnitt.',
  });
  const fromOther = await submitInput(t.ctx(t.actors.otherRegion), hearing.id, {
    text: 'Hallingdal ønsker mer om reiseliv.',
  });
  await passDeadline(t, hearing.id);
  await createDisposition(admin, hearing.id, {
    inputIds: [fromOwn.id],
    outcome: 'noted',
    reason: 'Samferdsel omtales i den spesielle delen.',
  });
  await createDisposition(admin, hearing.id, {
    inputIds: [fromOther.id],
    outcome: 'not_taken_in',
    reason: 'Utkast som ikke er avgjort.',
    final: false,
  });
  const onHearing = await getVersion(admin, filled.id);
  const approved = await approveVersion(admin, filled.id, {
    date: '2025-02-20',
    body: 'Fylkesrådet',
    caseNumber: '12/25',
    decisionText: 'Fylkesrådet godkjenner generell del.',
    version: onHearing.version,
  });
  await readyAgreement(t, fx.cycle.id, fx.own.id);
  return { ...fx, generalPart: approved, hearing };
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
  const sent = await sendSpecialPartVersion(
    admin,
    draft.id,
    { version: draft.version },
    { appUrl: 'https://x.test' },
  );
  await agreeSpecialPartVersion(admin, sent.id, { version: sent.version });
}
