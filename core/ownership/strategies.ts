/**
 * Picking one owner among the eligible ones.
 *
 * Round robin and weighted use smooth weighted round robin with bounded credits: on each pick
 * every ELIGIBLE owner's credit grows by their weight, the owner with the most credit wins (ties
 * go to roster order), and the winner's credit drops by the sum of the eligible weights. So a
 * 5:2 split interleaves (A B A A B A A …) instead of sending blocks of five, and with all weights
 * 1 it visits owners in roster order. Owners who are not eligible (away, off hours, capped) earn
 * nothing, so an absence is never "owed back"; credits are kept per owner id, so adding or
 * removing someone leaves everyone else's standing alone; and a stored credit counts at most ±
 * the sum of the eligible weights, so nobody banks more than about one round of turns.
 */

export interface Candidate {
	/** Lower-case owner id: the key for credits, loads and hashing. */
	key: string;
	weight: number;
	/** A 32-bit hash of the key, for rendezvous hashing. */
	seed: number;
}

/** A stored credit as it counts now: clamped to ± the total eligible weight. */
const creditOf = (credits: Map<string, number>, key: string, total: number) =>
	Math.max(-total, Math.min(total, credits.get(key) ?? 0));

/** Charges a pick: eligible owners earn their weight, the picked one pays the total. */
export function chargePick<T extends Candidate>(
	candidates: readonly T[],
	credits: Map<string, number>,
	picked: T,
	weightOf: (c: T) => number,
): void {
	let total = 0;
	for (const c of candidates) total += weightOf(c);
	for (const c of candidates)
		credits.set(c.key, creditOf(credits, c.key, total) + weightOf(c) - (c === picked ? total : 0));
}

/** Smooth weighted round robin over the candidates (given in roster order). */
export function smoothWeightedPick<T extends Candidate>(
	candidates: readonly T[],
	credits: Map<string, number>,
	weightOf: (c: T) => number,
): T {
	let total = 0;
	for (const c of candidates) total += weightOf(c);
	let best = candidates[0];
	let bestCredit = -Infinity;
	for (const c of candidates) {
		const credit = creditOf(credits, c.key, total) + weightOf(c);
		if (credit > bestCredit) {
			best = c;
			bestCredit = credit;
		}
	}
	chargePick(candidates, credits, best, weightOf);
	return best;
}

/**
 * The owner with the fewest open inquiries; ties rotate by round robin among the tied owners, so
 * equal loads do not always favour the first in the roster.
 */
export function leastLoadedPick<T extends Candidate>(
	candidates: readonly T[],
	loadOf: (c: T) => number,
	credits: Map<string, number>,
): T {
	let lowest = Infinity;
	for (const c of candidates) lowest = Math.min(lowest, loadOf(c));
	const tied = candidates.filter((c) => loadOf(c) === lowest);
	return tied.length === 1 ? tied[0] : smoothWeightedPick(tied, credits, () => 1);
}

export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** MurmurHash3's finalizer: spreads the bits of a 32-bit value. */
function mix(value: number): number {
	let h = value;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/**
 * Weighted rendezvous hashing: each owner scores weight / -ln(u) with u derived from the contact
 * and the owner id; the highest score wins. Stateless and stable per contact: the same contact
 * gets the same owner while that owner is eligible, and when one owner drops out only that
 * owner's contacts move. Safe under concurrency and in queue mode.
 */
export function hashPick<T extends Candidate>(
	candidates: readonly T[],
	contactKey: string,
	weightOf: (c: T) => number,
): T {
	const contact = fnv1a(contactKey);
	let best = candidates[0];
	let bestScore = -Infinity;
	for (const c of candidates) {
		const u = (mix(contact ^ c.seed) + 0.5) / 4294967296;
		const score = weightOf(c) / -Math.log(u);
		if (score > bestScore || (score === bestScore && c.key < best.key)) {
			best = c;
			bestScore = score;
		}
	}
	return best;
}
