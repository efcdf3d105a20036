import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { descriptionOf, minimalPdf, send, settled, signOut } from './support/journey.js';

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

type Body = { id: string; name: string; municipalityId: string | null };
type Adoption = {
  inForce: boolean;
  rows: { municipalityId: string; municipalityName: string; councilId: string | null }[];
  divergences: { id: string; resolution: string | null }[];
};
type Treatment = { id: string; version: number };

const change = 'Kommunestyret ber om at tiltaket om bredbånd i grendene prioriteres.';

describe.skipIf(!chromiumPath)('adoption of an agreement in the browser', () => {
  let j: Journey;
  let agreementId = '';
  let rows: Adoption['rows'] = [];
  let changed = '';
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  /** Opens the agreement's Vedtak tab from its page. */
  async function openTab(page: Page) {
    await page.goto(`/avtaler/${agreementId}`);
    await page
      .getByRole('navigation', { name: 'Avtalen' })
      .getByRole('link', { name: 'Vedtak', exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Vedtak om avtalen' }).waitFor();
  }

  it('shows the admin an agreement the executive board has approved, waiting for the councils', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    // Indre Østfold's agreement is ready (see the political journey): the bodies are made, the executive
    // board meets, the agreement goes into a case and the board adopts it, all through the API.
    await send(page, baseUrl, 'POST', '/api/v1/bodies/sync');
    const cycles = await send<{ items: { id: string; status: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/cycles',
    );
    const cycle = cycles.items.find((c) => c.status === 'active') ?? cycles.items[0];
    const plan = await send<{ agreements: { agreementId: string; regionName: string; ready: boolean }[] }>(
      page,
      baseUrl,
      'GET',
      `/api/v1/cycles/${cycle?.id}/batch-plan`,
    );
    const ready = plan.agreements.find((a) => a.ready && a.regionName === 'Indre Østfold regionråd');
    if (!ready) throw new Error('Indre Østfold is not ready');
    agreementId = ready.agreementId;
    const boards = await send<{ items: Body[] }>(page, baseUrl, 'GET', '/api/v1/bodies?kind=executive_board');
    const board = boards.items[0];
    if (!board) throw new Error('no executive board');
    const meeting = await send<{ id: string }>(page, baseUrl, 'POST', `/api/v1/bodies/${board.id}/meetings`, {
      date: osloDay(-30),
    });
    const made = await send<{ id: string; treatments: Treatment[] }>(page, baseUrl, 'POST', '/api/v1/cases', {
      cycleId: cycle?.id,
      agreementIds: [agreementId],
      meetingId: meeting.id,
    });
    const treatment = made.treatments[0];
    await send(page, baseUrl, 'POST', `/api/v1/cases/${made.id}/treatments/${treatment?.id}/decision`, {
      outcome: 'adopted',
      decisionText: 'Fylkesrådet godkjenner partnerskapsavtalen med Indre Østfold regionråd.',
      decidedOn: osloDay(-30),
      version: treatment?.version,
    });
    const adoption = await send<Adoption>(page, baseUrl, 'GET', `/api/v1/agreements/${agreementId}/adoption`);
    rows = adoption.rows;
    expect(rows.length).toBeGreaterThan(1);
    // The first council has a meeting in its plan, for the region contact to choose.
    await send(page, baseUrl, 'POST', `/api/v1/bodies/${rows[0]?.councilId}/meetings`, {
      date: osloDay(-10),
      place: 'Rådhuset',
    });

    await openTab(page);
    const status = page.getByRole('heading', { level: 3, name: 'Avtalen er ikke i kraft ennå' });
    await status.waitFor();
    await page.getByText(/^Kommunestyrene i .* har ikke vedtatt avtalen\.$/).waitFor();
    // The board's treatment, with its case.
    await page.getByRole('link', { name: 'Åpne saken til fylkesrådet' }).waitFor();
    await page.getByText(`0 av ${rows.length} kommunestyrer har vedtatt avtalen.`).waitFor();
    await page
      .getByText('Verken fylkesrådet eller noe kommunestyre har vedtatt endringer i avtalen.')
      .waitFor();
    await expectAccessible(page, 'the Vedtak tab before the councils');
    await signOut(page);
  }, 240_000);

  it('lets the region contact record every council’s decision, one with a change', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await signIn(page, regionContact);
    await openTab(page);
    const table = page.getByRole('table', { name: 'Vedtak i kommunestyrene' });
    await table.waitFor();
    // A region contact does not read the county's cases.
    expect(await page.getByRole('link', { name: 'Åpne saken til fylkesrådet' }).count()).toBe(0);
    await expectAccessible(page, 'the Vedtak tab of a region contact');

    const [first, ...rest] = rows;
    if (!first) throw new Error('no rows');
    changed = first.municipalityName;

    // The first council adopts it with a change, in the meeting from its plan.
    await table.getByRole('button', { name: `Registrer vedtak for ${first.municipalityName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vedtak i kommunestyret i ${first.municipalityName}` });
    await settled(dialog);
    await expectAccessible(page, 'the record decision dialog');
    const meeting = dialog.getByLabel(/^Møte i kommunestyret/);
    await meeting.selectOption({ label: `${formatLong(osloDay(-10))}, Rådhuset` });
    // Choosing the meeting fills in its day.
    expect(await dialog.getByLabel('Vedtaksdato').inputValue()).toBe(osloDay(-10));
    await dialog.getByLabel(/^Saksnummer/).fill('45/26');
    await dialog.getByLabel(/^Lenke til protokollen/).fill('ftp://einnsyn.no/sak');
    // Leaving the field checks it.
    await page.keyboard.press('Tab');
    await dialog.getByText('Skriv en gyldig nettadresse som begynner med https://.').waitFor();
    await dialog.getByRole('radio', { name: 'Vedtatt med endringer' }).check();
    await dialog.getByRole('button', { name: 'Lagre vedtaket' }).click();
    // The link and the missing change are named on their fields, and what was typed stays.
    const changedText = dialog.getByLabel('Endringen kommunestyret vedtok');
    await dialog.getByText('Skriv hva utvalget endret.').waitFor();
    expect(await descriptionOf(changedText)).toContain('Skriv hva utvalget endret.');
    expect(await descriptionOf(dialog.getByLabel(/^Lenke til protokollen/))).toContain(
      'Skriv en gyldig nettadresse som begynner med https://.',
    );
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
    await firstRow
      .getByRole('link', {
        name: `Protokoll fra kommunestyret i ${first.municipalityName} (åpnes i ny fane)`,
      })
      .waitFor();

    // The council's protocol is attached to its decision: a text file named .pdf is refused on the field.
    await firstRow
      .getByRole('button', { name: `Legg ved protokollen fra kommunestyret i ${first.municipalityName}` })
      .click();
    const protocolDialog = page.getByRole('dialog', {
      name: `Protokoll fra kommunestyret i ${first.municipalityName}`,
    });
    await settled(protocolDialog);
    await expectAccessible(page, 'the protocol dialog');
    const file = protocolDialog.getByLabel('Protokollen som fil');
    await protocolDialog.getByRole('button', { name: 'Legg ved', exact: true }).click();
    await protocolDialog.getByText('Velg en fil først.').waitFor();
    await file.setInputFiles({
      name: 'protokoll.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Dette er bare tekst.'),
    });
    await protocolDialog.getByRole('button', { name: 'Legg ved', exact: true }).click();
    await protocolDialog
      .getByText('protokoll.pdf: Filen må være en PDF eller et Word-dokument', { exact: false })
      .waitFor();
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the protocol dialog with a refused file');
    await file.setInputFiles({
      name: 'Saksprotokoll 45-26.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf,
    });
    await protocolDialog.getByRole('button', { name: 'Legg ved', exact: true }).click();
    await protocolDialog.waitFor({ state: 'hidden' });
    await page
      .getByText(`Protokollen for ${first.municipalityName} er lagt ved (Saksprotokoll 45-26.pdf).`)
      .waitFor();
    const protocolLink = firstRow.getByRole('link', {
      name: new RegExp(
        `^Last ned protokollen fra kommunestyret i ${first.municipalityName}: Saksprotokoll 45-26\\.pdf`,
      ),
    });
    expect(await protocolLink.getAttribute('href')).toBe(
      `/api/v1/agreements/${agreementId}/adoption/${first.municipalityId}/protocol`,
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
      await d.getByLabel('Vedtaksdato').fill(osloDay(-5));
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

  it('lets the admin take the change into a new special part version, and the agreement is in force', async () => {
    const { page, baseUrl } = j;
    await j.context.clearCookies();
    await signIn(page, admin);
    await openTab(page);
    const card = page.getByRole('article', { name: `Endring fra kommunestyret i ${changed}` });
    await card.getByText('Ikke løst', { exact: true }).waitFor();

    // The change is written into a new version of the special part, which the parties agree (the special
    // part journey's subject, done here through the API).
    const part = await send<{ currentVersionId: string }>(
      page,
      baseUrl,
      'GET',
      `/api/v1/agreements/${agreementId}/special-part`,
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
      {
        version: sent.version,
      },
    );

    await card.getByRole('button', { name: `Løs endringen fra kommunestyret i ${changed}` }).click();
    const dialog = page.getByRole('dialog', { name: `Løs endringen fra kommunestyret i ${changed}` });
    await settled(dialog);
    await dialog.getByText(change).waitFor();
    // Nothing chosen: the form says so.
    await dialog.getByRole('button', { name: 'Løs endringen' }).click();
    await dialog.getByText('Velg hvordan endringen løses.').waitFor();
    await expectAccessible(page, 'the resolve dialog with an error');
    await dialog.getByRole('radio', { name: 'Send avtalen tilbake til forhandling' }).check();
    await dialog.getByText('Dette kan ikke angres.', { exact: false }).waitFor();
    await dialog.getByRole('radio', { name: /^Den er tatt inn i en ny versjon/ }).check();
    const version = dialog.getByLabel('Versjonen med endringen');
    await dialog.getByRole('button', { name: 'Løs endringen' }).click();
    await dialog.getByText('Velg den nye versjonen som tar inn endringen.').waitFor();
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
    const adoption = await send<Adoption>(page, baseUrl, 'GET', `/api/v1/agreements/${agreementId}/adoption`);
    expect(adoption.inForce).toBe(true);
    await expectAccessible(page, 'the Vedtak tab with the agreement in force');
    await shoot(page, 'adoption-admin');
  }, 240_000);
});

/** "10. mars 2026": a date as the meeting choice shows it. */
function formatLong(iso: string): string {
  return new Intl.DateTimeFormat('nb-NO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}
