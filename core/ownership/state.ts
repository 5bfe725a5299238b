import { z } from 'zod';

/**
 * What routing remembers between runs: fairness credits per team, today's assignment counts per
 * owner, and which owner each contact last had. Stored as one JSON blob (n8n workflow static
 * data), bounded in size: old days are dropped, sticky memory forgets the least recent contacts,
 * and owners or teams no longer in the roster are pruned.
 */

export const ROUTING_STATE_VERSION = 1 as const;
/** The pool key for "the whole roster" (no team). */
export const WHOLE_ROSTER = '*';

export const RoutingState = z.object({
	version: z.literal(ROUTING_STATE_VERSION),
	/** Pool (team id, or "*") → owner id → fairness credit. */
	credits: z.record(z.record(z.number())),
	/** Assignments per owner on one business day (YYYY-MM-DD in the business time zone). */
	daily: z.object({ day: z.string(), counts: z.record(z.number()) }).optional(),
	/** Identity key → owner id, least recently assigned first. */
	sticky: z.record(z.string()),
	/** Assignments made over the state's life. */
	assigned: z.number().int().min(0),
	updatedAt: z.string().optional(),
});
export type RoutingState = z.infer<typeof RoutingState>;

export function emptyRoutingState(): RoutingState {
	return { version: ROUTING_STATE_VERSION, credits: {}, sticky: {}, assigned: 0 };
}

/** Stored state, or a fresh one when there is none or it cannot be read (then `reset` says so). */
export function readRoutingState(value: unknown): { state: RoutingState; reset: boolean } {
	if (value === undefined || value === null) return { state: emptyRoutingState(), reset: false };
	const parsed = RoutingState.safeParse(value);
	return parsed.success
		? { state: parsed.data, reset: false }
		: { state: emptyRoutingState(), reset: true };
}

/**
 * A working copy of the state for one run. It is built from a RoutingState (which is never
 * mutated), changed in place while items are assigned, and written back with `toState`.
 */
export class RoutingMemory {
	private readonly credits = new Map<string, Map<string, number>>();
	private day: string | undefined;
	private readonly daily = new Map<string, number>();
	private readonly sticky = new Map<string, string>();
	assigned: number;

	constructor(state: RoutingState) {
		for (const [pool, owners] of Object.entries(state.credits))
			this.credits.set(pool, new Map(Object.entries(owners)));
		if (state.daily) {
			this.day = state.daily.day;
			for (const [owner, count] of Object.entries(state.daily.counts)) this.daily.set(owner, count);
		}
		for (const [key, owner] of Object.entries(state.sticky)) this.sticky.set(key, owner);
		this.assigned = state.assigned;
	}

	/** The credits of one pool, created empty on first use. */
	poolCredits(pool: string): Map<string, number> {
		let credits = this.credits.get(pool);
		if (!credits) {
			credits = new Map();
			this.credits.set(pool, credits);
		}
		return credits;
	}

	dailyCount(day: string, owner: string): number {
		return this.day === day ? (this.daily.get(owner) ?? 0) : 0;
	}

	/** Counts one assignment for today; a new day starts from zero (yesterday is dropped). */
	countAssignment(day: string, owner: string): void {
		if (this.day !== day) {
			this.day = day;
			this.daily.clear();
		}
		this.daily.set(owner, (this.daily.get(owner) ?? 0) + 1);
		this.assigned++;
	}

	stickyOwner(key: string): string | undefined {
		return this.sticky.get(key);
	}

	/** Remembers the contact's owner as most recent, forgetting the oldest beyond `capacity`. */
	remember(keys: string[], owner: string, capacity: number): void {
		for (const key of keys) {
			this.sticky.delete(key);
			this.sticky.set(key, owner);
		}
		for (const oldest of this.sticky.keys()) {
			if (this.sticky.size <= capacity) break;
			this.sticky.delete(oldest);
		}
	}

	/** A plain, bounded snapshot: only owners and pools that still exist are kept. */
	toState(owners: ReadonlySet<string>, pools: ReadonlySet<string>, now: Date): RoutingState {
		const credits: RoutingState['credits'] = {};
		for (const [pool, values] of this.credits) {
			if (!pools.has(pool)) continue;
			const kept = Object.fromEntries([...values].filter(([owner]) => owners.has(owner)));
			if (Object.keys(kept).length) credits[pool] = kept;
		}
		const state: RoutingState = {
			version: ROUTING_STATE_VERSION,
			credits,
			sticky: Object.fromEntries([...this.sticky].filter(([, owner]) => owners.has(owner))),
			assigned: this.assigned,
			updatedAt: now.toISOString(),
		};
		if (this.day !== undefined)
			state.daily = {
				day: this.day,
				counts: Object.fromEntries([...this.daily].filter(([owner]) => owners.has(owner))),
			};
		return state;
	}
}
