import type { CompiledAssignConfig } from './compile';
import type { CompiledOwner, EligibilityContext } from './eligibility';
import { exclusionOf, TIME_EXCLUSIONS } from './eligibility';
import type { Exclusion, Trace } from './explain';
import type { InquiryFacts } from './facts';
import { nextOpening } from './hours';
import type { StrategyUsed } from './result';
import type { Pool } from './route';
import type { RoutingMemory } from './state';
import { chargePick, hashPick, leastLoadedPick, smoothWeightedPick } from './strategies';

/** One pool checked: who can take the inquiry now, and why the others cannot. */
export interface Considered {
	pool: Pool;
	eligible: CompiledOwner[];
	excluded: Exclusion[];
}

export interface Choice {
	owner: CompiledOwner;
	strategy: StrategyUsed;
	considered: Considered;
	heldUntilMs?: number;
}

export function consider(pool: Pool, ctx: EligibilityContext, trace: Trace): Considered {
	const eligible: CompiledOwner[] = [];
	const excluded: Exclusion[] = [];
	for (const owner of pool.members) {
		const code = exclusionOf(owner, ctx);
		if (code === undefined) eligible.push(owner);
		else {
			excluded.push({ owner, code });
			trace.exclude({ owner, code }, ctx);
		}
	}
	if (pool.kind === 'fallback_team')
		trace.add('fallback_team', `trying the fallback ${pool.label}`);
	if (pool.kind === 'fallback_owner')
		trace.add('fallback_owner', `trying the fallback ${pool.label}`);
	return { pool, eligible, excluded };
}

/** The previous owner of a returning contact, when eligible in this pool. */
function stickyChoice(
	considered: Considered,
	facts: InquiryFacts,
	memory: RoutingMemory,
	trace: Trace,
): CompiledOwner | undefined {
	for (const key of facts.identityKeys) {
		const previous = memory.stickyOwner(key);
		if (previous === undefined) continue;
		const owner = considered.eligible.find((o) => o.key === previous);
		if (owner) {
			trace.add('sticky_match', `${key} last went to ${owner.owner.id}`, owner.owner.id);
			return owner;
		}
		const why = considered.excluded.find((e) => e.owner.key === previous);
		const state = why ? why.code.replace(/_/g, ' ') : `not in ${considered.pool.label}`;
		trace.add('sticky_unavailable', `${key} last went to ${previous}, who is ${state}`, previous);
	}
	return undefined;
}

/** Picks among the eligible owners of a pool: named owner, sticky, then the strategy. */
export function pickIn(
	considered: Considered,
	facts: InquiryFacts,
	compiled: CompiledAssignConfig,
	memory: RoutingMemory,
	trace: Trace,
	loadOf: (o: CompiledOwner) => number,
): Choice {
	const { pool, eligible } = considered;
	const { strategy, sticky } = compiled.config;
	if (pool.kind === 'fallback_owner' || pool.named) {
		const owner = eligible[0];
		trace.add(
			'picked',
			pool.named ? 'named by the matching rule' : 'the fallback owner',
			owner.owner.id,
		);
		return { owner, strategy: pool.named ? 'rule_owner' : 'fallback_owner', considered };
	}
	const credits = memory.poolCredits(pool.key);
	const weightOf = strategy === 'weighted' ? (o: CompiledOwner) => o.weight : () => 1;
	const previous = sticky ? stickyChoice(considered, facts, memory, trace) : undefined;
	if (previous) {
		// A sticky pick is that owner's turn, so returning contacts do not unbalance the rotation.
		if (strategy === 'round_robin' || strategy === 'weighted')
			chargePick(eligible, credits, previous, weightOf);
		return { owner: previous, strategy: 'sticky', considered };
	}
	let owner: CompiledOwner;
	if (strategy === 'least_loaded') owner = leastLoadedPick(eligible, loadOf, credits);
	else if (strategy === 'hash') owner = hashPick(eligible, facts.contactKey, (o) => o.weight);
	else owner = smoothWeightedPick(eligible, credits, weightOf);
	const detail =
		strategy === 'least_loaded'
			? `${loadOf(owner)} open, the fewest among ${eligible.length} available`
			: `${strategy.replace(/_/g, ' ')} among ${eligible.length} available`;
	trace.add('picked', detail, owner.owner.id);
	return { owner, strategy, considered };
}

/** The first person back, when that lies past the hold limit. */
export interface TooLateToHold {
	owner: CompiledOwner;
	atMs: number;
}

/**
 * The owner who becomes available first among those excluded only for a time reason, when that
 * is no later than `limitMs`. Otherwise `tooLate` names the first person back, so the
 * unassigned inquiry can say when somebody returns.
 */
export function holdFor(
	considered: Considered[],
	nowMs: number,
	limitMs: number,
	facts: InquiryFacts,
	compiled: CompiledAssignConfig,
	memory: RoutingMemory,
	trace: Trace,
): { choice?: Choice; tooLate?: TooLateToHold } {
	let tooLate: TooLateToHold | undefined;
	for (const one of considered) {
		let earliest = Infinity;
		let first: CompiledOwner[] = [];
		for (const { owner, code } of one.excluded) {
			if (!TIME_EXCLUSIONS.has(code)) continue;
			const at = nextOpening(nowMs, owner.availability);
			if (at === undefined) continue;
			if (at > limitMs) {
				if (!tooLate || at < tooLate.atMs) tooLate = { owner, atMs: at };
				continue;
			}
			if (at > earliest) continue;
			if (at < earliest) first = [];
			earliest = at;
			first.push(owner);
		}
		if (!first.length) continue;
		const stateless =
			one.pool.kind === 'fallback_owner' || one.pool.named || compiled.config.strategy === 'hash';
		const owner = stateless
			? hashPick(first, facts.contactKey, (o) => o.weight)
			: smoothWeightedPick(first, memory.poolCredits(one.pool.key), () => 1);
		trace.add('held', `next available at ${new Date(earliest).toISOString()}`, owner.owner.id);
		return {
			choice: {
				owner,
				strategy: 'next_available',
				considered: { ...one, eligible: first },
				heldUntilMs: earliest,
			},
		};
	}
	if (tooLate)
		trace.add(
			'hold_too_long',
			`first back at ${new Date(tooLate.atMs).toISOString()}, past the hold limit ${new Date(limitMs).toISOString()}`,
			tooLate.owner.owner.id,
		);
	return { tooLate };
}
