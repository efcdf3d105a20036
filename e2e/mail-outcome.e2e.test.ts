import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMailWorker } from '../src/server/mail/send-mail.js';
import { requiredSections } from '../src/shared/contracts/general-part.js';
import { startSmtpServer, type TestSmtpServer } from '../test/support/smtp-server.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { mainNav, send, settled } from './support/journey.js';
import { shoot } from './support/screenshots.js';

/**
 * What the coordinator is told about the e-mail when a hearing is sent out: the truth the outbox will show.
 * Without a mail server the invitations are kept (and the notice says so, with the way to the outbox); with
 * one they wait to be sent, and are.
 */

const admin = 'admin@demo.partnerskap.no';

const from = 'Partnerskap Viken <partnerskap@viken.test>';

/** A calendar date in Oslo the given number of days from today, as the date field takes it. */
const inDays = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** An active cycle whose first draft has every required section, made through the API as the signed-in admin. */
async function cycleWithDraft(page: Page, baseUrl: string, name: string) {
  const cycle = await send<{ id: string }>(page, baseUrl, 'POST', '/api/v1/cycles', {
    name,
    periodFrom: '2029-01-01',
    periodTo: '2032-12-31',
    status: 'active',
  });
  const part = await send<{ draftVersionId: string }>(
    page,
    baseUrl,
    'GET',
    `/api/v1/cycles/${cycle.id}/general-part`,
  );
  await send(page, baseUrl, 'PUT', `/api/v1/general-part-versions/${part.draftVersionId}/sections`, {
    version: 1,
    sections: requiredSections.map((s) => ({
      key: s.key,
      title: s.title,
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `${s.title}.` }] }],
      },
    })),
  });
}

/** Sends version 1 on a formal hearing to every region through the form, and waits for the hearing's page. */
async function sendOnHearing(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Høringer' }).click();
  await page.getByRole('link', { name: 'Send på høring' }).click();
  await page.getByRole('heading', { level: 1, name: 'Send generell del på høring' }).waitFor();
  await page.getByRole('radio', { name: 'Formell høring', exact: true }).check();
  await page.getByLabel('Frist for innspill').fill(inDays(14));
  await page.getByLabel('Følgebrev').fill('Fylkeskommunen sender generell del på formell høring.');
  await page.getByRole('button', { name: 'Send på høring' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sende versjon 1 på høring?' });
  await settled(confirm);
  await confirm.getByRole('button', { name: 'Send på høring' }).click();
  await page.getByRole('heading', { level: 1, name: 'Formell høring: generell del, versjon 1' }).waitFor();
  await page.getByText('Versjon 1 er sendt på høring til 12 regioner.').waitFor();
  expect(await page.getByText('har fått e-post').count()).toBe(0);
}

describe.skipIf(!chromiumPath)('e-mail without a mail server', () => {
  let j: Journey;
  beforeAll(async () => {
    // The sender runs as in production without MAIL_URL: it keeps every message.
    j = await startJourney({ workers: [sendMailWorker({ url: undefined, from })] });
  });
  afterAll(async () => j?.close());

  it('says the invitations are kept in the outbox, and the outbox shows them kept', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    await cycleWithDraft(page, baseUrl, 'Partnerskapsavtaler 2029–2032');
    await page.reload();
    await sendOnHearing(page);
    await page
      .getByText(
        '12 e-poster er ikke sendt, fordi det ikke er satt opp noen e-posttjener. De ligger i utboksen med status «Holdt tilbake».',
      )
      .waitFor();
    await expectAccessible(page, 'the hearing with its e-mail kept');
    await shoot(page, 'hearing-mail-kept');

    await page.getByRole('link', { name: 'Se e-postene i utboksen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    await page.getByText('Viser 12 e-poster', { exact: true }).waitFor();
    expect(await page.getByRole('table').getByText('Holdt tilbake', { exact: true }).count()).toBe(12);
  });
});

describe.skipIf(!chromiumPath)('e-mail with a mail server', () => {
  let j: Journey;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    j = await startJourney({
      mailConfigured: true,
      workers: [sendMailWorker({ url: smtp.url, from })],
    });
  });
  afterAll(async () => {
    await j?.close();
    await smtp?.close();
  });

  it('says the invitations wait to be sent, and the mail server receives them', async () => {
    const { page, baseUrl } = j;
    await signIn(page, admin);
    await cycleWithDraft(page, baseUrl, 'Partnerskapsavtaler 2029–2032');
    await page.reload();
    await sendOnHearing(page);
    await page.getByText('12 e-poster ligger i utboksen og sendes om litt.').waitFor();
    expect(await page.getByText('ikke satt opp').count()).toBe(0);
    await expectAccessible(page, 'the hearing with its e-mail queued');
    await shoot(page, 'hearing-mail-queued');

    await page.getByRole('link', { name: 'Se e-postene i utboksen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
          return page.getByRole('table').getByText('Sendt', { exact: true }).count();
        },
        { timeout: 30_000 },
      )
      .toBe(12);
    expect(smtp.received).toHaveLength(12);
  });
});
