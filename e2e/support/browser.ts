import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import pino from 'pino';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp, defaultWebDir } from '../../src/server/app.js';
import type { JobWorker } from '../../src/server/jobs/define-job.js';
import { type Jobs, startJobs } from '../../src/server/jobs/jobs.js';
import { openDemoDatabase } from '../../test/support/demo-database.js';

/** Debian's Chromium, or the one CHROMIUM_PATH names. Browser journeys are skipped (with one line) without it. */
export const chromiumPath = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].find((p): p is string => Boolean(p && existsSync(p)));
if (!chromiumPath) {
  console.warn(
    'Browser tests skipped: no Chromium found. Install it with `apt-get install chromium` (or set CHROMIUM_PATH).',
  );
}

export const demoPassword = 'demo-passord-e2e';

/** The built web app the journeys load: `npm run build`'s output, or another build that E2E_WEB_DIR names. */
const webDir = process.env.E2E_WEB_DIR || defaultWebDir;

export type Journey = {
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
};

/**
 * The real server (built web app, API, a fresh PGlite database with the Viken demo) on a free port, and a
 * Chromium page in Norwegian bokmål and Oslo time. `workers` runs those background jobs too (none by
 * default), for a journey that waits for one, e.g. the ZIP of all agreements. `mailConfigured` tells the app
 * a mail server sends its e-mail (give `workers` a sender with the test's SMTP server then).
 */
export async function startJourney(
  options: { workers?: JobWorker[]; mailConfigured?: boolean } = {},
): Promise<Journey> {
  if (!chromiumPath) throw new Error('no Chromium');
  if (!existsSync(`${webDir}/index.html`))
    throw new Error('The web app is not built: run `npm run build` first.');
  const database = await openDemoDatabase(demoPassword);
  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    keys: { secret: 'e2e-secret-e2e-secret-e2e-secret-e2e', ttlHours: 1 },
    logger: false,
    webDir,
    mailConfigured: options.mailConfigured,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const workers = options.workers ?? [];
  const jobs: Jobs | null =
    workers.length > 0
      ? await startJobs(database, { log: pino({ level: 'silent' }), workers, pollingIntervalSeconds: 1 })
      : null;
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', baseURL: baseUrl });
  const page = await context.newPage();
  return {
    baseUrl,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await jobs?.stop();
      await app.close();
      await database.close();
    },
  };
}

/** Fails on any WCAG 2.0/2.1 A or AA violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe violations on ${what}`).toEqual([]);
}

/** Signs in and waits for the start page, in whichever language the person reads the app. */
export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: /^(Mine oppgaver|Mine oppgåver|My tasks)$/ }).waitFor();
}
