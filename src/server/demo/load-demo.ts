import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, count } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit.js';
import { hashPassword } from '../auth/password.js';
import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { systemActor } from '../platform/context.js';
import { importViken } from '../registry/import-viken.js';
import { county, departments, people, regions } from '../registry/registry.table.js';
import { users } from '../users/user.table.js';
import { loadDemoFollowUp } from './demo-follow-up.js';
import { loadDemoGeneralPart } from './demo-general-part.js';
import { loadDemoMeetings } from './demo-meetings.js';
import { loadDemoMilestones } from './demo-milestones.js';
import { loadDemoPolitical } from './demo-political.js';
import { loadDemoPopulation } from './demo-population.js';
import { loadDemoSpecialParts } from './demo-special-parts.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The demo county's registry, kept in the repository with its sources (data/demo/README.md). */
export const vikenFile = path.resolve(rootDir, 'data/demo/viken-2020.json');

export type DemoSignIn = { email: string; role: string; scope: string };

const adminEmail = 'admin@demo.partnerskap.no';

export function demoSlug(name: string): string {
  const drop = new Set([
    'regionråd',
    'regionrådet',
    'for',
    'interkommunale',
    'politiske',
    'råd',
    'samarbeidsrådet',
  ]);
  return name
    .toLowerCase()
    .replace(/,/g, '')
    .split(/\s+/)
    .filter((w) => !drop.has(w))
    .join('-')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9-]/g, '');
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(county);
  return (row?.n ?? 0) === 0;
}

/**
 * The demo: Viken 2020's registry, one admin, one editor per department, one contact per region and one
 * viewer, all with the same password, and the cycle 2021–2024 with its general part as it came about in
 * 2020 (two hearings, the regions' input and the county's answers, version 2 approved) and its special
 * parts as they were negotiated in 2021 (an agreement per region, every department's contributions, three
 * special parts agreed) and their milestones (some regions further along, two not ready to
 * start), the meetings of the process, from the kickoff to those planned for the coming weeks, and the
 * political processing of 2021 (demo-political.ts: the bodies and their plans, Indre Østfold's agreement in
 * force, a second batch waiting for some councils, a postponed case, a change not resolved) and the
 * follow-up of the agreement in force (demo-follow-up.ts: two published rounds, an open one). Loaded
 * only into an empty embedded database, and into every test database.
 */
export async function loadDemo(db: Db, password: string, file = vikenFile): Promise<DemoSignIn[]> {
  const ctx = { db, actor: systemActor, requestId: 'demo' } satisfies Ctx;
  await importViken(ctx, JSON.parse(readFileSync(file, 'utf8')));
  if (file === vikenFile) await loadDemoPopulation(db);
  const passwordHash = await hashPassword(password);
  const depts = await db.select().from(departments).orderBy(asc(departments.name));
  const regs = await db.select().from(regions).orderBy(asc(regions.name));

  type NewUser = {
    email: string;
    name: string;
    role: 'admin' | 'department' | 'region' | 'viewer';
    departmentId?: string;
    regionId?: string;
    /** A region's contact person reads the app in the region's written standard. */
    locale?: 'nb' | 'nn';
    organisation: string;
    scope: string;
  };
  const wanted: NewUser[] = [
    {
      email: adminEmail,
      name: 'Prosesskoordinator (demo)',
      role: 'admin',
      organisation: 'Viken fylkeskommune',
      scope: 'alt',
    },
    ...depts.map((d) => ({
      email: `${demoSlug(d.name)}@demo.partnerskap.no`,
      name: `Redaktør ${d.name} (demo)`,
      role: 'department' as const,
      departmentId: d.id,
      organisation: 'Viken fylkeskommune',
      scope: d.name,
    })),
    ...regs.map((r) => ({
      email: `${demoSlug(r.name)}@demo.partnerskap.no`,
      name: `Kontaktperson ${r.name} (demo)`,
      role: 'region' as const,
      regionId: r.id,
      locale: r.writtenStandard === 'nn' ? ('nn' as const) : ('nb' as const),
      organisation: r.name,
      scope: r.name,
    })),
    {
      email: 'leser@demo.partnerskap.no',
      name: 'Fylkesledelsen (demo)',
      role: 'viewer',
      organisation: 'Viken fylkeskommune',
      scope: 'lesetilgang',
    },
  ];

  await db.transaction(async (tx) => {
    for (const u of wanted) {
      const [person] = await tx
        .insert(people)
        .values({ name: u.name, email: u.email, organisation: u.organisation })
        .returning();
      const [user] = await tx
        .insert(users)
        .values({
          email: u.email,
          name: u.name,
          role: u.role,
          departmentId: u.departmentId ?? null,
          regionId: u.regionId ?? null,
          locale: u.locale ?? 'nb',
          personId: person?.id ?? null,
          passwordHash,
        })
        .returning();
      if (!person || !user) throw new Error('insert returned nothing');
      await appendAudit(tx, ctx, {
        action: 'person.create',
        entityType: 'person',
        entityId: person.id,
        before: null,
        after: person,
      });
      await appendAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        before: null,
        after: user,
      });
    }
  });
  await loadDemoGeneralPart(db, adminEmail);
  await loadDemoSpecialParts(db, adminEmail);
  await loadDemoMilestones(db, adminEmail);
  await loadDemoMeetings(db, adminEmail);
  await loadDemoPolitical(db, adminEmail);
  await loadDemoFollowUp(db, adminEmail);
  return wanted.map((u) => ({ email: u.email, role: u.role, scope: u.scope }));
}
