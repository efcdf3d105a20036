import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { cycleWithAgreements, send } from './support/journey.js';

/**
 * The start page as an inbox: the coordinator sees the contributions waiting for agreement and the open
 * hearing's regions that have not answered, and reminds them once; a department editor sees the comment
 * that mentions them. Each link lands on the item.
 */

const admin = 'admin@demo.partnerskap.no';
const editor = 'samferdsel@demo.partnerskap.no';

/** With SCREENSHOTS set to a folder, the page is photographed there at desktop and phone width. */
async function shots(page: Page, name: string) {
  const folder = process.env.SCREENSHOTS;
  if (!folder) return;
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const inDays = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

describe.skipIf(!chromiumPath)('the start page as an inbox', () => {
  let j: Journey;
  let contributionId: string;
  beforeAll(async () => {
    j = await startJourney();
    const { page, baseUrl } = j;
    await signIn(page, admin);
    const { cycleId, own } = await cycleWithAgreements(page, baseUrl, {
      cycle: {
        name: 'Innbokssyklus 2049–2052',
        periodFrom: '2049-01-01',
        periodTo: '2052-12-31',
        status: 'active',
      },
      approval: { date: '2048-10-20', caseNumber: '49/48' },
      regions: { own: 'Indre Østfold regionråd', other: 'Regionrådet for Hallingdal' },
    });
    // A contribution discussed with the region, and a comment that mentions the department's editor.
    const areas = await send<{ items: { id: string }[] }>(
      page,
      baseUrl,
      'GET',
      `/api/v1/cycles/${cycleId}/subject-areas`,
    );
    const item = await send<{ id: string; version: number }>(
      page,
      baseUrl,
      'POST',
      `/api/v1/agreements/${own}/contributions`,
      {
        subjectAreaId: areas.items[0]?.id,
        kind: 'measure',
        owner: { type: 'region' },
        title: 'Ny pendlerbuss',
      },
    );
    contributionId = item.id;
    await send(page, baseUrl, 'POST', `/api/v1/contributions/${item.id}/status`, {
      status: 'discussed',
      reason: 'Drøftet i samarbeidsmøtet.',
      version: item.version,
    });
    const people = await send<{ items: { id: string; role: string; organisation: string | null }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/mentionable-users',
    );
    const samferdsel = people.items.find((p) => p.role === 'department' && p.organisation === 'Samferdsel');
    await send(page, baseUrl, 'POST', `/api/v1/contributions/${item.id}/comments`, {
      body: 'Kan Samferdsel se på rutetidene?',
      mentionUserIds: [samferdsel?.id],
    });
    // A hearing on a new draft, to three regions; Indre Østfold answers.
    const part = await send<{ currentVersionId: string }>(
      page,
      baseUrl,
      'GET',
      `/api/v1/cycles/${cycleId}/general-part`,
    );
    const draft = await send<{ id: string }>(
      page,
      baseUrl,
      'POST',
      `/api/v1/general-part-versions/${part.currentVersionId}/drafts`,
    );
    const regions = await send<{ items: { id: string; name: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/regions?limit=500',
    );
    const idOf = (name: string) => regions.items.find((r) => r.name === name)?.id;
    const hearing = await send<{ id: string }>(page, baseUrl, 'POST', '/api/v1/hearings', {
      cycleId,
      versionId: draft.id,
      kind: 'informal',
      deadline: inDays(10),
      coverLetter: 'Vi ber om innspill til versjon 2.',
      invitedRegionIds: ['Indre Østfold regionråd', 'Regionrådet for Hallingdal', 'Drammensregionen'].map(
        idOf,
      ),
    });
    await send(page, baseUrl, 'POST', `/api/v1/hearings/${hearing.id}/inputs`, {
      regionId: idOf('Indre Østfold regionråd'),
      text: 'Regionen støtter endringene.',
    });
  }, 300_000);
  afterAll(async () => j?.close());

  it('shows the coordinator what waits, and reminds the silent regions once, by keyboard', async () => {
    const { page } = j;
    await page.reload();
    const discussed = page.getByRole('heading', { level: 2, name: 'Bidrag som venter på enighet (1)' });
    await discussed.waitFor();
    await page.getByRole('heading', { level: 2, name: 'Innspill registrert etter fristen (0)' }).waitFor();
    await page.getByText('Ingen innspill registrert etter fristen venter på svar.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Høringer der regioner ikke har svart (1)' }).waitFor();
    await page
      .getByText('2 av 3 inviterte regioner har ikke svart: Drammensregionen, Regionrådet for Hallingdal.')
      .waitFor();
    await expectAccessible(page, 'the coordinator inbox');
    await shots(page, 'inbox-admin');

    const button = page.getByRole('button', { name: 'Påminn regionene som ikke har svart' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page
      .getByText('2 regioner er påminnet nå: Drammensregionen, Regionrådet for Hallingdal.', { exact: true })
      .waitFor();
    await page
      .getByText(
        '2 e-poster er ikke sendt, fordi det ikke er satt opp noen e-posttjener. De ligger i utboksen med status «Holdt tilbake».',
      )
      .waitFor();
    await page.getByRole('link', { name: 'Se e-postene i utboksen' }).waitFor();
    await page
      .getByText('Påminnet fra denne siden før: Drammensregionen, Regionrådet for Hallingdal.')
      .waitFor();
    await expectAccessible(page, 'the inbox after the reminder');
    await shots(page, 'inbox-reminded');

    await button.press('Enter');
    await page
      .getByText(
        'Ingen ble påminnet nå. 2 regioner var påminnet før og får ingen ny e-post: Drammensregionen, Regionrådet for Hallingdal.',
      )
      .waitFor();
    // No e-mail was queued by this press, and the page no longer says there was.
    expect(await page.getByText('e-poster er ikke sendt').count()).toBe(0);

    await page.getByRole('link', { name: 'Indre Østfold regionråd: 1 bidrag drøftet' }).click();
    await page.waitForURL(`**/bidrag#bidrag-${contributionId}`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 })
      .toBe(`bidrag-${contributionId}`);
  });

  it('shows a department editor the comment that mentions them, landing on the contribution', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await signIn(page, editor);
    await page.getByRole('heading', { level: 2, name: 'Du er nevnt i kommentarer (1)' }).waitFor();
    await page.getByText('Kan Samferdsel se på rutetidene?').waitFor();
    await page
      .getByRole('heading', { level: 2, name: /^Kommentarer på bidragene fra Samferdsel \(0\)$/ })
      .waitFor();
    expect(await page.getByRole('heading', { name: /venter på enighet/ }).count()).toBe(0);
    await expectAccessible(page, 'the department editor inbox');
    await shots(page, 'inbox-department');
    await page.getByRole('link', { name: '«Ny pendlerbuss» (Indre Østfold regionråd)' }).click();
    await page.waitForURL(`**/bidrag#bidrag-${contributionId}`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 })
      .toBe(`bidrag-${contributionId}`);
  });
});
