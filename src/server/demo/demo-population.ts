import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import { systemActor } from '../platform/context.js';
import { importPopulations } from '../registry/import-populations.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The demo municipalities' inhabitants on 1 January 2020, from SSB table 07459 (data/demo/README.md). */
export const populationFile = path.resolve(rootDir, 'data/demo/population-2020.json');

type PopulationFile = {
  source: string;
  countedOn: string;
  counts: { number: string; name: string; count: number }[];
};

/**
 * Loads the demo's counts through the registry's SSB import, as the file an admin would download: one
 * transaction, each count audited, and a municipality the registry lacks refused by its line.
 */
export async function loadDemoPopulation(db: Db, file = populationFile): Promise<void> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as PopulationFile;
  const year = data.countedOn.slice(0, 4);
  if (data.countedOn !== `${year}-01-01`) throw new Error('the demo counts must be of 1 January');
  const content = [
    '"Befolkning, etter region, statistikkvariabel og år"',
    '',
    `"region";"Personer ${year}"`,
    ...data.counts.map((c) => `"${c.number} ${c.name}";${c.count}`),
  ].join('\r\n');
  await importPopulations({ db, actor: systemActor, requestId: 'demo' }, { content, source: data.source });
}
