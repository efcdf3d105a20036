import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { addContributions, matrixCycle, registryByName } from '../matrix/matrix.fixtures.js';
import { csvField, exportContributions, neutralizeFormula } from './export-contributions.js';

let t: TestApp;
// Loading the demo takes a while on a busy machine.
beforeAll(async () => {
  t = await startTestApp();
}, 300_000);
afterAll(async () => t.close());

/** Parses `;`-separated CSV with RFC 4180 quoting (quotes doubled, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function scenario() {
  const reg = await registryByName(t);
  const samferdsel = reg.department('Samferdsel');
  const indre = reg.region('Indre Østfold');
  const hallingdal = reg.region('Hallingdal');
  const m = await matrixCycle(t, ['Samferdsel', 'Næring'], [indre.id, hallingdal.id]);
  await addContributions(t, m.cycle.id, [
    {
      agreementId: m.agreementOf(indre.id),
      subjectAreaId: m.area('Samferdsel'),
      departmentId: samferdsel.id,
      kind: 'project',
      title: 'Pendlerparkering; Mysen "stasjon"',
      description: 'Første linje\nandre linje med æøå',
      responsible: 'Seksjon for kollektiv',
      budget: 1_250_000,
      timeFrame: '2025–2026',
      status: 'agreed',
      indicators: [
        { name: 'Plasser', baseline: '40', target: '120', unit: 'stk' },
        { name: 'Tilfredshet', baseline: null, target: null, unit: null },
      ],
    },
    {
      agreementId: m.agreementOf(hallingdal.id),
      subjectAreaId: m.area('Næring'),
      departmentId: null,
      kind: 'commitment',
      title: '=SUM(A1:A2) reiselivsstrategi',
      status: 'proposed',
    },
    {
      agreementId: m.agreementOf(indre.id),
      subjectAreaId: m.area('Næring'),
      departmentId: samferdsel.id,
      kind: 'measure',
      title: 'Gründerservice',
      status: 'dropped',
    },
  ]);
  return { ...m, samferdsel, indre, hallingdal };
}

describe('the contribution export', () => {
  it('writes CSV for Norwegian Excel: BOM, semicolons, CRLF, quoting, headers in the caller’s language', async () => {
    const s = await scenario();
    const file = await exportContributions(t.ctx(t.actors.viewer), { cycle: s.cycle.id, format: 'csv' });
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    expect(file.filename).toBe(`Bidrag ${s.cycle.name}.csv`);
    expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.content.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'Region',
      'Eier',
      'Fagområde',
      'Type',
      'Tittel',
      'Beskrivelse',
      'Ansvarlig',
      'Budsjett (kr per år)',
      'Tidsramme',
      'Status',
      'Indikatorer',
      'Sist endret',
    ]);
    // By region name (Indre Østfold before Regionrådet for Hallingdal), then owner, subject area.
    expect(rows.map((r) => r[4])).toEqual([
      'Pendlerparkering; Mysen "stasjon"',
      'Gründerservice',
      // A title that looks like a formula is kept from running in Excel.
      "'=SUM(A1:A2) reiselivsstrategi",
    ]);
    const [first, , third] = rows;
    expect(first).toEqual([
      s.indre.name,
      'Samferdsel',
      'Samferdsel',
      'Prosjekt',
      'Pendlerparkering; Mysen "stasjon"',
      'Første linje\nandre linje med æøå',
      'Seksjon for kollektiv',
      '1250000',
      '2025–2026',
      'Avtalt',
      'Plasser (utgangspunkt 40 stk, mål 120 stk); Tilfredshet',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    ]);
    expect(third?.slice(0, 4)).toEqual([s.hallingdal.name, 'Regionen', 'Næring', 'Forpliktelse']);
    expect(third?.[7]).toBe('');
  });

  it('filters by status and subject area as the matrix does', async () => {
    const s = await scenario();
    const read = async (query: Record<string, unknown>) =>
      parseCsv(
        (
          await exportContributions(t.ctx(t.actors.admin), { cycle: s.cycle.id, format: 'csv', ...query })
        ).content
          .toString('utf8')
          .slice(1),
      )
        .slice(1)
        .map((r) => r[4]);
    expect(await read({ status: 'agreed,proposed' })).toEqual([
      'Pendlerparkering; Mysen "stasjon"',
      "'=SUM(A1:A2) reiselivsstrategi",
    ]);
    expect(await read({ subjectArea: [s.area('Næring')] })).toEqual([
      'Gründerservice',
      "'=SUM(A1:A2) reiselivsstrategi",
    ]);
    expect(await read({ subjectArea: s.area('Næring'), status: 'dropped' })).toEqual(['Gründerservice']);
    expect(await read({ status: 'discussed' })).toEqual([]);
  });

  it('writes XLSX with a frozen header row, widths, and budgets as numbers, in English for an English reader', async () => {
    const s = await scenario();
    const file = await exportContributions(t.ctx({ ...t.actors.department, locale: 'en' }), {
      cycle: s.cycle.id,
      format: 'xlsx',
    });
    expect(file.filename).toBe(`Contributions ${s.cycle.name}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Contributions');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Region',
      'Owner',
      'Subject area',
      'Type',
      'Title',
      'Description',
      'Responsible',
      'Budget (NOK per year)',
      'Time frame',
      'Status',
      'Indicators',
      'Last changed',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(5).width).toBe(40);
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    expect(first.getCell(8).value).toBe(1_250_000);
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(4).value).toBe('Project');
    expect(first.getCell(10).value).toBe('Agreed');
    expect(first.getCell(11).value).toBe('Plasser (baseline 40 stk, target 120 stk); Tilfredshet');
    // Last changed is a date and time (Oslo wall clock), not text.
    expect(first.getCell(12).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(12).numFmt).toBe('yyyy-mm-dd hh:mm');
    const oslo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short' }).format(
      new Date(),
    );
    expect((first.getCell(12).value as Date).toISOString().slice(0, 10)).toBe(oslo);
    // Text is text in XLSX: nothing to neutralize, the title is exactly as typed.
    expect(sheet.getRow(4).getCell(5).value).toBe('=SUM(A1:A2) reiselivsstrategi');
    expect(sheet.getRow(4).getCell(2).value).toBe('The region');
    expect(sheet.getRow(4).getCell(8).value).toBeNull();
  });

  it('quotes only where needed and neutralizes formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
    expect(neutralizeFormula('-5 % utslipp')).toBe("'-5 % utslipp");
    expect(neutralizeFormula('@user')).toBe("'@user");
    expect(neutralizeFormula('Vanlig tittel')).toBe('Vanlig tittel');
  });

  it.each([
    '=1+1',
    '+1+1',
    '-1+1',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    '＝1+1',
    '＋1+1',
    '－1+1',
    '＠SUM(A1)',
    ' =1+1',
    '\u3000＝1+1',
  ])('neutralizes %j, every way a formula can begin, full-width forms included', (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it('leaves text that only holds such a character later alone', () => {
    for (const value of ['E-post: a@b.no', 'Vekst 2+3 %', 'Sum = 5', 'Ja＝nei']) {
      expect(neutralizeFormula(value)).toBe(value);
    }
  });
});

describe('GET /api/v1/contributions/export', () => {
  it('downloads with a file name in the Content-Disposition, for everyone signed in', async () => {
    const s = await scenario();
    for (const email of ['leser@demo.partnerskap.no', 'indre-ostfold@demo.partnerskap.no']) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/contributions/export?cycle=${s.cycle.id}&format=xlsx&status=agreed`,
        cookie: await t.cookieFor(email),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Bidrag ${s.cycle.name}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Bidrag ${s.cycle.name}.xlsx`)}`,
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]?.rowCount).toBe(2);
    }
    const csv = await t.request({
      method: 'GET',
      url: `/api/v1/contributions/export?cycle=${s.cycle.id}&format=csv`,
      cookie: await t.cookieFor('samferdsel@demo.partnerskap.no'),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(parseCsv(csv.rawPayload.toString('utf8').slice(1))).toHaveLength(4);

    const anonymous = await t.request({
      method: 'GET',
      url: `/api/v1/contributions/export?cycle=${s.cycle.id}&format=csv`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a missing or unknown format, bad filters and an unknown cycle', async () => {
    const s = await scenario();
    const cookie = await t.cookieFor('admin@demo.partnerskap.no');
    const status = async (query: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/contributions/export${query}`, cookie })).statusCode;
    expect(await status(`?cycle=${s.cycle.id}`)).toBe(400);
    expect(await status(`?cycle=${s.cycle.id}&format=pdf`)).toBe(400);
    expect(await status(`?cycle=${s.cycle.id}&format=csv&status=done`)).toBe(400);
    expect(await status(`?cycle=${s.cycle.id}&format=csv&subjectArea=${s.cycle.id}`)).toBe(400);
    expect(await status('?format=csv')).toBe(400);
    expect(await status('?cycle=00000000-0000-4000-8000-000000000000&format=csv')).toBe(404);
  });
});
