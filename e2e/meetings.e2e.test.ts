import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav, settled, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';

const title = 'Samhandlingsmøte om skolevei og næring';
const action = 'Samferdsel lager plan for trafikksikre skoleveier langs fv. 115.';

/** A calendar day in Oslo, some days from today, as the date field takes it. */
const osloDay = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** Confirms the dialog that a state button opened, and waits for the page's notice. */
async function confirmMove(page: Page, button: string, dialogTitle: string, notice: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await settled(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(notice).waitFor();
}

describe.skipIf(!chromiumPath)('meetings in the browser', () => {
  let j: Journey;
  let meetingUrl: string;
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  it('lets the admin plan a collaboration meeting for Indre Østfold with participants and an agenda', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Møter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
    await page.getByRole('table', { name: /^Møter i / }).waitFor();
    // The filters live in the address.
    await page.getByLabel('Type').selectOption({ label: 'Oppstartsmøte' });
    await page.waitForURL(/type=kickoff/);
    await page.getByText('Viser 1 møte').waitFor();
    await expectAccessible(page, 'the meetings list filtered by type');
    await page.getByLabel('Type').selectOption({ label: 'Alle typer' });

    await page.getByRole('button', { name: 'Planlegg et møte' }).click();
    const plan = page.getByRole('dialog', { name: 'Planlegg et møte' });
    await settled(plan);
    await plan.getByLabel('Type møte').selectOption({ label: 'Samhandlingsmøte' });
    await plan.getByLabel('Tittel').fill(title);
    await plan.getByLabel('Dato').fill(osloDay(-1));
    await plan.getByLabel('Fra klokken').fill('10:00');
    // An end before the start is named on its field as soon as the form is sent, and what was typed stays.
    await plan.getByLabel('Til klokken').fill('09:00');
    await plan.getByRole('button', { name: 'Planlegg møtet' }).click();
    await plan.getByText('Møtet må slutte etter at det begynner.').last().waitFor();
    await expectAccessible(page, 'the meeting dialog with an error');
    await plan.getByLabel('Til klokken').fill('12:30');
    await plan.getByLabel(/^Sted/).fill('Askim rådhus');
    await plan.getByRole('checkbox', { name: 'Indre Østfold regionråd' }).check();
    await plan.getByRole('button', { name: 'Planlegg møtet' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(`Møtet «${title}» er planlagt.`).waitFor();
    meetingUrl = new URL(page.url()).pathname;
    await page.getByText('Planlagt', { exact: true }).waitFor();

    // Participants: two from the registry, one by name, each with a side.
    await page.getByRole('button', { name: 'Endre deltakere' }).click();
    const people = page.getByRole('dialog', { name: 'Deltakere' });
    await settled(people);
    await people.getByLabel('Søk etter navn').fill('Samferdsel');
    await people
      .getByLabel('Person', { exact: true })
      .selectOption({ label: 'Redaktør Samferdsel (demo) (Viken fylkeskommune)' });
    await people.getByRole('button', { name: 'Legg til personen' }).click();
    const editor = people.getByRole('group', { name: 'Deltaker 1: Redaktør Samferdsel (demo)' });
    await editor.getByLabel('Side').selectOption({ label: 'Fylkeskommunen' });
    await editor.getByLabel(/^Rådsområde/).selectOption({ label: 'Samferdsel' });
    await people.getByLabel('Søk etter navn').fill('Indre Østfold');
    await people
      .getByLabel('Person', { exact: true })
      .selectOption({ label: 'Kontaktperson Indre Østfold regionråd (demo) (Indre Østfold regionråd)' });
    await people.getByRole('button', { name: 'Legg til personen' }).click();
    await people
      .getByRole('group', { name: 'Deltaker 2: Kontaktperson Indre Østfold regionråd (demo)' })
      .getByLabel('Side')
      .selectOption({ label: 'Regionen' });
    await people.getByRole('button', { name: 'Legg til en deltaker med navn' }).click();
    const mayor = people.getByRole('group', { name: /^Deltaker 3:/ });
    await mayor.getByLabel('Navn', { exact: true }).fill('Ordfører i Marker');
    await mayor.getByLabel('Organisasjon').fill('Marker kommune');
    await people.getByRole('button', { name: 'Lagre deltakerne' }).click();
    // A side is required: the form says so on the row's field.
    await mayor.getByText('Velg hvilken side deltakeren kommer fra.').last().waitFor();
    await expectAccessible(page, 'the participants dialog with an error');
    await mayor.getByLabel('Side').selectOption({ label: 'Kommune' });
    await people.getByRole('button', { name: 'Lagre deltakerne' }).click();
    await people.waitFor({ state: 'hidden' });
    await page.getByText('Deltakerne er lagret.').waitFor();
    const participants = page.getByRole('table', { name: 'Deltakere (3)' });
    await participants
      .getByRole('row', { name: /Ordfører i Marker Marker kommune Kommune Invitert/ })
      .waitFor();

    // The agenda, reordered from the keyboard.
    await page.getByLabel('Punkt', { exact: true }).fill('Fylkeskommunen legger fram forslagene');
    await page.getByLabel('Minutter').fill('45');
    await page.getByRole('button', { name: 'Legg til punktet' }).click();
    await page.getByText('«Fylkeskommunen legger fram forslagene» er lagt til på dagsordenen.').waitFor();
    await page.getByLabel('Punkt', { exact: true }).fill('Regionen legger fram sine ønsker');
    await page.getByLabel('Minutter').fill('40');
    await page.getByRole('button', { name: 'Legg til punktet' }).click();
    await page.getByText('Til sammen 1 t 25 min.').waitFor();
    await page.getByRole('button', { name: 'Flytt «Regionen legger fram sine ønsker» opp' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('.meetings-agenda-title')].map((e) => e.textContent);
      return titles[0] === 'Regionen legger fram sine ønsker';
    });
    await expectAccessible(page, 'a planned meeting with participants and an agenda');
    await signOut(page);
  }, 240_000);

  it('lets the region contact propose an agenda item, which the admin accepts', async () => {
    const { page } = j;
    await signIn(page, regionContact);
    await page.goto('/moter');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByRole('button', { name: 'Marker som holdt' }).count()).toBe(0);
    await page.getByLabel('Punkt', { exact: true }).fill('Trafikksikre skoleveier');
    await page.getByLabel('Minutter').fill('20');
    await page.getByRole('button', { name: 'Foreslå punktet' }).click();
    await page.getByText('«Trafikksikre skoleveier» er foreslått.').waitFor();
    await page.getByText('Foreslått av Kontaktperson Indre Østfold regionråd (demo)').waitFor();
    await expectAccessible(page, 'the meeting as the region contact, with a proposal');
    await signOut(page);

    await signIn(page, admin);
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: 'Godta «Trafikksikre skoleveier» på dagsordenen' }).click();
    await page.getByText('«Trafikksikre skoleveier» står nå på dagsordenen.').waitFor();
    expect(await page.getByText(/^Foreslått av/).count()).toBe(0);
  }, 240_000);

  it('lets the admin mark it held, write minutes with an action and send them for comment', async () => {
    const { page } = j;
    await confirmMove(
      page,
      'Marker som holdt',
      `Marker «${title}» som holdt?`,
      `«${title}» er markert som holdt.`,
    );
    await page.getByText('Holdt', { exact: true }).waitFor();
    const minutes = page.getByRole('textbox', { name: 'Referatet' });
    await minutes.click();
    await page.keyboard.type('Regionen la fram sine ønsker. Partene ble enige om å prioritere skoleveiene.');
    await page.getByRole('button', { name: 'Lagre referatet' }).click();
    await page.getByText('Referatet er lagret.').waitFor();

    await page.getByRole('button', { name: 'Nytt utfall' }).click();
    const outcome = page.getByRole('dialog', { name: 'Nytt utfall' });
    await settled(outcome);
    await outcome.getByLabel('Type').selectOption({ label: 'Oppgave' });
    await outcome.getByLabel('Hva ble sagt, vedtatt eller skal gjøres').fill(action);
    // An action without an owner or a due date is refused on those fields.
    await outcome.getByRole('button', { name: 'Legg til utfallet' }).click();
    await outcome.getByText('En oppgave må ha en ansvarlig: en person eller et rådsområde.').last().waitFor();
    await outcome.getByText('En oppgave må ha en frist.').last().waitFor();
    await expectAccessible(page, 'the outcome dialog with errors');
    await outcome.getByLabel('Ansvarlig').selectOption({ label: 'Et rådsområde' });
    await outcome.getByLabel('Rådsområde', { exact: true }).selectOption({ label: 'Samferdsel' });
    await outcome.getByLabel('Frist').fill(osloDay(14));
    await outcome.getByRole('button', { name: 'Legg til utfallet' }).click();
    await outcome.waitFor({ state: 'hidden' });
    await page.getByText('Utfallet er lagt til.').waitFor();
    await page
      .getByRole('article', { name: action })
      .getByText('Ansvarlig: Samferdsel.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'a held meeting with minutes and an action');

    await confirmMove(
      page,
      'Send referatet til kommentar',
      `Sende referatet fra «${title}» til kommentar?`,
      `Referatet fra «${title}» er sendt til kommentar.`,
    );
    await page.getByText('Referat til kommentar', { exact: true }).first().waitFor();
    await signOut(page);
  }, 240_000);

  it('lets the region contact comment on the minutes, and the admin approve them', async () => {
    const { page } = j;
    await signIn(page, regionContact);
    await page.goto(meetingUrl);
    await page.getByText('Partene ble enige om å prioritere skoleveiene.', { exact: false }).waitFor();
    await page
      .getByLabel('Din kommentar til referatet')
      .fill('Skriv gjerne at Marker kommune var representert.');
    await page.getByRole('button', { name: 'Send kommentaren' }).click();
    await page.getByText('Kommentaren er sendt.').waitFor();
    await page
      .getByRole('article', { name: 'Kommentar fra Kontaktperson Indre Østfold regionråd (demo)' })
      .waitFor();
    await expectAccessible(page, 'minutes out for comment, as the region contact');
    await signOut(page);

    await signIn(page, admin);
    await page.goto(meetingUrl);
    await page.getByText('Skriv gjerne at Marker kommune var representert.').waitFor();
    await confirmMove(
      page,
      'Godkjenn referatet',
      `Godkjenne referatet fra «${title}»?`,
      `Referatet fra «${title}» er godkjent.`,
    );
    await page.getByText('Referat godkjent', { exact: true }).first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Referatet' }).count()).toBe(0);
    await expectAccessible(page, 'a meeting with approved minutes');
    await signOut(page);
  }, 240_000);

  it("shows the action on its owner's start page, and the meeting on the agreement's Møter tab", async () => {
    const { page } = j;
    await signIn(page, departmentEditor);
    const actions = page.getByRole('heading', { level: 2, name: /^Oppgaver? fra møter/ });
    await actions.waitFor();
    await page.getByText(action).waitFor();
    await page.getByRole('link', { name: `Fra «${title}»` }).waitFor();
    await expectAccessible(page, 'the start page with an action from a meeting');
    await page.getByRole('link', { name: `Fra «${title}»` }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('link', { name: 'Indre Østfold regionråd' }).click();
    await page
      .getByRole('navigation', { name: 'Avtalen' })
      .getByRole('link', { name: 'Møter', exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Møter om avtalen' }).waitFor();
    await page
      .getByRole('table', { name: 'Møter om avtalen med Indre Østfold regionråd' })
      .getByRole('link', { name: title })
      .waitFor();
    await expectAccessible(page, "the agreement's meetings tab");
  }, 240_000);

  it('shows a long list of meetings a hundred at a time, saying there are more, with «Vis flere»', async () => {
    const { page } = j;
    await signOut(page);
    await signIn(page, admin);
    // A busy cycle: 110 more follow-up meetings, planned through the API the page uses.
    const total = await page.evaluate(async () => {
      const cycles = (await (await fetch('/api/v1/cycles')).json()).items as { id: string; status: string }[];
      const cycle = cycles.find((c) => c.status === 'active');
      if (!cycle) throw new Error('no active cycle');
      for (let i = 0; i < 110; i += 1) {
        const day = new Date(Date.UTC(2026, 0, 5) + i * 86_400_000).toISOString().slice(0, 10);
        const res = await fetch('/api/v1/meetings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            cycleId: cycle.id,
            type: 'follow_up',
            title: `Oppfølging ${String(i + 1).padStart(3, '0')}`,
            startsAt: `${day}T08:00:00Z`,
            endsAt: `${day}T09:00:00Z`,
          }),
        });
        if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
      }
      const all = await (await fetch(`/api/v1/meetings?cycle=${cycle.id}&limit=500`)).json();
      return all.items.length as number;
    });
    expect(total).toBeGreaterThan(110);

    await page.goto('/moter');
    const table = page.getByRole('table', { name: /^Møter i / });
    await table.waitFor();
    await page
      .getByRole('status')
      .filter({
        hasText: 'Viser 100 møter. Det finnes flere møter. Trykk «Vis flere» nederst for å hente dem.',
      })
      .waitFor();
    expect(await table.locator('tbody tr').count()).toBe(100);
    await expectAccessible(page, 'the first page of a long list of meetings');

    await page.getByRole('button', { name: 'Vis flere' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Viser ${total} møter` })
      .waitFor();
    expect(await table.locator('tbody tr').count()).toBe(total);
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
    expect(await page.getByText('Det finnes flere møter.', { exact: false }).count()).toBe(0);
    await expectAccessible(page, 'the whole list of meetings');
  }, 240_000);
});
