import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';

describe.skipIf(!chromiumPath)('signing in', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => j?.close());

  it('shows the sign-in page, refuses a wrong password on the page, and lands the admin on the start page', async () => {
    const { page } = j;
    await page.goto('/');
    await expect.poll(() => page.title()).toContain('Logg inn');
    await expectAccessible(page, 'sign-in page');
    await page.getByLabel('E-postadresse').fill('admin@demo.partnerskap.no');
    await page.getByLabel('Passord').fill('feil-passord-123');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Feil e-postadresse eller passord.').waitFor();
    await expectAccessible(page, 'sign-in page with an error');

    await signIn(page, 'admin@demo.partnerskap.no');
    await page.getByText('Du er logget inn med rollen Administrator.').waitFor();
    await expectAccessible(page, 'start page');
  });
});
