import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { requiredSections } from '../../src/shared/contracts/general-part.js';

/** A PDF with no pages: enough for the server's check that an upload is a PDF. */
export const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** The app's main menu in the top bar. */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' });

/** The card of a contribution or commitment, by its title. */
export const card = (page: Page, title: string) => page.getByRole('article', { name: title });

/** The text box of a section in the editor of a general or special part. */
export const textOf = (page: Page, title: string) =>
  page.getByRole('textbox', { name: `Tekst i «${title}»` });

/** Waits until a dialog has finished opening: while it fades in, its text has too little contrast for axe. */
export async function settled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/** The texts a screen reader reads with a field: its description and its error. */
export function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  );
}

/** Signs out with the top bar's button (its label is in the page's language) and waits for the sign-in page. */
export async function signOut(page: Page, label = 'Logg ut'): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('button', { name: 'Logg inn' }).waitFor();
}

/** Writes plain text at the end of a section's text. */
export async function write(page: Page, title: string, text: string): Promise<void> {
  const box = textOf(page, title);
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Saves the draft in the editor and waits until the app says it is saved. */
export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lagre utkastet' }).click();
  await page.getByText('Utkastet er lagret', { exact: false }).waitFor();
}

/** Clicks a download link and reads the file the browser saved. */
export async function download(page: Page, name: string): Promise<{ filename: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { filename: file.suggestedFilename(), content: readFileSync(await file.path()) };
}

/** One request to the API with the signed-in page's session, as the app sends it; fails the test if refused. */
export async function send<T>(
  page: Page,
  baseUrl: string,
  method: string,
  url: string,
  data?: unknown,
): Promise<T> {
  const res = await page.request.fetch(`${baseUrl}${url}`, { method, data, headers: { origin: baseUrl } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** A cycle as the API creates it: without a status it is planned, and the app keeps working in the active one. */
export type NewCycle = { name: string; periodFrom: string; periodTo: string; status?: 'active' };

/** The county council's decision that approves a general part version. */
export type Approval = { date: string; caseNumber: string };

/**
 * A new cycle whose general part version 1 (every required section with one sentence) is approved, made
 * through the API as the page's signed-in admin: writing and approving a general part in the browser is the
 * general part journey's subject.
 */
export async function cycleWithApprovedGeneralPart(
  page: Page,
  baseUrl: string,
  newCycle: NewCycle,
  approval: Approval,
): Promise<{ cycleId: string; v1: { id: string; version: number } }> {
  const cycle = await send<{ id: string }>(page, baseUrl, 'POST', '/api/v1/cycles', newCycle);
  const part = await send<{ draftVersionId: string }>(
    page,
    baseUrl,
    'GET',
    `/api/v1/cycles/${cycle.id}/general-part`,
  );
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const draft = await send<{ id: string; version: number }>(
    page,
    baseUrl,
    'PUT',
    `/api/v1/general-part-versions/${part.draftVersionId}/sections`,
    {
      version: 1,
      sections: requiredSections.map((s) => ({
        key: s.key,
        title: s.title,
        body: { type: 'doc', content: [paragraph(`${s.title} for perioden.`)] },
      })),
    },
  );
  await send(page, baseUrl, 'POST', `/api/v1/general-part-versions/${draft.id}/approve`, {
    date: approval.date,
    body: 'Fylkesrådet',
    caseNumber: approval.caseNumber,
    decisionText: 'Fylkesrådet godkjenner generell del.',
    version: draft.version,
  });
  return { cycleId: cycle.id, v1: draft };
}

/**
 * A new cycle with an approved general part (as `cycleWithApprovedGeneralPart` makes it) and the agreements
 * of the regions named, each under the key it is wanted by: answers the cycle's id and each agreement's id
 * under its region's key.
 */
export async function cycleWithAgreements<K extends string>(
  page: Page,
  baseUrl: string,
  setUp: { cycle: NewCycle; approval: Approval; regions: Record<K, string> },
): Promise<{ cycleId: string } & Record<K, string>> {
  const { cycleId } = await cycleWithApprovedGeneralPart(page, baseUrl, setUp.cycle, setUp.approval);
  return { ...(await agreementsIn(page, baseUrl, cycleId, setUp.regions)), cycleId };
}

/** The agreements of a cycle with the regions named, made through the API; their ids under the same keys. */
async function agreementsIn<K extends string>(
  page: Page,
  baseUrl: string,
  cycleId: string,
  regions: Record<K, string>,
): Promise<Record<K, string>> {
  const all = await send<{ items: { id: string; name: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/api/v1/regions?limit=500',
  );
  const idOf = (name: string) => {
    const region = all.items.find((r) => r.name === name);
    if (!region) throw new Error(`no region ${name}`);
    return region.id;
  };
  const made = await send<{ id: string; region: { name: string } }[]>(
    page,
    baseUrl,
    'POST',
    '/api/v1/agreements',
    {
      cycleId,
      regionIds: Object.values<string>(regions).map(idOf),
    },
  );
  const agreementOf = (name: string) => {
    const a = made.find((m) => m.region.name === name);
    if (!a) throw new Error(`no agreement for ${name}`);
    return a.id;
  };
  return Object.fromEntries(
    Object.entries<string>(regions).map(([key, name]) => [key, agreementOf(name)]),
  ) as Record<K, string>;
}

/**
 * Brings agreements to the end of the joint work through the API, as the political journeys need them: the
 * final joint meeting registered as held some days ago, and a special part written, sent and agreed. With
 * the cycle's general part approved, each is then ready for political processing.
 */
export async function readyForPoliticalProcessing(
  page: Page,
  baseUrl: string,
  cycleId: string,
  agreementIds: readonly string[],
): Promise<void> {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() - 10 * 86_400_000),
  );
  await send(page, baseUrl, 'POST', '/api/v1/meetings/registered-afterwards', {
    cycleId,
    type: 'final',
    title: 'Fellesmøte om den spesielle delen',
    agreementIds,
    startsAt: `${day}T09:00:00+01:00`,
    endsAt: `${day}T11:00:00+01:00`,
  });
  for (const agreementId of agreementIds) {
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
  }
}
