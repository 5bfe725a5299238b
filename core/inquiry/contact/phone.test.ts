import { parsePhone, phoneIdentity } from './phone';

describe('parsePhone', () => {
	it('formats a US number with the default country', () => {
		const phone = parsePhone('(415) 555-2671', { defaultCountry: 'US' });
		expect(phone).toMatchObject({
			e164: '+14155552671',
			country: 'US',
			valid: true,
			raw: '(415) 555-2671',
		});
		expect(phone?.national).toBe('(415) 555-2671');
	});

	it('ignores the default country for a "+" number', () => {
		expect(parsePhone('+44 20 7946 0958', { defaultCountry: 'US' })).toMatchObject({
			e164: '+442079460958',
			country: 'GB',
			valid: true,
		});
	});

	it('accepts a Canadian number under default country US', () => {
		expect(parsePhone('613-555-0199', { defaultCountry: 'US' })).toMatchObject({
			e164: '+16135550199',
			country: 'CA',
			valid: true,
		});
	});

	it('marks a 7-digit local number invalid but keeps what was typed', () => {
		expect(parsePhone('555-0123', { defaultCountry: 'US' })).toEqual({
			valid: false,
			raw: '555-0123',
		});
	});

	it('splits off an extension', () => {
		expect(parsePhone('415-555-2671 ext. 204', { defaultCountry: 'US' })).toMatchObject({
			e164: '+14155552671',
			extension: '204',
		});
		expect(parsePhone('+1 415 555 2671 x9', {})).toMatchObject({
			e164: '+14155552671',
			extension: '9',
		});
	});

	it('reads a "00" international prefix', () => {
		expect(parsePhone('0044 20 7946 0958', { defaultCountry: 'US' })).toMatchObject({
			e164: '+442079460958',
			valid: true,
		});
	});

	it('maps letters on a vanity number to keypad digits', () => {
		expect(parsePhone('1-800-FLOWERS', { defaultCountry: 'US' })).toMatchObject({
			e164: '+18003569377',
			lineType: 'toll_free',
		});
	});

	it('reads digits-only numbers that carry a country code without "+"', () => {
		expect(parsePhone('447911123456', { defaultCountry: 'US' })).toMatchObject({
			e164: '+447911123456',
			lineType: 'mobile',
		});
	});

	it('accepts dialable numbers outside the known numbering plan, flagged', () => {
		// 555-1234 has a well-formed exchange but is no assigned line: metadata, not structure, says so.
		expect(parsePhone('+1 415 555 1234')).toMatchObject({ e164: '+14155551234', valid: true });
		expect(parsePhone('+44 1111 111111')).toMatchObject({
			e164: '+441111111111',
			valid: true,
			inNumberingPlan: false,
		});
		expect(parsePhone('(415) 555-2671', { defaultCountry: 'US' })).toMatchObject({
			inNumberingPlan: true,
		});
	});

	it('returns undefined for nothing and never throws on junk', () => {
		expect(parsePhone('', {})).toBeUndefined();
		expect(parsePhone(null, {})).toBeUndefined();
		expect(parsePhone({}, {})).toBeUndefined();
		expect(parsePhone('x'.repeat(1_000_000), {})).toEqual({ valid: false, raw: 'x'.repeat(64) });
		expect(parsePhone('not a phone', { defaultCountry: 'ZZ' })).toMatchObject({ valid: false });
	});

	it('gives an identity key only for a valid number', () => {
		expect(phoneIdentity(parsePhone('+1 415 555 2671'))).toBe('phone:+14155552671');
		expect(phoneIdentity(parsePhone('555'))).toBeUndefined();
	});
});
