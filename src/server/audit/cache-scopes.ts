/**
 * The scopes of the read caches' versions (platform/read-cache.ts): what a write says it changes
 * (appendAudit's `scopes`) and what a cached read says it depends on. Few and coarse, so that the session
 * lookup can read every version in its one statement: the registry, each cycle, each hearing.
 */
export const cacheScope = {
  /**
   * The regions and their members, as the registry's own reads show them. No write names it yet: region and
   * department names show in the cycles' and hearings' reads as well, which do not count this scope, so a
   * registry write names no scope, and every read loads again, until those reads name it too.
   */
  registry: 'registry',
  /**
   * A cycle's agreements, their wanted subject areas and contributions, as the cycle's reads (agreements,
   * contributions, matrix, overview) show them. The general part shows in the hearings' reads as well, so
   * its writes name no scope.
   */
  cycle: (cycleId: string) => `cycle:${cycleId}`,
  /**
   * The comments on a cycle's contributions, which only the contributions list shows (as a count per
   * contribution): a comment leaves the cycle's agreements, matrix and overview as they were. The
   * contributions list counts this scope beside its cycle's.
   */
  comments: (cycleId: string) => `comments:${cycleId}`,
  /** A hearing's inputs, their attachments and dispositions, as the hearing's reads show them. */
  hearing: (hearingId: string) => `hearing:${hearingId}`,
} as const;

/** Raised by a write that does not name its scopes, and counted by every read: a missing scope costs speed only. */
export const everyReadScope = 'all';

/**
 * Raised by a write that no read naming scopes shows (`scopes: []`): only the reads of every scope count it,
 * the audit log among them.
 */
export const auditOnlyScope = 'audit';
