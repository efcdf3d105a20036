import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, squash } from '../src/server/documents/testing/read-document.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import {
  descriptionOf,
  download,
  mainNav,
  minimalPdf,
  readyForPoliticalProcessing,
  send,
  settled,
  signOut,
} from './support/journey.js';

/**
 * The political processing as one story, in one database: the coordinator batches two ready agreements
 * (Hadeland's and Mosseregionen's) into a case for the executive board, edits a decision point, reads the
 * edit back from the case's DOCX, records the board's approval and makes the county council's case; the
 * contact of Hadeland records its two councils' decisions, one with a change; the coordinator takes the
 * change into a new special part version; the agreement is in force on the agreement's Vedtak tab and on the
 * overview, and a visitor who is not signed in reads it on the public pages. Axe on every page and dialog.
 *
 * The demo's own political processing (Indre Østfold in force, a second batch approved, demo-political.ts)
 * leaves no agreement ready, so the journey ends the joint work of Hadeland and Mosseregionen through the
 * API first (final meeting held, special part agreed): the joint work is the other journeys' subject.
 */

const admin = 'admin@demo.partnerskap.no';
const hadelandContact = 'hadeland@demo.partnerskap.no';
const hadeland = 'Regionrådet for Hadeland';
const moss = 'Mosseregionen interkommunale politiske råd';
const editedPoint =
  'Fylkesrådet godkjenner partnerskapsavtalene med Hadeland og Mosseregionen for 2021–2024.';
const change = 'Kommunestyret ber om at tiltaket om bredbånd i grendene prioriteres.';

/** A calendar day in Oslo, some days from today, as the date field takes it. */
const osloDay = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** "10. mars 2026": a date as the meeting choice shows it. */
const formatLong = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));

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
type Adoption = {
  inForce: boolean;
  rows: { municipalityId: string; municipalityName: string; councilId: string | null }[];
};

describe.skipIf(!chromiumPath)('the political processing, from two ready agreements to one in force', () => {
  let j: Journey;
  let cycleId = '';
  let hadelandId = '';
  let caseUrl = '';
  let rows: Adoption['rows'] = [];
  let changed = '';
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  /** Opens Hadeland's agreement and its Vedtak tab. */
  async function openVedtak(page: Page) {
    await page.goto(`/avtaler/${hadelandId}`);
    await page
      .getByRole('navigation', { name: 'Avtalen' })
      .getByRole('link', { name: 'Vedtak', exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Vedtak om avtalen' }).waitFor();
  }

  it('lets the admin put two ready agreements into one case for the executive board', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    const cycles = await send<{ items: { id: string; status: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/cycles',
    );
    cycleId = (cycles.items.find((c) => c.status === 'active') ?? cycles.items[0])?.id ?? '';
    const before = await send<Plan>(page, baseUrl, 'GET', `/api/v1/cycles/${cycleId}/batch-plan`);
    expect(before.agreements.filter((a) => a.ready)).toEqual([]);
    const idOf = (region: string) =>
      before.agreements.find((a) => a.regionName === region)?.agreementId ?? '';
    hadelandId = idOf(hadeland);
    await readyForPoliticalProcessing(page, baseUrl, cycleId, [hadelandId, idOf(moss)]);
    // The executive board's next meeting, its deadline for case documents ahead.
    const boards = await send<{ items: { id: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/bodies?kind=executive_board',
    );
    await send(page, baseUrl, 'POST', `/api/v1/bodies/${boards.items[0]?.id}/meetings`, {
      date: osloDay(30),
      documentsDue: osloDay(10),
      place: 'Fylkeshuset',
    });

    await mainNav(page).getByRole('link', { name: 'Politisk behandling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saker til politisk behandling' }).waitFor();
    // The demo's four cases of 2021 are there already.
    await page.getByText('Viser 4 saker').waitFor();
    const meeting = page.getByLabel('Møte i fylkesrådet');
    expect(await meeting.locator('option:checked').textContent()).toMatch(
      /– frist for saksframlegg .* \(10 dager igjen\)$/,
    );
    // The regions that are not ready say what they lack.
    const waiting = page.getByRole('list', { name: /^Ikke klare ennå/ });
    const hallingdal = waiting.getByRole('listitem').filter({ hasText: 'Hallingdal' }).first();
    await hallingdal.getByText('Ikke klar', { exact: true }).waitFor();
    await hallingdal
      .getByText(/er ikke (holdt|avtalt|godkjent)\.$/)
      .first()
      .waitFor();
    // Nothing chosen: the form says so on the field.
    await page.getByRole('button', { name: 'Lag sak' }).click();
    await page.getByText('Velg minst én avtale.').last().waitFor();
    await expectAccessible(page, 'the batch planner with two ready agreements');
    await shoot(page, 'cases-page');

    await page.getByRole('checkbox', { name: hadeland }).check();
    await page.getByRole('checkbox', { name: moss }).check();
    await page.getByRole('button', { name: 'Lag sak' }).click();
    await page.getByText(/^Saken «.*» er laget\./).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Saksframlegget' }).waitFor();
    caseUrl = new URL(page.url()).pathname;
    expect(caseUrl).toMatch(/^\/politisk\/saker\//);
    const during = await send<Plan>(page, baseUrl, 'GET', `/api/v1/cycles/${cycleId}/batch-plan`);
    expect(during.agreements.filter((a) => a.ready)).toEqual([]);
    await page.getByText('Fylt ut av malen', { exact: true }).first().waitFor();
    // The attachments in the case document's order: the two agreements, then the input summaries of the
    // demo's two hearings of 2020 on version 1, from which the approved version 2 was written.
    const attachments = page.getByRole('region', { name: 'Vedlegg' }).getByRole('listitem');
    await expect
      .poll(() => attachments.allTextContents())
      .toEqual([
        expect.stringContaining(`Partnerskapsavtale med ${moss}, generell og spesiell del`),
        expect.stringContaining(`Partnerskapsavtale med ${hadeland}, generell og spesiell del`),
        expect.stringMatching(/^Innspillsoppsummering – uformell høring av generell del, versjon 1 \(frist /),
        expect.stringMatching(/^Innspillsoppsummering – formell høring av generell del, versjon 1 \(frist /),
      ]);
    await expectAccessible(page, 'the new case with two agreements');
    const summary = await download(page, 'DOCX – Innspillsoppsummering – formell høring');
    expect(summary.filename).toBe('Innspillsoppsummering Formell høring generell del v1.docx');
    expect(squash(readDocx(summary.content).body)).toContain(hadeland);
  }, 240_000);

  it('edits a decision point and numbers the case; the DOCX carries the edited point', async () => {
    const { page } = j;
    const first = page.getByLabel('Punkt 1', { exact: true });
    expect(await descriptionOf(first)).toContain('Fylt ut av malen');
    await first.fill(editedPoint);
    expect(await descriptionOf(first)).not.toContain('Fylt ut av malen');
    // A point is added and moved up from the keyboard; the focus follows it.
    await page.getByRole('button', { name: 'Legg til punkt' }).click();
    const points = await page.getByRole('list', { name: 'Forslag til vedtak' }).getByRole('listitem').count();
    const last = page.getByLabel(`Punkt ${points}`, { exact: true });
    await expect.poll(() => last.evaluate((el) => el === document.activeElement)).toBe(true);
    await last.fill('Avtalene gjelder fra vedtaket.');
    await page.getByRole('button', { name: `Flytt punkt ${points} opp` }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByLabel(`Punkt ${points - 1}`, { exact: true }).inputValue())
      .toBe('Avtalene gjelder fra vedtaket.');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Flytt punkt ${points - 1} opp`);
    await page.getByLabel(/^Arkivsaksnummer/).fill('2026/88');
    await page.getByRole('button', { name: 'Lagre saken' }).click();
    await page.getByText('Saken er lagret.').waitFor();
    await page.getByText('2026/88', { exact: true }).waitFor();

    // The executive board's case number, in the treatments table; a wrong form is named on its field.
    await page.getByRole('button', { name: 'Endre behandlingen i Fylkesrådet' }).click();
    const treatment = page.getByRole('dialog', { name: 'Behandling i Fylkesrådet' });
    await settled(treatment);
    await treatment.getByLabel(/^Utvalgssaksnummer/).fill('52');
    await treatment.getByRole('button', { name: 'Lagre' }).click();
    await treatment
      .getByText('Skriv utvalgssaksnummeret som nummer/år, for eksempel 123/20.')
      .last()
      .waitFor();
    await expectAccessible(page, 'the treatment dialog with an error');
    await treatment.getByLabel(/^Utvalgssaksnummer/).fill('52/26');
    await treatment.getByRole('button', { name: 'Lagre' }).click();
    await treatment.waitFor({ state: 'hidden' });
    await page.getByText('Behandlingen i Fylkesrådet er lagret.').waitFor();
    await expectAccessible(page, 'the edited case');

    const docx = await download(page, 'Last ned DOCX');
    expect(docx.filename).toMatch(/\.docx$/);
    const text = squash(readDocx(docx.content).body);
    // The edited point first under the proposed decision, the board's number in the header table.
    const proposal = text.indexOf('Fylkesrådens forslag til vedtak/innstilling');
    expect(proposal).toBeGreaterThan(-1);
    expect(text.indexOf(editedPoint)).toBeGreaterThan(proposal);
    expect(text.indexOf('Avtalene gjelder fra vedtaket.')).toBeGreaterThan(text.indexOf(editedPoint));
    expect(text).toMatch(/Behandlet av Møtedato Utvalgssaksnr\. Fylkesrådet \d{2}\.\d{2}\.\d{4} 52\/26/);
    expect(text).toContain(hadeland);
    expect(text).toContain(moss);
    // After the two agreements, the two hearings' input summaries, each an appendix of its own.
    const informal = text.indexOf(
      'Vedlegg 3: Innspillsoppsummering – uformell høring av generell del, versjon 1',
    );
    expect(informal).toBeGreaterThan(text.indexOf('Vedlegg 2: Partnerskapsavtale med'));
    expect(
      text.indexOf('Vedlegg 4: Innspillsoppsummering – formell høring av generell del, versjon 1'),
    ).toBeGreaterThan(informal);
  }, 240_000);

  it('records the executive board’s approval and makes the county council’s case', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Registrer vedtak i Fylkesrådet' }).click();
    const decision = page.getByRole('dialog', { name: 'Vedtak i Fylkesrådet' });
    await settled(decision);
    expect(await decision.getByRole('radio', { name: 'Tatt til orientering' }).count()).toBe(0);
    await decision.getByRole('radio', { name: 'Vedtatt', exact: true }).check();
    const text = decision.getByLabel('Vedtakstekst');
    expect(await text.inputValue()).toContain(`1. ${editedPoint}`);
    expect(await decision.getByLabel('Dato for vedtaket').inputValue()).toBe(osloDay(30));
    expect(await decision.getByRole('checkbox', { name: 'Enstemmig vedtak' }).isChecked()).toBe(true);
    await expectAccessible(page, 'the decision dialog');
    await shoot(page, 'decision-dialog');
    // Dated the day before the meeting: the server's refusal lands on the date, and the text stays.
    await decision.getByLabel('Dato for vedtaket').fill(osloDay(29));
    await decision.getByRole('button', { name: 'Registrer vedtak' }).click();
    await decision.getByText('Vedtaket kan ikke være datert før møtet.').last().waitFor();
    expect(await descriptionOf(decision.getByLabel('Dato for vedtaket'))).toContain(
      'Vedtaket kan ikke være datert før møtet.',
    );
    expect(await text.inputValue()).toContain(editedPoint);
    await expectAccessible(page, 'the decision dialog with the server’s error');
    await decision.getByLabel('Dato for vedtaket').fill(osloDay(30));
    await decision.getByRole('button', { name: 'Registrer vedtak' }).click();
    await decision.waitFor({ state: 'hidden' });
    await page.getByText('Vedtaket i Fylkesrådet er registrert.').waitFor();
    const boardRow = page
      .getByRole('table', { name: 'Behandling' })
      .getByRole('row', { name: /Fylkesrådet/ });
    await boardRow.getByText('Vedtatt', { exact: true }).waitFor();
    await boardRow.getByText('enstemmig', { exact: true }).waitFor();
    await boardRow.getByText(/^Registrert av /).waitFor();
    // The decision's own text stands below the table, apart from the recommendation.
    await page.getByRole('heading', { level: 4, name: /^Vedtak i Fylkesrådet / }).waitFor();
    expect(await page.getByRole('button', { name: 'Registrer vedtak i Fylkesrådet' }).count()).toBe(0);
    await expectAccessible(page, 'the case with the board’s approval');
    await shoot(page, 'case-page');

    // Saving the text again after the treatment is not refused as someone else's change.
    await page
      .getByLabel('Tittel', { exact: true })
      .fill('Partnerskapsavtaler med Hadeland og Mosseregionen');
    await page.getByRole('button', { name: 'Lagre saken' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Partnerskapsavtaler med Hadeland og Mosseregionen' })
      .waitFor();

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
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByText('Viser 6 saker').waitFor();
    await signOut(page);
  }, 240_000);

  it('lets the region contact record every council’s decision, one with a change', async () => {
    const { page, baseUrl } = j;
    await j.context.clearCookies();
    await signIn(page, admin);
    const adoption = await send<Adoption>(page, baseUrl, 'GET', `/api/v1/agreements/${hadelandId}/adoption`);
    rows = adoption.rows;
    expect(rows.map((r) => r.municipalityName).sort()).toEqual(['Jevnaker', 'Lunner']);
    await signOut(page);

    await j.context.clearCookies();
    await signIn(page, hadelandContact);
    // The first council's meeting, planned by the region's contact (the demo's plans are of 2021).
    await send(page, baseUrl, 'POST', `/api/v1/bodies/${rows[0]?.councilId}/meetings`, {
      date: osloDay(40),
      place: 'Kommunestyresalen',
    });
    await openVedtak(page);
    await page.getByRole('heading', { level: 3, name: 'Avtalen er ikke i kraft ennå' }).waitFor();
    await page.getByText(/^Kommunestyrene i .* har ikke vedtatt avtalen\.$/).waitFor();
    await page.getByText(`0 av ${rows.length} kommunestyrer har vedtatt avtalen.`).waitFor();
    await page
      .getByText('Verken fylkesrådet eller noe kommunestyre har vedtatt endringer i avtalen.')
      .waitFor();
    const table = page.getByRole('table', { name: 'Vedtak i kommunestyrene' });
    await table.waitFor();
    // A region contact does not read the county's cases.
    expect(await page.getByRole('link', { name: 'Åpne saken til fylkesrådet' }).count()).toBe(0);
    await expectAccessible(page, 'the Vedtak tab of the region contact');

    const [first, ...rest] = rows;
    if (!first) throw new Error('no rows');
    changed = first.municipalityName;
    await table.getByRole('button', { name: `Registrer vedtak for ${first.municipalityName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vedtak i kommunestyret i ${first.municipalityName}` });
    await settled(dialog);
    await expectAccessible(page, 'the record decision dialog');
    await dialog.getByLabel(/^Møte i kommunestyret/).selectOption({
      label: `${formatLong(osloDay(40))}, Kommunestyresalen`,
    });
    // Choosing the meeting fills in its day.
    expect(await dialog.getByLabel('Vedtaksdato').inputValue()).toBe(osloDay(40));
    await dialog.getByLabel(/^Saksnummer/).fill('45/26');
    await dialog.getByLabel(/^Lenke til protokollen/).fill('ftp://einnsyn.no/sak');
    await page.keyboard.press('Tab');
    await dialog.getByText('Skriv en gyldig nettadresse som begynner med https://.').last().waitFor();
    await dialog.getByRole('radio', { name: 'Vedtatt med endringer' }).check();
    await dialog.getByRole('button', { name: 'Lagre vedtaket' }).click();
    // The link and the missing change are named on their fields, and what was typed stays.
    const changedText = dialog.getByLabel('Endringen kommunestyret vedtok');
    await dialog.getByText('Skriv hva utvalget endret.').last().waitFor();
    expect(await descriptionOf(changedText)).toContain('Skriv hva utvalget endret.');
    expect(await dialog.getByLabel(/^Saksnummer/).inputValue()).toBe('45/26');
    await expectAccessible(page, 'the record decision dialog with errors');
    await dialog.getByLabel(/^Lenke til protokollen/).fill('https://einnsyn.no/sok?q=partnerskapsavtale');
    await changedText.fill(change);
    await dialog.getByRole('button', { name: 'Lagre vedtaket' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Vedtaket for ${first.municipalityName} er lagret.`).waitFor();
    const firstRow = table.getByRole('row', { name: new RegExp(first.municipalityName) });
    await firstRow.getByText('Vedtatt med endringer').waitFor();
    await firstRow.getByText('Endringen er ikke løst').waitFor();

    // The council's protocol is attached to its decision: a text file named .pdf is refused on the field.
    await firstRow
      .getByRole('button', { name: `Legg ved protokollen fra kommunestyret i ${first.municipalityName}` })
      .click();
    const protocol = page.getByRole('dialog', {
      name: `Protokoll fra kommunestyret i ${first.municipalityName}`,
    });
    await settled(protocol);
    await expectAccessible(page, 'the protocol dialog');
    const file = protocol.getByLabel('Protokollen som fil');
    await file.setInputFiles({
      name: 'protokoll.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Dette er bare tekst.'),
    });
    await protocol.getByRole('button', { name: 'Legg ved', exact: true }).click();
    await protocol
      .getByText('protokoll.pdf: Filen må være en PDF eller et Word-dokument', { exact: false })
      .waitFor();
    await expectAccessible(page, 'the protocol dialog with a refused file');
    await file.setInputFiles({
      name: 'Saksprotokoll 45-26.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf,
    });
    await protocol.getByRole('button', { name: 'Legg ved', exact: true }).click();
    await protocol.waitFor({ state: 'hidden' });
    await page
      .getByText(`Protokollen for ${first.municipalityName} er lagt ved (Saksprotokoll 45-26.pdf).`)
      .waitFor();
    const protocolLink = firstRow.getByRole('link', {
      name: new RegExp(
        `^Last ned protokollen fra kommunestyret i ${first.municipalityName}: Saksprotokoll 45-26\\.pdf`,
      ),
    });
    expect(await protocolLink.getAttribute('href')).toBe(
      `/api/v1/agreements/${hadelandId}/adoption/${first.municipalityId}/protocol`,
    );
    const downloaded = await page.evaluate(
      async (url) => (await fetch(url)).headers.get('content-type'),
      (await protocolLink.getAttribute('href')) as string,
    );
    expect(downloaded).toBe('application/pdf');
    await firstRow
      .getByRole('button', { name: `Bytt protokollen fra kommunestyret i ${first.municipalityName}` })
      .waitFor();

    // The others adopt it as it stands, from the keyboard.
    for (const row of rest) {
      await table.getByRole('button', { name: `Registrer vedtak for ${row.municipalityName}` }).focus();
      await page.keyboard.press('Enter');
      const d = page.getByRole('dialog', { name: `Vedtak i kommunestyret i ${row.municipalityName}` });
      await settled(d);
      await d.getByLabel('Vedtaksdato').fill(osloDay(42));
      await d.getByLabel(/^Saksnummer/).fill('12/26');
      await d.getByRole('radio', { name: 'Vedtatt', exact: true }).check();
      await d.getByRole('button', { name: 'Lagre vedtaket' }).click();
      await d.waitFor({ state: 'hidden' });
      await page.getByText(`Vedtaket for ${row.municipalityName} er lagret.`).waitFor();
    }
    await page.getByText(`${rows.length - 1} av ${rows.length} kommunestyrer har vedtatt avtalen.`).waitFor();
    await page.getByText('1 endring er ikke løst.').waitFor();
    const card = page.getByRole('article', { name: `Endring fra kommunestyret i ${first.municipalityName}` });
    await card.getByText(change).waitFor();
    // Only the coordinator resolves a change.
    expect(await card.getByRole('button', { name: /^Løs/ }).count()).toBe(0);
    await expectAccessible(page, 'the Vedtak tab with the councils’ decisions');
    await shoot(page, 'adoption-region');
    await signOut(page);
  }, 240_000);

  it('lets the admin take the change into a new special part version: the agreement is in force', async () => {
    const { page, baseUrl } = j;
    await j.context.clearCookies();
    await signIn(page, admin);
    // The change written into a new version of the special part, which the parties agree (the special part
    // journey's subject, done here through the API).
    const part = await send<{ currentVersionId: string }>(
      page,
      baseUrl,
      'GET',
      `/api/v1/agreements/${hadelandId}/special-part`,
    );
    const draft = await send<{ id: string; version: number }>(
      page,
      baseUrl,
      'POST',
      `/api/v1/special-part-versions/${part.currentVersionId}/drafts`,
    );
    const sent = await send<{ id: string; version: number }>(
      page,
      baseUrl,
      'POST',
      `/api/v1/special-part-versions/${draft.id}/send`,
      { version: draft.version },
    );
    const agreed = await send<{ number: number }>(
      page,
      baseUrl,
      'POST',
      `/api/v1/special-part-versions/${sent.id}/agree`,
      { version: sent.version },
    );

    await openVedtak(page);
    const card = page.getByRole('article', { name: `Endring fra kommunestyret i ${changed}` });
    await card.getByText('Ikke løst', { exact: true }).waitFor();
    await card.getByRole('button', { name: `Løs endringen fra kommunestyret i ${changed}` }).click();
    const dialog = page.getByRole('dialog', { name: `Løs endringen fra kommunestyret i ${changed}` });
    await settled(dialog);
    await dialog.getByText(change).waitFor();
    await dialog.getByRole('button', { name: 'Løs endringen' }).click();
    await dialog.getByText('Velg hvordan endringen løses.').last().waitFor();
    await expectAccessible(page, 'the resolve dialog with an error');
    await dialog.getByRole('radio', { name: 'Send avtalen tilbake til forhandling' }).check();
    await dialog.getByText('Dette kan ikke angres.', { exact: false }).waitFor();
    await dialog.getByRole('radio', { name: /^Den er tatt inn i en ny versjon/ }).check();
    const version = dialog.getByLabel('Versjonen med endringen');
    await dialog.getByRole('button', { name: 'Løs endringen' }).click();
    await dialog.getByText('Velg den nye versjonen som tar inn endringen.').last().waitFor();
    expect(await descriptionOf(version)).toContain('Velg den nye versjonen som tar inn endringen.');
    await version.selectOption({ index: 1 });
    expect(await version.locator('option:checked').textContent()).toMatch(
      new RegExp(`^Versjon ${agreed.number}, avtalt `),
    );
    await dialog.getByLabel(/^Merknad/).fill('Tatt inn under tiltak for bredbånd.');
    await expectAccessible(page, 'the resolve dialog');
    await dialog.getByRole('button', { name: 'Løs endringen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Endringen er løst.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Avtalen er i kraft' }).waitFor();
    await card
      .getByText(`Tatt inn i versjon ${agreed.number} av den spesielle delen`, { exact: false })
      .waitFor();
    await page.getByText(`${rows.length} av ${rows.length} kommunestyrer har vedtatt avtalen.`).waitFor();
    const adoption = await send<Adoption>(page, baseUrl, 'GET', `/api/v1/agreements/${hadelandId}/adoption`);
    expect(adoption.inForce).toBe(true);
    await expectAccessible(page, 'the Vedtak tab with the agreement in force');
    await shoot(page, 'adoption-admin');

    // On the overview, Hadeland is in force beside the demo's Indre Østfold; Mosseregionen still waits.
    await mainNav(page).getByRole('link', { name: 'Regionoversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionoversikt' }).waitFor();
    const rowOf = (region: string) =>
      page.getByRole('row').filter({ has: page.getByRole('link', { name: region, exact: true }) });
    await rowOf(hadeland).getByRole('cell', { name: 'Gjeldende', exact: true }).waitFor();
    await rowOf('Indre Østfold regionråd').getByRole('cell', { name: 'Gjeldende', exact: true }).waitFor();
    await rowOf(moss).getByRole('cell', { name: 'Politisk behandling', exact: true }).waitFor();
    await expectAccessible(page, 'Regionoversikt with Hadeland in force');
    await signOut(page);
  }, 240_000);

  it('shows the agreement on the public pages to a visitor who is not signed in', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await page.goto('/offentlig');
    await page.getByRole('heading', { level: 1, name: 'Partnerskapsavtalene med regionene' }).waitFor();
    const link = page.getByRole('link', { name: `Partnerskapsavtale med ${hadeland}` });
    await link.waitFor();
    await page.getByRole('link', { name: 'Partnerskapsavtale med Indre Østfold regionråd' }).waitFor();
    expect(await page.getByRole('link', { name: `Partnerskapsavtale med ${moss}` }).count()).toBe(0);
    await expectAccessible(page, 'the public front page with Hadeland');
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Partnerskapsavtale med ${hadeland}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/offentlig/avtaler/${hadelandId}`);
    const record = page.getByRole('table', { name: 'Vedtak i kommunestyrene' });
    await expect.poll(() => record.getByRole('row').count()).toBe(rows.length + 1);
    await record.getByRole('row', { name: new RegExp(changed) }).waitFor();
    await expectAccessible(page, 'Hadeland’s agreement on the public pages');
    // The app itself still asks for sign-in.
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
  }, 240_000);
});
