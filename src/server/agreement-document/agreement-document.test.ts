import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { requiredSections } from '../../shared/contracts/general-part.js';
import { contributions } from '../contributions/contribution.table.js';
import { readDocx, readPdfFonts, readPdfPages, squash } from '../documents/testing/read-document.js';
import {
  agreementFixture,
  fixtureContributions,
  specialSectionTitles,
} from './agreement-document.fixtures.js';

let t: TestApp;
let cookies: Record<'admin' | 'viewer' | 'department' | 'region' | 'otherRegion', string>;

const county = 'Viken fylkeskommune';
const indre = {
  name: 'Indre Østfold regionråd',
  members: ['Indre Østfold', 'Marker', 'Rakkestad', 'Skiptvet'],
};
const hallingdal = {
  name: 'Regionrådet for Hallingdal',
  members: ['Flå', 'Nesbyen', 'Gol', 'Hemsedal', 'Ål', 'Hol'],
};
const agreed = fixtureContributions.filter((c) => c.status === 'agreed').map((c) => c.title);
const notAgreed = fixtureContributions.filter((c) => c.status !== 'agreed').map((c) => c.title);
const generalTitles = requiredSections.map((s) => s.title);

const documentUrl = (id: string, format?: string) =>
  `/api/v1/agreements/${id}/document${format ? `?format=${format}` : ''}`;
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });

/** An agreement for Indre Østfold (bokmål) with an agreed special part, and one for Hallingdal (nynorsk). */
let bokmal: Awaited<ReturnType<typeof agreementFixture>>;
let nynorsk: Awaited<ReturnType<typeof agreementFixture>>;

beforeAll(async () => {
  t = await startTestApp();
  cookies = {
    admin: await t.cookieFor('admin@demo.partnerskap.no'),
    viewer: await t.cookieFor('leser@demo.partnerskap.no'),
    department: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    region: await t.cookieFor('indre-ostfold@demo.partnerskap.no'),
    otherRegion: await t.cookieFor('hallingdal@demo.partnerskap.no'),
  };
  bokmal = await agreementFixture(t, { regionName: indre.name });
  nynorsk = await agreementFixture(t, { regionName: hallingdal.name });
});

afterAll(async () => {
  await t?.close();
});

const years = (a: typeof bokmal) => `${a.cycle.periodFrom.slice(0, 4)}-${a.cycle.periodTo.slice(0, 4)}`;

describe('the agreement as DOCX', () => {
  it('holds the parties, the period, every section, every agreed contribution and the bodies that adopt it', async () => {
    const res = await get(documentUrl(bokmal.agreement.id, 'docx'), cookies.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const name = `Partnerskapsavtale-Indre-Østfold-${years(bokmal)}-generell-v1-spesiell-v1.docx`;
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(res.headers['cache-control']).toBe('private, no-store');

    const docx = readDocx(res.rawPayload);
    expect(docx.body).toContain('Partnerskapsavtale');
    expect(docx.body).toContain(`mellom ${county} og ${indre.name}`);
    for (const member of indre.members) expect(docx.body).toContain(member);
    const [from, to] = [bokmal.cycle.periodFrom, bokmal.cycle.periodTo].map((d) =>
      d.split('-').reverse().join('.'),
    );
    expect(docx.body).toContain(`${from}–${to}`);
    for (const title of [...generalTitles, ...specialSectionTitles]) expect(docx.body).toContain(title);
    for (const title of agreed) expect(docx.body).toContain(title);
    for (const title of notAgreed) expect(docx.body).not.toContain(title);
    // Grouped by subject area, each contribution with owner, kind, budget and time frame.
    const areaAt = (name: string) => docx.body.indexOf(name);
    expect(areaAt('Næringsutvikling og reiseliv')).toBeLessThan(
      areaAt('Etablerertjeneste for nye bedrifter'),
    );
    expect(areaAt('Kompetanse og fagskole')).toBeGreaterThan(areaAt('Regionen som reisemål'));
    expect(areaAt('Kompetanse og fagskole')).toBeLessThan(
      areaAt('Fagskoleavdeling med studietilbud i regionen'),
    );
    for (const words of [
      'Type: Tiltak\nEier: Næring\nAnsvarlig: Rådgiver for etablerere\nBudsjett: 450 000 kr per år\nTidsramme: 2025–2027',
      'Indikator: Nye foretak per år (utgangspunkt 40 foretak, mål 60 foretak)',
      `Type: Prosjekt\nEier: ${indre.name}\nBudsjett: 1 250 000 kr per år\nTidsramme: Hele perioden`,
      'Type: Forpliktelse\nEier: Utdanning og kompetanse\nBudsjett: Ikke oppgitt',
    ]) {
      expect(docx.body).toContain(words);
    }
    // The last page: who adopts the agreement.
    expect(docx.body).toContain('Behandling og vedtak');
    expect(docx.body).toContain(`Fylkesrådet, ${county}`);
    expect(docx.body).toContain(`Fylkestinget, ${county}\ntil orientering`);
    for (const member of indre.members)
      expect(docx.body).toContain(`Kommunestyret i ${member}\nvedtar avtalen`);
    // County, title, version and page numbers on every page.
    expect(docx.headers).toContain(county);
    expect(docx.headers).toContain(`Partnerskapsavtale mellom ${county} og ${indre.name}`);
    expect(docx.footers).toContain('Generell del v1 · spesiell del v1');
    expect(docx.parts.get('word/footer1.xml') ?? [...docx.parts.values()].join('')).toContain('PAGE');
  });

  it('marks members outside the county', async () => {
    const kongsberg = await agreementFixture(t, { regionName: 'Kongsbergregionen', specialPart: 'none' });
    const res = await get(documentUrl(kongsberg.agreement.id, 'docx'), cookies.viewer);
    expect(res.statusCode).toBe(200);
    const docx = readDocx(res.rawPayload);
    for (const outside of ['Notodden', 'Tinn', 'Hjartdal'])
      expect(docx.body).toContain(`${outside} (utenfor fylket)`);
    expect(docx.body).toContain('Kongsberg,');
    expect(docx.body).not.toContain('Kongsberg (utenfor fylket)');
    expect(docx.body).toContain('Kommunestyret i Notodden');
    // No special part yet: what is agreed so far, and the footer says the special part is not started.
    for (const title of agreed) expect(docx.body).toContain(title);
    expect(docx.body).toContain('Spesiell del er ikke avtalt ennå.');
    expect(docx.footers).toContain('spesiell del ikke påbegynt');
  });
});

describe('the agreement as PDF', () => {
  it('has the same content as extractable text, with the embedded font and page numbers', async () => {
    const res = await get(documentUrl(bokmal.agreement.id, 'pdf'), cookies.department);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Partnerskapsavtale-Indre-Østfold-${years(bokmal)}-generell-v1-spesiell-v1.pdf`)}`,
    );
    const pages = await readPdfPages(res.rawPayload);
    const words = squash(pages.join('\n'));
    for (const expected of [
      county,
      indre.name,
      ...indre.members,
      ...generalTitles,
      ...specialSectionTitles,
      ...agreed,
      'Fylkestinget',
      'Behandling og vedtak',
      '450 000 kr per år',
    ]) {
      expect(words).toContain(expected);
    }
    for (const title of notAgreed) expect(words).not.toContain(title);
    expect(squash(pages.at(-1) ?? '')).toContain(`Side ${pages.length} av ${pages.length}`);
    expect(squash(pages.at(-1) ?? '')).toContain('Generell del v1 · spesiell del v1');
    expect(squash(pages.at(-1) ?? '')).toContain('Kommunestyret i Skiptvet');
    const fonts = await readPdfFonts(res.rawPayload);
    expect(fonts).toMatch(/yes/);
    expect(fonts).not.toMatch(/ no /);
  });
});

describe("the region's written standard", () => {
  it('gives a nynorsk region nynorsk fixed texts, whoever asks', async () => {
    const res = await get(documentUrl(nynorsk.agreement.id, 'docx'), cookies.admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Partnerskapsavtale-Hallingdal-${years(nynorsk)}-generell-v1-særskild-v1.docx`)}`,
    );
    const docx = readDocx(res.rawPayload);
    for (const words of [
      'Partnarskapsavtale',
      'Avtalepartnarar',
      'Medlemskommunar',
      'Særskild del',
      'Handsaming og vedtak',
      'Avtalen skal handsamast av desse organa:',
      'Eigar: Næring',
      'Ansvarleg: Rådgiver for etablerere',
      'Budsjett: Ikkje oppgitt',
      'Forplikting',
      'vedtek avtalen',
    ]) {
      expect(docx.body).toContain(words);
    }
    for (const words of [
      'Partnerskapsavtale',
      'Spesiell del',
      'Behandling og vedtak',
      'Eier',
      'Forpliktelse',
    ]) {
      expect(docx.body).not.toContain(words);
    }
    for (const member of hallingdal.members) expect(docx.body).toContain(`Kommunestyret i ${member}`);
    expect(docx.headers).toContain(`Partnarskapsavtale mellom ${county} og ${hallingdal.name}`);
    expect(docx.footers).toContain('Generell del v1 · særskild del v1');

    const pdf = squash(
      (
        await readPdfPages(
          (
            await get(documentUrl(nynorsk.agreement.id, 'pdf'), cookies.otherRegion)
          ).rawPayload,
        )
      ).join('\n'),
    );
    expect(pdf).toContain('Handsaming og vedtak');
    expect(pdf).toContain('Særskild del');
    expect(pdf).not.toContain('Spesiell del');
  });
});

describe('which contributions are printed', () => {
  it('prints the frozen contributions of the agreed version, whatever changed since', async () => {
    const a = await agreementFixture(t, { regionName: 'Haldenregionen' });
    await t.database.db
      .update(contributions)
      .set({ status: 'dropped' })
      .where(eq(contributions.title, 'Regionen som reisemål'));
    const docx = readDocx((await get(documentUrl(a.agreement.id, 'docx'), cookies.admin)).rawPayload);
    expect(docx.body).toContain('Regionen som reisemål');
    expect(docx.body).not.toContain('Spesiell del er ikke avtalt ennå.');
  });

  it('prints the contributions agreed now for a draft special part', async () => {
    const a = await agreementFixture(t, { regionName: 'Drammensregionen', specialPart: 'draft' });
    const rows = await t.database.db
      .update(contributions)
      .set({ status: 'discussed' })
      .where(eq(contributions.agreementId, a.agreement.id))
      .returning();
    expect(rows.length).toBe(fixtureContributions.length);
    await t.database.db
      .update(contributions)
      .set({ status: 'agreed' })
      .where(eq(contributions.title, 'Bestillingstransport i grendene'));
    const docx = readDocx((await get(documentUrl(a.agreement.id, 'docx'), cookies.admin)).rawPayload);
    expect(docx.body).toContain('Bestillingstransport i grendene');
    expect(docx.body).not.toContain('Etablerertjeneste for nye bedrifter');
    expect(docx.body).toContain('Spesiell del er ikke avtalt ennå.');
    expect(docx.footers).toContain('spesiell del v1 (utkast)');
  });
});

describe('who may download it, and bad requests', () => {
  it('lets everyone signed in download it, and nobody signed out', async () => {
    for (const cookie of Object.values(cookies)) {
      expect((await get(documentUrl(bokmal.agreement.id, 'docx'), cookie)).statusCode).toBe(200);
    }
    expect((await get(documentUrl(bokmal.agreement.id, 'docx'))).statusCode).toBe(401);
  });

  it('answers 404 for an unknown agreement and 400 for a format it does not make', async () => {
    expect(
      (await get(documentUrl('00000000-0000-4000-8000-000000000000', 'pdf'), cookies.admin)).statusCode,
    ).toBe(404);
    expect((await get(documentUrl('not-an-id', 'pdf'), cookies.admin)).statusCode).toBe(404);
    for (const format of ['xlsx', undefined]) {
      const res = await get(documentUrl(bokmal.agreement.id, format), cookies.admin);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'format' })]);
    }
  });
});
