import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import type { PoliticalCase } from '../../shared/contracts/cases.js';
import { moveGeneralPart } from '../agreements/move-general-part.js';
import { agreementsFixture } from '../contributions/contribution.fixtures.js';
import { readDocx, squash } from '../documents/testing/read-document.js';
import { approveVersion } from '../general-part/approve-version.js';
import { createDraft } from '../general-part/create-draft.js';
import { approval, filledSections } from '../general-part/general-part.fixtures.js';
import { getVersion } from '../general-part/get-version.js';
import { updateSections } from '../general-part/update-sections.js';
import { createDisposition } from '../hearings/create-disposition.js';
import { coverLetter, inDays, links, passDeadline } from '../hearings/hearing.fixtures.js';
import { openHearing } from '../hearings/open-hearing.js';
import { submitInput } from '../hearings/submit-input.js';
import { type MeetingCookies, meetingRequests, signInMeetingRoles } from '../meetings/meeting.fixtures.js';
import { casesFixture, readyAgreement } from './case.fixtures.js';

/**
 * Which hearing summaries a case attaches: those of the hearings behind the general part its agreements
 * are pinned to, never another version's hearing held in the same cycle, and none at all for a version
 * approved without a hearing.
 */

let t: TestApp;
let cookies: MeetingCookies;
const { ok, req } = meetingRequests(() => t);
const formalV1 = 'Innspillsoppsummering – formell høring av generell del, versjon 1';
const formalV2 = 'Innspillsoppsummering – formell høring av generell del, versjon 2';

beforeAll(async () => {
  t = await startTestApp();
  cookies = await signInMeetingRoles(t);
});
afterAll(async () => t.close());

async function caseText(id: string): Promise<string> {
  const res = await req('GET', `/api/v1/cases/${id}/document?format=docx`, cookies.admin);
  expect(res.statusCode).toBe(200);
  return squash(readDocx(res.rawPayload).body);
}

/** The text after the case's own "Vedlegg" heading: the attachments list, then the appendices. */
function attachmentsPart(text: string): string {
  const at = text.indexOf('Vedtakskompetanse');
  expect(at).toBeGreaterThan(-1);
  return text.slice(text.indexOf('Vedlegg', at));
}

/** A new draft made from `fromId`, on a formal hearing with one input from the region, then closed. */
async function heardDraft(fromId: string, cycleId: string, input: string) {
  const admin = t.ctx(t.actors.admin);
  const draft = await createDraft(admin, fromId);
  const hearing = await openHearing(
    admin,
    { cycleId, versionId: draft.id, kind: 'formal', deadline: inDays(21), coverLetter },
    links,
  );
  const given = await submitInput(t.ctx(t.actors.region), hearing.id, { text: input });
  await passDeadline(t, hearing.id);
  return { draft, hearing, given };
}

describe('a case whose agreements are pinned to a version approved after its hearing', () => {
  it('attaches that hearing’s summary after the agreement, and not a later hearing of another version', async () => {
    const fx = await casesFixture(t);
    // The cycle goes on: a new draft of the general part is on a hearing of its own, now closed. The
    // agreement is still pinned to version 1, so its case has nothing to do with that hearing.
    await heardDraft(fx.generalPart.id, fx.cycle.id, 'Innspill til neste versjon, ikke til denne saken.');
    const made = await ok<PoliticalCase>('POST', '/api/v1/cases', cookies.admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.own.id],
    });
    // The template's facts tell of the hearing the case attaches, and of no other.
    const facts = JSON.stringify(made.facts);
    expect(facts).toContain('Formell høring av versjon 1 med frist');
    expect(facts).not.toContain('høring av versjon 2');
    const c = await ok<PoliticalCase>('GET', `/api/v1/cases/${made.id}`, cookies.department);
    expect(c.hearingSummaries).toEqual([
      { hearingId: fx.hearing.id, kind: 'formal', versionNumber: 1, deadline: expect.any(String) },
    ]);

    const after = attachmentsPart(await caseText(made.id));
    const order = [
      // The attachments list names the agreement and the summary.
      'Partnerskapsavtale med Indre Østfold regionråd, generell og spesiell del',
      formalV1,
      'Vedlegg 1: Partnerskapsavtale med Indre Østfold regionråd',
      `Vedlegg 2: ${formalV1}`,
      // The summary's content: the region's input and the county's final answer to it.
      'Indre Østfold regionråd',
      'Indre Østfold ber om at samferdsel får et eget avsnitt.',
      'Tatt til orientering',
      'Samferdsel omtales i den spesielle delen.',
    ];
    let at = -1;
    for (const words of order) {
      const next = after.indexOf(words, at + 1);
      expect(next, `"${words}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(after).not.toContain('Vedlegg 3');
    expect(after).not.toContain(formalV2);
    expect(after).not.toContain('Innspill til neste versjon, ikke til denne saken.');
  });
});

describe('a case whose agreements are pinned to a version that had no hearing', () => {
  it('attaches no summary, though the cycle held a hearing on a later draft', async () => {
    const admin = t.ctx(t.actors.admin);
    const fx = await agreementsFixture(t);
    const filled = await updateSections(admin, fx.own.generalPartVersionId, {
      version: 1,
      sections: filledSections(),
    });
    const v1 = await approveVersion(admin, filled.id, approval(filled.version));
    await readyAgreement(t, fx.cycle.id, fx.own.id);
    const later = await heardDraft(v1.id, fx.cycle.id, 'Samferdsel bør få mer plass i versjon 2.');
    const made = await ok<PoliticalCase>('POST', '/api/v1/cases', cookies.admin, {
      cycleId: fx.cycle.id,
      agreementIds: [fx.own.id],
    });
    const facts = JSON.stringify(made.facts);
    // The template's facts tell of no hearing: the cycle's hearing was on a version the case does not rest on.
    expect(facts).toContain('Generell del versjon 1 ble godkjent');
    expect(facts).not.toContain('høring av versjon');
    expect(facts).not.toContain('slik den var på høring');

    const c = await ok<PoliticalCase>('GET', `/api/v1/cases/${made.id}`, cookies.admin);
    expect(c.hearingSummaries).toEqual([]);
    const after = attachmentsPart(await caseText(made.id));
    expect(after).toContain('Vedlegg 1: Partnerskapsavtale med Indre Østfold regionråd');
    expect(after).not.toContain('Vedlegg 2');
    expect(after).not.toContain('Innspillsoppsummering');
    expect(after).not.toContain('Samferdsel bør få mer plass i versjon 2.');

    // Version 3 is written from the heard draft to take its input in, approved, and the agreement moved to
    // it: the case now rests on that hearing, and attaches its summary with the county's final answer.
    await createDisposition(admin, later.hearing.id, {
      inputIds: [later.given.id],
      outcome: 'taken_in',
      reason: 'Samferdsel får et eget avsnitt i versjon 3.',
    });
    const v3 = await createDraft(admin, later.draft.id);
    const written = await updateSections(admin, v3.id, { version: v3.version, sections: filledSections() });
    const v3Approved = await approveVersion(
      admin,
      v3.id,
      approval((await getVersion(admin, written.id)).version),
    );
    const agreement = await ok<{ version: number }>('GET', `/api/v1/agreements/${fx.own.id}`, cookies.admin);
    await moveGeneralPart(admin, fx.own.id, {
      versionId: v3Approved.id,
      reason: 'Avtalen følger den godkjente versjonen etter høringen.',
      version: agreement.version,
    });
    const moved = await ok<PoliticalCase>('GET', `/api/v1/cases/${made.id}`, cookies.admin);
    expect(moved.hearingSummaries).toEqual([
      { hearingId: later.hearing.id, kind: 'formal', versionNumber: 2, deadline: expect.any(String) },
    ]);
    const withSummary = attachmentsPart(await caseText(made.id));
    const second = withSummary.indexOf(`Vedlegg 2: ${formalV2}`);
    expect(second).toBeGreaterThan(withSummary.indexOf('Vedlegg 1: Partnerskapsavtale'));
    expect(withSummary.indexOf('Samferdsel bør få mer plass i versjon 2.')).toBeGreaterThan(second);
    expect(withSummary.indexOf('Samferdsel får et eget avsnitt i versjon 3.')).toBeGreaterThan(second);
  });
});
