/**
 * Equal treatment, pure: what each region got, in commitments and kroner, in total and per inhabitant,
 * with the regions that stand out marked. The reads add up the commitments per region (and per subject area
 * and department) in SQL and hand the sums here with the memberships and the counts of inhabitants.
 *
 * The rules, as the screen states them:
 *
 * - **Inhabitants of a region** on a date are the inhabitants of the municipalities that are its members on
 *   that date, each by its latest count on or before the date. A municipality that is a member of two
 *   regions on the date counts in full in each, because both regions' agreements are made for all of its
 *   inhabitants; the county's total counts it once. A member without a count is named, and the region's
 *   per-inhabitant figures are left out (not computed from part of its people).
 * - **Kroner** are the budgets of the commitments owed and not dropped; commitments are those owed (withdrawn
 *   ones are not).
 * - **Outliers** (Tukey's fences): a region whose kroner per inhabitant is below Q1 − 1.5 × IQR or above
 *   Q3 + 1.5 × IQR of all regions' kroner per inhabitant is marked low or high; the same for commitments
 *   per 10,000 inhabitants. The quartiles are interpolated (as a spreadsheet's QUARTILE.INC). With fewer than
 *   four regions with figures nothing is marked.
 */

export type Membership = {
  regionId: string;
  municipalityId: string;
  validFrom: string;
  validTo: string | null;
};
export type PopulationCount = { municipalityId: string; count: number; countedOn: string };

export type RegionInhabitants = {
  regionId: string;
  /** Null when a member has no count on or before the date. */
  inhabitants: number | null;
  members: number;
  /** Members with no count on or before the date. */
  withoutCount: string[];
  /** Members that are also members of another region on the date. */
  shared: string[];
  /** The oldest count used, so the screen can say how old the figures are. */
  oldestCount: string | null;
};

/** Whether a membership (validTo exclusive) holds on a date. */
export const memberOn = (m: Pick<Membership, 'validFrom' | 'validTo'>, date: string) =>
  m.validFrom <= date && (m.validTo === null || m.validTo > date);

/** Each municipality's latest count on or before the date. */
export function latestCounts(counts: readonly PopulationCount[], date: string): Map<string, PopulationCount> {
  const latest = new Map<string, PopulationCount>();
  for (const c of counts) {
    if (c.countedOn > date) continue;
    const known = latest.get(c.municipalityId);
    if (!known || known.countedOn < c.countedOn) latest.set(c.municipalityId, c);
  }
  return latest;
}

/** Each region's inhabitants on a date, by the rule above. `regionIds` lists the regions to answer for. */
export function regionInhabitants(
  regionIds: readonly string[],
  memberships: readonly Membership[],
  counts: readonly PopulationCount[],
  date: string,
): Map<string, RegionInhabitants> {
  const latest = latestCounts(counts, date);
  const current = memberships.filter((m) => memberOn(m, date));
  const regionsOf = new Map<string, Set<string>>();
  for (const m of current) {
    const set = regionsOf.get(m.municipalityId) ?? new Set<string>();
    set.add(m.regionId);
    regionsOf.set(m.municipalityId, set);
  }
  const membersOf = new Map<string, Set<string>>();
  for (const m of current) {
    const set = membersOf.get(m.regionId) ?? new Set<string>();
    set.add(m.municipalityId);
    membersOf.set(m.regionId, set);
  }
  const result = new Map<string, RegionInhabitants>();
  for (const regionId of regionIds) {
    const members = [...(membersOf.get(regionId) ?? [])];
    const withoutCount = members.filter((id) => !latest.has(id));
    const used = members.map((id) => latest.get(id)).filter((c): c is PopulationCount => c !== undefined);
    result.set(regionId, {
      regionId,
      inhabitants:
        members.length === 0 || withoutCount.length > 0 ? null : used.reduce((sum, c) => sum + c.count, 0),
      members: members.length,
      withoutCount,
      shared: members.filter((id) => (regionsOf.get(id)?.size ?? 0) > 1),
      oldestCount: used.map((c) => c.countedOn).sort()[0] ?? null,
    });
  }
  return result;
}

/** The county's inhabitants on the date: every municipality that is a member of some region, once. */
export function countyInhabitants(
  memberships: readonly Membership[],
  counts: readonly PopulationCount[],
  date: string,
): number | null {
  const latest = latestCounts(counts, date);
  let total = 0;
  for (const id of new Set(memberships.filter((m) => memberOn(m, date)).map((m) => m.municipalityId))) {
    const count = latest.get(id);
    if (!count) return null;
    total += count.count;
  }
  return total;
}

export type Quartiles = { q1: number; median: number; q3: number; low: number; high: number };

/** Quartiles by linear interpolation between the sorted values (QUARTILE.INC) and Tukey's fences. */
export function tukeyFences(values: readonly number[]): Quartiles | null {
  if (values.length < 4) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const pos = (sorted.length - 1) * p;
    const lower = Math.floor(pos);
    const upper = Math.ceil(pos);
    const a = sorted[lower] as number;
    const b = sorted[upper] as number;
    return a + (b - a) * (pos - lower);
  };
  const q1 = at(0.25);
  const q3 = at(0.75);
  const iqr = q3 - q1;
  return { q1, median: at(0.5), q3, low: q1 - 1.5 * iqr, high: q3 + 1.5 * iqr };
}

export type Outlier = 'low' | 'high' | null;
const outlierOf = (value: number | null, fences: Quartiles | null): Outlier =>
  value === null || fences === null ? null : value < fences.low ? 'low' : value > fences.high ? 'high' : null;

/** A region's commitments and kroner, as the reads sum them. */
export type RegionSums = { regionId: string; commitments: number; kroner: number };

export type RegionFigures = RegionSums & {
  inhabitants: number | null;
  /** Kroner per inhabitant, rounded to whole kroner. */
  kronerPerInhabitant: number | null;
  /** Commitments per 10,000 inhabitants, one decimal. */
  commitmentsPer10k: number | null;
  kronerOutlier: Outlier;
  commitmentsOutlier: Outlier;
};

export type EqualTreatmentFigures = {
  regions: RegionFigures[];
  kronerFences: Quartiles | null;
  commitmentsFences: Quartiles | null;
};

/** Per-inhabitant figures for each region and the outliers among them. */
export function perInhabitant(
  sums: readonly RegionSums[],
  inhabitants: ReadonlyMap<string, Pick<RegionInhabitants, 'inhabitants'>>,
): EqualTreatmentFigures {
  const exact = sums.map((s) => {
    const people = inhabitants.get(s.regionId)?.inhabitants ?? null;
    const usable = people !== null && people > 0;
    return {
      ...s,
      inhabitants: people,
      kronerRaw: usable ? s.kroner / people : null,
      commitmentsRaw: usable ? (s.commitments / people) * 10_000 : null,
    };
  });
  const kronerFences = tukeyFences(exact.flatMap((r) => (r.kronerRaw === null ? [] : [r.kronerRaw])));
  const commitmentsFences = tukeyFences(
    exact.flatMap((r) => (r.commitmentsRaw === null ? [] : [r.commitmentsRaw])),
  );
  return {
    regions: exact.map(({ kronerRaw, commitmentsRaw, ...r }) => ({
      ...r,
      kronerPerInhabitant: kronerRaw === null ? null : Math.round(kronerRaw),
      commitmentsPer10k: commitmentsRaw === null ? null : Math.round(commitmentsRaw * 10) / 10,
      kronerOutlier: outlierOf(kronerRaw, kronerFences),
      commitmentsOutlier: outlierOf(commitmentsRaw, commitmentsFences),
    })),
    kronerFences,
    commitmentsFences,
  };
}
