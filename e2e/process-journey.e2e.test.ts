import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { cycleWithAgreements, mainNav, send, settled, signOut } from './support/journey.js';

/**
 * The county's process for one region, end to end: the coordinator plans the collaboration meeting with
 * Indre Østfold, holds it, writes the minutes with an action, the region comments, the minutes are approved;
 * the collaboration milestone completes itself, the region's phase moves on in Fremdrift and in
 * Regionoversikt, and the action waits on its owner's start page.
 *
 * The demo's Indre Østfold held its collaboration meeting long ago (its agreement has been in force since
 * 2021), so the journey runs in a cycle of its own, made through the API: the
 * region ready with a wanted subject area, the county's internal meetings, Samferdsel's proposal and
 * bilateral meeting, the final
 * meeting and the special part agreed are all there, and the collaboration meeting is the one thing
 * missing. Everything the journey is about happens in the browser.
 */

const admin = 'admin@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';
const indre = 'Indre Østfold regionråd';
const cycleName = 'Partnerskapsavtaler 2045–2048';
const title = 'Samhandlingsmøte med Indre Østfold om næring';
const action = 'Samferdsel utreder bedre busstilbud mellom Mysen og Askim.';
const collaborationMilestone = 'Første samhandlingsmøte med regionrådet';

/** A calendar day in Oslo, some days from today, as the date field takes it. */
const osloDay = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** Confirms the dialog that a state button opened (scanned while open), and waits for the page's notice. */
async function confirmMove(page: Page, button: string, dialogTitle: string, notice: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await settled(dialog);
  await expectAccessible(page, `the dialog «${dialogTitle}»`);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(notice).waitFor();
}

/** Opens Indre Østfold's agreement from the list, then its Fremdrift tab. */
async function openProgress(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Avtaler' }).click();
  await page
    .getByRole('table', { name: `Avtaler i ${cycleName}` })
    .getByRole('link', { name: indre })
    .click();
  await page.getByRole('navigation', { name: 'Avtalen' }).getByRole('link', { name: 'Fremdrift' }).click();
  await page.getByRole('heading', { level: 2, name: 'Fremdrift' }).waitFor();
}

const phase = (page: Page) => page.getByRole('region', { name: 'Fase' });
const milestone = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });

type Department = { id: string; name: string; active?: boolean };

/**
 * Indre Østfold's agreement in a cycle of its own, with all of the process done except the collaboration
 * meeting: the way an agreement stands when the collaboration meeting is the last thing missing.
 */
async function agreementAwaitingCollaboration(page: Page, baseUrl: string) {
  const { cycleId, indre: agreementId } = await cycleWithAgreements(page, baseUrl, {
    cycle: { name: cycleName, periodFrom: '2045-01-01', periodTo: '2048-12-31', status: 'active' },
    approval: { date: '2044-10-20', caseNumber: '45/44' },
    regions: { indre },
  });
  const departments = await send<{ items: Department[] }>(page, baseUrl, 'GET', '/api/v1/departments');
  const samferdsel = departments.items.find((d) => d.name === 'Samferdsel');
  if (!samferdsel) throw new Error('no Samferdsel in the demo');
  const areas = await send<{ id: string }[] | { items: { id: string }[] }>(
    page,
    baseUrl,
    'GET',
    `/api/v1/cycles/${cycleId}/subject-areas`,
  );
  const area = (Array.isArray(areas) ? areas : areas.items)[0];
  if (!area) throw new Error('the cycle has no subject areas');
  await send(page, baseUrl, 'POST', `/api/v1/agreements/${agreementId}/contributions`, {
    subjectAreaId: area.id,
    kind: 'measure',
    owner: { type: 'department', departmentId: samferdsel.id },
    title: 'Trafikksikre skoleveier langs fv. 115',
  });
  await send(page, baseUrl, 'PUT', `/api/v1/agreements/${agreementId}/subject-areas/${area.id}`, {
    justification: 'Tryggere skoleveier er regionens første ønske.',
  });
  const agreement = await send<{ version: number }>(
    page,
    baseUrl,
    'GET',
    `/api/v1/agreements/${agreementId}`,
  );
  await send(page, baseUrl, 'PUT', `/api/v1/agreements/${agreementId}/region-ready`, {
    ready: true,
    note: 'Regionrådet vedtok oppstart.',
    version: agreement.version,
  });
  const held = (days: number) => ({
    startsAt: `${osloDay(days)}T09:00:00+01:00`,
    endsAt: `${osloDay(days)}T11:00:00+01:00`,
  });
  const register = (meeting: Record<string, unknown>) =>
    send(page, baseUrl, 'POST', '/api/v1/meetings/registered-afterwards', { cycleId, ...meeting });
  await register({ type: 'kickoff', title: 'Oppstartsmøte', ...held(-60) });
  await register({ type: 'internal_summary', title: 'Oppsummeringsmøte', ...held(-30) });
  await register({
    type: 'bilateral',
    title: 'Bilateralt møte om skoleveiene',
    ownerDepartmentId: samferdsel.id,
    agreementIds: [agreementId],
    ...held(-20),
  });
  await register({ type: 'final', title: 'Fellesmøte', agreementIds: [agreementId], ...held(-10) });
  const draft = await send<{ id: string; version: number }>(
    page,
    baseUrl,
    'POST',
    `/api/v1/agreements/${agreementId}/special-part`,
  );
  const sent = await send<{ version: number }>(
    page,
    baseUrl,
    'POST',
    `/api/v1/special-part-versions/${draft.id}/send`,
    { version: draft.version },
  );
  await send(page, baseUrl, 'POST', `/api/v1/special-part-versions/${draft.id}/agree`, {
    version: sent.version,
  });
  return departments.items.filter((d) => d.active !== false).map((d) => d.name);
}

describe.skipIf(!chromiumPath)('the process with one region, from planning to the overview', () => {
  let j: Journey;
  let meetingUrl: string;
  let departments: string[];
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  it('shows the collaboration milestone open, the one thing keeping Indre Østfold in the joint work', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    departments = await agreementAwaitingCollaboration(page, baseUrl);
    expect(departments.length).toBeGreaterThan(2);
    await page.reload();
    await openProgress(page);
    await phase(page).getByText('Felles arbeid', { exact: true }).waitFor();
    const collaboration = milestone(page, collaborationMilestone);
    await collaboration.getByText('Ikke startet', { exact: true }).waitFor();
    await collaboration.getByText('Fullføres av seg selv når samhandlingsmøtet er holdt.').waitFor();
    await expectAccessible(page, 'Fremdrift before the collaboration meeting');
  }, 240_000);

  it('plans the collaboration meeting with every department and two from the region, and warns when a department is missing', async () => {
    const { page } = j;
    await mainNav(page).getByRole('link', { name: 'Møter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
    await page.getByRole('table', { name: `Møter i ${cycleName}` }).waitFor();
    await expectAccessible(page, 'the meetings list of the cycle');

    await page.getByRole('button', { name: 'Planlegg et møte' }).click();
    const plan = page.getByRole('dialog', { name: 'Planlegg et møte' });
    await settled(plan);
    await plan.getByLabel('Type møte').selectOption({ label: 'Samhandlingsmøte' });
    await plan.getByLabel('Tittel').fill(title);
    await plan.getByLabel('Dato').fill(osloDay(-1));
    await plan.getByLabel('Fra klokken').fill('10:00');
    await plan.getByLabel('Til klokken').fill('12:30');
    await plan.getByLabel(/^Sted/).fill('Mysen, kompetansesenteret');
    await plan.getByRole('checkbox', { name: indre }).check();
    await expectAccessible(page, 'the plan dialog, filled in');
    await plan.getByRole('button', { name: 'Planlegg møtet' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(`Møtet «${title}» er planlagt.`).waitFor();
    meetingUrl = new URL(page.url()).pathname;

    // One from each of the county's departments, by name, and two from the region: its contact from the
    // registry and the regional council's leader by name.
    await page.getByRole('button', { name: 'Endre deltakere' }).click();
    const people = page.getByRole('dialog', { name: 'Deltakere' });
    await settled(people);
    for (const [index, department] of departments.entries()) {
      await people.getByRole('button', { name: 'Legg til en deltaker med navn' }).click();
      const row = people.getByRole('group', { name: new RegExp(`^Deltaker ${index + 1}:`) });
      await row.getByLabel('Navn', { exact: true }).fill(`Rådgiver ${department}`);
      await row.getByLabel('Organisasjon').fill('Viken fylkeskommune');
      await row.getByLabel('Side').selectOption({ label: 'Fylkeskommunen' });
      await row.getByLabel(/^Rådsområde/).selectOption({ label: department });
    }
    await people.getByLabel('Søk etter navn').fill('Indre Østfold');
    await people
      .getByLabel('Person', { exact: true })
      .selectOption({ label: `Kontaktperson ${indre} (demo) (${indre})` });
    await people.getByRole('button', { name: 'Legg til personen' }).click();
    await people
      .getByRole('group', { name: `Deltaker ${departments.length + 1}: Kontaktperson ${indre} (demo)` })
      .getByLabel('Side')
      .selectOption({ label: 'Regionen' });
    await people.getByRole('button', { name: 'Legg til en deltaker med navn' }).click();
    const leader = people.getByRole('group', { name: new RegExp(`^Deltaker ${departments.length + 2}:`) });
    await leader.getByLabel('Navn', { exact: true }).fill('Leder av regionrådet');
    await leader.getByLabel('Organisasjon').fill(indre);
    await leader.getByLabel('Side').selectOption({ label: 'Regionen' });
    await expectAccessible(page, 'the participants dialog with every department');
    await people.getByRole('button', { name: 'Lagre deltakerne' }).click();
    await people.waitFor({ state: 'hidden' });
    await page.getByText('Deltakerne er lagret.').waitFor();
    await page.getByRole('table', { name: `Deltakere (${departments.length + 2})` }).waitFor();
    const representation = page.getByRole('region', { name: 'Representasjon' });
    await representation.waitFor();
    expect(await representation.getByText(/har bidrag for regionen, men ingen deltaker/).count()).toBe(0);
    await expectAccessible(page, 'the planned meeting with its participants');

    // Samferdsel's person cannot come: the page warns, for Samferdsel has proposed for the region.
    await page.getByRole('button', { name: 'Endre deltakere' }).click();
    await settled(people);
    await people.getByRole('button', { name: 'Fjern Rådgiver Samferdsel' }).click();
    await people.getByRole('button', { name: 'Lagre deltakerne' }).click();
    await people.waitFor({ state: 'hidden' });
    const warning = representation.getByText(
      'Avdelingen Samferdsel har bidrag for regionen, men ingen deltaker på møtet.',
    );
    await warning.waitFor();
    await expectAccessible(page, 'the meeting with a representation warning');

    // So the coordinator finds someone else from Samferdsel, and the warning goes.
    await page.getByRole('button', { name: 'Endre deltakere' }).click();
    await settled(people);
    await people.getByRole('button', { name: 'Legg til en deltaker med navn' }).click();
    const stand = people.getByRole('group', { name: new RegExp(`^Deltaker ${departments.length + 2}:`) });
    await stand.getByLabel('Navn', { exact: true }).fill('Seniorrådgiver Samferdsel');
    await stand.getByLabel('Organisasjon').fill('Viken fylkeskommune');
    await stand.getByLabel('Side').selectOption({ label: 'Fylkeskommunen' });
    await stand.getByLabel(/^Rådsområde/).selectOption({ label: 'Samferdsel' });
    await people.getByRole('button', { name: 'Lagre deltakerne' }).click();
    await people.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: `Deltakere (${departments.length + 2})` }).waitFor();
    await warning.waitFor({ state: 'detached' });
  }, 240_000);

  it('downloads the meeting for a calendar: its UID, and 10:00 in Oslo', async () => {
    const { page } = j;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), 'utf8')));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    const meetingId = meetingUrl.split('/').at(-1);
    expect(event.uid).toBe(`${meetingId}@partnerskap`);
    expect(event.summary).toBe(title);
    const oslo = (date: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Oslo',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(date);
    expect(oslo(event.startDate.toJSDate())).toBe(`${osloDay(-1)} 10:00`);
    expect(oslo(event.endDate.toJSDate())).toBe(`${osloDay(-1)} 12:30`);
  });

  it('marks it held with minutes and an action, and sends the minutes for comment', async () => {
    const { page } = j;
    await confirmMove(
      page,
      'Marker som holdt',
      `Marker «${title}» som holdt?`,
      `«${title}» er markert som holdt.`,
    );
    const minutes = page.getByRole('textbox', { name: 'Referatet' });
    await minutes.click();
    await page.keyboard.type(
      'Regionen prioriterer næring og kollektivtrafikk. Partene ble enige om neste steg.',
    );
    await page.getByRole('button', { name: 'Lagre referatet' }).click();
    await page.getByText('Referatet er lagret.').waitFor();

    await page.getByRole('button', { name: 'Nytt utfall' }).click();
    const outcome = page.getByRole('dialog', { name: 'Nytt utfall' });
    await settled(outcome);
    await outcome.getByLabel('Type').selectOption({ label: 'Oppgave' });
    await outcome.getByLabel('Hva ble sagt, vedtatt eller skal gjøres').fill(action);
    await outcome.getByLabel('Ansvarlig').selectOption({ label: 'Et rådsområde' });
    await outcome.getByLabel('Rådsområde', { exact: true }).selectOption({ label: 'Samferdsel' });
    await outcome.getByLabel('Frist').fill(osloDay(21));
    await expectAccessible(page, 'the outcome dialog with an action');
    await outcome.getByRole('button', { name: 'Legg til utfallet' }).click();
    await outcome.waitFor({ state: 'hidden' });
    await page
      .getByRole('article', { name: action })
      .getByText('Ansvarlig: Samferdsel.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'the held meeting with minutes and an action');

    await confirmMove(
      page,
      'Send referatet til kommentar',
      `Sende referatet fra «${title}» til kommentar?`,
      `Referatet fra «${title}» er sendt til kommentar.`,
    );
    await signOut(page);
  }, 240_000);

  it('lets the region contact comment on the minutes, and the coordinator approve them', async () => {
    const { page } = j;
    await signIn(page, regionContact);
    await page.goto(meetingUrl);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page
      .getByLabel('Din kommentar til referatet')
      .fill('Skriv gjerne at Marker kommune ønsker å være med.');
    await page.getByRole('button', { name: 'Send kommentaren' }).click();
    await page.getByText('Kommentaren er sendt.').waitFor();
    await expectAccessible(page, 'the minutes out for comment, as the region contact');
    await signOut(page);

    await signIn(page, admin);
    await page.goto(meetingUrl);
    await page.getByText('Skriv gjerne at Marker kommune ønsker å være med.').waitFor();
    await confirmMove(
      page,
      'Godkjenn referatet',
      `Godkjenne referatet fra «${title}»?`,
      `Referatet fra «${title}» er godkjent.`,
    );
    await page.getByText('Referat godkjent', { exact: true }).first().waitFor();
    await expectAccessible(page, 'the meeting with approved minutes');
  }, 240_000);

  it('completes the collaboration milestone from the meeting, and Indre Østfold moves on to the next phase', async () => {
    const { page } = j;
    await openProgress(page);
    await phase(page).getByText('Klar til politisk behandling', { exact: true }).waitFor();
    const collaboration = milestone(page, collaborationMilestone);
    await collaboration.getByText('Fullført', { exact: true }).waitFor();
    await collaboration.getByText(/^Fullført av seg selv .*: samhandlingsmøtet er holdt\.$/).waitFor();
    await collaboration.getByRole('link', { name: `Møte: ${title}` }).waitFor();
    await expectAccessible(page, 'Fremdrift after the collaboration meeting');

    await mainNav(page).getByRole('link', { name: 'Regionoversikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionoversikt' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: indre }) });
    await row.getByRole('cell', { name: 'Klar til politisk behandling', exact: true }).waitFor();
    const timeline = page.getByRole('img', { name: 'Tidslinje over milepælene for 1 region' });
    await timeline.locator('svg').waitFor();
    await expect.poll(() => timeline.locator('svg text', { hasText: 'Indre Østfold' }).count()).toBe(1);
    const caption = await timeline.getAttribute('aria-describedby');
    expect(await page.locator(`caption[id="${caption}"]`).textContent()).toContain(cycleName);
    await expectAccessible(page, 'Regionoversikt with Indre Østfold ready for political processing');
    await signOut(page);
  }, 240_000);

  it("puts the action on its owner's start page", async () => {
    const { page } = j;
    await signIn(page, departmentEditor);
    await page.getByRole('heading', { level: 2, name: /^Oppgaver? fra møter/ }).waitFor();
    await page.getByText(action).waitFor();
    await page.getByRole('link', { name: `Fra «${title}»` }).waitFor();
    await expectAccessible(page, "Samferdsel's start page with the action");
  }, 240_000);
});
