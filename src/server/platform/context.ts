import type { Locale, Role } from '../../shared/contracts/common.js';
import type { Db } from '../db/client.js';
import type { KnownStamp } from './read-cache.js';

/** The signed-in person a use case acts for. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  departmentId: string | null;
  regionId: string | null;
  locale: Locale;
};

/**
 * What every use case gets: the database, who acts, and the request that caused it (for the audit). A
 * request that only reads may also carry the read caches' stamp, read with its session (platform/read-cache.ts).
 */
export type Ctx = { db: Db; actor: Actor | null; requestId: string | null; readStamp?: KnownStamp | null };
export type ActorCtx = Ctx & { actor: Actor };

/**
 * The system itself, for imports and the demo loader run from the command line: it acts as an admin but is
 * nobody's account, so the rows and audit events it writes name no user (`userIdOf`).
 */
export type SystemActor = Actor & { readonly system: true };

export const systemActor: SystemActor = {
  system: true,
  id: '00000000-0000-0000-0000-000000000000',
  name: 'Partnerskap (system)',
  email: 'system@partnerskap.invalid',
  role: 'admin',
  departmentId: null,
  regionId: null,
  locale: 'nb',
};

export const isSystemActor = (actor: Pick<Actor, 'id'>): boolean => actor.id === systemActor.id;

/** The user behind an actor, for `created_by` columns and the audit trail; the system is no user. */
export const userIdOf = (actor: Pick<Actor, 'id'>): string | null => (isSystemActor(actor) ? null : actor.id);
