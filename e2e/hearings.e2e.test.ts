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
import { mainNav, minimalPdf, settled, signOut } from './support/journey.js';
import { shoot, shootDialog } from './support/screenshots.js';

const admin = 'admin@demo.partnerskap.no';
const indreOstfold = 'indre-ostfold@demo.partnerskap.no';
const hallingdal = 'hallingdal@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';
const cycleName = 'Partnerskapsavtaler 2029–2032';

const indreOstfoldText = 'Indre Østfold ber om at avtalen sier mer om kollektivtrafikken mellom byene.';
/** Longer than the dialog once showed of an input (160 characters): the answer is written to all of it. */
const hallingdalText =
  'Hallingdal vil ha reiseliv med i formålet, slik regionrådet vedtok i juni. Reiselivet gir arbeidsplasser i alle seks kommunene, og hyttebyggingen krever at fylkeskommunen og kommunene planlegger vei, vann og kollektivtrafikk sammen. Regionrådet ber derfor om at formålet nevner reiselivet ved navn.';
const lateText = 'Haldenregionen sender innspillet sitt etter fristen: grensehandelen bør nevnes.';

/** A calendar date (Oslo) some days from today, as ISO and as the app writes it. */
function osloDate(days: number) {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-');
  return { iso, shown: `${day}.${m}.${y}` };
}

/**
 * Saves time: the coordinator makes a cycle and writes the five required sections of its first draft
 * through the API (the general part's own journey does that in the editor).
 */
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
        data: { name: cycleName, periodFrom: '2029-01-01', periodTo: '2032-12-31', status: 'active' },
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

// One server and one browser for the whole file: the steps follow each other as the hearing would.
describe.skipIf(!chromiumPath)('a hearing in the browser', () => {
  let j: Journey;
  let hearingUrl = '';
  const deadline = osloDate(14);
  const extended = osloDate(21);

  beforeAll(async () => {
    j = await startJourney();
    await cycleWithDraft(j.baseUrl);
  });
  afterAll(async () => j?.close());

  it('lets the coordinator send version 1 on a formal hearing, refusing a deadline in the past', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Høringer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Høringer' }).waitFor();
    await page.getByRole('heading', { name: `Høringer i ${cycleName}` }).waitFor();
    await page.getByText('Det er ingen høringer i denne avtalesyklusen ennå.', { exact: false }).waitFor();
    await expectAccessible(page, 'empty hearing list');

    await page.getByRole('link', { name: 'Send på høring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Send generell del på høring' }).waitFor();
    expect(await page.getByLabel('Versjon av generell del').inputValue()).not.toBe('');
    await expectAccessible(page, 'the form that opens a hearing');

    // Nothing chosen and a deadline in the past: the errors are on their fields.
    await page.getByLabel('Frist for innspill').fill(osloDate(-1).iso);
    await page.getByLabel('Frist for innspill').blur();
    await page.getByText('Fristen kan ikke være tilbake i tid.').last().waitFor();
    expect(await page.getByLabel('Frist for innspill').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Velg ingen' }).click();
    await page.getByText('0 av 12 regioner er valgt.').waitFor();
    await page.getByRole('button', { name: 'Send på høring' }).click();
    await page.getByText('Velg om høringen er uformell eller formell.').last().waitFor();
    await page.getByText('Velg minst én region.').last().waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectAccessible(page, 'the form with errors');

    await page.getByRole('radio', { name: 'Formell høring', exact: true }).check();
    await page.getByLabel('Frist for innspill').fill(deadline.iso);
    await page.getByLabel('Frist for innspill').blur();
    await page.getByText('Fristen kan ikke være tilbake i tid.').last().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Velg alle' }).click();
    await page.getByText('12 av 12 regioner er valgt.').waitFor();
    await page
      .getByLabel('Følgebrev')
      .fill('Fylkeskommunen sender generell del på formell høring.\nVi ber særlig om innspill til formålet.');

    await page.getByRole('button', { name: 'Send på høring' }).click();
    const confirm = page.getByRole('dialog', { name: 'Sende versjon 1 på høring?' });
    await settled(confirm);
    expect(await confirm.textContent()).toContain('kan ikke endres etter at den er sendt på høring');
    expect(await confirm.textContent()).toContain(
      `De 12 regionene får en e-post med følgebrevet og fristen ${deadline.shown}`,
    );
    await expectAccessible(page, 'the confirmation before sending on hearing');
    await confirm.getByRole('button', { name: 'Send på høring' }).click();

    await page.getByRole('heading', { level: 1, name: 'Formell høring: generell del, versjon 1' }).waitFor();
    await page.getByText('Versjon 1 er sendt på høring til 12 regioner.').waitFor();
    // No mail server is set up in the journey: the page says the invitations are kept, not that they went.
    expect(await page.getByText('har fått e-post').count()).toBe(0);
    await page
      .getByText(
        '12 e-poster er ikke sendt, fordi det ikke er satt opp noen e-posttjener. De ligger i utboksen med status «Holdt tilbake».',
      )
      .waitFor();
    expect(await page.getByRole('link', { name: 'Se e-postene i utboksen' }).getAttribute('href')).toBe(
      '/admin/outbox?status=kept',
    );
    await page.getByText(`${deadline.shown} (14 dager igjen)`).waitFor();
    await page.getByText('Vi ber særlig om innspill til formålet.', { exact: false }).waitFor();
    expect(await page.getByText('Åpen', { exact: true }).count()).toBe(1);
    hearingUrl = new URL(page.url()).pathname;
    expect(hearingUrl).toMatch(/^\/horinger\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'the new hearing');

    // The deadline moves later; every invited region is told.
    await page.getByRole('button', { name: 'Utsett fristen' }).click();
    const extend = page.getByRole('dialog', { name: 'Utsett fristen' });
    await settled(extend);
    expect(await extend.textContent()).toContain('Alle de 12 inviterte regionene får en e-post');
    await expectAccessible(page, 'the dialog that extends the deadline');
    await extend.getByLabel('Ny frist').fill(extended.iso);
    await extend.getByRole('button', { name: 'Utsett fristen' }).click();
    await page.getByText(`Fristen er utsatt til ${extended.shown}.`, { exact: true }).waitFor();
    await page.getByText('12 e-poster er ikke sendt', { exact: false }).waitFor();
    await expectAccessible(page, 'the hearing with the notice about its kept e-mail');
    await page.getByText(`${extended.shown} (21 dager igjen)`).waitFor();
    await signOut(page);
  });

  it('lets Indre Østfold give input on the whole document with a PDF, after a file that only claims to be one', async () => {
    const { page } = j;
    await signIn(page, indreOstfold);
    const task = page.getByRole('link', { name: `Formell høring på generell del, versjon 1 (${cycleName})` });
    await task.waitFor();
    await page.getByText(`Frist ${extended.shown} (21 dager igjen).`, { exact: false }).waitFor();
    await page.getByText('Regionen din har ikke gitt innspill ennå.').waitFor();
    await expectAccessible(page, 'a region contact’s start page with an open hearing');
    await task.click();

    await page.getByRole('heading', { level: 1, name: 'Formell høring: generell del, versjon 1' }).waitFor();
    await page.getByRole('heading', { name: 'Gi innspill' }).waitFor();
    expect(await page.getByLabel('Innspillet gjelder').inputValue()).toBe('');
    await page.getByLabel('Innspill', { exact: true }).fill(indreOstfoldText);
    const file = page.getByLabel('Vedlegg (valgfritt)');
    await file.setInputFiles({
      name: 'innspill.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('ikke en pdf'),
    });
    await page.getByText('innspill.pdf (11 B)').waitFor();
    await expectAccessible(page, 'the input form with a file chosen');
    await page.getByRole('button', { name: 'Send innspillet' }).click();

    // The server reads the content: the input is kept, the file is refused on its field.
    await page
      .getByText('Innspillet er lagret, men vedlegget innspill.pdf ble ikke lagt ved.', { exact: false })
      .waitFor();
    await page
      .getByText('innspill.pdf: Filen må være en PDF eller et Word-dokument (DOCX)', { exact: false })
      .last()
      .waitFor();
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the input form with the file refused');

    await file.setInputFiles({ name: 'innspill.pdf', mimeType: 'application/pdf', buffer: minimalPdf });
    await page.getByRole('button', { name: 'Send innspillet' }).click();
    await page.getByText('Innspillet om hele dokumentet er sendt.', { exact: false }).waitFor();
    const own = page.getByRole('article', { name: 'Hele dokumentet' });
    await own.getByText(indreOstfoldText).waitFor();
    await own.getByRole('link', { name: 'innspill.pdf' }).waitFor();
    // The whole document has its input: the form offers the sections only.
    expect(await page.getByLabel('Innspillet gjelder').locator('option').allTextContents()).not.toContain(
      'Hele dokumentet',
    );
    await expectAccessible(page, 'the region’s own input');

    await own.getByRole('button', { name: 'Endre innspillet om hele dokumentet' }).click();
    const edit = page.getByRole('dialog', { name: 'Endre innspillet om hele dokumentet' });
    await settled(edit);
    await expectAccessible(page, 'the dialog that edits an input');
    await edit.getByLabel('Innspill', { exact: true }).fill(`${indreOstfoldText} Og om skolene.`);
    await edit.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByText('Innspillet om hele dokumentet er endret.').waitFor();
    await own.getByText(`${indreOstfoldText} Og om skolene.`).waitFor();
    await signOut(page);
  });

  it('lets Hallingdal give input on one section without seeing Indre Østfold’s while the hearing is open', async () => {
    const { page } = j;
    await signIn(page, hallingdal);
    // Hallingdal's contact person starts in nynorsk, the region's written standard; this journey reads
    // the screens in bokmål, which the person can choose.
    await page.getByRole('heading', { level: 1, name: 'Mine oppgåver' }).waitFor();
    await page.getByLabel('Språk').selectOption('nb');
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await page.getByText('Regionen din har ikke gitt innspill ennå.').waitFor();
    await expectAccessible(page, 'the start page of a region that has not answered');
    await page.goto(hearingUrl);
    await page.getByRole('heading', { name: 'Gi innspill' }).waitFor();
    await page.getByText('ser du bare innspillene fra din egen region', { exact: false }).waitFor();
    await page.getByText('Regionen din har ikke gitt innspill ennå.').waitFor();
    expect(await page.getByText(indreOstfoldText, { exact: false }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Inviterte regioner og hvem som har svart' }).count()).toBe(
      0,
    );

    // A first input on the period, sent and then withdrawn: it is gone, and the period can be chosen again.
    await page.getByLabel('Innspillet gjelder').selectOption({ label: 'Avtaleperiode' });
    await page.getByLabel('Innspill', { exact: true }).fill('Fire år er for kort.');
    await page.getByRole('button', { name: 'Send innspillet' }).click();
    await page.getByText('Innspillet om Avtaleperiode er sendt.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Trekk tilbake innspillet om Avtaleperiode' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Trekke tilbake innspillet om Avtaleperiode?' });
    await settled(withdraw);
    await expectAccessible(page, 'the confirmation before withdrawing input');
    await withdraw.getByRole('button', { name: 'Trekk tilbake innspillet' }).click();
    await page.getByText('Innspillet om Avtaleperiode er trukket tilbake.').waitFor();
    expect(await page.getByRole('article', { name: 'Avtaleperiode' }).count()).toBe(0);

    await page.getByLabel('Innspillet gjelder').selectOption({ label: 'Formål' });
    // The section's text on hearing can be read beside the form.
    await page.getByText('Les teksten i «Formål»').click();
    await page.getByText('Formål i avtalen.').waitFor();
    await expectAccessible(page, 'the input form with the section’s text open');
    await page.getByLabel('Innspill', { exact: true }).fill(hallingdalText);
    await page.getByRole('button', { name: 'Send innspillet' }).click();
    await page.getByText('Innspillet om Formål er sendt.', { exact: false }).waitFor();
    await page.getByRole('article', { name: 'Formål' }).getByText(hallingdalText).waitFor();
    expect(await page.getByText(indreOstfoldText, { exact: false }).count()).toBe(0);
    await expectAccessible(page, 'a second region’s hearing page');
    await signOut(page);
  });

  it('lets the coordinator close the hearing early and register input that came late', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Høringer' }).click();
    const row = page
      .getByRole('table', { name: `Høringer i ${cycleName}` })
      .getByRole('row')
      .nth(1);
    await row.getByText('Åpen', { exact: true }).waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Formell høring',
      'Versjon 1',
      `${extended.shown}21 dager igjen`,
      'Åpen',
      '12',
      '2',
      '2',
      '2',
    ]);
    await expectAccessible(page, 'the hearing list');
    await row.getByRole('link', { name: 'Formell høring' }).click();

    const regions = page.getByRole('table', { name: 'Inviterte regioner og hvem som har svart' });
    await regions
      .getByRole('row', { name: /Indre Østfold regionråd/ })
      .getByText('Har svart')
      .waitFor();
    await regions
      .getByRole('row', { name: /Regionrådet for Hallingdal/ })
      .getByText('Har svart')
      .waitFor();
    await regions
      .getByRole('row', { name: /Haldenregionen/ })
      .getByText('Ikke svart')
      .waitFor();
    await expectAccessible(page, 'the open hearing with input from two regions');

    await page.getByRole('button', { name: 'Lukk høringen nå' }).click();
    const close = page.getByRole('dialog', { name: 'Lukke høringen før fristen?' });
    await settled(close);
    expect(await close.textContent()).toContain('Du kan ikke åpne høringen igjen.');
    await expectAccessible(page, 'the confirmation before closing early');
    await close.getByRole('button', { name: 'Lukk høringen' }).click();
    await page.getByText('Høringen er lukket. Nå kan innspillene behandles.').waitFor();
    await page.getByText('Lukket', { exact: true }).first().waitFor();
    await page.getByText(/Lukket \d\d\.\d\d\.\d{4}, før fristen/).waitFor();

    await page.getByRole('button', { name: 'Registrer innspill som kom for sent' }).click();
    const late = page.getByRole('dialog', { name: 'Registrer innspill som kom for sent' });
    await settled(late);
    await expectAccessible(page, 'the dialog that registers late input');
    await late.getByLabel('Region').selectOption({ label: 'Haldenregionen' });
    await late.getByLabel('Innspill', { exact: true }).fill(lateText);
    await late.getByRole('button', { name: 'Registrer innspillet' }).click();
    await page.getByText('Innspillet fra Haldenregionen er registrert og merket «For sent».').waitFor();
    await page.getByRole('article', { name: 'Haldenregionen' }).getByText('For sent').waitFor();
    await expectAccessible(page, 'the closed hearing with all input');

    // The start page lists the late input until it is answered, and its link lands on its row.
    await page.goto('/');
    await page.getByRole('link', { name: 'Haldenregionen, formell høring på versjon 1' }).click();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('innspill-') ?? false);
    const lateRow = page.getByRole('row').filter({ hasText: lateText });
    expect(await lateRow.evaluate((el) => el === document.activeElement)).toBe(true);
    await signOut(page);
  });

  it('shows a region every invited region’s input once the hearing is closed, and no form', async () => {
    const { page } = j;
    await signIn(page, indreOstfold);
    await page.goto(hearingUrl);
    await page.getByText(/Høringen ble lukket \d\d\.\d\d\.\d{4}\. Du kan ikke lenger gi, endre/).waitFor();
    await page.getByText(hallingdalText).waitFor();
    await page.getByText(lateText).waitFor();
    expect(await page.getByRole('button', { name: 'Send innspillet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Endre innspillet/ }).count()).toBe(0);
    await expectAccessible(page, 'a closed hearing as a region sees it');
    await signOut(page);
  });

  it('shows the input a page at a time, and fetches pages until a link to one input lands on it', async () => {
    const { page } = j;
    await signIn(page, admin);
    // A long hearing in small: pages of one input instead of a hundred.
    const overviewApi = /\/api\/v1\/hearings\/[^/]+\/overview\?/;
    await page.route(overviewApi, (route) =>
      route.continue({ url: route.request().url().replace('limit=100', 'limit=1') }),
    );
    await page.goto(hearingUrl);
    await page.getByRole('heading', { name: 'Innspill (3)' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Viser de 1 første av 3 innspill. Det finnes flere – se «Vis flere» nederst.' })
      .waitFor();
    expect(await page.getByText(hallingdalText).count()).toBe(0);
    await expectAccessible(page, 'a hearing with more input than one page');
    const more = page.getByRole('button', { name: 'Vis flere' });
    await more.click();
    await page.getByRole('status').filter({ hasText: 'Viser de 2 første av 3 innspill' }).waitFor();
    await more.click();
    // Input on a section comes after input on the whole document, under its section's heading with its count.
    await page.getByText(hallingdalText).waitFor();
    expect(await more.count()).toBe(0);

    const hearingId = hearingUrl.split('/').pop() ?? '';
    const inputId = await page.evaluate(
      async ([id, text]) => {
        const list = await (await fetch(`/api/v1/hearings/${id}/inputs`)).json();
        return (list.items as { id: string; text: string }[]).find((i) => i.text === text)?.id ?? '';
      },
      [hearingId, hallingdalText],
    );
    expect(inputId).not.toBe('');
    await page.goto(`${hearingUrl}/dispositions#innspill-${inputId}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`innspill-${inputId}`);
    expect(await page.locator('tbody tr[id^="innspill-"]').count()).toBe(3);
    await page.getByRole('status').filter({ hasText: 'Viser 3 av 3 innspill' }).waitFor();
    await page.unroute(overviewApi);
    await signOut(page);
  });

  it('lets the coordinator answer the input, take one in, and download the summary as DOCX', async () => {
    const { page } = j;
    await signIn(page, admin);
    const waiting = page.getByRole('link', {
      name: `3 innspill i formell høring på versjon 1 (${cycleName})`,
    });
    await waiting.waitFor();
    await expectAccessible(page, 'the coordinator’s start page with input waiting');
    await waiting.click();
    await page
      .getByRole('heading', { level: 1, name: 'Behandling av innspill: Formell høring, versjon 1' })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('unanswered');
    await page.getByText('Viser 3 av 3 innspill').waitFor();
    await expectAccessible(page, 'the dispositions page');

    await page
      .getByRole('checkbox', { name: 'Velg innspillet fra Indre Østfold regionråd om hele dokumentet' })
      .check();
    await page.getByText('1 innspill er valgt.').waitFor();
    await page.getByRole('button', { name: 'Behandle det valgte innspillet' }).click();
    let dialog = page.getByRole('dialog', { name: 'Behandle innspillet' });
    await settled(dialog);
    await dialog.getByRole('button', { name: 'Gjør endelig' }).click();
    await dialog.getByText('Velg hvordan innspillet er behandlet.').last().waitFor();
    await dialog.getByRole('radio', { name: 'Tatt inn', exact: true }).check();
    await dialog
      .getByLabel('Begrunnelse')
      .fill('Kollektivtrafikken mellom byene er tatt inn under gjennomføring i neste utkast.');
    await expectAccessible(page, 'the disposition dialog');
    await dialog.getByRole('button', { name: 'Gjør endelig' }).click();
    await page.getByText('Innspillet er behandlet: Tatt inn.').waitFor();
    await page.getByText('Viser 2 av 3 innspill').waitFor();

    // The region filter in the address: only Hallingdal's input, answered from its own row. The dialog
    // shows the input whole with its region, and the answer is saved as a draft before it is made final.
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Regionrådet for Hallingdal' });
    await page.getByText('Viser 1 av 3 innspill').waitFor();
    expect(new URL(page.url()).searchParams.get('region')).not.toBeNull();
    await shoot(page, 'dispositions-one-region');
    await page
      .getByRole('button', { name: 'Svar på innspillet fra Regionrådet for Hallingdal om Formål' })
      .click();
    dialog = page.getByRole('dialog', { name: 'Behandle innspillet' });
    await settled(dialog);
    const answered = dialog.getByRole('region', { name: 'Behandlingen gjelder dette innspillet:' });
    await answered.getByRole('heading', { level: 3, name: 'Regionrådet for Hallingdal om Formål' }).waitFor();
    expect(await answered.getByText(hallingdalText, { exact: true }).isVisible()).toBe(true);
    await dialog.getByRole('radio', { name: 'Tatt til orientering', exact: true }).check();
    await dialog
      .getByLabel('Begrunnelse')
      .fill('Reiselivet hører hjemme i den spesielle delen for Hallingdal.');
    await expectAccessible(page, 'the disposition dialog of one input from its row');
    await shootDialog(page, dialog, 'disposition-dialog');
    await dialog.getByRole('button', { name: 'Lagre utkast' }).click();
    await page
      .getByText('Utkastet til behandling av innspillet er lagret: Tatt til orientering.', { exact: false })
      .waitFor();
    // A draft is not an answer yet: the input is still among the unanswered, with its draft.
    await page.getByText('Viser 1 av 3 innspill').waitFor();
    const table = page.getByRole('table', { name: 'Innspill og behandling' });
    await table.getByText('Tatt til orientering (utkast)').waitFor();
    await page
      .getByRole('button', {
        name: 'Endre behandlingen av innspillet fra Regionrådet for Hallingdal om Formål',
      })
      .click();
    dialog = page.getByRole('dialog', { name: 'Endre behandlingen' });
    await settled(dialog);
    expect(await dialog.getByText(hallingdalText, { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByLabel('Begrunnelse').inputValue()).toBe(
      'Reiselivet hører hjemme i den spesielle delen for Hallingdal.',
    );
    await expectAccessible(page, 'the disposition dialog of a draft');
    await dialog.getByRole('button', { name: 'Gjør endelig' }).click();
    await page.getByText('Behandlingen er gjort endelig: Tatt til orientering.', { exact: false }).waitFor();
    await page.getByText('Ingen innspill passer med filtrene.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nullstill filtre' }).click();
    await page.getByText('Viser 3 av 3 innspill').waitFor();
    await expectAccessible(page, 'the dispositions page with answers');

    await page.getByRole('link', { name: 'Tilbake til høringen' }).click();
    await page.getByRole('link', { name: 'Innspillsoppsummering' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Innspillsoppsummering: Formell høring, versjon 1' })
      .waitFor();
    const purpose = page.getByRole('table', { name: 'Formål' });
    await purpose.getByText(hallingdalText).waitFor();
    await purpose.getByText('Tatt til orientering').waitFor();
    const whole = page.getByRole('table', { name: 'Innspill til hele dokumentet' });
    await whole.getByText('Tatt inn', { exact: true }).waitFor();
    await whole.getByText('For sent').waitFor();
    await expectAccessible(page, 'the input summary');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned DOCX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Innspillsoppsummering Formell høring generell del v1.docx');
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('lets a department answer a draft assigned to it with «Lagre utkast» only, and the coordinator make it final', async () => {
    const { page } = j;
    const dispositions = `${hearingUrl}/dispositions`;
    const lateRow = 'innspillet fra Haldenregionen om hele dokumentet';
    await page.goto(dispositions);
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Haldenregionen' });
    await page.getByText('Viser 1 av 3 innspill').waitFor();
    // Opened from the keyboard, the dialog's box with the input takes the focus so the keys can scroll it.
    await page.getByRole('button', { name: `Svar på ${lateRow}` }).press('Enter');
    let dialog = page.getByRole('dialog', { name: 'Behandle innspillet' });
    await settled(dialog);
    const answered = dialog.getByRole('region', { name: 'Behandlingen gjelder dette innspillet:' });
    await answered.getByText(lateText, { exact: true }).waitFor();
    await answered.focus();
    expect(await answered.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('radio', { name: 'Ikke tatt inn', exact: true }).check();
    await dialog.getByLabel('Begrunnelse').fill('Samferdsel svarer på grensehandelen.');
    await dialog.getByLabel('Rådsområde som svarer først (valgfritt)').selectOption({ label: 'Samferdsel' });
    await dialog
      .getByText('Velg «Lagre utkast», så kan rådsområdet svare først.', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Lagre utkast' }).click();
    await page
      .getByText(
        'Innspillet er tildelt Samferdsel, som svarer først. Behandlingen er et utkast: Ikke tatt inn.',
      )
      .waitFor();
    await signOut(page);

    // The start page's link to the assigned input lands on its row: scrolled to, focused and marked.
    await signIn(page, departmentEditor);
    await page.getByRole('link', { name: /^1 innspill i .* på versjon 1/ }).click();
    const row = page.getByRole('row').filter({ hasText: lateText });
    await page.waitForFunction(() => document.activeElement?.id.startsWith('innspill-') ?? false);
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await row.getAttribute('class')).toContain('landed');
    await expectAccessible(page, 'the answer list landed on the assigned input');
    await shoot(page, 'dispositions-landed');
    await row.getByRole('button', { name: `Svar på ${lateRow}` }).click();
    dialog = page.getByRole('dialog', { name: 'Svar på innspillet' });
    await settled(dialog);
    await dialog.getByText(lateText, { exact: true }).waitFor();
    // The department saves its answer; making it final is the coordinator's, so there is no such button.
    expect(await dialog.getByRole('button', { name: 'Gjør endelig' }).count()).toBe(0);
    await dialog.getByRole('radio', { name: 'Delvis tatt inn', exact: true }).check();
    await dialog.getByLabel('Begrunnelse').fill('Grensehandelen nevnes under gjennomføring.');
    await expectAccessible(page, 'the department’s answer dialog');
    await dialog.getByRole('button', { name: 'Lagre utkast' }).click();
    await page
      .getByText('Svaret er lagret: Delvis tatt inn. Koordinatoren gjør behandlingen endelig.')
      .waitFor();
    await page.getByText('Delvis tatt inn (utkast)').waitFor();
    await signOut(page);

    await signIn(page, admin);
    await page.goto(dispositions);
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Haldenregionen' });
    await page.getByRole('button', { name: `Endre behandlingen av ${lateRow}` }).click();
    dialog = page.getByRole('dialog', { name: 'Endre behandlingen' });
    await settled(dialog);
    expect(await dialog.getByLabel('Begrunnelse').inputValue()).toBe(
      'Grensehandelen nevnes under gjennomføring.',
    );
    await dialog.getByRole('button', { name: 'Gjør endelig' }).click();
    await page.getByText('Behandlingen er gjort endelig: Delvis tatt inn.', { exact: false }).waitFor();
  });

  it('lets the coordinator take the input into version 2, point the answer at it, compare and approve version 2', async () => {
    const { page } = j;
    await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
    await page.getByRole('heading', { level: 1, name: 'Generell del' }).waitFor();
    const versions = page.getByRole('table', { name: 'Alle versjoner' });
    await versions.getByRole('row').filter({ hasText: 'Versjon 1' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Generell del, versjon 1' }).waitFor();

    // Version 1 is frozen by the hearing: editing makes version 2 from it.
    await page.getByRole('button', { name: 'Lag nytt utkast fra versjon 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endre utkast til versjon 2' }).waitFor();
    const implementation = page.getByRole('textbox', { name: 'Tekst i «Gjennomføring»' });
    await implementation.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Partene samarbeider om kollektivtrafikken mellom byene.');
    await page.getByRole('button', { name: 'Lagre utkastet' }).click();
    await page.getByText('Utkastet er lagret', { exact: false }).waitFor();

    // The answer to Indre Østfold now says where its input was taken in.
    await page.goto(hearingUrl);
    await page.getByRole('link', { name: 'Behandle innspill', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Behandling av innspill: Formell høring, versjon 1' })
      .waitFor();
    await page.getByLabel('Behandling', { exact: true }).selectOption({ label: 'Behandlede og ubehandlede' });
    await page.getByText('Viser 3 av 3 innspill').waitFor();
    await page
      .getByRole('button', {
        name: 'Endre behandlingen av innspillet fra Indre Østfold regionråd om hele dokumentet',
      })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Endre behandlingen' });
    await settled(dialog);
    await dialog.getByLabel('Versjon', { exact: true }).selectOption({ index: 1 });
    expect(
      await dialog.getByLabel('Versjon', { exact: true }).locator('option:checked').textContent(),
    ).toContain('Versjon 2');
    await dialog.getByLabel('Avsnitt', { exact: true }).selectOption({ label: 'Gjennomføring' });
    await expectAccessible(page, 'the disposition dialog pointing at version 2');
    await dialog.getByRole('button', { name: 'Lagre endringen' }).click();
    await page.getByText('Behandlingen er lagret: Tatt inn.').waitFor();
    await signOut(page);

    // Indre Østfold follows the answer to the text that took its input in.
    await signIn(page, indreOstfold);
    await page.goto(hearingUrl);
    await page.getByRole('link', { name: 'Se hvor det er tatt inn i versjon 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Generell del, versjon 2' }).waitFor();
    await page
      .getByRole('region', { name: 'Gjennomføring' })
      .getByText('kollektivtrafikken mellom byene', { exact: false })
      .waitFor();
    await expectAccessible(page, 'version 2 as the region reaches it from its answered input');
    await signOut(page);

    // The coordinator compares the version on hearing with version 2, and has version 2 approved.
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
    await page.getByRole('link', { name: 'Sammenlign med versjon 1 og versjon 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sammenlign versjoner' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Endringer fra versjon 1 til versjon 2' }).waitFor();
    const changed = page.getByRole('region', { name: 'Gjennomføring' });
    await changed.getByText('Endret', { exact: true }).waitFor();
    expect((await changed.locator('ins').allTextContents()).join(' ')).toContain('kollektivtrafikken');
    await page.getByRole('region', { name: 'Formål' }).getByText('Uendret', { exact: true }).waitFor();
    await expectAccessible(page, 'version 1 on hearing compared with version 2');

    // The executive board approves version 2: it becomes the cycle's general part.
    await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
    await versions.getByRole('row').filter({ hasText: 'Versjon 2' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: 'Generell del, versjon 2' }).waitFor();
    await page.getByRole('button', { name: 'Registrer vedtak' }).click();
    const approve = page.getByRole('dialog', { name: 'Registrer vedtak om versjon 2' });
    await settled(approve);
    await approve.getByLabel('Vedtaksdato').fill(osloDate(0).iso);
    await approve.getByLabel('Saksnummer').fill('45/29');
    await approve
      .getByLabel('Vedtak', { exact: true })
      .fill('Fylkesrådet godkjenner generell del etter høringen.');
    await approve.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await page.getByText('Vedtaket er registrert. Versjon 2 er nå den gjeldende generelle delen.').waitFor();
    await mainNav(page).getByRole('link', { name: 'Generell del' }).click();
    await versions
      .getByRole('row')
      .filter({ hasText: 'Versjon 2' })
      .filter({ hasText: 'Godkjent' })
      .waitFor();
    await expectAccessible(page, 'the general part with version 2 approved after the hearing');
  });
});
