import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import type { Actor } from '../../src/server/platform/context.js';
import { users } from '../../src/server/users/user.table.js';
import { Locale, Role } from '../../src/shared/contracts/common.js';

export type DemoActors = {
  admin: Actor;
  viewer: Actor;
  /** The editor of the department "Samferdsel". */
  department: Actor;
  /** Another department's editor ("Næring"). */
  otherDepartment: Actor;
  /** The contact of "Indre Østfold regionråd". */
  region: Actor;
  /** The contact of "Regionrådet for Hallingdal". */
  otherRegion: Actor;
};

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no demo user ${email}`);
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: Role.parse(u.role),
    departmentId: u.departmentId,
    regionId: u.regionId,
    locale: Locale.parse(u.locale),
  };
}

export async function demoActors(db: Db): Promise<DemoActors> {
  return {
    admin: await actorByEmail(db, 'admin@demo.partnerskap.no'),
    viewer: await actorByEmail(db, 'leser@demo.partnerskap.no'),
    department: await actorByEmail(db, 'samferdsel@demo.partnerskap.no'),
    otherDepartment: await actorByEmail(db, 'naering@demo.partnerskap.no'),
    region: await actorByEmail(db, 'indre-ostfold@demo.partnerskap.no'),
    otherRegion: await actorByEmail(db, 'hallingdal@demo.partnerskap.no'),
  };
}

/** Every role but the given ones, as demo actors: the people a write must refuse. */
export function actorsExcept(actors: DemoActors, allowed: readonly Role[]): Actor[] {
  return [actors.admin, actors.viewer, actors.department, actors.region].filter(
    (a) => !allowed.includes(a.role),
  );
}
