import { type PopulationList, PopulationListQuery } from '../../shared/contracts/populations.js';
import { authorize, everyone, parse } from '../platform/authorize.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { assertId } from '../platform/ids.js';
import { getMunicipality } from './get-municipality.js';
import { latestPopulations, osloToday, populationsOfMunicipality } from './population-reads.js';

/** Each municipality's latest count on or before the date asked (today in Oslo when none is given). */
export async function listPopulations(ctx: Ctx, raw: unknown): Promise<PopulationList> {
  const { db } = authorize(ctx, everyone);
  const query = parse(PopulationListQuery, raw);
  return latestPopulations(db, query.date ?? (await osloToday(db)));
}

/** Every count of one municipality, newest first. */
export async function listMunicipalityPopulations(ctx: Ctx, municipalityId: string): Promise<PopulationList> {
  const { db } = authorize(ctx, everyone);
  assertId(municipalityId);
  const municipality = await getMunicipality(ctx, municipalityId).catch(() => undefined);
  if (!municipality) throw notFound();
  return { items: await populationsOfMunicipality(db, municipalityId) };
}
