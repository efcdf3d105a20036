import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { systemActor } from '../platform/context.js';
import { municipalities } from '../registry/registry.table.js';
import { setPopulation } from '../registry/set-population.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The demo municipalities' inhabitants on 1 January 2020, rounded and illustrative (data/demo/README.md). */
export const populationFile = path.resolve(rootDir, 'data/demo/population-2020.json');

type PopulationFile = {
  source: string;
  countedOn: string;
  counts: { number: string; name: string; count: number }[];
};

/** Sets each demo municipality's count through the registry's use case, so each is audited as an admin's. */
export async function loadDemoPopulation(db: Db, file = populationFile): Promise<void> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as PopulationFile;
  const ctx = { db, actor: systemActor, requestId: 'demo' };
  const rows = await db
    .select({ id: municipalities.id, number: municipalities.number })
    .from(municipalities)
    .where(
      inArray(
        municipalities.number,
        data.counts.map((c) => c.number),
      ),
    );
  const idByNumber = new Map(rows.map((r) => [r.number, r.id]));
  for (const entry of data.counts) {
    const id = idByNumber.get(entry.number);
    if (!id) throw new Error(`the demo has no municipality ${entry.number} ${entry.name}`);
    await setPopulation(ctx, id, { count: entry.count, countedOn: data.countedOn, source: data.source });
  }
}
