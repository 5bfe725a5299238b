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
	/** Whose rotation the turn belongs to: a team id, or "*" for the whole roster. */
	pool: string;
	/** In the stage's order of preference; one entry when the choice was not a rotation. */
	candidates: ClaimCandidate[];
}

/**
 * The claim for an assigned inquiry. A turn (round robin, weighted, or a hold among those back
 * first) offers every owner the stage found eligible, in roster order; a rule's named owner,
 * sticky memory, the fallback owner, a contact hash or the fewest open inquiries offers the one
 * owner they named. `resultFor` gives the assignment as it reads for a given owner.
 */
export function claimOf(
	day: string,
	pool: string,
	turn: boolean,
	picked: CompiledOwner,
	eligible: readonly CompiledOwner[],
	weighted: boolean,
	resultFor: (owner: CompiledOwner) => AssignmentResult,
): OwnerClaim {
	const owners = turn ? [...eligible] : [picked];
	return {
		day,
		pool,
		candidates: owners.map((owner) => ({
			ownerKey: owner.key,
			weight: weighted ? owner.weight : 1,
			...(owner.owner.capPerDay === undefined ? {} : { capPerDay: owner.owner.capPerDay }),
			assignment: resultFor(owner),
		})),
	};
}

/** Whether a choice was a turn of the rotation, which the store may give to any of the eligible. */
export function isTurn(strategy: StrategyUsed, statelessPool: boolean): boolean {
	return (
		!statelessPool &&
		(strategy === 'round_robin' || strategy === 'weighted' || strategy === 'next_available')
	);
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
