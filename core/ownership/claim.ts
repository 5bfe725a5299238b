import type { CompiledOwner } from './eligibility';
import type { AssignmentResult, StrategyUsed } from './result';

/**
 * The owner choice handed to the business's store to claim atomically. The stage still decides
 * who is eligible, in what order, why and by when; a store that many executions share at once
 * (Postgres under n8n's queue mode) then takes the turn in one locked statement: the eligible
 * person with the fewest assignments today per weight, ties in roster order, never past their
 * daily cap, and counts that one assignment.
 */
export interface ClaimCandidate {
	/** The owner's key (lower-case id): the key of the store's daily counts. */
	ownerKey: string;
	/** Share of the rotation: the roster weight under "weighted", 1 otherwise. */
	weight: number;
	/** At most this many assignments a day; absent when uncapped. */
	capPerDay?: number;
	/** The assignment as it reads when this owner is the one claimed. */
	assignment: AssignmentResult;
}

export interface OwnerClaim {
	/** The business day the counts are kept for (YYYY-MM-DD in the business time zone). */
	day: string;
	/** In the stage's order of preference; one entry when the choice was not a rotation. */
	candidates: ClaimCandidate[];
}

/** Strategies whose pick is a turn the store may give to any eligible owner. */
const ROTATIONS: ReadonlySet<StrategyUsed> = new Set(['round_robin', 'weighted']);

/**
 * The claim for an assigned inquiry: every eligible owner of the chosen pool for a rotation, in
 * roster order, or the one owner a rule, sticky memory, the fallback, a hash or a hold named.
 * `resultFor` gives the assignment as it reads for a given owner.
 */
export function claimOf(
	day: string,
	strategy: StrategyUsed,
	picked: CompiledOwner,
	eligible: readonly CompiledOwner[],
	weighted: boolean,
	resultFor: (owner: CompiledOwner) => AssignmentResult,
): OwnerClaim {
	const owners = ROTATIONS.has(strategy) ? [...eligible] : [picked];
	return {
		day,
		candidates: owners.map((owner) => ({
			ownerKey: owner.key,
			weight: weighted ? owner.weight : 1,
			...(owner.owner.capPerDay === undefined ? {} : { capPerDay: owner.owner.capPerDay }),
			assignment: resultFor(owner),
		})),
	};
}

/** The reasons with the "picked" entry naming `owner`: what the list says when that owner is claimed. */
export function reasonsNaming(
	reasons: AssignmentResult['reasons'],
	owner: CompiledOwner,
): AssignmentResult['reasons'] {
	return reasons.map((reason) =>
		reason.code === 'picked' ? { ...reason, ownerId: owner.owner.id } : reason,
	);
}
