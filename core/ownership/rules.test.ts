import { factsOf } from './facts';
import { compileRules, matchRule } from './rules';
import type { Rule } from './config';
import { inquiry } from './test/fixtures';

const rule = (
	field: Rule['conditions'][number]['field'],
	operator: Rule['conditions'][number]['operator'],
	value: string,
): Rule => ({
	name: `${field} ${operator} ${value}`,
	conditions: [{ field, operator, value }],
	team: 't',
});
const matches = (r: Rule, changes: Parameters<typeof inquiry>[0]) =>
	matchRule(compileRules([r]), factsOf(inquiry(changes))) !== undefined;

describe('rule conditions', () => {
	it('compare each field case-insensitively, with comma lists meaning "any of"', () => {
		expect(matches(rule('urgency', 'is', 'High, Emergency'), { urgency: 'emergency' })).toBe(true);
		expect(matches(rule('urgency', 'is', 'high'), { urgency: 'normal' })).toBe(false);
		expect(
			matches(rule('postalCode', 'startsWith', 'SW1'), { location: { postalCode: 'sw1a 1aa' } }),
		).toBe(true);
		expect(matches(rule('region', 'is', 'ca'), { location: { region: 'CA' } })).toBe(true);
		expect(matches(rule('country', 'isNot', 'US'), { location: { country: 'US' } })).toBe(false);
		expect(matches(rule('language', 'is', 'Spanish'), { extraFields: { lang: 'es' } })).toBe(true);
		expect(matches(rule('source', 'is', 'Typeform'), {})).toBe(true);
		expect(matches(rule('city', 'contains', 'san'), { location: { city: 'San Jose' } })).toBe(true);
		expect(
			matches(rule('territory', 'startsWith', '941'), { location: { postalCode: '94110' } }),
		).toBe(true);
	});

	it('treat a missing value as "not equal": is → false, is not → true', () => {
		expect(matches(rule('service', 'is', 'plumbing'), {})).toBe(false);
		expect(matches(rule('service', 'isNot', 'plumbing'), {})).toBe(true);
		expect(matches(rule('territory', 'is', '941'), {})).toBe(false);
	});

	it('name unnamed rules by position and explain the match', () => {
		const [compiled] = compileRules([
			{
				name: ' ',
				conditions: [{ field: 'channel', operator: 'is', value: 'Missed call' }],
				owner: 'ana',
			},
		]);
		expect(compiled.name).toBe('rule 1');
		expect(matchRule([compiled], factsOf(inquiry({ channel: 'missed_call' })))?.because).toBe(
			'channel is "Missed call"',
		);
	});
});
