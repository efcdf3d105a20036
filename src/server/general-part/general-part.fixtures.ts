import type { TestApp } from '../../../test/support/app.js';
import { requiredSections } from '../../shared/contracts/general-part.js';
import type { RichTextDoc } from '../../shared/contracts/rich-text.js';
import { createCycle } from './create-cycle.js';
import { getGeneralPart } from './get-general-part.js';
import { getVersion } from './get-version.js';
import { updateSections } from './update-sections.js';

/** Test data for the general part's database tests: cycles, texts and drafts made through the use cases. */

/** An id that no row has. */
export const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

/**
 * The admin's session and three others' (a viewer, a department editor, a region contact), signed in before
 * any snapshot is taken: a sign-in writes to the audit log.
 */
export async function signInAdminAndOthers(t: TestApp): Promise<{ admin: string; others: string[] }> {
  const admin = await t.cookieFor('admin@demo.partnerskap.no');
  const others = await Promise.all(
    ['leser@demo.partnerskap.no', 'samferdsel@demo.partnerskap.no', 'hallingdal@demo.partnerskap.no'].map(
      (e) => t.cookieFor(e),
    ),
  );
  return { admin, others };
}

export const textBody = (...paragraphs: string[]): RichTextDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** The five required sections, each with a sentence of text: a version that may be approved. */
export const filledSections = () =>
  requiredSections.map((s) => ({ key: s.key, title: s.title, body: textBody(`${s.title} for perioden.`) }));

let cycles = 0;

/** A new cycle (unique name and period) and its first draft. */
export async function newCycle(t: TestApp) {
  cycles++;
  const from = 2030 + cycles * 4;
  const cycle = await createCycle(t.ctx(t.actors.admin), {
    name: `Testsyklus ${cycles}`,
    periodFrom: `${from}-01-01`,
    periodTo: `${from + 3}-12-31`,
  });
  const part = await getGeneralPart(t.ctx(t.actors.admin), cycle.id);
  const draftId = part.draftVersionId;
  if (!draftId) throw new Error('a new cycle has a draft');
  return { cycle, draft: await getVersion(t.ctx(t.actors.admin), draftId) };
}

/** A new cycle whose first draft has text in all five required sections. */
export async function filledCycle(t: TestApp) {
  const { cycle, draft } = await newCycle(t);
  const filled = await updateSections(t.ctx(t.actors.admin), draft.id, {
    version: draft.version,
    sections: filledSections(),
  });
  return { cycle, draft: filled };
}

export const approval = (version: number) => ({
  date: '2024-06-18',
  body: 'Fylkesrådet',
  caseNumber: '123/24',
  decisionText: 'Fylkesrådet godkjenner generell del av partnerskapsavtalene.',
  version,
});
