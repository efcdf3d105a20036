/**
 * When an agreement is in force (the seed: the executive board approves it, and the council of every member
 * municipality adopts the whole agreement): the board has adopted it, and every municipality inside the
 * county that was a member of the region on the agreement's start date has adopted it as it stands; a
 * change made on the way (by the board or a council) counts once the coordinator has accepted it into a new
 * version, and holds the agreement back while it is open or sent back to negotiation. The county council's
 * treatment is for information and is tracked beside it.
 */

export type Outcome = 'adopted' | 'adopted_with_changes' | 'rejected' | 'postponed';
export type Resolution = 'accepted' | 'renegotiate' | null;

export type MembershipFact = {
  municipalityId: string;
  outsideCounty: boolean;
  validFrom: string;
  /** Exclusive end; null while it lasts. */
  validTo: string | null;
};

export type InForceInput = {
  startDate: string;
  /** The executive board's latest decision on the agreement; null before it has decided. */
  board: { outcome: Outcome | 'information' | null; divergences: readonly Resolution[] } | null;
  memberships: readonly MembershipFact[];
  /** Each municipality's decision, with the resolutions of the change it made. */
  adoptions: ReadonlyMap<string, { outcome: Outcome; divergences: readonly Resolution[] }>;
};

export type InForce = {
  inForce: boolean;
  boardApproved: boolean;
  /** The municipalities whose councils must adopt it, in the order of the memberships given. */
  required: string[];
  /** Those of them that have not adopted it as it stands (or with a change accepted). */
  missing: string[];
  /** Changes not yet resolved. */
  openDivergences: number;
};

const accepted = (divergences: readonly Resolution[]) => divergences.every((d) => d === 'accepted');

/** The member municipalities inside the county on the start date: each once, even with two memberships. */
export function requiredMunicipalities(startDate: string, memberships: readonly MembershipFact[]): string[] {
  const ids = memberships
    .filter(
      (m) => !m.outsideCounty && m.validFrom <= startDate && (m.validTo === null || m.validTo > startDate),
    )
    .map((m) => m.municipalityId);
  return [...new Set(ids)];
}

function adopted(decision: { outcome: Outcome; divergences: readonly Resolution[] } | undefined): boolean {
  if (!decision) return false;
  if (decision.outcome === 'adopted') return true;
  return (
    decision.outcome === 'adopted_with_changes' &&
    decision.divergences.length > 0 &&
    accepted(decision.divergences)
  );
}

export function inForceOf(input: InForceInput): InForce {
  const board = input.board;
  const boardApproved =
    board !== null &&
    (board.outcome === 'adopted' ||
      (board.outcome === 'adopted_with_changes' &&
        board.divergences.length > 0 &&
        accepted(board.divergences)));
  const required = requiredMunicipalities(input.startDate, input.memberships);
  const missing = required.filter((id) => !adopted(input.adoptions.get(id)));
  const openDivergences =
    (board?.divergences.filter((d) => d === null).length ?? 0) +
    [...input.adoptions.values()].reduce((n, a) => n + a.divergences.filter((d) => d === null).length, 0);
  return {
    inForce: boardApproved && required.length > 0 && missing.length === 0,
    boardApproved,
    required,
    missing,
    openDivergences,
  };
}
