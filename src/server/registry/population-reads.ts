import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Population, PopulationList } from '../../shared/contracts/populations.js';
import type { Db, Tx } from '../db/client.js';
import { municipalityPopulations } from './population.table.js';
import { municipalities } from './registry.table.js';

const columns = {
  municipalityId: municipalityPopulations.municipalityId,
  municipalityNumber: municipalities.number,
  municipalityName: municipalities.name,
  count: municipalityPopulations.count,
  countedOn: municipalityPopulations.countedOn,
  source: municipalityPopulations.source,
  version: municipalityPopulations.version,
};

/** Every count of one municipality, newest first. */
export async function populationsOfMunicipality(db: Db | Tx, municipalityId: string): Promise<Population[]> {
  return db
    .select(columns)
    .from(municipalityPopulations)
    .innerJoin(municipalities, eq(municipalities.id, municipalityPopulations.municipalityId))
    .where(eq(municipalityPopulations.municipalityId, municipalityId))
    .orderBy(desc(municipalityPopulations.countedOn));
}

/** One count of one municipality on one date, if there is one. */
export async function populationOn(
  db: Db | Tx,
  municipalityId: string,
  countedOn: string,
): Promise<Population | undefined> {
  const [row] = await db
    .select(columns)
    .from(municipalityPopulations)
    .innerJoin(municipalities, eq(municipalities.id, municipalityPopulations.municipalityId))
    .where(
      and(
        eq(municipalityPopulations.municipalityId, municipalityId),
        eq(municipalityPopulations.countedOn, countedOn),
      ),
    );
  return row;
}

/**
 * Each municipality's latest count on or before `date`, by municipality number; a municipality with no count
 * by then is left out. One query (DISTINCT ON over the unique index).
 */
export async function latestPopulations(db: Db | Tx, date: string): Promise<PopulationList> {
  const items = await db
    .selectDistinctOn([municipalities.number], columns)
    .from(municipalityPopulations)
    .innerJoin(municipalities, eq(municipalities.id, municipalityPopulations.municipalityId))
    .where(lte(municipalityPopulations.countedOn, date))
    .orderBy(asc(municipalities.number), desc(municipalityPopulations.countedOn));
  return { items };
}

/** Today's date in Oslo by the database's clock: the default date of "the latest count". */
export async function osloToday(db: Db | Tx): Promise<string> {
  const result = (await db.execute(
    sql`select to_char(now() at time zone 'Europe/Oslo', 'YYYY-MM-DD') as today`,
  )) as { rows: { today: string }[] };
  const today = result.rows[0]?.today;
  if (!today) throw new Error('the database gave no date');
  return today;
}
