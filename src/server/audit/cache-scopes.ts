/**
 * The scopes of the read caches' versions (platform/read-cache.ts): what a write says it changes
 * (appendAudit's `scopes`) and what a cached read says it depends on. Few and coarse, so that the session
 * lookup can read every version in its one statement: the registry, each cycle, each hearing.
 */
export const cacheScope = {
  /**
   * The regions and their members, as the registry's own reads show them. No write names it yet: region and
   * department names show in the cycles' and hearings' reads as well, which do not count this scope, so a
   * registry write raises every read's (it names no scope) until those reads name it too.
   */
  registry: 'registry',
  /** A cycle and everything in it: its general part, agreements, contributions, follow-up. */
  cycle: (cycleId: string) => `cycle:${cycleId}`,
  /** A hearing: its row, invitations, inputs and their answers. */
  hearing: (hearingId: string) => `hearing:${hearingId}`,
} as const;

/** Raised by a write that does not name its scopes, and counted by every read: a missing scope costs speed only. */
export const everyReadScope = 'all';

/** Raised by a write that no cached read shows (`scopes: []`), so that the audit log, which shows it, sees it. */
export const auditOnlyScope = 'audit';
