import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { descriptionOf, download, mainNav, send, settled, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';

/** A calendar day in Oslo, some days from today, as the date field takes it. */
const osloDay = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** With SCREENSHOTS=<dir>, the page at a desktop's and a phone's width, for a person to look at. */
const shots = process.env.SCREENSHOTS;
async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

type Plan = { agreements: { agreementId: string; regionName: string; ready: boolean }[] };

describe.skipIf(!chromiumPath)('political processing in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  it('lets the admin make the bodies from the registry and plan an executive board meeting with a deadline', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Politisk behandling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saker til politisk behandling' }).waitFor();
    await page.getByRole('link', { name: 'Utvalg og møteplaner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utvalg og møteplaner' }).waitFor();
    await page.getByText('Det er ingen politiske utvalg ennå.', { exact: false }).waitFor();
    await expectAccessible(page, 'the bodies page without bodies');

    await page.getByRole('button', { name: 'Opprett utvalg fra registeret' }).click();
    await page.getByText(/utvalg er opprettet fra registeret\.$/).waitFor();
    await page.getByRole('table', { name: 'Fylkesrådet' }).waitFor();
    await page.getByRole('table', { name: 'Kommunestyrer' }).waitFor();
    await expectAccessible(page, 'the bodies page');

    await page.getByRole('table', { name: 'Fylkesrådet' }).getByRole('link', { name: 'Fylkesrådet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fylkesrådet' }).waitFor();
    // The plan's public feed, to copy into a calendar program.
    const feed = page.getByLabel('Adresse til møteplanen som kalender');
    expect(await feed.inputValue()).toMatch(/\/api\/v1\/bodies\/[^/]+\/calendar\.ics$/);
    await expectAccessible(page, 'the executive board without meetings');

    await page.getByRole('button', { name: 'Legg til møte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til møte for Fylkesrådet' });
    await settled(dialog);
    await dialog.getByLabel('Dato for møtet').fill(osloDay(40));
    // A deadline after the meeting is named on its own field, and what was typed stays.
    await dialog.getByLabel(/^Frist for saksframlegg/).fill(osloDay(45));
    await dialog.getByRole('button', { name: 'Legg til møte' }).click();
    await dialog.getByText('Fristen for saksframlegg kan ikke være etter møtet.').waitFor();
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

  it('shows the agreements that are not ready with their reasons, makes a case of a ready one and edits it', async () => {
    const { page, baseUrl } = j;
    const cycles = await send<{ items: { id: string; status: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/cycles',
    );
    const cycle = cycles.items.find((c) => c.status === 'active') ?? cycles.items[0];
    const before = await send<Plan>(page, baseUrl, 'GET', `/api/v1/cycles/${cycle?.id}/batch-plan`);
    // The demo's Indre Østfold has held its final meeting and agreed its special part under an approved
    // general part: ready. Every other region still lacks something.
    const ready = before.agreements.filter((a) => a.ready).map((a) => a.regionName);
    expect(ready).toEqual(['Indre Østfold regionråd']);

    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Saker til politisk behandling' }).waitFor();
    await page.getByText('Det er ingen saker i denne syklusen ennå.').waitFor();
    const waiting = page.getByRole('list', { name: /^Ikke klare ennå/ });
    const hallingdal = waiting.getByRole('listitem').filter({ hasText: 'Hallingdal' }).first();
    await hallingdal.getByText('Ikke klar', { exact: true }).waitFor();
    await hallingdal
      .getByText(/er ikke (holdt|avtalt|godkjent)\.$/)
      .first()
      .waitFor();
    const meeting = page.getByLabel('Møte i fylkesrådet');
    expect(await meeting.locator('option:checked').textContent()).toMatch(
      /– frist for saksframlegg .* \(20 dager igjen\)$/,
    );
    // Nothing chosen: the form says so on the field.
    await page.getByRole('button', { name: 'Lag sak' }).click();
    await page.getByText('Velg minst én avtale.').waitFor();
    await expectAccessible(page, 'the cases page with the batch planner');
    await shoot(page, 'cases-page');

    await page.getByRole('checkbox', { name: 'Indre Østfold regionråd' }).check();
    await page.getByRole('button', { name: 'Lag sak' }).click();
    await page.getByText(/^Saken «.*» er laget\./).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Saksframlegget' }).waitFor();
    const caseUrl = new URL(page.url()).pathname;
    expect(caseUrl).toMatch(/^\/politisk\/saker\//);
    // While the board has not decided, the agreement is in an open case and not offered again.
    const during = await send<Plan>(page, baseUrl, 'GET', `/api/v1/cycles/${cycle?.id}/batch-plan`);
    expect(during.agreements.find((a) => a.regionName === 'Indre Østfold regionråd')?.ready).toBe(false);
    await page.getByText('Fylt ut av malen', { exact: true }).first().waitFor();
    await expectAccessible(page, 'the new case');

    // The first decision point, written by the template until it is edited.
    const first = page.getByLabel('Punkt 1', { exact: true });
    expect(await descriptionOf(first)).toContain('Fylt ut av malen');
    await first.fill('Fylkesrådet godkjenner partnerskapsavtalen med Indre Østfold.');
    expect(await descriptionOf(first)).not.toContain('Fylt ut av malen');
    // A point is added and moved up from the keyboard; the focus follows it.
    await page.getByRole('button', { name: 'Legg til punkt' }).click();
    const points = await page.getByRole('list', { name: 'Forslag til vedtak' }).getByRole('listitem').count();
    const last = page.getByLabel(`Punkt ${points}`, { exact: true });
    await expect.poll(() => last.evaluate((el) => el === document.activeElement)).toBe(true);
    await last.fill('Avtalen gjelder fra vedtaket.');
    await page.getByRole('button', { name: `Flytt punkt ${points} opp` }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel(`Punkt ${points - 1}`, { exact: true }).inputValue())
      .toBe('Avtalen gjelder fra vedtaket.');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Flytt punkt ${points - 1} opp`);
    await page.getByLabel(/^Arkivsaksnummer/).fill('2026/77');
    await page.getByRole('button', { name: 'Lagre saken' }).click();
    await page.getByText('Saken er lagret.').waitFor();
    await page.getByText('2026/77', { exact: true }).waitFor();

    // The executive board's case number, in the treatments table.
    await page.getByRole('button', { name: 'Endre behandlingen i Fylkesrådet' }).click();
    const treatment = page.getByRole('dialog', { name: 'Behandling i Fylkesrådet' });
    await settled(treatment);
    await treatment.getByLabel(/^Utvalgssaksnummer/).fill('45');
    await treatment.getByRole('button', { name: 'Lagre' }).click();
    await treatment.getByText('Skriv utvalgssaksnummeret som nummer/år, for eksempel 123/20.').waitFor();
    await expectAccessible(page, 'the treatment dialog with an error');
    await treatment.getByLabel(/^Utvalgssaksnummer/).fill('45/26');
    await treatment.getByRole('button', { name: 'Lagre' }).click();
    await treatment.waitFor({ state: 'hidden' });
    await page.getByText('Behandlingen i Fylkesrådet er lagret.').waitFor();
    await page.getByRole('table', { name: 'Behandling' }).getByRole('cell', { name: '45/26' }).waitFor();

    // The executive board's decision: adopted, unanimously, with the proposed points as its text.
    await page.getByRole('button', { name: 'Registrer vedtak i Fylkesrådet' }).click();
    const decision = page.getByRole('dialog', { name: 'Vedtak i Fylkesrådet' });
    await settled(decision);
    // A board that decides is not offered "taken for information".
    expect(await decision.getByRole('radio', { name: 'Tatt til orientering' }).count()).toBe(0);
    await decision.getByRole('radio', { name: 'Vedtatt', exact: true }).check();
    const text = decision.getByLabel('Vedtakstekst');
    expect(await text.inputValue()).toMatch(
      /^1\. Fylkesrådet godkjenner partnerskapsavtalen med Indre Østfold\.\n2\. /,
    );
    expect(await decision.getByLabel('Dato for vedtaket').inputValue()).toBe(osloDay(40));
    expect(await decision.getByRole('checkbox', { name: 'Enstemmig vedtak' }).isChecked()).toBe(true);
    await expectAccessible(page, 'the decision dialog');
    await shoot(page, 'decision-dialog');
    // Dated the day before the meeting: the server's refusal lands on the date, and the text stays.
    await decision.getByLabel('Dato for vedtaket').fill(osloDay(39));
    await decision.getByRole('button', { name: 'Registrer vedtak' }).click();
    await decision.getByText('Vedtaket kan ikke være datert før møtet.').waitFor();
    expect(await descriptionOf(decision.getByLabel('Dato for vedtaket'))).toContain(
      'Vedtaket kan ikke være datert før møtet.',
    );
    expect(await text.inputValue()).toMatch(/^1\. Fylkesrådet godkjenner/);
    await expectAccessible(page, 'the decision dialog with the server’s error');
    await decision.getByLabel('Dato for vedtaket').fill(osloDay(40));
    await decision.getByRole('button', { name: 'Registrer vedtak' }).click();
    await decision.waitFor({ state: 'hidden' });
    await page.getByText('Vedtaket i Fylkesrådet er registrert.').waitFor();
    const boardRow = page
      .getByRole('table', { name: 'Behandling' })
      .getByRole('row', { name: /Fylkesrådet/ });
    await boardRow.getByText('Vedtatt', { exact: true }).waitFor();
    await boardRow.getByText('enstemmig', { exact: true }).waitFor();
    await boardRow.getByText(/^Registrert av /).waitFor();
    // Decided: no second decision is offered. The decision's own text stands below the table.
    expect(await page.getByRole('button', { name: 'Registrer vedtak i Fylkesrådet' }).count()).toBe(0);
    await page.getByRole('heading', { level: 4, name: /^Vedtak i Fylkesrådet / }).waitFor();
    await expectAccessible(page, 'the case with the board’s decision');

    // Saving the text again after the treatment is not refused as someone else's change.
    await page.getByLabel('Tittel', { exact: true }).fill('Partnerskapsavtale med Indre Østfold');
    await page.getByRole('button', { name: 'Lagre saken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnerskapsavtale med Indre Østfold' }).waitFor();
    await expectAccessible(page, 'the saved case');
    await shoot(page, 'case-page');

    const docx = await download(page, 'Last ned DOCX');
    expect(docx.filename).toMatch(/\.docx$/);
    expect(docx.content.subarray(0, 2).toString('latin1')).toBe('PK');

    // The county council's case, for information, made from the board's.
    await page.getByRole('button', { name: 'Lag sak til fylkestinget' }).click();
    const council = page.getByRole('dialog', { name: 'Lage sak til fylkestinget?' });
    await settled(council);
    await expectAccessible(page, 'the county council case dialog');
    await council.getByRole('button', { name: 'Lag sak til fylkestinget' }).click();
    await council.waitFor({ state: 'hidden' });
    await page.getByText('Saken til fylkestinget er laget.').waitFor();
    await page.getByRole('link', { name: 'Åpne saken til fylkestinget' }).click();
    await page.getByRole('link', { name: 'Saken til fylkesrådet' }).waitFor();
    await page
      .getByRole('table', { name: 'Behandling' })
      .getByRole('cell', { name: 'Til orientering' })
      .waitFor();
    await expectAccessible(page, 'the county council case');

    // Both cases in the list, with their treatments.
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByText('Viser 2 saker').waitFor();
    await expectAccessible(page, 'the cases page with two cases');
    await signOut(page);
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
    await dialog.getByLabel(/^Sted/).fill('Marker rådhus');
    await dialog.getByRole('button', { name: 'Legg til møte' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Møtet .* er lagt til i møteplanen\.$/).waitFor();

    // The same day again: the server's refusal lands on the date field.
    await page.getByRole('button', { name: 'Legg til møte' }).click();
    const again = page.getByRole('dialog', { name: 'Legg til møte for Kommunestyret i Marker' });
    await settled(again);
    await again.getByLabel('Dato for møtet').fill(osloDay(60));
    await again.getByRole('button', { name: 'Legg til møte' }).click();
    await again.getByText('Utvalget har allerede et møte denne dagen.').waitFor();
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
      .getByRole('row', { name: /Marker rådhus/ })
      .waitFor();
    await expectAccessible(page, 'a municipal council with its plan');
  });
});
