import { emailKey } from '../inquiry/contact/email';
import { parsePhone, samePhoneNumber } from '../inquiry/contact/phone';
import { asText, compareField, containsMatch, isEmptyValue } from './comparators';

describe('exact', () => {
	it('matches the same text only', () => {
		expect(compareField('exact', 'ana', 'ana')).toBe('matched');
		expect(compareField('exact', 'ana', 'Ana')).toBe('changed');
		expect(compareField('exact', 'ana', 'ana ')).toBe('changed');
		expect(compareField('exact', 'ana', '')).toBe('lost');
	});

	it('treats a numeric id and its text as the same', () => {
		expect(compareField('exact', '42', 42)).toBe('matched');
		expect(compareField('exact', 42, '43')).toBe('changed');
	});
});

// Unicode Standard Annex #15 (Unicode Normalization Forms): "é" as U+00E9 (NFC) and as
// U+0065 U+0301 (NFD) are canonically equivalent, the same text.
describe('Unicode: decomposed and composed text are the same', () => {
	const composed = 'Jos\u00e9 Mu\u00f1oz';
	const decomposed = 'Jose\u0301 Mun\u0303oz';

	it.each(['exact', 'normalized', 'contains'] as const)('%s', (comparator) => {
		expect(composed).not.toBe(decomposed);
		expect(compareField(comparator, composed, decomposed)).toBe('matched');
		expect(compareField(comparator, decomposed, composed)).toBe('matched');
	});

	it('email', () => {
		expect(compareField('email', 'jos\u00e9@b\u00fccher.de', 'jose\u0301@bu\u0308cher.de')).toBe(
			'matched',
		);
	});
});

describe('phone: the extension forms the cleaner reads', () => {
	// google/libphonenumber PhoneNumberUtilTest.java testParseExtensions: 1 / 8009013355 ext 7246433.
	it.each([
		'(800) 901-3355 ext: 7246433',
		'(800) 901-3355 x 7246433',
		'(800) 901-3355;7246433',
		'tel:+18009013355;ext=7246433',
	])('+18009013355 is %s', (actual) => {
		expect(compareField('phone', '+18009013355', actual)).toBe('matched');
	});

	// 1-800-FLOWERS.COM's published number, 1-800-356-9377.
	it('reads a vanity number by its keypad digits', () => {
		expect(compareField('phone', '+18003569377', '1-800-FLOWERS')).toBe('matched');
	});
});

describe('normalized (case- and whitespace-insensitive)', () => {
	it('ignores case, outer and repeated whitespace', () => {
		expect(compareField('normalized', 'Water Heater Repair', '  water   heater\nrepair ')).toBe(
			'matched',
		);
		expect(compareField('normalized', 'Jane Roe', 'JANE ROE')).toBe('matched');
	});

	it('still sees a different value', () => {
		expect(compareField('normalized', 'Jane Roe', 'Jane Doe')).toBe('changed');
		expect(compareField('normalized', 'Jane Roe', '   ')).toBe('lost');
	});
});

describe('phone', () => {
	it.each([
		['+14155550123', '(415) 555-0123'],
		['+14155550123', '+1 415-555-0123'],
		['+14155550123', '1-415-555-0123'],
		['+14155550123', '14155550123'],
		['+14155550123', '001 415 555 0123'],
		['+14155550123', '415.555.0123 ext. 12'],
		['+442071838750', '020 7183 8750'],
		['+442071838750', '0044 20 7183 8750'],
		['+33612345678', '06 12 34 56 78'],
	])('%s is the same number as %s', (expected, actual) => {
		expect(samePhoneNumber(expected, actual)).toBe(true);
		expect(compareField('phone', expected, actual)).toBe('matched');
	});

	it.each([
		['+14155550123', '(415) 555-0124'],
		['+14155550123', '555-0123'],
		['+14155550123', '+44 415 555 0123 99'],
		['+442071838750', '+12071838750'.replace('+1', '+1234')],
	])('%s is not %s', (expected, actual) => {
		expect(compareField('phone', expected, actual)).toBe('changed');
	});

	it('reads a canonical phone record by its E.164 number, or its raw text when invalid', () => {
		const phone = parsePhone('(415) 555-0123', { defaultCountry: 'US' });
		expect(phone?.e164).toBe('+14155550123');
		expect(compareField('phone', phone, '+1 (415) 555 0123')).toBe('matched');
		const invalid = parsePhone('555-01', { defaultCountry: 'US' });
		expect(invalid?.valid).toBe(false);
		expect(compareField('phone', invalid, '55501')).toBe('matched');
		expect(compareField('phone', invalid, '55502')).toBe('changed');
	});

	it('matches when any entry of a list (Pipedrive) is the number', () => {
		const list = [{ value: '+1 650 555 0100', primary: true }, { value: '(415) 555-0123' }];
		expect(compareField('phone', '+14155550123', list)).toBe('matched');
		expect(compareField('phone', '+14155550199', list)).toBe('changed');
		expect(compareField('phone', '+14155550123', [])).toBe('lost');
		expect(compareField('phone', '+14155550123', [{ value: '' }])).toBe('lost');
	});
});

describe('email', () => {
	it('ignores case, spaces, mailto: and a display name', () => {
		expect(emailKey(' Jane Roe <Jane.Roe@Example.com> ')).toBe('jane.roe@example.com');
		expect(compareField('email', 'jane.roe@example.com', 'JANE.ROE@EXAMPLE.COM')).toBe('matched');
		expect(compareField('email', 'jane.roe@example.com', 'mailto:jane.roe@example.com')).toBe(
			'matched',
		);
		expect(
			compareField('email', { address: 'jane.roe@example.com' }, 'Jane <jane.roe@example.com>'),
		).toBe('matched');
	});

	it('sees another address, and finds the address in a list', () => {
		expect(compareField('email', 'jane.roe@example.com', 'janeroe@example.com')).toBe('changed');
		expect(
			compareField('email', 'jane.roe@example.com', [
				{ value: 'work@example.com' },
				{ value: 'Jane.Roe@example.com' },
			]),
		).toBe('matched');
	});
});

describe('contains (a message may be truncated)', () => {
	const message = 'Water heater leaking in the garage since this morning, please call before noon';

	it('matches the whole message, also inside a longer note', () => {
		expect(compareField('contains', message, message)).toBe('matched');
		expect(
			compareField('contains', message, `Web inquiry:\n${message}\n(sent from the website)`),
		).toBe('matched');
	});

	it('accepts a truncated start of at least the minimum length, with or without an ellipsis', () => {
		expect(compareField('contains', message, message.slice(0, 40))).toBe('matched');
		expect(compareField('contains', message, `${message.slice(0, 40)}…`)).toBe('matched');
		expect(compareField('contains', message, `${message.slice(0, 40)}...`)).toBe('matched');
		expect(containsMatch(message, message.slice(0, 19), 20)).toBe(false);
		expect(containsMatch(message, message.slice(0, 10), 10)).toBe(true);
	});

	it('requires the same start', () => {
		expect(
			compareField('contains', message, 'Water heater leaking in the basement since yesterday'),
		).toBe('changed');
		expect(compareField('contains', message, message.slice(5, 60))).toBe('changed');
	});

	it('accepts a short message only whole', () => {
		expect(compareField('contains', 'Call me', 'call me')).toBe('matched');
		expect(compareField('contains', 'Call me', 'Call')).toBe('changed');
	});
});

describe('present', () => {
	it('needs any non-empty value', () => {
		expect(compareField('present', undefined, 'anything')).toBe('matched');
		expect(compareField('present', 'x', 0)).toBe('matched');
		expect(compareField('present', 'x', false)).toBe('matched');
		expect(compareField('present', 'x', null)).toBe('lost');
		expect(compareField('present', 'x', {})).toBe('lost');
		expect(compareField('present', 'x', ['', ' '])).toBe('lost');
	});
});

describe('helpers', () => {
	it('isEmptyValue and asText', () => {
		expect(
			[undefined, null, '', '  ', [], {}, [null], [{ value: '' }], { a: null }].every((v) =>
				isEmptyValue(v),
			),
		).toBe(true);
		expect([0, false, 'a', [1], { a: 1 }, [{ value: 'x' }]].some((v) => isEmptyValue(v))).toBe(
			false,
		);
		expect(asText({ e164: '+14155550123', raw: '(415) 555-0123' })).toBe('+14155550123');
		expect(asText([{ value: 'a' }, { value: 'b' }])).toBe('a, b');
		expect(asText({ n: 1 })).toBe('{"n":1}');
	});
});
