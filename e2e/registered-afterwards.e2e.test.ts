import { request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  demoPassword,
  expectAccessible,
  type Journey,
  signIn,
  startJourney,
} from './support/browser.js';
import { mainNav, send, settled } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const cycleName = 'Partnerskapsavtaler 2033–2036';

/** The coordinator makes a cycle and writes its first draft's five required sections through the API. */
async function cycleWithDraft(baseUrl: string) {
  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: baseUrl } });
  try {
    const ok = async <T>(
      response: Promise<{ ok(): boolean; status(): number; json(): Promise<unknown> }>,
    ) => {
      const r = await response;
      expect(r.ok(), `status ${r.status()}`).toBe(true);
      return (await r.json()) as T;
    };
    await ok(api.post('/api/v1/auth/login', { data: { email: admin, password: demoPassword } }));
    const cycle = await ok<{ id: string }>(
      api.post('/api/v1/cycles', {
        data: { name: cycleName, periodFrom: '2033-01-01', periodTo: '2036-12-31', status: 'active' },
      }),
    );
    const part = await ok<{ draftVersionId: string }>(api.get(`/api/v1/cycles/${cycle.id}/general-part`));
    const draft = await ok<{ id: string; version: number; sections: { key: string; title: string }[] }>(
      api.get(`/api/v1/general-part-versions/${part.draftVersionId}`),
    );
    await ok(
      api.put(`/api/v1/general-part-versions/${draft.id}/sections`, {
        data: {
          version: draft.version,
          sections: draft.sections.map((s) => ({
            key: s.key,
            title: s.title,
            body: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: `${s.title} i avtalen.` }] }],
            },
          })),
        },
      }),
    );
  } finally {
    await api.dispose();
  }
}

describe.skipIf(!chromiumPath)('bringing an ongoing process in, in the browser', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
    await cycleWithDraft(j.baseUrl);
  }, 300_000);
  afterAll(async () => j?.close());

  it('lets the coordinator register a hearing that took place in 2020, with no e-mail, marked registered afterwards', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Høringer' }).click();
    await page.getByRole('heading', { name: `Høringer i ${cycleName}` }).waitFor();
    await page.getByRole('link', { name: 'Send på høring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Send generell del på høring' }).waitFor();

    await page.getByRole('checkbox', { name: 'Høringen er allerede gjennomført' }).check();
    await page.getByLabel('Sendt på høring').fill('2020-08-17');
    await page.getByRole('radio', { name: 'Uformell høring', exact: true }).check();
    await page.getByLabel('Frist for innspill').fill('2020-09-15');
    await page.getByLabel('Frist for innspill').blur();
    expect(await page.getByLabel('Frist for innspill').getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Velg alle' }).click();
    await page
      .getByLabel('Følgebrev')
      .fill('Fylkeskommunen sendte generell del på uformell høring i august 2020.');
    await expectAccessible(page, 'the form registering a past hearing');

    await page.getByRole('button', { name: 'Registrer høringen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Registrere høringen av versjon 1?' });
    await settled(confirm);
    expect(await confirm.textContent()).toContain('17.08.2020 med frist 15.09.2020');
    expect(await confirm.textContent()).toContain('Ingen får e-post.');
    await expectAccessible(page, 'the confirmation before registering');
    await confirm.getByRole('button', { name: 'Registrer høringen' }).click();

    await page
      .getByText(/Høringen av versjon 1 er registrert i etterkant, med \d+ inviterte regioner\./)
      .waitFor();
    await page.getByText(/^Registrert i etterkant av .+, /).waitFor();
    await page.getByText('Lukket', { exact: true }).first().waitFor();
    // A hearing closed years ago shows its deadline's date, not a count of the days since.
    await page.getByText('15.09.2020 (Lukket ved fristen)').waitFor();
    expect(await page.getByText(/dager siden/).count()).toBe(0);
    await expectAccessible(page, 'the hearing registered afterwards');
  });
});

describe.skipIf(!chromiumPath)('registering while a hearing is open, and a meeting already held', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
    await cycleWithDraft(j.baseUrl);
  }, 300_000);
  afterAll(async () => j?.close());

  it('lets the coordinator register a past hearing while another hearing of the cycle is open', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    // The draft goes on hearing now, through the API (opening one in the browser is the hearings journey's).
    const cycles = await send<{ items: { id: string; name: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/cycles',
    );
    const cycle = cycles.items.find((c) => c.name === cycleName);
    if (!cycle) throw new Error('no cycle');
    const part = await send<{ draftVersionId: string }>(
      page,
      baseUrl,
      'GET',
      `/api/v1/cycles/${cycle.id}/general-part`,
    );
    const regions = await send<{ items: { id: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/api/v1/regions?limit=500',
    );
    const inDays = (days: number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
        new Date(Date.now() + days * 86_400_000),
      );
    await send(page, baseUrl, 'POST', '/api/v1/hearings', {
      cycleId: cycle.id,
      versionId: part.draftVersionId,
      kind: 'formal',
      deadline: inDays(21),
      invitedRegionIds: regions.items.map((r) => r.id),
      coverLetter: 'Fylkeskommunen sender generell del på høring.',
    });
    const outboxBefore = await send<{ items: { id: string }[] }>(page, baseUrl, 'GET', '/api/v1/outbox');

    await page.goto('/horinger');
    await page.getByRole('link', { name: 'Send på høring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Send generell del på høring' }).waitFor();
    await page.getByText(`${cycleName} har allerede en åpen høring.`, { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Gå til den åpne høringen' }).waitFor();
    // Only the form for one that took place: no box to tick, and its fields are there from the start.
    expect(await page.getByRole('checkbox', { name: 'Høringen er allerede gjennomført' }).count()).toBe(0);
    await page.getByLabel('Sendt på høring').fill('2020-08-17');
    await page.getByRole('radio', { name: 'Uformell høring', exact: true }).check();
    await page.getByLabel('Frist for innspill').fill('2020-09-15');
    await page
      .getByLabel('Følgebrev')
      .fill('Fylkeskommunen sendte generell del på uformell høring i august 2020.');
    await expectAccessible(page, 'the form registering a past hearing while one is open');
    await page.getByRole('button', { name: 'Registrer høringen' }).click();
    const confirm = page.getByRole('dialog', { name: /^Registrere høringen av versjon \d+\?$/ });
    await settled(confirm);
    await confirm.getByRole('button', { name: 'Registrer høringen' }).click();
    await page.getByText(/Høringen av versjon \d+ er registrert i etterkant/).waitFor();
    await page.getByText(/^Registrert i etterkant av .+, /).waitFor();
    await expectAccessible(page, 'the past hearing registered while another is open');
    const outboxAfter = await send<{ items: { id: string }[] }>(page, baseUrl, 'GET', '/api/v1/outbox');
    expect(outboxAfter.items.map((m) => m.id)).toEqual(outboxBefore.items.map((m) => m.id));
  });

  it('lets the coordinator register a meeting already held with its minutes: marked, by whom, and no e-mail', async () => {
    const { page, baseUrl } = j;
    const outboxBefore = await send<{ items: { id: string }[] }>(page, baseUrl, 'GET', '/api/v1/outbox');
    const title = 'Oppstartsmøte holdt før Partnerskap';
    await mainNav(page).getByRole('link', { name: 'Møter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
    await page.getByRole('button', { name: 'Planlegg et møte' }).click();
    const plan = page.getByRole('dialog', { name: 'Planlegg et møte' });
    await settled(plan);
    await plan.getByLabel('Type møte').selectOption({ label: 'Oppstartsmøte' });
    await plan.getByLabel('Tittel').fill(title);
    await plan.getByLabel('Dato').fill('2025-11-04');
    await plan.getByLabel('Fra klokken').fill('09:00');
    await plan.getByLabel('Til klokken').fill('11:30');
    await plan.getByLabel(/^Sted/).fill('Fylkeshuset');
    await plan.getByRole('checkbox', { name: 'Møtet er allerede holdt' }).check();
    await plan
      .getByRole('textbox', { name: /^Referat/ })
      .fill('Alle rådsområdene var med.\n\nHvert rådsområde lager forslag til regionene før jul.');
    await plan.getByRole('checkbox', { name: 'Referatet ble godkjent' }).check();
    await expectAccessible(page, 'the dialog registering a meeting already held');
    await plan.getByRole('button', { name: 'Registrer møtet' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Referat godkjent', { exact: true }).first().waitFor();
    await page.getByText('Registrert i etterkant av Prosesskoordinator (demo), ', { exact: false }).waitFor();
    await page.getByText('Hvert rådsområde lager forslag til regionene før jul.').waitFor();
    expect(await page.getByText('Planlagt av', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'a meeting registered afterwards');

    // Nobody was invited or e-mailed: the outbox is as it was, and says so on its page too.
    const outboxAfter = await send<{ items: { id: string }[] }>(page, baseUrl, 'GET', '/api/v1/outbox');
    expect(outboxAfter.items.map((m) => m.id)).toEqual(outboxBefore.items.map((m) => m.id));
    await page.goto('/admin/outbox');
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    await page.getByRole('table', { name: 'E-poster, nyeste først' }).waitFor();
    expect(await page.getByText(title, { exact: false }).count()).toBe(0);
  });
});
