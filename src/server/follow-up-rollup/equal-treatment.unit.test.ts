import { describe, expect, it } from 'vitest';
import {
  countyInhabitants,
  type Membership,
  memberOn,
  type PopulationCount,
  perInhabitant,
  regionInhabitants,
  tukeyFences,
} from './equal-treatment.js';

// Jevnaker sits in both Ringeriksregionen and Hadeland, as in the demo.
const memberships: Membership[] = [
  { regionId: 'ringerike', municipalityId: 'ringerike-k', validFrom: '2020-01-01', validTo: null },
  { regionId: 'ringerike', municipalityId: 'jevnaker', validFrom: '2020-01-01', validTo: null },
  { regionId: 'hadeland', municipalityId: 'jevnaker', validFrom: '2020-01-01', validTo: null },
  { regionId: 'hadeland', municipalityId: 'lunner', validFrom: '2020-01-01', validTo: null },
  // Modum joins Ringeriksregionen in 2021; Lunner left Hadeland at the end of 2022 in this example.
  { regionId: 'ringerike', municipalityId: 'modum', validFrom: '2021-01-01', validTo: null },
];
const counts: PopulationCount[] = [
  { municipalityId: 'ringerike-k', count: 30_000, countedOn: '2020-01-01' },
  { municipalityId: 'jevnaker', count: 7_000, countedOn: '2020-01-01' },
  { municipalityId: 'jevnaker', count: 7_100, countedOn: '2021-01-01' },
  { municipalityId: 'lunner', count: 9_000, countedOn: '2020-01-01' },
  { municipalityId: 'modum', count: 14_000, countedOn: '2020-01-01' },
];

describe('inhabitants of a region on a date', () => {
  it('counts a municipality in two regions in full in each, and once in the county', () => {
    const on2020 = regionInhabitants(['ringerike', 'hadeland'], memberships, counts, '2020-06-30');
    expect(on2020.get('ringerike')).toEqual({
      regionId: 'ringerike',
      inhabitants: 37_000,
      members: 2,
      withoutCount: [],
      shared: ['jevnaker'],
      oldestCount: '2020-01-01',
    });
    expect(on2020.get('hadeland')?.inhabitants).toBe(16_000);
    // 30 000 + 7 000 + 9 000: Jevnaker once.
    expect(countyInhabitants(memberships, counts, '2020-06-30')).toBe(46_000);
  });

  it("uses each member's latest count on or before the date, and the members of that date", () => {
    const on2021 = regionInhabitants(['ringerike'], memberships, counts, '2021-03-01');
    // Ringerike 30 000 + Jevnaker's 2021 count 7 100 + Modum, a member from 2021, 14 000.
    expect(on2021.get('ringerike')).toMatchObject({ inhabitants: 51_100, members: 3 });
    const before = regionInhabitants(['ringerike'], memberships, counts, '2020-12-31');
    expect(before.get('ringerike')?.inhabitants).toBe(37_000);
  });

  it('treats the end of a membership as exclusive', () => {
    const period = { validFrom: '2020-01-01', validTo: '2023-01-01' };
    expect(memberOn(period, '2022-12-31')).toBe(true);
    expect(memberOn(period, '2023-01-01')).toBe(false);
    expect(memberOn(period, '2019-12-31')).toBe(false);
  });

  it('names members without a count and gives the region no inhabitants rather than part of them', () => {
    const before = regionInhabitants(['ringerike', 'empty'], memberships, counts, '2019-12-31');
    expect(before.get('ringerike')).toMatchObject({ inhabitants: null, members: 0 });
    const missing = regionInhabitants(
      ['hadeland'],
      memberships,
      counts.filter((c) => c.municipalityId !== 'lunner'),
      '2020-06-30',
    );
    expect(missing.get('hadeland')).toMatchObject({ inhabitants: null, withoutCount: ['lunner'] });
    expect(countyInhabitants(memberships, counts.slice(1), '2020-06-30')).toBeNull();
    expect(before.get('empty')).toMatchObject({ inhabitants: null, members: 0 });
  });
});

describe('per inhabitant and outliers', () => {
  it('computes kroner per inhabitant and commitments per 10,000 for each region', () => {
    const figures = perInhabitant(
      [
        { regionId: 'ringerike', commitments: 12, kroner: 3_700_000 },
        { regionId: 'hadeland', commitments: 8, kroner: 800_000 },
      ],
      regionInhabitants(['ringerike', 'hadeland'], memberships, counts, '2020-06-30'),
    );
    expect(figures.regions).toEqual([
      {
        regionId: 'ringerike',
        commitments: 12,
        kroner: 3_700_000,
        inhabitants: 37_000,
        kronerPerInhabitant: 100,
        commitmentsPer10k: 3.2,
        kronerOutlier: null,
        commitmentsOutlier: null,
      },
      {
        regionId: 'hadeland',
        commitments: 8,
        kroner: 800_000,
        inhabitants: 16_000,
        kronerPerInhabitant: 50,
        commitmentsPer10k: 5,
        kronerOutlier: null,
        commitmentsOutlier: null,
      },
    ]);
    // Two regions are too few to call one an outlier.
    expect(figures.kronerFences).toBeNull();
  });

  it('finds the quartiles by interpolation and the fences at 1.5 × IQR', () => {
    expect(tukeyFences([1, 2, 3, 4, 5])).toEqual({ q1: 2, median: 3, q3: 4, low: -1, high: 7 });
    expect(tukeyFences([10, 20, 30, 40])).toEqual({ q1: 17.5, median: 25, q3: 32.5, low: -5, high: 55 });
    expect(tukeyFences([1, 2, 3])).toBeNull();
  });

  it('marks a region far above or below the others, and leaves one without inhabitants unmarked', () => {
    const people = new Map(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => [id, { inhabitants: id === 'g' ? null : 10_000 }]),
    );
    const kroner = {
      a: 1_000_000,
      b: 1_100_000,
      c: 900_000,
      d: 1_050_000,
      e: 5_000_000,
      f: 100_000,
      g: 9_000_000,
    };
    const figures = perInhabitant(
      Object.entries(kroner).map(([regionId, k]) => ({ regionId, commitments: 5, kroner: k })),
      people,
    );
    const marks = Object.fromEntries(figures.regions.map((r) => [r.regionId, r.kronerOutlier]));
    // Per inhabitant: 100, 110, 90, 105, 500, 10 → Q1 92.5, Q3 108.75, fences 68.1 and 133.1.
    expect(marks).toEqual({ a: null, b: null, c: null, d: null, e: 'high', f: 'low', g: null });
    expect(figures.kronerFences).toMatchObject({ q1: 92.5, q3: 108.75 });
    expect(figures.regions.find((r) => r.regionId === 'g')).toMatchObject({
      inhabitants: null,
      kronerPerInhabitant: null,
    });
    // Every region has the same number of commitments per inhabitant: no outlier there.
    expect(figures.regions.every((r) => r.commitmentsOutlier === null)).toBe(true);
  });
});
