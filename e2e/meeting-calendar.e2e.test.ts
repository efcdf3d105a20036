import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav, settled } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const title = 'Samhandlingsmøte om representasjon';

describe.skipIf(!chromiumPath)('a collaboration meeting’s representation and calendar in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  it('sets the cycle’s ratio, plans a meeting with every department and two from the region, warns when one department is taken off, downloads the .ics', async () => {
    const { page } = j;
    await signIn(page, admin);

    // The coordinator allows four of the county's people for each of the region's in this cycle.
    await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
    await page.getByRole('button', { name: 'Endre avtalesyklus' }).click();
    const cycleDialog = page.getByRole('dialog', { name: /^Endre / });
    await settled(cycleDialog);
    const ratio = cycleDialog.getByLabel('Forholdstall for representasjon');
    await ratio.fill('25');
    await cycleDialog.getByRole('button', { name: 'Lagre' }).click();
    await cycleDialog.getByText('Skriv et forholdstall fra 1 til 20, i hele eller halve.').last().waitFor();
    await expectAccessible(page, 'the cycle dialog with a ratio refused');
    await ratio.fill('4');
    await cycleDialog.getByRole('button', { name: 'Lagre' }).click();
    await cycleDialog.waitFor({ state: 'hidden' });

    // One person from each of the seven departments and two from the region, planned through the API the
    // page uses (the participants dialog itself is walked in meetings.e2e.test.ts).
    const meetingId = await page.evaluate(
      async ({ title }) => {
        const get = async (url: string) => (await fetch(url)).json();
        const cycles = await get('/api/v1/cycles');
        const cycle = (Array.isArray(cycles) ? cycles : cycles.items).find(
          (c: { status: string }) => c.status === 'active',
        );
        const agreements = await get(`/api/v1/agreements?cycle=${cycle.id}`);
        const agreement = (Array.isArray(agreements) ? agreements : agreements.items).find(
          (a: { region: { name: string } }) => a.region.name.startsWith('Indre Østfold'),
        );
        const departments = await get('/api/v1/departments');
        const list = (Array.isArray(departments) ? departments : departments.items) as {
          id: string;
          name: string;
          active: boolean;
        }[];
        const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
        const res = await fetch('/api/v1/meetings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            cycleId: cycle.id,
            type: 'collaboration',
            title,
            startsAt: `${day}T10:00:00+01:00`,
            endsAt: `${day}T12:00:00+01:00`,
            place: 'Askim rådhus',
            agreementIds: [agreement.id],
            participants: [
              ...list
                .filter((d) => d.active !== false)
                .map((d) => ({
                  name: `Rådgiver ${d.name}`,
                  organisation: d.name,
                  side: 'county',
                  departmentId: d.id,
                })),
              { name: 'Leder regionrådet', organisation: 'Indre Østfold regionråd', side: 'region' },
              { name: 'Daglig leder', organisation: 'Indre Østfold regionråd', side: 'region' },
            ],
          }),
        });
        if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
        return (await res.json()).id as string;
      },
      { title },
    );

    await page.goto(`${j.baseUrl}/moter/${meetingId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const representation = page.getByRole('region', { name: 'Representasjon' });
    await representation.getByText(/Forholdstall for syklusen: 4 : 1/).waitFor();
    expect(await representation.getByText(/har bidrag for regionen, men ingen deltaker/).count()).toBe(0);
    expect(await representation.getByText(/som syklusen setter som grense/).count()).toBe(0);
    await expectAccessible(page, 'the meeting page with its representation, no warning');

    // Samferdsel's person is taken off: the department has contributions for the region.
    await page.getByRole('button', { name: 'Endre deltakere' }).click();
    const people = page.getByRole('dialog', { name: 'Deltakere' });
    await settled(people);
    await people.getByRole('button', { name: 'Fjern Rådgiver Samferdsel' }).click();
    await people.getByRole('button', { name: 'Lagre deltakerne' }).click();
    await people.waitFor({ state: 'hidden' });
    await representation
      .getByText('Avdelingen Samferdsel har bidrag for regionen, men ingen deltaker på møtet.')
      .waitFor();
    await expectAccessible(page, 'the meeting page with a representation warning');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Samhandlingsmøte-om-representasjon.ics');
    const path = await download.path();
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe(`${meetingId}@partnerskap`);
    expect(event.summary).toBe(title);
  });

  it('lets a region contact make a calendar subscription address, see it once, and revoke it', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await signIn(page, 'indre-ostfold@demo.partnerskap.no');
    await page.getByRole('link', { name: 'Kalenderabonnement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kalenderabonnement' }).waitFor();
    await page.getByText('Du har ingen abonnementsadresser.').waitFor();
    await page.getByRole('button', { name: 'Lag ny abonnementsadresse' }).click();
    const address = page.getByRole('textbox', { name: 'Abonnementsadresse' });
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\/[\w-]{43}\.ics$/);
    await expectAccessible(page, 'the calendar subscription page with a new address');

    // The address is what a calendar program fetches, with no session.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: /^Trekk tilbake adressen laget / }).click();
    const confirm = page.getByRole('dialog', { name: 'Trekke tilbake abonnementsadressen?' });
    await settled(confirm);
    await confirm.getByRole('button', { name: 'Trekk tilbake' }).click();
    await page.getByText('Abonnementsadressen er trukket tilbake.').waitFor();
    await page.getByText('Du har ingen abonnementsadresser.').waitFor();
    expect(await address.count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
    await expectAccessible(page, 'the calendar subscription page after revoking');
  });
});
