import type { TestApp } from '../../../test/support/app.js';
import type { SaveReportInput } from '../../shared/contracts/follow-up.js';
import { bringIntoForce } from '../adoption/adoption.fixtures.js';
import { casesFixture } from '../cases/case.fixtures.js';
import { changeStatus } from '../contributions/change-status.js';
import { departmentItem, regionItem } from '../contributions/contribution.fixtures.js';
import { createContribution } from '../contributions/create-contribution.js';
import { addDays, osloDate } from '../hearings/deadline.js';
import { listCommitments } from './commitment-reads.js';

export const appUrl = 'https://partnerskap.viken.test';
export const links = { appUrl };
export const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

/** A date the given number of days from today in Oslo. */
export const inDays = (days: number) => addDays(osloDate(new Date()), days);

/**
 * Indre Østfold's agreement brought into force through the use cases, with four contributions: the
 * Samferdsel department's bus service (with a numeric indicator), the Næring department's business
 * garden, the region's own project manager (all three agreed), and a culture evening still proposed.
 * Hallingdal's agreement stays in its joint phase.
 */
export async function followUpFixture(t: TestApp) {
  const fx = await casesFixture(t);
  const admin = t.ctx(t.actors.admin);
  const bus = await createContribution(admin, fx.own.id, departmentItem(t, fx.areas.transport.id));
  const garden = await createContribution(
    admin,
    fx.own.id,
    departmentItem(t, fx.areas.business.id, {
      owner: { type: 'department', departmentId: t.actors.otherDepartment.departmentId ?? '' },
      title: 'Næringshage i Askim',
      budgetNokPerYear: null,
      indicators: [{ name: 'Nye bedrifter', baseline: 'ingen', target: 'flere', unit: 'bedrifter' }],
    }),
  );
  const manager = await createContribution(
    admin,
    fx.own.id,
    regionItem(fx.areas.business.id, { budgetNokPerYear: 400_000, responsible: 'Daglig leder' }),
  );
  const evening = await createContribution(
    admin,
    fx.own.id,
    departmentItem(t, fx.areas.culture.id, { title: 'Kulturkveld', indicators: [] }),
  );
  for (const c of [bus, garden, manager]) {
    await changeStatus(admin, c.id, {
      status: 'agreed',
      reason: 'Enighet i fellesmøtet.',
      version: c.version,
    });
  }
  const caseId = await bringIntoForce(t, fx.cycle.id, fx.own.id);
  const commitments = await listCommitments(t.database.db, { agreementId: fx.own.id });
  const bySource = (id: string) => {
    const found = commitments.find((c) => c.sourceContributionId === id);
    if (!found) throw new Error(`no commitment for ${id}`);
    return found;
  };
  return {
    ...fx,
    caseId,
    contributions: { bus, garden, manager, evening },
    commitments: { bus: bySource(bus.id), garden: bySource(garden.id), manager: bySource(manager.id) },
  };
}

export type FollowUpFixture = Awaited<ReturnType<typeof followUpFixture>>;

/** A paragraph of rich text. */
export const text = (value: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: value }] }],
});

/** A report on track with half done. */
export const halfway = (over: Partial<SaveReportInput> = {}): SaveReportInput => ({
  status: 'on_track',
  progress: 50,
  done: text('Nye ruter er satt opp.'),
  next: text('Evaluering etter første halvår.'),
  spentNok: 1_200_000,
  values: [],
  ...over,
});
