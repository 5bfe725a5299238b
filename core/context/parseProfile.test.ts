import { InquiryError } from '../shared/errors';
import { BUILT_IN_PROFILES } from './builtins';
import { parseProfile } from './parseProfile';

/** The message of the INVALID_PROFILE error thrown for `value`. */
function errorFor(value: unknown): string {
	try {
		parseProfile(value);
	} catch (error) {
		expect(error).toBeInstanceOf(InquiryError);
		expect((error as InquiryError).code).toBe('INVALID_PROFILE');
		expect((error as InquiryError).hint).toMatch(/^To fix this/);
		return (error as Error).message.replace('The completeness profile is not valid: ', '');
	}
	throw new Error('expected parseProfile to throw');
}

describe('parseProfile', () => {
	it('reads a list of requirements, filling in weight 10 and level required', () => {
		expect(
			parseProfile([
				{ field: 'phone' },
				{ anyOf: ['city', 'postalCode'], level: 'recommended', weight: 5 },
			]),
		).toEqual({
			name: 'custom',
			requirements: [
				{ field: 'phone', weight: 10, level: 'required' },
				{ anyOf: ['city', 'postalCode'], weight: 5, level: 'recommended' },
			],
		});
	});

	it('reads JSON text, as an expression or a JSON field hands it over', () => {
		const profile = parseProfile(
			'{"name":"plumbing","requirements":[{"field":"contact","when":{"field":"channel","in":["call","sms"]}}]}',
		);
		expect(profile).toEqual({
			name: 'plumbing',
			requirements: [
				{
					field: 'contact',
					weight: 10,
					level: 'required',
					when: { field: 'channel', in: ['call', 'sms'] },
				},
			],
		});
	});

	it('extends a built-in, an extra entry for the same field replacing the built-in one', () => {
		const profile = parseProfile({
			extends: 'routeReady',
			requirements: [
				{ field: 'postalCode' },
				{ field: 'service', level: 'recommended', weight: 5 },
			],
		});
		expect(profile.name).toBe('routeReady (extended)');
		const keys = profile.requirements.map((r) => `${r.field}:${r.level}`);
		expect(keys).toEqual([
			'contact:required',
			'location:required',
			'phone:required',
			'name:recommended',
			'postalCode:required',
			'service:recommended',
		]);
		expect(parseProfile({ extends: 'quoteReady' })).toEqual({
			...BUILT_IN_PROFILES.quoteReady,
			name: 'quoteReady (extended)',
		});
	});

	it.each([
		[[{ field: 'zip' }], "requirement 1: unknown field 'zip' (did you mean 'postalCode'?)"],
		[
			[{ field: 'phone' }, { field: 'email' }, { field: 'State' }],
			"requirement 3: unknown field 'State' (did you mean 'region'?)",
		],
		[
			[{ field: 'PostalCode' }],
			"requirement 1: unknown field 'PostalCode' (did you mean 'postalCode'?)",
		],
		[
			[{ field: 'phone' }, { anyOf: ['city', 'zipcode'] }],
			"requirement 2: unknown field 'zipcode' (did you mean 'postalCode'?)",
		],
		[
			[{ field: 'phone', when: { field: 'urgencyLevel', equals: 'high' } }],
			"requirement 1: condition unknown field 'urgencyLevel' (known fields: name, email, phone, contact, company, message, service, urgency, preferredTime, location, address, city, region, postalCode, country, channel, source)",
		],
		[
			[{ field: 'phone', level: 'must' }],
			"requirement 1: unknown level 'must' (use 'required' or 'recommended')",
		],
		[[{ field: 'phone', wieght: 3 }], "requirement 1: unknown setting 'wieght'"],
		[[{ field: 'phone', weight: '3' }], 'requirement 1: "weight" should be number, not string'],
		[
			[{ field: 'phone', weight: -1 }],
			'requirement 1: "weight" number must be greater than or equal to 0',
		],
		[['phone'], 'requirement 1: should be an object like {"field": "phone"}, not string'],
		[
			[{ level: 'required' }],
			'requirement 1: a requirement needs either "field" or "anyOf" (not both)',
		],
		[
			[{ field: 'phone', anyOf: ['email', 'city'] }],
			'requirement 1: a requirement needs either "field" or "anyOf" (not both)',
		],
		[[{ anyOf: ['email'] }], 'requirement 1: "anyOf" needs at least 2 fields'],
		[
			[{ field: 'phone', when: { field: 'channel' } }],
			'requirement 1: a condition needs exactly one of "equals", "in" or "present"',
		],
		[[{ field: 'phone' }, { field: 'phone' }], "requirement 2: 'phone' is already requirement 1"],
		[[], 'the profile has no requirements'],
		['', 'the profile is empty'],
		['{"requirements": [', 'the profile is not valid JSON'],
		[42, 'a profile is a list of requirements or an object with "requirements"'],
		[
			{ extends: 'salesReady' },
			"\"extends\" must be one of 'reachable', 'routeReady', 'quoteReady'",
		],
		[{ requirements: [], extra: true }, "profile: unknown setting 'extra'"],
	])('names the bad entry: %j', (value, expected) => {
		expect(errorFor(value)).toContain(expected);
	});

	it('accepts the same field twice when the conditions differ', () => {
		const profile = parseProfile([
			{ field: 'phone', when: { field: 'urgency', equals: 'emergency' } },
			{ field: 'phone', level: 'recommended' },
		]);
		expect(profile.requirements).toHaveLength(2);
	});
});
