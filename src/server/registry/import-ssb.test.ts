import { readFileSync } from 'node:fs';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsExcept } from '../../../test/support/actors.js';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { snapshot } from '../../../test/support/expect-unchanged.js';
import { auditEvents } from '../audit/audit.table.js';
import { systemActor } from '../platform/context.js';
import { importSsbMunicipalities } from './import-ssb-municipalities.js';
import { listMunicipalities } from './list-municipalities.js';
import { municipalities } from './registry.table.js';

type SsbFile = { codes: { code: string; name: string; validFrom: string | null; validTo: string | null }[] };
const fixture = new URL('../../../test/fixtures/ssb-klass-131-codes-at-2020-01-01.json', import.meta.url);
const readFixture = (): SsbFile => JSON.parse(readFileSync(fixture, 'utf8'));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const system = () => ({ db: t.database.db, actor: systemActor, requestId: 'cli' });
const municipalityCount = async () => (await t.database.db.select({ n: count() }).from(municipalities))[0]?.n;
const byNumber = async (number: string) => {
  const [row] = await t.database.db.select().from(municipalities).where(eq(municipalities.number, number));
  return row;
};

describe('importing municipalities from SSB', () => {
  it('refuses every role but admin, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    for (const actor of actorsExcept(t.actors, ['admin'])) {
      await expect(importSsbMunicipalities(t.ctx(actor), readFixture())).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('refuses a file with a bad entry, names it, and changes nothing', async () => {
    const before = await snapshot(t.database.db);
    const bad = readFixture();
    const halden = bad.codes[1];
    const oslo = bad.codes[0];
    if (!halden || !oslo) throw new Error('fixture changed');
    halden.validTo = '2019-01-01';
    oslo.name = ' ';
    await expect(importSsbMunicipalities(system(), bad)).rejects.toMatchObject({
      code: 'validation',
      fields: [
        { field: 'codes.0.name', code: 'validation.required' },
        { field: 'codes.1.validTo', code: 'validation.endBeforeStart' },
      ],
    });
    await expect(importSsbMunicipalities(system(), { codes: 'Halden' })).rejects.toMatchObject({
      code: 'validation',
      fields: [expect.objectContaining({ field: 'codes' })],
    });
    expect(await snapshot(t.database.db)).toBe(before);
  });

  it('adds what is new, leaves what matches, and skips 9999 and codes that are not four digits', async () => {
    const before = await municipalityCount();
    const summary = await importSsbMunicipalities(system(), readFixture());
    expect(summary).toEqual({ created: 1, updated: 0, unchanged: 6, skipped: 2 });
    expect(await municipalityCount()).toBe((before ?? 0) + 1);
    expect(await byNumber('0301')).toMatchObject({
      name: 'Oslo',
      validFrom: '2020-01-01',
      validTo: null,
      countyNumber: '03',
      outsideCounty: true,
      version: 1,
    });
    expect(await byNumber('9999')).toBeUndefined();
    expect(await byNumber('21')).toBeUndefined();
    const [created] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'municipality.create'), eq(auditEvents.requestId, 'cli')));
    expect(created).toMatchObject({ actorId: null, actorName: systemActor.name, before: null });
  });

  it('on re-import updates changed names and dates without duplicating, and records before and after', async () => {
    const file = readFixture();
    for (const code of file.codes) {
      if (code.code === '3043') code.name = 'Ål kommune';
      if (code.code === '0301') code.validTo = '2030-01-01';
    }
    const before = await municipalityCount();
    const summary = await importSsbMunicipalities(system(), file);
    expect(summary).toEqual({ created: 0, updated: 2, unchanged: 5, skipped: 2 });
    expect(await municipalityCount()).toBe(before);
    const aal = await byNumber('3043');
    expect(aal).toMatchObject({ name: 'Ål kommune', validTo: '2024-01-01', countyNumber: '30', version: 2 });
    expect(await byNumber('0301')).toMatchObject({ name: 'Oslo', validTo: '2030-01-01', version: 2 });
    const { items } = await listMunicipalities(t.ctx(t.actors.viewer), { q: 'ål komm' });
    expect(items.map((m) => m.name)).toEqual(['Ål kommune']);

    const updates = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'municipality.update'), inArray(auditEvents.entityId, [aal?.id ?? ''])),
      )
      .orderBy(asc(auditEvents.id));
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      before: { name: 'Ål', version: 1 },
      after: { name: 'Ål kommune', version: 2 },
    });

    const again = await importSsbMunicipalities(system(), file);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 7, skipped: 2 });
  });
});
