import { arrivalTimes, DAY_LENGTH_MS } from './arrivals';
import { makeRequest } from './content';
import type { Slot } from './faults';
import { assignFaults, choose, FAULT_SHARES, planWindows, timelineOf, windowFault } from './faults';
import { makePerson } from './people';
import { Prng } from './prng';
import { flipCharacter, SIM_SECRET, signEvent } from './sign';
import type { ExpectedOutcome, SimDay, SimEvent, SimExpect } from './types';
import type { Built } from './vendors';
import { VENDORS } from './vendors';
import { encodeBody } from './wire';

export interface GenerateOptions {
	seed?: number;
	/** Deliveries in the day, faults and replays included (default 10,000; `--quick` uses 500). */
	count?: number;
	/** Where n8n listens; Twilio signs the full URL, so it is part of the traffic. */
	baseUrl?: string;
	/** Epoch ms when the business day opens (default Monday 2 March 2026, 08:00 New York). */
	dayStartMs?: number;
	secret?: string;
}

export const SIM_DEFAULTS = {
	seed: 20260302,
	count: 10_000,
	quickCount: 500,
	baseUrl: 'http://127.0.0.1:5678',
	dayStartMs: Date.UTC(2026, 2, 2, 13, 0, 0), // fixed-date: a replayed day; the sender signs with its own clock
} as const;

/** A delivery before it has its place in the day's order. */
interface Draft {
	atMs: number;
	slot: Slot;
	built: Built;
	/** The delivery this one replays. */
	replayOf?: Draft;
	seq?: number;
}

/**
 * A reproducible business day of inquiries: the same options give byte-identical traffic.
 * Real vendor payload shapes (cloned from the recorded samples and filled with generated people),
 * signed with each vendor's scheme, arriving Poisson-like over business hours, with about 10%
 * injected faults, each tagged with what the system must do about it.
 */
export function generateDay(options: GenerateOptions = {}): SimDay {
	const seed = options.seed ?? SIM_DEFAULTS.seed;
	const count = options.count ?? SIM_DEFAULTS.count;
	const baseUrl = (options.baseUrl ?? SIM_DEFAULTS.baseUrl).replace(/\/$/, '');
	const dayStartMs = options.dayStartMs ?? SIM_DEFAULTS.dayStartMs;
	const secret = options.secret ?? SIM_SECRET;
	if (!Number.isInteger(count) || count < 50)
		throw new Error(`A simulated day needs at least 50 deliveries, not ${count}`);
	const random = new Prng(seed);

	const duplicates = Math.round(count * FAULT_SHARES.duplicate);
	const extraCalls = Math.round(count * FAULT_SHARES.repeatExtra);
	const times = arrivalTimes(random.fork('arrivals'), count - duplicates - extraCalls);
	const windows = planWindows(times, random.fork('windows'), count);

	const mix = random.fork('vendors');
	const weights = VENDORS.map((vendor) => [vendor, vendor.weight] as const);
	const slots: Slot[] = times.map((atMs) => ({
		atMs,
		vendor: mix.weighted(weights),
		fault: windowFault(windows, atMs),
		missed: mix.chance(0.7),
	}));
	const { bursts } = assignFaults(slots, random.fork('faults'), count);

	const content = random.fork('content');
	let built = 0;
	const build = (slot: Slot, person = makePerson(content, built + 1)): Draft => {
		built += 1;
		const forged = slot.fault?.kind === 'forged';
		const result = slot.vendor.build({
			random: content,
			person,
			request: makeRequest(content),
			seq: built,
			atEpochMs: dayStartMs + slot.atMs,
			strip: slot.fault?.kind === 'missing_context',
			missed: slot.missed,
			token: forged ? flipCharacter(secret) : secret,
		});
		return { atMs: slot.atMs, slot, built: result };
	};
	const originals: Draft[] = [];
	const inBurst = new Set(bursts.flat());
	for (const slot of slots) if (!inBurst.has(slot)) originals.push(build(slot));
	for (const burst of bursts) {
		// The same person calls again: each call is new (new ids) from the same number.
		const caller = makePerson(content, built + 1);
		for (const call of burst) originals.push(build(call, caller));
	}

	const replays = random.fork('replays');
	const replayable = originals.filter((draft) => draft.slot.fault?.kind !== 'forged');
	const drafts = [...originals];
	for (const original of choose(replays, replayable, Math.max(0, count - originals.length))) {
		// Vendors retry within seconds to a minute; some replays come much later (manual resends).
		const delay = replays.chance(0.7) ? replays.int(2, 60) : replays.int(60, 900);
		drafts.push({
			atMs: original.atMs + delay * 1000,
			slot: original.slot,
			built: original.built,
			replayOf: original,
		});
	}
	drafts.sort((a, b) => a.atMs - b.atMs);
	drafts.forEach((draft, index) => (draft.seq = index + 1));

	const textBackSent = new Set<Slot[]>();
	const burstOf = new Map(bursts.flatMap((burst) => burst.map((slot) => [slot, burst] as const)));
	const events = drafts.map((draft) =>
		toEvent(draft, { baseUrl, dayStartMs, secret, burstOf, textBackSent }),
	);
	return {
		seed,
		count,
		baseUrl,
		dayStartMs,
		dayLengthMs: DAY_LENGTH_MS,
		events,
		timeline: timelineOf(windows),
	};
}

interface EventContext {
	baseUrl: string;
	dayStartMs: number;
	secret: string;
	burstOf: Map<Slot, Slot[]>;
	textBackSent: Set<Slot[]>;
}

function toEvent(draft: Draft, context: EventContext): SimEvent {
	const { slot, built } = draft;
	const seq = draft.seq ?? 0;
	const wire = encodeBody(slot.vendor.encoding, built.body, built.sourceEventId);
	const event: SimEvent = {
		seq,
		atMs: draft.atMs,
		path: slot.vendor.path,
		method: 'POST',
		headers: {
			'content-type': wire.contentType,
			'user-agent': `${slot.vendor.key}-webhooks (simulated)`,
		},
		contentType: wire.contentType,
		body: built.body,
		rawBody: wire.rawBody,
		encoding: slot.vendor.encoding,
		vendor: slot.vendor.key,
		channel: built.channel,
		scheme: slot.vendor.scheme,
		sourceEventId: built.sourceEventId,
		url: `${context.baseUrl}/webhook/${slot.vendor.path}`,
		expect: expectationOf(draft, context),
	};
	if (draft.replayOf) event.fault = { kind: 'duplicate', of: draft.replayOf.seq ?? 0 };
	else if (slot.fault) event.fault = slot.fault;
	event.headers = signEvent(event, context.dayStartMs + draft.atMs, context.secret);
	return event;
}

function expectationOf(draft: Draft, context: EventContext): SimExpect {
	const { slot, built } = draft;
	const fault = slot.fault?.kind;
	const expect: SimExpect = {
		record: fault !== 'forged',
		outcome: outcomeOf(draft),
		identityKey: built.identityKey,
	};
	if (draft.replayOf) expect.dedupeOf = draft.replayOf.seq;
	if (fault === 'missing_context') expect.followUp = true;
	if (built.channel === 'missed_call' || built.channel === 'call') {
		const burst = context.burstOf.get(slot);
		const first =
			!draft.replayOf &&
			fault !== 'forged' &&
			built.channel === 'missed_call' &&
			!(burst && context.textBackSent.has(burst));
		if (first && burst) context.textBackSent.add(burst);
		expect.textBack = first;
	}
	return expect;
}

function outcomeOf(draft: Draft): ExpectedOutcome {
	if (draft.replayOf) return 'replay';
	switch (draft.slot.fault?.kind) {
		case 'forged':
			return 'rejected';
		case 'destination_outage':
		case 'restart':
			return 'verified_or_alerted';
		case 'owners_away':
			return 'unassigned_alerted';
		default:
			return 'verified';
	}
}
