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
import { mainNav, settled } from './support/journey.js';

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
    await expectAccessible(page, 'the hearing registered afterwards');
  });
});
