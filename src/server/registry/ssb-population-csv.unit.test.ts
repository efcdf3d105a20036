import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePopulationCsv, splitCsvLine } from './ssb-population-csv.js';

const sample = readFileSync(
  new URL('../../../test/fixtures/ssb-07459-population-sample.csv', import.meta.url),
  'utf8',
);

describe("reading SSB's population table as CSV", () => {
  it('splits on semicolons, honouring quotes and doubled quotes', () => {
    expect(splitCsvLine('"3001 Halden";31444')).toEqual(['3001 Halden', '31444']);
    expect(splitCsvLine('"a;b";"say ""hi""";')).toEqual(['a;b', 'say "hi"', '']);
  });

  it('takes every year column as a count on 1 January, skipping the country, counties, 9999 and missing figures', () => {
    const parsed = parsePopulationCsv(sample);
    expect(parsed.issues).toEqual([]);
    expect(parsed.counts).toEqual([
      { line: 6, number: '3001', name: 'Halden', countedOn: '2020-01-01', count: 31373 },
      { line: 6, number: '3001', name: 'Halden', countedOn: '2021-01-01', count: 31500 },
      { line: 7, number: '3012', name: 'Aremark', countedOn: '2020-01-01', count: 1325 },
      { line: 7, number: '3012', name: 'Aremark', countedOn: '2021-01-01', count: 1330 },
      { line: 8, number: '3053', name: 'Jevnaker', countedOn: '2020-01-01', count: 6870 },
    ]);
    // The country, the county, Jevnaker's ".." for 2021, and 9999.
    expect(parsed.skipped).toBe(4);
  });

  it('reads a byte-order mark, "K-" numbers, a header with the year alone, thousands spaces and "-" for nil', () => {
    const parsed = parsePopulationCsv('\uFEFFregion;2020\nK-3039 Flå;1 040\n3051 Rollag;-\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.counts.map((c) => [c.number, c.count])).toEqual([
      ['3039', 1040],
      ['3051', 0],
    ]);
  });

  it('names the line of a figure that is no count and of a municipality given twice', () => {
    const parsed = parsePopulationCsv(
      'region;Personer 2020\n3001 Halden;31,4\n3012 Aremark;-5\n3001 Halden;31400\n3001 Halden;31400\n',
    );
    expect(parsed.issues).toEqual([
      { field: 'lines.2', code: 'validation.populationBadCount', params: { line: 2, value: '31,4' } },
      { field: 'lines.3', code: 'validation.populationBadCount', params: { line: 3, value: '-5' } },
      {
        field: 'lines.5',
        code: 'validation.populationDuplicateRow',
        params: { line: 5, number: '3001', earlier: 4 },
      },
    ]);
  });

  it('refuses a file without a year column, and one without municipalities', () => {
    expect(parsePopulationCsv('kommune,innbyggere\nHalden,31400').issues).toEqual([
      { field: 'content', code: 'validation.populationNoHeader', params: {} },
    ]);
    expect(parsePopulationCsv('region;Personer 2020\n0 Hele landet;5367580\n').issues).toEqual([
      { field: 'content', code: 'validation.populationNoRows', params: {} },
    ]);
  });
});
