import type { Prng } from './prng';
import type { SimControl, SimFault } from './types';
import type { VendorSpec } from './vendors';

const MINUTE = 60_000;

/** Shares of the day's deliveries each fault gets; together about 10%. */
export const FAULT_SHARES = {
	duplicate: 0.025,
	/** Extra calls in repeat-caller bursts (the first call of each burst is tagged too). */
	repeatExtra: 0.015,
	missingContext: 0.02,
	forged: 0.01,
	/** The second, longer outage; the first is exactly 30 seconds. */
	outage: 0.007,
	ownersAway: 0.008,
	restart: 0.002,
} as const;

/** A stretch of the day when the world is broken in one way. */
export interface FaultWindow {
	kind: 'destination_outage' | 'owners_away' | 'restart';
	window: number;
	fromMs: number;
	/** Exclusive. */
	toMs: number;
}

/** A window starting at the first arrival after `aroundMs` (± jitter), covering `covering` arrivals or `durationMs`. */
function windowAt(
	times: readonly number[],
	random: Prng,
	aroundMs: number,
	size: { covering: number } | { durationMs: number },
): { fromMs: number; toMs: number } {
	const target = aroundMs + random.int(-10, 10) * MINUTE;
	let first = times.findIndex((time) => time >= target);
	if (first === -1) first = Math.max(0, times.length - 1);
	const fromMs = times[first] ?? target;
	if ('durationMs' in size) return { fromMs, toMs: fromMs + size.durationMs };
	const last = Math.min(times.length - 1, first + Math.max(1, size.covering) - 1);
	return { fromMs, toMs: (times[last] ?? fromMs) + 1 };
}

/**
 * The day's broken stretches, at fixed points of the day (with jitter): a 30-second destination
 * outage mid-morning, the whole roster away before lunch, a longer outage after lunch, and one
 * n8n restart mid-afternoon. Hours count from opening.
 */
export function planWindows(times: readonly number[], random: Prng, count: number): FaultWindow[] {
	const hour = 60 * MINUTE;
	return [
		{
			kind: 'destination_outage',
			window: 1,
			...windowAt(times, random, 2.5 * hour, { durationMs: 30_000 }),
		},
		{
			kind: 'owners_away',
			window: 1,
			...windowAt(times, random, 3.2 * hour, {
				covering: Math.round(count * FAULT_SHARES.ownersAway),
			}),
		},
		{
			kind: 'destination_outage',
			window: 2,
			...windowAt(times, random, 6 * hour, { covering: Math.round(count * FAULT_SHARES.outage) }),
		},
		{
			kind: 'restart',
			window: 1,
			...windowAt(times, random, 7.5 * hour, {
				covering: Math.round(count * FAULT_SHARES.restart),
			}),
		},
	];
}

export function windowFault(windows: readonly FaultWindow[], atMs: number): SimFault | undefined {
	for (const window of windows) {
		if (atMs < window.fromMs || atMs >= window.toMs) continue;
		return window.kind === 'restart'
			? { kind: 'restart' }
			: { kind: window.kind, window: window.window };
	}
	return undefined;
}

/** The driver's timeline: when to break and heal each thing. */
export function timelineOf(windows: readonly FaultWindow[]): SimControl[] {
	const controls: SimControl[] = [];
	for (const { kind, window, fromMs, toMs } of windows) {
		if (kind === 'restart') controls.push({ atMs: fromMs, kind: 'restart' });
		if (kind === 'destination_outage')
			controls.push(
				{ atMs: fromMs, kind: 'destination_down', window },
				{ atMs: toMs, kind: 'destination_up', window },
			);
		if (kind === 'owners_away')
			controls.push(
				{ atMs: fromMs, kind: 'owners_away', window },
				{ atMs: toMs, kind: 'owners_back', window },
			);
	}
	return controls.sort((a, b) => a.atMs - b.atMs);
}

/** `wanted` distinct items of `candidates`, chosen uniformly (partial Fisher–Yates). */
export function choose<T>(random: Prng, candidates: readonly T[], wanted: number): T[] {
	const pool = [...candidates];
	const take = Math.min(wanted, pool.length);
	for (let i = 0; i < take; i++) {
		const j = i + Math.floor(random.next() * (pool.length - i));
		[pool[i], pool[j]] = [pool[j], pool[i]];
	}
	return pool.slice(0, take);
}

/** What each original inquiry of the day is: its vendor and the fault (if any) it carries. */
export interface Slot {
	atMs: number;
	vendor: VendorSpec;
	fault?: SimFault;
	/** Phone vendors: nobody answered. */
	missed: boolean;
}

/** Tags slots outside the windows with missing context, forged signatures and repeat-caller bursts. */
export function assignFaults(slots: Slot[], random: Prng, count: number): { bursts: Slot[][] } {
	const free = () => slots.filter((slot) => !slot.fault);
	const strippable = free().filter((slot) => slot.vendor.canStrip);
	for (const slot of choose(random, strippable, Math.round(count * FAULT_SHARES.missingContext)))
		slot.fault = { kind: 'missing_context', stripped: ['phone', 'service', 'location'] };
	const signed = free().filter((slot) => slot.vendor.scheme !== 'none');
	for (const slot of choose(random, signed, Math.round(count * FAULT_SHARES.forged)))
		slot.fault = { kind: 'forged' };

	let extraCalls = Math.round(count * FAULT_SHARES.repeatExtra);
	const firstCalls = choose(
		random,
		free().filter((s) => s.vendor.calls),
		Math.ceil(extraCalls / 1.5),
	);
	firstCalls.sort((a, b) => a.atMs - b.atMs);
	const bursts: Slot[][] = [];
	for (const first of firstCalls) {
		if (extraCalls <= 0) break;
		const size = Math.min(extraCalls, random.chance(0.5) ? 2 : 1);
		extraCalls -= size;
		const burst = [first];
		first.missed = true;
		first.fault = { kind: 'repeat_caller', burst: bursts.length + 1, call: 1 };
		// Within two minutes of the first call: one at 15–55 s, a third at 60–115 s.
		const offsets = [random.int(15, 55), random.int(60, 115)].slice(0, size);
		for (const [index, seconds] of offsets.entries()) {
			burst.push({
				atMs: first.atMs + seconds * 1000,
				vendor: first.vendor,
				missed: true,
				fault: { kind: 'repeat_caller', burst: bursts.length + 1, call: index + 2 },
			});
		}
		bursts.push(burst);
	}
	return { bursts };
}
