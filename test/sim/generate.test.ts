import { normalizeInquiry } from '../../core/inquiry/normalizeInquiry';
import { verifySignature } from '../../core/inquiry/signatures/verifySignature';
import { perHour } from './arrivals';
import { FAULT_SHARES } from './faults';
import { generateDay, SIM_DEFAULTS } from './generate';
import { SIM_SECRET } from './sign';
import type { FaultKind, SimEvent } from './types';
import { VENDORS } from './vendors';
import { decodeBody } from './wire';

const day = generateDay({ count: 1000 });
const bySeq = new Map(day.events.map((event) => [event.seq, event]));

function normalized(event: SimEvent) {
	const results = normalizeInquiry(decodeBody(event.rawBody, event.contentType), {
		now: new Date(day.dayStartMs + event.atMs),
		defaultCountry: 'US',
	});
	expect(results).toHaveLength(1);
	const [result] = results;
	if (result.status === 'invalid')
		throw new Error(`${event.vendor} #${event.seq} is invalid: ${result.reasons.join(', ')}`);
	return result.inquiry;
}

function signatureCheck(event: SimEvent) {
	return verifySignature(
		event.scheme,
		{
			rawBody: event.rawBody,
			headers: event.headers,
			body: decodeBody(event.rawBody, event.contentType),
			url: event.url,
		},
		SIM_SECRET,
		{ now: new Date(day.dayStartMs + event.atMs) },
	);
}

const faultCount = (events: SimEvent[], kind: FaultKind) =>
	events.filter((event) => event.fault?.kind === kind).length;

describe('generateDay', () => {
	it('gives byte-identical traffic for the same seed, and different traffic for another', () => {
		const a = generateDay({ count: 300, seed: 7 });
		const b = generateDay({ count: 300, seed: 7 });
		const c = generateDay({ count: 300, seed: 8 });
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		expect(c.events.map((event) => event.rawBody)).not.toEqual(
			a.events.map((event) => event.rawBody),
		);
	});

	it('builds a full 10,000-inquiry day with about 10% faults of every kind', () => {
		const full = generateDay();
		expect(full.events).toHaveLength(SIM_DEFAULTS.count);
		const faulted = full.events.filter((event) => event.fault).length / full.count;
		expect(faulted).toBeGreaterThan(0.08);
		expect(faulted).toBeLessThan(0.12);
		expect(faultCount(full.events, 'duplicate') / full.count).toBeCloseTo(
			FAULT_SHARES.duplicate,
			2,
		);
		expect(faultCount(full.events, 'forged') / full.count).toBeCloseTo(FAULT_SHARES.forged, 3);
		expect(faultCount(full.events, 'missing_context') / full.count).toBeCloseTo(
			FAULT_SHARES.missingContext,
			3,
		);
		for (const kind of ['repeat_caller', 'destination_outage', 'owners_away', 'restart'] as const)
			expect(faultCount(full.events, kind)).toBeGreaterThan(full.count * 0.001);
	});

	it('numbers deliveries in arrival order within the business day, quieter at lunch', () => {
		expect(day.events.map((event) => event.seq)).toEqual(day.events.map((_, index) => index + 1));
		const times = day.events.map((event) => event.atMs);
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(Math.max(...times)).toBeLessThan(day.dayLengthMs + 15 * 60_000);
		const hours = perHour(times);
		expect(hours[4]).toBeLessThan(hours[3] * 0.7);
		expect(hours[4]).toBeLessThan(hours[5] * 0.7);
	});

	it('covers every simulated vendor and every channel the templates receive', () => {
		expect(new Set(day.events.map((event) => event.vendor))).toEqual(
			new Set(VENDORS.map((vendor) => vendor.key)),
		);
		expect(new Set(day.events.map((event) => event.channel))).toEqual(
			new Set(['form', 'booking', 'chat', 'ad_lead', 'sms', 'call', 'missed_call']),
		);
		expect(new Set(day.events.map((event) => event.path))).toEqual(
			new Set([
				'inquiry-form',
				'inquiry-form-crm',
				'inquiry-booking',
				'inquiry-chat',
				'inquiry-ad-lead',
				'inquiry-missed-call',
			]),
		);
	});

	it('gives every original delivery its own source event id', () => {
		const originals = day.events.filter((event) => event.fault?.kind !== 'duplicate');
		expect(new Set(originals.map((event) => event.sourceEventId)).size).toBe(originals.length);
	});

	it.each(VENDORS.map((vendor) => vendor.key))(
		'%s: every genuine delivery normalizes to its expected identity and channel',
		(vendor) => {
			const events = day.events.filter(
				(event) => event.vendor === vendor && event.fault?.kind !== 'forged',
			);
			expect(events.length).toBeGreaterThan(5);
			for (const event of events) {
				const inquiry = normalized(event);
				expect({ seq: event.seq, key: inquiry.identityKeys[0], channel: inquiry.channel }).toEqual({
					seq: event.seq,
					key: event.expect.identityKey,
					channel: event.channel,
				});
			}
		},
	);

	it('signs every genuine delivery so core accepts it, and forges the rest so core rejects them', () => {
		for (const event of day.events) {
			if (event.scheme === 'none') continue;
			const result = signatureCheck(event);
			if (event.fault?.kind === 'forged')
				expect({ seq: event.seq, result }).toMatchObject({
					result: { ok: false, reason: 'mismatch' },
				});
			else expect({ seq: event.seq, result }).toEqual({ seq: event.seq, result: { ok: true } });
		}
		const forged = day.events.filter((event) => event.fault?.kind === 'forged');
		expect(forged.length).toBe(Math.round(day.count * FAULT_SHARES.forged));
		expect(
			forged.every(
				(event) =>
					event.scheme !== 'none' && !event.expect.record && event.expect.outcome === 'rejected',
			),
		).toBe(true);
	});

	it('replays an earlier delivery byte for byte, so it normalizes to the same inquiry id', () => {
		const replays = day.events.filter((event) => event.fault?.kind === 'duplicate');
		// Replays also fill the places of repeat calls the bursts did not use, so the day has exactly `count` deliveries.
		expect(replays.length).toBeGreaterThanOrEqual(Math.round(day.count * FAULT_SHARES.duplicate));
		expect(replays.length).toBeLessThanOrEqual(
			Math.round(day.count * (FAULT_SHARES.duplicate + FAULT_SHARES.repeatExtra)),
		);
		for (const replay of replays) {
			const original = bySeq.get(replay.expect.dedupeOf ?? 0);
			if (!original) throw new Error(`replay #${replay.seq} points at no delivery`);
			expect(original.seq).toBeLessThan(replay.seq);
			expect(replay.fault).toEqual({ kind: 'duplicate', of: original.seq });
			expect([replay.rawBody, replay.sourceEventId, replay.expect.outcome]).toEqual([
				original.rawBody,
				original.sourceEventId,
				'replay',
			]);
			expect(normalized(replay).id).toBe(normalized(original).id);
		}
	});

	it('has repeat callers ring from one number 2–3 times within two minutes, with one text back per burst', () => {
		const bursts = new Map<number, SimEvent[]>();
		for (const event of day.events)
			if (event.fault?.kind === 'repeat_caller')
				bursts.set(event.fault.burst, [...(bursts.get(event.fault.burst) ?? []), event]);
		expect(bursts.size).toBeGreaterThan(5);
		for (const calls of bursts.values()) {
			expect(calls.length).toBeGreaterThanOrEqual(2);
			expect(calls.length).toBeLessThanOrEqual(3);
			expect(new Set(calls.map((call) => call.expect.identityKey)).size).toBe(1);
			expect(calls[0].expect.identityKey).toMatch(/^phone:\+\d{11,12}$/);
			expect(new Set(calls.map((call) => normalized(call).identityKeys[0]))).toEqual(
				new Set([calls[0].expect.identityKey]),
			);
			expect(new Set(calls.map((call) => call.sourceEventId)).size).toBe(calls.length);
			expect(calls[calls.length - 1].atMs - calls[0].atMs).toBeLessThan(120_000);
			expect(calls.map((call) => call.expect.textBack)).toEqual(
				calls.map((_, index) => index === 0),
			);
			expect(calls.every((call) => call.channel === 'missed_call')).toBe(true);
		}
	});

	it('strips phone, service and location from missing-context deliveries and expects a follow-up', () => {
		const stripped = day.events.filter((event) => event.fault?.kind === 'missing_context');
		expect(stripped.length).toBe(Math.round(day.count * FAULT_SHARES.missingContext));
		for (const event of stripped) {
			const inquiry = normalized(event);
			expect({
				seq: event.seq,
				phone: inquiry.contact.phone,
				followUp: event.expect.followUp,
			}).toEqual({
				seq: event.seq,
				phone: undefined,
				followUp: true,
			});
		}
	});

	it('tags deliveries inside each outage, absence and restart window, and schedules the driver to cause them', () => {
		expect(day.timeline.map((control) => control.kind)).toEqual([
			'destination_down',
			'destination_up',
			'owners_away',
			'owners_back',
			'destination_down',
			'destination_up',
			'restart',
		]);
		const [down, up] = day.timeline;
		expect(up.atMs - down.atMs).toBe(30_000);
		for (const event of day.events.filter(
			(candidate) => candidate.fault?.kind === 'destination_outage',
		)) {
			const window = day.timeline.filter(
				(control) =>
					control.window === (event.fault as { window: number }).window &&
					control.kind.startsWith('destination'),
			);
			expect(event.atMs).toBeGreaterThanOrEqual(window[0].atMs);
			expect(event.atMs).toBeLessThan(window[1].atMs);
			expect(event.expect.outcome).toBe('verified_or_alerted');
		}
		expect(
			day.events
				.filter((event) => event.fault?.kind === 'owners_away')
				.every((event) => event.expect.outcome === 'unassigned_alerted'),
		).toBe(true);
		expect(faultCount(day.events, 'restart')).toBeGreaterThanOrEqual(1);
	});

	it('signs Twilio deliveries for the URL the driver will post to, and nothing else differs', () => {
		const local = generateDay({ count: 300 });
		const moved = generateDay({ count: 300, baseUrl: 'http://127.0.0.1:40123/' });
		const twilio = moved.events.findIndex((event) => event.scheme === 'twilio');
		expect(moved.events[twilio].url).toBe('http://127.0.0.1:40123/webhook/inquiry-missed-call');
		expect(moved.events[twilio].headers['X-Twilio-Signature']).not.toBe(
			local.events[twilio].headers['X-Twilio-Signature'],
		);
		expect(moved.events.map((event) => event.rawBody)).toEqual(
			local.events.map((event) => event.rawBody),
		);
	});
});
