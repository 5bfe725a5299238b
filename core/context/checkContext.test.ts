import { BUILT_IN_PROFILES } from './builtins';
import { checkContext } from './checkContext';
import type { ContextProfile } from './profile';
import { ContextProfile as ContextProfileSchema } from './profile';
import { FULL, makeInquiry } from './test/inquiry';

const { reachable, routeReady, quoteReady } = BUILT_IN_PROFILES;
const profile = (requirements: unknown[]): ContextProfile =>
	ContextProfileSchema.parse({ name: 'test', requirements });
const fields = (entries: { field: string }[]) => entries.map((entry) => entry.field);

describe('built-in profiles', () => {
	it('Reachable: a valid phone alone is complete', () => {
		const result = checkContext(
			makeInquiry({ channel: 'missed_call', phone: '+1 415 555 2671' }),
			reachable,
		);
		expect(result).toMatchObject({
			profile: 'reachable',
			outcome: 'complete',
			complete: true,
			score: 100,
			missing: [],
		});
		expect(result.present).toEqual([{ field: 'contact', label: 'Phone or email' }]);
		expect(result.followUp).toBeUndefined();
	});

	it('Reachable: a valid email alone is complete', () => {
		expect(checkContext(makeInquiry({ email: 'jane@example.org' }), reachable).outcome).toBe(
			'complete',
		);
	});

	it('Route-ready: a phone-only missed call needs service and location, and may ask for the name', () => {
		const result = checkContext(
			makeInquiry({ channel: 'missed_call', phone: '+1 415 555 2671' }),
			routeReady,
		);
		expect(result.outcome).toBe('needs_context');
		expect(result.missing).toEqual([
			{ field: 'service', label: 'Service', level: 'required' },
			{ field: 'location', label: 'Location', level: 'required' },
			{ field: 'name', label: 'Name', level: 'recommended' },
		]);
		// contact 40 of 90 applicable weight (the emergency phone rule does not apply).
		expect(result.score).toBe(44);
		expect(result.followUp?.fields).toEqual(['service', 'location']);
	});

	it('Route-ready: service and a city make it complete even without a name, which stays listed as missing', () => {
		const result = checkContext(
			makeInquiry({
				email: 'jane@example.org',
				service: 'Roof repair',
				location: { city: 'Austin' },
			}),
			routeReady,
		);
		expect(result).toMatchObject({ outcome: 'complete', complete: true, score: 89 });
		expect(result.missing).toEqual([{ field: 'name', label: 'Name', level: 'recommended' }]);
	});

	it('Quote-ready: a full inquiry scores 100 with every field present', () => {
		const result = checkContext(makeInquiry(FULL), quoteReady);
		expect(result).toMatchObject({
			outcome: 'complete',
			complete: true,
			score: 100,
			missing: [],
			quality: [],
		});
		expect(fields(result.present)).toEqual([
			'contact',
			'service',
			'location',
			'name',
			'message',
			'preferredTime',
		]);
	});

	it('Quote-ready: extends Route-ready, which extends Reachable', () => {
		const keys = (p: ContextProfile) => p.requirements.map((r) => `${r.field}${r.when ? '?' : ''}`);
		expect(keys(routeReady).slice(0, reachable.requirements.length)).toEqual(keys(reachable));
		expect(keys(quoteReady).slice(0, routeReady.requirements.length)).toEqual(keys(routeReady));
		expect(keys(quoteReady)).toEqual([
			'contact',
			'service',
			'location',
			'phone?',
			'name',
			'message',
			'preferredTime',
		]);
	});
});

describe('unreachable', () => {
	it('is its own outcome when there is no valid phone and no valid email, whatever else is there', () => {
		const inquiry = makeInquiry({ ...FULL, email: 'jane@', phone: '12' });
		const result = checkContext(inquiry, quoteReady);
		expect(result.outcome).toBe('unreachable');
		expect(result.complete).toBe(false);
		expect(result.missing[0]).toEqual({
			field: 'contact',
			label: 'Phone or email',
			level: 'required',
		});
		expect(result.quality.map((q) => q.code)).toEqual(['email_invalid', 'phone_invalid']);
		expect(result.followUp?.fields).toEqual(['contact']);
	});

	// NANP numbers are NXX-NXX-XXXX with N = 2–9 (NANPA): 000-000-0000 and 123-456-7890 ring no one.
	it.each(['000-000-0000', '123-456-7890', '(415) 123-4567'])(
		'is the outcome for the impossible number %s, with the reason shown',
		(phone) => {
			const result = checkContext(makeInquiry({ ...FULL, email: undefined, phone }), quoteReady);
			expect(result.outcome).toBe('unreachable');
			const warning = result.quality.find((q) => q.code === 'phone_invalid');
			expect(warning?.message).toMatch(/cannot start with 0 or 1|all zeros/);
		},
	);

	it('wins even when the profile does not ask for contact details at all', () => {
		const result = checkContext(
			makeInquiry({ service: 'Roof repair' }),
			profile([{ field: 'service' }]),
		);
		expect(result).toMatchObject({ outcome: 'unreachable', complete: false, score: 100 });
		expect(fields(result.missing)).toEqual(['contact']);
	});

	it('does not ask for contact twice when the profile already misses phone', () => {
		const result = checkContext(makeInquiry({ channel: 'chat' }), profile([{ field: 'phone' }]));
		expect(fields(result.missing)).toEqual(['phone']);
		expect(result.followUp).toMatchObject({ fields: ['phone'], preferred: 'chat' });
	});
});

describe('conditional requirements', () => {
	it('Route-ready asks an emergency for a phone even with an email', () => {
		const emergency = makeInquiry({
			email: 'jane@example.org',
			service: 'Burst pipe',
			location: { postalCode: '94107' },
			urgency: 'emergency',
		});
		const result = checkContext(emergency, routeReady);
		expect(result.outcome).toBe('needs_context');
		expect(result.missing).toEqual([
			{ field: 'phone', label: 'Phone', level: 'required' },
			{ field: 'name', label: 'Name', level: 'recommended' },
		]);
		expect(result.followUp?.email.body).toContain('could you share the best number to reach you?');
	});

	it('counts a condition that does not hold neither as present nor missing, nor in the score', () => {
		const normal = makeInquiry({
			email: 'jane@example.org',
			service: 'Burst pipe',
			location: { postalCode: '94107' },
			name: 'Jane',
		});
		const result = checkContext(normal, routeReady);
		expect(result).toMatchObject({ outcome: 'complete', score: 100, missing: [] });
		expect(fields(result.present)).not.toContain('phone');
	});

	it('supports equals (ignoring case), in, present and missing on fields, channel and source', () => {
		const p = profile([
			{ field: 'preferredTime', when: { field: 'channel', equals: 'BOOKING' } },
			{ field: 'company', when: { field: 'source', in: ['hubspot', 'typeform'] } },
			{ field: 'phone', when: { field: 'email', present: false } },
			{ field: 'city', when: { field: 'postalCode', present: true } },
		]);
		const booking = checkContext(
			makeInquiry({ channel: 'booking', system: 'calendly', email: 'a@example.org' }),
			p,
		);
		expect(fields(booking.missing)).toEqual(['preferredTime']);
		const form = checkContext(
			makeInquiry({
				system: 'typeform',
				phone: '+1 415 555 2671',
				location: { postalCode: '94107' },
			}),
			p,
		);
		expect(fields(form.missing)).toEqual(['company', 'city']);
		expect(fields(form.present)).toEqual(['phone']);
	});

	it('a condition on a missing field never matches equals', () => {
		const p = profile([{ field: 'phone', when: { field: 'service', equals: 'emergency' } }]);
		expect(checkContext(makeInquiry({ email: 'a@example.org' }), p).outcome).toBe('complete');
	});
});

describe('groups', () => {
	it('anyOf is met by any one field and reported under one key and label', () => {
		const p = profile([{ anyOf: ['address', 'postalCode'], weight: 10 }, { field: 'contact' }]);
		const met = checkContext(
			makeInquiry({ email: 'a@example.org', location: { postalCode: '94107' } }),
			p,
		);
		expect(met.present[0]).toEqual({
			field: 'address_or_postalCode',
			label: 'Street address or postal code',
		});
		const unmet = checkContext(
			makeInquiry({ email: 'a@example.org', location: { city: 'Austin' } }),
			p,
		);
		expect(unmet.missing).toEqual([
			{
				field: 'address_or_postalCode',
				anyOf: ['address', 'postalCode'],
				label: 'Street address or postal code',
				level: 'required',
			},
		]);
		expect(unmet.followUp?.chat).toBe(
			'Thanks! Could you share your street address or postal code?',
		);
	});

	it('contact is met by a valid phone or a valid email only', () => {
		const p = profile([{ field: 'contact' }]);
		expect(checkContext(makeInquiry({ email: 'jane@gmail.com', phone: '12' }), p).outcome).toBe(
			'complete',
		);
		expect(checkContext(makeInquiry({ email: 'not-an-email' }), p).outcome).toBe('unreachable');
	});

	it('location is met by an address, a city or a postal code, but not by a region alone', () => {
		const p = profile([{ field: 'location' }]);
		for (const location of [
			{ address: '1 Main St' },
			{ city: 'Leeds' },
			{ postalCode: 'LS1 4AP' },
		]) {
			expect(checkContext(makeInquiry({ email: 'a@example.org', location }), p).complete).toBe(
				true,
			);
		}
		expect(
			checkContext(makeInquiry({ email: 'a@example.org', location: { region: 'CA' } }), p).complete,
		).toBe(false);
	});
});

describe('scoring', () => {
	it('is the met weight over the applicable weight, rounded', () => {
		const p = profile([
			{ field: 'contact', weight: 3 },
			{ field: 'service', weight: 1 },
			{ field: 'company', weight: 2, level: 'recommended' },
		]);
		expect(checkContext(makeInquiry({ email: 'a@example.org' }), p).score).toBe(50);
		expect(checkContext(makeInquiry({ email: 'a@example.org', service: 'Roofing' }), p).score).toBe(
			67,
		);
		expect(
			checkContext(makeInquiry({ email: 'a@example.org', service: 'Roofing', company: 'Acme' }), p)
				.score,
		).toBe(100);
	});

	it('with zero total weight, scores 100 when nothing required is missing and 0 otherwise', () => {
		const p = profile([
			{ field: 'contact', weight: 0 },
			{ field: 'service', weight: 0 },
		]);
		expect(checkContext(makeInquiry({ email: 'a@example.org', service: 'Roofing' }), p).score).toBe(
			100,
		);
		expect(checkContext(makeInquiry({ email: 'a@example.org' }), p).score).toBe(0);
	});

	it('a minimum score holds back an inquiry whose required fields are all there', () => {
		const inquiry = makeInquiry({
			email: 'jane@example.org',
			service: 'Roof repair',
			location: { city: 'Austin' },
		});
		const result = checkContext(inquiry, routeReady, { minimumScore: 90 });
		expect(result).toMatchObject({ outcome: 'needs_context', complete: false, score: 89 });
		expect(result.followUp?.fields).toEqual(['name']);
	});

	it('treating recommended as required makes a missing name block the inquiry', () => {
		const inquiry = makeInquiry({
			email: 'jane@example.org',
			service: 'Roof repair',
			location: { city: 'Austin' },
		});
		const result = checkContext(inquiry, routeReady, { treatRecommendedAsRequired: true });
		expect(result.outcome).toBe('needs_context');
		expect(result.missing).toEqual([{ field: 'name', label: 'Name', level: 'required' }]);
	});

	it('merges the same field asked twice into one missing entry, the stricter level winning', () => {
		const p = profile([
			{ field: 'service', level: 'recommended' },
			{ field: 'service', level: 'required', when: { field: 'channel', equals: 'form' } },
			{ field: 'contact' },
		]);
		const result = checkContext(makeInquiry({ email: 'a@example.org' }), p);
		expect(result.missing).toEqual([{ field: 'service', label: 'Service', level: 'required' }]);
	});

	it('uses a requirement label when given', () => {
		const p = profile([{ field: 'postalCode', label: 'Job site ZIP' }, { field: 'contact' }]);
		expect(checkContext(makeInquiry({ email: 'a@example.org' }), p).missing[0].label).toBe(
			'Job site ZIP',
		);
	});
});

describe('quality warnings', () => {
	const codes = (inquiry: ReturnType<typeof makeInquiry>) =>
		checkContext(inquiry, quoteReady).quality.map((q) => `${q.code}:${q.field}`);

	it('flags a landline, whose number still counts as a way to reach the person', () => {
		const result = checkContext(
			makeInquiry({ channel: 'missed_call', phone: '+44 20 7946 0958' }),
			reachable,
		);
		expect(result.outcome).toBe('complete');
		expect(result.quality).toEqual([
			{
				code: 'phone_landline_for_sms',
				field: 'phone',
				message:
					'The phone number 020 7946 0958 looks like a landline, so a text message may not arrive: call instead.',
			},
		]);
	});

	it('flags an email typo with the suggestion', () => {
		const result = checkContext(makeInquiry({ email: 'jane@gmial.com' }), reachable);
		expect(result.quality).toEqual([
			{
				code: 'email_typo',
				field: 'email',
				message: 'The email jane@gmial.com may have a typo: did they mean jane@gmail.com?',
			},
		]);
		expect(result.outcome).toBe('complete');
	});

	it('flags a short message and does not count it as details', () => {
		const result = checkContext(makeInquiry({ ...FULL, message: 'call me' }), quoteReady);
		expect(result.quality.map((q) => q.code)).toEqual(['message_too_short']);
		expect(fields(result.missing)).toEqual(['message']);
		expect(
			checkContext(makeInquiry({ ...FULL, message: 'call me' }), quoteReady, {
				minMessageLength: 5,
			}).complete,
		).toBe(true);
	});

	it('treats placeholder answers as missing and says so', () => {
		expect(
			codes(makeInquiry({ ...FULL, name: 'asdf', service: 'test', location: { city: 'n/a' } })),
		).toEqual(['placeholder_value:name', 'placeholder_value:service', 'placeholder_value:city']);
		const result = checkContext(
			makeInquiry({ ...FULL, service: 'xxxx', message: 'testing 123' }),
			quoteReady,
		);
		expect(fields(result.missing)).toEqual(['service', 'message']);
	});

	// Filler repeated once per name box is still filler; a real two-word name is not.
	it.each(['Test Test', 'asdf asdf', 'TEST TESTER'])(
		'treats the name %s as a placeholder',
		(name) => {
			expect(codes(makeInquiry({ ...FULL, name }))).toEqual(['placeholder_value:name']);
		},
	);

	it('keeps a real name that holds one filler-like word', () => {
		expect(codes(makeInquiry({ ...FULL, name: 'Na Li' }))).toEqual([]);
	});

	it('keeps real values that merely look short or numeric where numbers belong', () => {
		expect(
			codes(
				makeInquiry({
					...FULL,
					name: 'Bo Li',
					location: { postalCode: '12345' },
					preferredTime: '1700',
				}),
			),
		).toEqual([]);
	});

	it('flags a placeholder-looking email but still uses it to reach the person', () => {
		const result = checkContext(makeInquiry({ email: 'test@example.com' }), reachable);
		expect(result.outcome).toBe('complete');
		expect(result.quality.map((q) => q.code)).toEqual(['placeholder_value']);
	});
});
