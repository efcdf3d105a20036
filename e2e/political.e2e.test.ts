import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { descriptionOf, mainNav, settled } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';

/** A calendar day in Oslo, some days from today, as the date field takes it. */
const osloDay = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/**
 * The political bodies and their meeting plans: the admin keeps the county's, a region contact its
 * municipalities' councils'. The cases, decisions and adoption are the whole story's subject
 * (political-journey.e2e.test.ts).
 */
describe.skipIf(!chromiumPath)('political processing in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  it('shows the admin the demo’s bodies, finds none missing in the registry, and plans a board meeting with a deadline', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Politisk behandling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saker til politisk behandling' }).waitFor();
    await page.getByRole('link', { name: 'Utvalg og møteplaner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utvalg og møteplaner' }).waitFor();
    // The demo made the bodies from the registry; making them again finds them all there.
    await page.getByRole('table', { name: 'Fylkesrådet' }).waitFor();
    await page.getByRole('table', { name: 'Kommunestyrer' }).waitFor();
    await expectAccessible(page, 'the bodies page');
    await page.getByRole('button', { name: 'Opprett utvalg fra registeret' }).click();
    await page.getByText('Alle utvalgene i registeret finnes allerede.').waitFor();

    await page.getByRole('table', { name: 'Fylkesrådet' }).getByRole('link', { name: 'Fylkesrådet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fylkesrådet' }).waitFor();
    // The plan's public feed, to copy into a calendar program.
    const feed = page.getByLabel('Adresse til møteplanen som kalender');
    expect(await feed.inputValue()).toMatch(/\/api\/v1\/bodies\/[^/]+\/calendar\.ics$/);
    // The demo's meetings of 2021, with their deadlines.
    await page
      .getByRole('table', { name: 'Møteplan' })
      .getByRole('row', { name: /19\.08\.2021|19\. august 2021/ })
      .waitFor();
    await expectAccessible(page, 'the executive board with the demo’s plan');

    await page.getByRole('button', { name: 'Legg til møte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til møte for Fylkesrådet' });
    await settled(dialog);
    await dialog.getByLabel('Dato for møtet').fill(osloDay(40));
    // A deadline after the meeting is named on its own field, and what was typed stays.
    await dialog.getByLabel(/^Frist for saksframlegg/).fill(osloDay(45));
    await dialog.getByRole('button', { name: 'Legg til møte' }).click();
    await dialog.getByText('Fristen for saksframlegg kan ikke være etter møtet.').last().waitFor();
    expect(await descriptionOf(dialog.getByLabel(/^Frist for saksframlegg/))).toContain(
      'Fristen for saksframlegg kan ikke være etter møtet.',
    );
    await expectAccessible(page, 'the meeting dialog with an error');
    await dialog.getByLabel(/^Frist for saksframlegg/).fill(osloDay(20));
    await dialog.getByLabel(/^Sted/).fill('Fylkeshuset');
    await dialog.getByRole('button', { name: 'Legg til møte' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Møtet .* er lagt til i møteplanen\.$/).waitFor();
    const plan = page.getByRole('table', { name: 'Møteplan' });
    await plan
      .getByRole('row', { name: /Fylkeshuset/ })
      .getByText('20 dager igjen', { exact: false })
      .waitFor();
    await expectAccessible(page, 'the executive board with its plan');
  });

  it('lets a region contact plan a council meeting for one of its municipalities', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await signIn(page, regionContact);
    await mainNav(page).getByRole('link', { name: 'Politisk behandling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utvalg og møteplaner' }).waitFor();
    // The region's own councils only, and no cases.
    await page.getByRole('table', { name: 'Regionråd' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('table', { name: 'Fylkesrådet' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Saker', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'the bodies page of a region contact');

    await page.getByRole('link', { name: 'Kommunestyret i Marker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunestyret i Marker' }).waitFor();
    await page.getByRole('button', { name: 'Legg til møte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til møte for Kommunestyret i Marker' });
    await settled(dialog);
    // A municipal council has no deadline for case documents.
    expect(await dialog.getByLabel(/^Frist for saksframlegg/).count()).toBe(0);
    await dialog.getByLabel('Dato for møtet').fill(osloDay(60));
    await dialog.getByLabel(/^Sted/).fill('Marker rådhus, kommunestyresalen');
    await dialog.getByRole('button', { name: 'Legg til møte' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Møtet .* er lagt til i møteplanen\.$/).waitFor();

    // The same day again: the server's refusal lands on the date field.
    await page.getByRole('button', { name: 'Legg til møte' }).click();
    const again = page.getByRole('dialog', { name: 'Legg til møte for Kommunestyret i Marker' });
    await settled(again);
    await again.getByLabel('Dato for møtet').fill(osloDay(60));
    await again.getByRole('button', { name: 'Legg til møte' }).click();
    await again.getByText('Utvalget har allerede et møte denne dagen.').last().waitFor();
    expect(await descriptionOf(again.getByLabel('Dato for møtet'))).toContain(
      'Utvalget har allerede et møte denne dagen.',
    );
    await expectAccessible(page, 'the council meeting dialog with the server’s error');
    await again.getByRole('button', { name: 'Avbryt' }).click();
    // What was typed is not thrown away without asking.
    await again.getByRole('button', { name: 'Forkast endringene' }).click();
    await again.waitFor({ state: 'hidden' });
    await page
      .getByRole('table', { name: 'Møteplan' })
      .getByRole('row', { name: /Marker rådhus, kommunestyresalen/ })
      .waitFor();
    await expectAccessible(page, 'a municipal council with its plan');
  });
});
