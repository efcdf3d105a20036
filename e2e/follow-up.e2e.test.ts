import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../src/server/documents/testing/read-document.js';
import { chromiumPath, expectAccessible, type Journey, signIn, startJourney } from './support/browser.js';
import { download, mainNav, settled, signOut } from './support/journey.js';

const admin = 'admin@demo.partnerskap.no';
const departmentEditor = 'samferdsel@demo.partnerskap.no';
const regionContact = 'indre-ostfold@demo.partnerskap.no';

const roundName = 'Halvårsrapport – oppfølgingsreisen';
/** Indre Østfold's road safety measure, the Samferdsel department's commitment with an indicator. */
const roadSafety = /^Trafikksikkerhetstiltak langs/;

/** With SCREENSHOTS=<dir>, the page at a desktop's and a phone's width, for a person to look at. */
const shots = process.env.SCREENSHOTS;
async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** A calendar day in Oslo, some days from today, as the date field takes it. */
const osloDay = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/**
 * Follow-up: Indre Østfold's agreement is in force in the demo, so its agreed contributions are
 * commitments. The admin opens a round covering two of them; the Samferdsel editor reports on the road
 * safety measure with a value of its indicator, the region contact on one of the region's own; the admin
 * sees the round complete and the commitment's timeline.
 */
describe.skipIf(!chromiumPath)('follow-up in the browser', () => {
  let j: Journey;
  let regionCommitment = '';
  beforeAll(async () => {
    j = await startJourney();
  }, 120_000);
  afterAll(async () => j?.close());

  it('lets the admin open a round covering the commitments chosen', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapporteringsrunder' }).waitFor();
    await expectAccessible(page, 'the reporting rounds');
    await page.getByRole('button', { name: 'Åpne rapporteringsrunde' }).click();
    const dialog = page.getByRole('dialog', { name: 'Åpne rapporteringsrunde' });
    await settled(dialog);
    await dialog.getByRole('checkbox').first().waitFor();
    await dialog.getByRole('button', { name: 'Velg ingen' }).click();
    await dialog.getByRole('checkbox', { name: roadSafety }).check();
    const regionOwn = dialog.getByRole('checkbox', {
      name: /\(Indre Østfold regionråd, Indre Østfold regionråd\)$/,
    });
    const label = await regionOwn
      .first()
      .evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    regionCommitment = label.replace(/ \(Indre Østfold regionråd, Indre Østfold regionråd\)$/, '');
    expect(regionCommitment).not.toBe('');
    await regionOwn.first().check();
    await dialog.getByText('2 valgt.', { exact: false }).waitFor();
    // A deadline already passed is refused on its field.
    await dialog.getByLabel('Navn').fill(roundName);
    await dialog.getByLabel('Frist').fill(osloDay(-2));
    await dialog.getByRole('button', { name: 'Åpne runden' }).click();
    await dialog.getByText('Fristen kan ikke være passert.').last().waitFor();
    await expectAccessible(page, 'the open round dialog with an error');
    await dialog.getByLabel('Frist').fill(osloDay(30));
    await dialog.getByRole('button', { name: 'Åpne runden' }).click();
    await page.getByRole('heading', { level: 1, name: roundName }).waitFor();
    await page.getByText(`Rapporteringsrunden «${roundName}» er åpnet.`).waitFor();
    await page.getByText('0 av 2 rapportert').waitFor();
    await expectAccessible(page, 'the new round');
    await signOut(page);
  });

  it('lets the department editor report on its commitment with an indicator value', async () => {
    const { page } = j;
    await signIn(page, departmentEditor);
    await mainNav(page).getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await page.getByRole('link', { name: roundName }).click();
    await page.getByRole('heading', { level: 1, name: roundName }).waitFor();
    await page.getByRole('link', { name: roadSafety }).click();
    await page.getByRole('heading', { level: 1, name: /^Rapport: Trafikksikkerhetstiltak/ }).waitFor();
    await expectAccessible(page, 'the report form');
    const form = page.getByRole('form', { name: 'Rapporten' });
    // A progress beyond 100 is refused on its field, and what was typed stays.
    await form.getByRole('radio', { name: 'I rute' }).check();
    await form.getByLabel('Framdrift i prosent').fill('120');
    await form.getByRole('button', { name: 'Send inn rapporten' }).click();
    await form.getByText('Framdriften må være et helt tall fra 0 til 100.').last().waitFor();
    await expectAccessible(page, 'the report form with an error');
    await form.getByLabel('Framdrift i prosent').fill('35');
    await form.getByRole('textbox', { name: 'Hva er gjort' }).click();
    await page.keyboard.type('To skoleveier i Marker og Rakkestad er utbedret med belysning og gangfelt.');
    await form.getByRole('textbox', { name: 'Hva kommer videre' }).click();
    await page.keyboard.type('Fartsdempende tiltak ved skolene i Skiptvet.');
    await form.getByLabel('Kroner brukt så langt').fill('640000');
    await form.getByLabel('Verdi (strekninger)').fill('2');
    await form.getByRole('button', { name: 'Send inn rapporten' }).click();
    await page.getByText('Rapporten er sendt inn.').waitFor();
    await page.getByText('Utbedrede skoleveier: 2 strekninger', { exact: false }).waitFor();
    await expectAccessible(page, 'the submitted report');
    await signOut(page);
  });

  it('lets the region contact save a draft and submit the region’s own report', async () => {
    const { page } = j;
    await signIn(page, regionContact);
    await mainNav(page).getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await page.getByRole('link', { name: roundName }).click();
    await page.getByRole('link', { name: regionCommitment, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Rapport: ${regionCommitment}` }).waitFor();
    const form = page.getByRole('form', { name: 'Rapporten' });
    await form.getByRole('radio', { name: 'Forsinket' }).check();
    await form.getByLabel('Framdrift i prosent').fill('10');
    await form.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    await form.getByRole('textbox', { name: 'Hva er gjort' }).click();
    await page.keyboard.type(
      'Lokalene er klare, men ansettelsen av prosjektleder tok lengre tid enn ventet.',
    );
    await form.getByRole('button', { name: 'Send inn rapporten' }).click();
    await page.getByText('Rapporten er sendt inn.').waitFor();
    await expectAccessible(page, 'the region’s submitted report');
    await signOut(page);
  });

  it('shows the admin the round complete, and the commitment’s timeline', async () => {
    const { page } = j;
    await signIn(page, admin);
    await mainNav(page).getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await page.getByRole('link', { name: roundName }).click();
    await page.getByText('Alle 2 forpliktelser er rapportert').waitFor();
    const owners = page.getByRole('table', { name: 'Hvem har rapportert' });
    await owners.getByRole('row', { name: /Samferdsel.*Alle 1 rapportert/ }).waitFor();
    await owners
      .getByRole('row', { name: /Indre Østfold regionråd \(regionens egne\).*Alle 1 rapportert/ })
      .waitFor();
    const rows = page.getByRole('table', { name: 'Forpliktelsene i runden' });
    await rows.getByRole('row', { name: /Trafikksikkerhetstiltak.*I rute, 35 %/ }).waitFor();
    await rows.getByRole('row', { name: /Forsinket, 10 %/ }).waitFor();
    await page.getByText('Sendt inn: 2 · Utkast: 0 · Åpnet igjen: 0 · Ikke påbegynt: 0').waitFor();
    await page.getByText('Viser 2 av 2 forpliktelser').waitFor();
    await expectAccessible(page, 'the complete round');
    await shoot(page, 'round');

    // The filters are the server's, kept in the address; the counts beside the states are the whole round's.
    await page.getByLabel('Eier', { exact: true }).selectOption({ label: 'Regionenes egne' });
    await page.getByText('Viser 1 forpliktelse', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('owner')).toBe('region');
    expect(await rows.getByRole('row').count()).toBe(2);
    await rows.getByRole('row', { name: /Forsinket, 10 %/ }).waitFor();
    await page.getByLabel('Rapport', { exact: true }).selectOption({ label: 'Ikke påbegynt (0)' });
    await page.getByText('Ingen forpliktelser passer med filtrene.', { exact: false }).waitFor();
    await expectAccessible(page, 'the round filtered to nothing');
    await shoot(page, 'round-filtered');
    await page.getByRole('button', { name: 'Nullstill filtre' }).click();
    await page.getByText('Viser 2 av 2 forpliktelser').waitFor();

    // A page at a time: with pages of one row, «Vis flere» adds the second below the first.
    const commitmentsApi = /\/api\/v1\/reporting-rounds\/[^/]+\/commitments\?/;
    await page.route(commitmentsApi, (route) =>
      route.continue({ url: route.request().url().replace('limit=100', 'limit=1') }),
    );
    await page.reload();
    await page.getByText('Viser 1 av 2 forpliktelser. Det finnes flere.', { exact: false }).waitFor();
    await expectAccessible(page, 'the round with more commitments to show');
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await page.getByText('Viser 2 av 2 forpliktelser', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
    await page.unroute(commitmentsApi);

    await rows.getByRole('link', { name: roadSafety }).click();
    await page.getByRole('link', { name: 'Se forpliktelsen med indikatorer og tidligere rapporter' }).click();
    await page.getByRole('heading', { level: 1, name: roadSafety }).waitFor();
    await page.getByRole('heading', { level: 3, name: `${roundName}: I rute, 35 %` }).waitFor();
    const indicators = page.getByRole('table', { name: 'Indikatorer' });
    await indicators
      .getByRole('row', { name: /Utbedrede skoleveier/ })
      .getByText(/2 strekninger/)
      .waitFor();
    expect(
      await page.getByText('To skoleveier i Marker og Rakkestad er utbedret', { exact: false }).count(),
    ).toBe(1);
    await expectAccessible(page, 'the commitment with its timeline');

    // An indicator whose target is dated before its baseline is refused on the target's date.
    await page.getByRole('button', { name: 'Legg til indikator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til indikator' });
    await settled(dialog);
    await dialog.getByLabel('Navn').fill('Skoler med trygg skolevei');
    await dialog.getByLabel('Enhet').fill('skoler');
    await dialog.getByLabel('Retning').selectOption({ label: 'Høyere er bedre' });
    await dialog.getByLabel('Utgangspunkt', { exact: true }).fill('3');
    await dialog.getByLabel('Dato for utgangspunktet').fill('2022-01-01');
    await dialog.getByLabel('Mål', { exact: true }).fill('9');
    await dialog.getByLabel('Dato for målet').fill('2021-12-31');
    await dialog.getByRole('button', { name: 'Legg til', exact: true }).click();
    await dialog.getByText('Målets dato kan ikke være før utgangspunktets dato.').last().waitFor();
    await expectAccessible(page, 'the indicator dialog with an error');
    await dialog.getByLabel('Dato for målet').fill('2024-12-31');
    await dialog.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText('Indikatoren er lagt til.').waitFor();
    await indicators.getByRole('row', { name: /Skoler med trygg skolevei/ }).waitFor();

    // A change after the agreement is in force needs its reason and decision, and is listed with them.
    await page.getByRole('button', { name: 'Endre forpliktelsen' }).click();
    const change = page.getByRole('dialog', { name: 'Endre forpliktelsen' });
    await settled(change);
    await change.getByLabel('Midlene krever eget vedtak').check();
    await change.getByRole('button', { name: 'Lagre endringen' }).click();
    await change.getByText('Feltet må fylles ut.').first().waitFor();
    await expectAccessible(page, 'the change dialog with its errors');
    await change
      .getByLabel('Begrunnelse for endringen')
      .fill('Fylkestinget flyttet midlene til budsjettet for 2023.');
    await change.getByLabel('Vedtaket endringen bygger på').fill('FT-sak 52/22');
    await change.getByRole('button', { name: 'Lagre endringen' }).click();
    await page.getByText('Endringen er lagret.').waitFor();
    await page
      .getByText(
        /eget vedtak om midler endret\. Fylkestinget flyttet midlene til budsjettet for 2023\. \(vedtak: FT-sak 52\/22\)/,
      )
      .waitFor();
    await expectAccessible(page, 'the commitment with its change');
  });

  it('lets the admin download the county’s annual report with the deviations and the region’s with the reports in it, and make it a political case', async () => {
    const { page } = j;
    await mainNav(page).getByRole('link', { name: 'Oppfølging', exact: true }).click();
    await page.getByRole('link', { name: roundName }).click();
    await page.getByRole('heading', { level: 2, name: 'Årsrapport' }).waitFor();
    // The county's report: the summary table first, then the deviations with the owner's explanation.
    const docx = await download(page, 'Last ned årsrapport (DOCX)');
    expect(docx.filename).toMatch(/\.docx$/);
    const county = readDocx(docx.content).body;
    const summary = county.indexOf('Sammendrag\n');
    expect(summary).toBeGreaterThan(0);
    expect(county.slice(summary)).toMatch(/\nIndre Østfold regionråd\n\d+\n/);
    const deviations = county.indexOf('Avvik\n');
    expect(deviations).toBeGreaterThan(summary);
    expect(county.slice(deviations)).toMatch(
      /\(Forsinket, 10 %; eier: [^)]+\)\nHva er gjort: Lokalene er klare, men ansettelsen av prosjektleder tok lengre tid enn ventet\./,
    );
    expect(county).toContain('Regionenes årsrapporter\n');
    // The report on track is not a deviation: its text is the region's report's, not the county's.
    expect(county).not.toContain(
      'To skoleveier i Marker og Rakkestad er utbedret med belysning og gangfelt.',
    );
    // Indre Østfold's report holds the reports in full.
    await page.getByLabel('Regionens årsrapport').selectOption({ label: 'Indre Østfold regionråd' });
    const regionDocx = await download(page, 'Last ned regionens årsrapport (DOCX)');
    expect(regionDocx.filename).toMatch(/Indre-ostfold.*\.docx$/i);
    const words = readDocx(regionDocx.content).body;
    const regionSummary = words.indexOf('Sammendrag\n');
    expect(regionSummary).toBeGreaterThan(0);
    expect(words.indexOf('Hva er gjort\n')).toBeGreaterThan(regionSummary);
    expect(words).toContain('To skoleveier i Marker og Rakkestad er utbedret med belysning og gangfelt.');
    expect(words).toContain('Lokalene er klare, men ansettelsen av prosjektleder tok lengre tid enn ventet.');
    expect(words.slice(words.indexOf('Avvik\n'))).toContain('Status: Forsinket, 10 %');

    await page.getByRole('button', { name: 'Lag politisk sak' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lage politisk sak av årsrapporten?' });
    await settled(dialog);
    await expectAccessible(page, 'the political case dialog');
    await dialog.getByRole('button', { name: 'Lag politisk sak' }).click();
    await page.getByRole('heading', { level: 1, name: /^Årsrapport .*for partnerskapsavtalene$/ }).waitFor();
    await page
      .getByText(/Fylkesrådet tar årsrapporten/)
      .first()
      .waitFor();
    await expectAccessible(page, 'the annual report’s political case');
  });
});
