import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { auditTrail, startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { importPopulations } from './import-populations.js';
import { listMunicipalities } from './list-municipalities.js';
import { listMunicipalityPopulations, listPopulations } from './list-populations.js';
import { setPopulation } from './set-population.js';

const sample = readFileSync(
  new URL('../../../test/fixtures/ssb-07459-population-sample.csv', import.meta.url),
  'utf8',
);
const unknownId = '7d3e6b4e-0000-4000-8000-000000000000';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.cookieFor('admin@demo.partnerskap.no');
});
afterAll(async () => t.close());

const idOf = async (number: string) => {
  const { items } = await listMunicipalities(t.ctx(t.actors.admin), { q: number });
  const found = items.find((m) => m.number === number);
  if (!found) throw new Error(`no municipality ${number}`);
  return found.id;
};

describe('inhabitants per municipality', () => {
  it('are in the demo for every municipality on 1 January 2020, and every role reads them', async () => {
    for (const actor of Object.values(t.actors)) {
      const { items } = await listPopulations(t.ctx(actor), { date: '2020-06-30' });
      expect(items).toHaveLength(56);
      expect(items.every((p) => p.countedOn === '2020-01-01' && p.count > 0)).toBe(true);
    }
    expect((await listPopulations(t.ctx(t.actors.viewer), { date: '2019-12-31' })).items).toEqual([]);
  });

  it('an admin sets a count for a date, replaces it, and each change is audited; the latest by a date is read', async () => {
    const halden = await idOf('3001');
    const set = await setPopulation(t.ctx(t.actors.admin), halden, {
      count: 31000,
      countedOn: '2023-01-01',
      source: 'Kommunens tall',
    });
    expect(set).toMatchObject({
      municipalityNumber: '3001',
      count: 31000,
      countedOn: '2023-01-01',
      version: 1,
    });
    const replaced = await setPopulation(t.ctx(t.actors.admin), halden, {
      count: 31100,
      countedOn: '2023-01-01',
      source: 'SSB, tabell 07459',
    });
    expect(replaced).toMatchObject({ count: 31100, source: 'SSB, tabell 07459', version: 2 });
    const audit = await auditTrail(t, 'municipality', halden);
    expect(audit.map((e) => e.action).slice(-2)).toEqual(['population.create', 'population.update']);

    const own = await listMunicipalityPopulations(t.ctx(t.actors.region), halden);
    expect(own.items.map((p) => [p.countedOn, p.count])).toEqual([
      ['2023-01-01', 31100],
      ['2020-01-01', 31373],
    ]);
    const latest = await listPopulations(t.ctx(t.actors.viewer), { date: '2023-06-01' });
    expect(latest.items.find((p) => p.municipalityNumber === '3001')?.count).toBe(31100);
    const before = await listPopulations(t.ctx(t.actors.viewer), { date: '2022-12-31' });
    expect(before.items.find((p) => p.municipalityNumber === '3001')?.count).toBe(31373);
  });

  it('refuses every role but admin, bad counts, dates and sources, and an unknown municipality, changing nothing', async () => {
    const halden = await idOf('3001');
    const good = { count: 100, countedOn: '2024-01-01', source: 'SSB' };
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(setPopulation(t.ctx(actor), halden, good)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(importPopulations(t.ctx(actor), { content: sample, source: 'SSB' })).rejects.toMatchObject(
        {
          code: 'forbidden',
        },
      );
    }
    for (const [body, field, code] of [
      [{ ...good, count: -1 }, 'count', 'validation.populationCountNumber'],
      [{ ...good, count: 10.5 }, 'count', 'validation.populationCountNumber'],
      [{ ...good, count: '100' }, 'count', 'validation.populationCountNumber'],
      [{ ...good, countedOn: '2024-02-30' }, 'countedOn', 'validation.date'],
      [{ ...good, source: ' ' }, 'source', 'validation.required'],
    ] as const) {
      const res = await t.request({
        method: 'PUT',
        url: `/api/v1/municipalities/${halden}/populations`,
        cookie: admin,
        payload: body,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
    const missing = await t.request({
      method: 'PUT',
      url: `/api/v1/municipalities/${unknownId}/populations`,
      cookie: admin,
      payload: good,
    });
    expect(missing.statusCode).toBe(404);
    expect(await snapshot(t.database.db)).toBe(before);
  });
});

describe("importing SSB's population table", () => {
  it('reports unknown municipality numbers and bad rows by line, with the line in the message, and writes nothing', async () => {
    const before = await snapshot(t.database.db);
    const content = `${sample}"3099 Ukjent";500;510\r\n"3002 Moss";femti;49300\r\n`;
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/municipality-populations/import',
      cookie: admin,
      payload: { content, source: 'SSB, tabell 07459' },
    });
    expect(res.statusCode).toBe(400);
    const fields: { field: string; code: string; message: string }[] = res.json().errors;
    expect(fields.map((f) => [f.field, f.code])).toEqual([
      ['lines.10', 'validation.populationUnknownMunicipality'],
      ['lines.11', 'validation.populationBadCount'],
    ]);
    expect(fields[0]?.message).toBe(
      'Linje 10: kommunenummer 3099 (Ukjent) finnes ikke i registeret. Legg kommunen inn, eller ta med bare fylkets kommuner.',
    );
    const empty = await t.request({
      method: 'POST',
      url: '/api/v1/municipality-populations/import',
      cookie: admin,
      payload: { content: '', source: 'SSB' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ field: 'content', code: 'validation.required' }),
    ]);
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('sets each count, replaces what changed, leaves what matches, and says so', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/municipality-populations/import',
      cookie: admin,
      payload: { content: sample, source: 'SSB tabell 07459, folkemengde 1. januar 2020' },
    });
    expect(res.statusCode).toBe(200);
    // Halden's and Aremark's 2020 counts match the demo's; the 2021 ones are new; Jevnaker's 2020 differs.
    expect(res.json()).toEqual({
      created: 2,
      updated: 1,
      unchanged: 2,
      skipped: 4,
      dates: ['2020-01-01', '2021-01-01'],
    });
    const again = await importPopulations(t.ctx(t.actors.admin), {
      content: sample,
      source: 'SSB tabell 07459, folkemengde 1. januar 2020',
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    const jevnaker = await listMunicipalityPopulations(t.ctx(t.actors.viewer), await idOf('3053'));
    expect(jevnaker.items.map((p) => [p.countedOn, p.count, p.version])).toEqual([['2020-01-01', 6870, 2]]);
  });
});
