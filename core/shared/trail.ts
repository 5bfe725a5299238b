import type { Stage, TrailEntry, TrailOutcome } from '../inquiry/schema';

/** The part of an inquiry every stage touches when it records what it did. */
export interface WithTrail {
	continuity: { trail: TrailEntry[] };
}

/**
 * Returns a copy of the inquiry with one trail entry appended; the input is never mutated,
 * so an item that n8n also holds elsewhere (pinned data, another branch) stays unchanged.
 */
export function appendTrail<T extends WithTrail>(
	inquiry: T,
	entry: { stage: Stage; node: string; at: string; outcome: TrailOutcome; detail?: string },
): T {
	const clean: TrailEntry = { stage: entry.stage, node: entry.node, at: entry.at, outcome: entry.outcome };
	if (entry.detail !== undefined) clean.detail = entry.detail;
	return { ...inquiry, continuity: { ...inquiry.continuity, trail: [...inquiry.continuity.trail, clean] } };
}
