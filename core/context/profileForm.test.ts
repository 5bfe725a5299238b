import { InquiryError } from '../shared/errors';
import { BUILT_IN_PROFILES } from './builtins';
import { checkContext } from './checkContext';
import { resolveProfile, rowToRequirement } from './profileForm';
import { makeInquiry } from './test/inquiry';

describe('rowToRequirement', () => {
	it('maps a plain row', () => {
		expect(
			rowToRequirement({
				field: 'postalCode',
				level: 'required',
				weight: 15,
				condition: 'always',
				operator: 'equals',
				value: '',
				label: '',
			}),
		).toEqual({
			field: 'postalCode',
			level: 'required',
			weight: 15,
		});
	});

	it('maps a group row and each condition operator', () => {
		expect(
			rowToRequirement({
				field: 'anyOf',
				anyOf: ['address', 'postalCode'],
				condition: 'service',
				operator: 'equals',
				value: 'Emergency',
				label: 'Job site',
			}),
		).toEqual({
			anyOf: ['address', 'postalCode'],
			label: 'Job site',
			when: { field: 'service', equals: 'Emergency' },
		});
		expect(
			rowToRequirement({
				field: 'phone',
				condition: 'channel',
				operator: 'isOneOf',
				value: 'call, missed_call,, sms ',
			}).when,
		).toEqual({ field: 'channel', in: ['call', 'missed_call', 'sms'] });
		expect(
			rowToRequirement({ field: 'phone', condition: 'email', operator: 'isMissing' }).when,
		).toEqual({ field: 'email', present: false });
		expect(
			rowToRequirement({ field: 'city', condition: 'postalCode', operator: 'isPresent' }).when,
		).toEqual({ field: 'postalCode', present: true });
	});
});

describe('resolveProfile', () => {
	it('returns a built-in unchanged when no extra rows are given', () => {
		expect(resolveProfile('quoteReady')).toBe(BUILT_IN_PROFILES.quoteReady);
	});

	it('extends a built-in with the extra rows', () => {
		const profile = resolveProfile('reachable', [
			{ field: 'postalCode', level: 'required', weight: 20 },
		]);
		expect(profile.name).toBe('reachable (extended)');
		expect(profile.requirements.map((r) => r.field)).toEqual(['contact', 'postalCode']);
		const result = checkContext(makeInquiry({ email: 'a@example.org' }), profile);
		expect(result.missing).toEqual([
			{ field: 'postalCode', label: 'Postal code', level: 'required' },
		]);
	});

	it('builds a custom profile from rows alone', () => {
		const profile = resolveProfile('custom', [
			{ field: 'contact' },
			{ field: 'preferredTime', condition: 'channel', operator: 'equals', value: 'booking' },
		]);
		expect(profile).toEqual({
			name: 'custom',
			requirements: [
				{ field: 'contact', weight: 10, level: 'required' },
				{
					field: 'preferredTime',
					weight: 10,
					level: 'required',
					when: { field: 'channel', equals: 'booking' },
				},
			],
		});
	});

	it('reads JSON in JSON mode', () => {
		expect(resolveProfile('json', [], '[{"field":"email"}]').requirements).toEqual([
			{ field: 'email', weight: 10, level: 'required' },
		]);
	});

	it.each([
		['custom', [], undefined, 'the custom profile has no requirements'],
		['custom', [{ field: 'contact' }, { field: '' }], undefined, "requirement 2: unknown field ''"],
		[
			'routeReady',
			[{ field: 'anyOf', anyOf: ['city'] }],
			undefined,
			'requirement 1: "anyOf" needs at least 2 fields',
		],
		[
			'custom',
			[{ field: 'phone', condition: 'channel', operator: 'isOneOf', value: ' , ' }],
			undefined,
			'requirement 1: condition "when.in" array must contain at least 1 element(s)',
		],
		['salesReady', [], undefined, "unknown profile 'salesReady'"],
		[
			'json',
			[],
			'[{"field":"zip"}]',
			"requirement 1: unknown field 'zip' (did you mean 'postalCode'?)",
		],
	])('rejects %s %j with a named error', (choice, rows, json, expected) => {
		let thrown: unknown;
		try {
			resolveProfile(choice, rows, json);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(InquiryError);
		expect((thrown as InquiryError).code).toBe('INVALID_PROFILE');
		expect((thrown as Error).message).toContain(expected);
	});
});
