import { parsePhone } from './phone';

/**
 * Cases from public references, with the expected number and extension as the reference states
 * them (country code + national number written out as E.164).
 */

// LIBPHONENUMBER below is google/libphonenumber, java/libphonenumber/test/com/google/i18n/phonenumbers/PhoneNumberUtilTest.java.

describe('extensions (libphonenumber testParseExtensions and long-extension tests)', () => {
	// Source: LIBPHONENUMBER testParseExtensions, nzNumber = 64 / 33316005 ext 3456.
	it.each(['03 331 6005 ext 3456', '03-3316005x3456', '03-3316005 int.3456', '03 3316005 #3456'])(
		'NZ %s',
		(input) => {
			expect(parsePhone(input, { defaultCountry: 'NZ' })).toMatchObject({
				e164: '+6433316005',
				extension: '3456',
				valid: true,
			});
		},
	);

	// Source: LIBPHONENUMBER testParseExtensions, ukNumber = 44 / 2034567890 ext 456.
	it.each([
		['+44 2034567890x456', 'NZ'],
		['+44 2034567890x456', 'GB'],
		['+44 2034567890 x456', 'GB'],
		['+44 2034567890 X456', 'GB'],
		['+44 2034567890 X 456', 'GB'],
		['+44 2034567890 X  456', 'GB'],
		['+44 2034567890 x 456  ', 'GB'],
		['+44 2034567890  X 456', 'GB'],
		['+44-2034567890;ext=456', 'GB'],
		['tel:2034567890;ext=456;phone-context=+44', undefined],
		['+442034567890\uFF45\uFF58\uFF54\uFF4E456', 'GB'], // full-width "extn"
		['+442034567890\uFF58\uFF54\uFF4E456', 'GB'], // full-width "xtn"
		['+442034567890\uFF58\uFF54456', 'GB'], // full-width "xt"
	])('UK %s (default %s)', (input, country) => {
		expect(parsePhone(input, { defaultCountry: country })).toMatchObject({
			e164: '+442034567890',
			extension: '456',
			valid: true,
		});
	});

	// Source: LIBPHONENUMBER testParseExtensions, usWithExtension = 1 / 8009013355 ext 7246433.
	it.each([
		'(800) 901-3355 x 7246433',
		'(800) 901-3355 , ext 7246433',
		'(800) 901-3355 ; 7246433',
		'(800) 901-3355;7246433',
		'(800) 901-3355 ,extension 7246433',
		'(800) 901-3355 ,extensi\u00F3n 7246433',
		'(800) 901-3355 ,extensio\u0301n 7246433',
		'(800) 901-3355 , 7246433',
		'(800) 901-3355 ext: 7246433',
	])('US %s', (input) => {
		expect(parsePhone(input, { defaultCountry: 'US' })).toMatchObject({
			e164: '+18009013355',
			extension: '7246433',
			valid: true,
		});
	});

	it('shows the extension in the national form people read', () => {
		expect(parsePhone('(800) 901-3355 ext: 7246433', { defaultCountry: 'US' })?.national).toBe(
			'(800) 901-3355 ext. 7246433',
		);
	});

	// Source: LIBPHONENUMBER testParseHandlesLongExtensionsWithExplicitLabels / ...WithAutoDiallingLabels / ...ShortExtensionsWithAmbiguousChar.
	it.each([
		['tel:+6433316005;ext=0', 'NZ', '+6433316005', '0'],
		['03 3316005ext:1', 'NZ', '+6433316005', '1'],
		['03 3316005 xtn:12345678901234567890', 'NZ', '+6433316005', '12345678901234567890'],
		['03 3316005 x. 123456789', 'NZ', '+6433316005', '123456789'],
		['03 3316005 #123456789#', 'NZ', '+6433316005', '123456789'],
		['+12679000000,,123456789012345#', 'US', '+12679000000', '123456789012345'],
		['+442034000000,,123456789#', 'GB', '+442034000000', '123456789'],
	])(
		'reads %s (tel: URIs, labels with a colon, auto-dialling commas)',
		(input, country, e164, extension) => {
			expect(parsePhone(input, { defaultCountry: country })).toMatchObject({ e164, extension });
		},
	);
});

describe('vanity numbers', () => {
	// Source: LIBPHONENUMBER testConvertAlphaCharactersInNumber ("1800-ABC-DEF" → "1800-222-333").
	it('maps letters to keypad digits', () => {
		expect(parsePhone('1-800-ABC-DEFG', { defaultCountry: 'US' })).toMatchObject({
			e164: '+18002223334',
		});
	});

	// Source: 1-800-FLOWERS.COM's published number, 1-800-356-9377 (keypad F=3 L=5 O=6 W=9 E=3 R=7 S=7).
	it('keeps the extension beside a vanity number', () => {
		expect(parsePhone('1-800-FLOWERS ext. 12', { defaultCountry: 'US' })).toMatchObject({
			e164: '+18003569377',
			extension: '12',
		});
	});
});

describe('numbers no one can ring', () => {
	// Source: NANPA, "NANP number format": NPA-NXX-XXXX, where N is any digit 2–9 (area code and
	// exchange never start with 0 or 1); libphonenumber resources/PhoneNumberMetadata.xml, territory
	// US, generalDesc nationalNumberPattern "[2-9]\d{9}".
	it.each([
		['000-000-0000', 'the number is all zeros'],
		['123-456-7890', 'a North American area code cannot start with 0 or 1'],
		['(023) 555-2671', 'a North American area code cannot start with 0 or 1'],
		[
			'1-800-123-4567',
			'a North American exchange (the 3 digits after the area code) cannot start with 0 or 1',
		],
		[
			'(415) 023-2671',
			'a North American exchange (the 3 digits after the area code) cannot start with 0 or 1',
		],
		[
			'+1 415 123 4567',
			'a North American exchange (the 3 digits after the area code) cannot start with 0 or 1',
		],
	])('%s is kept as typed, not valid, with the reason', (input, problem) => {
		const phone = parsePhone(input, { defaultCountry: 'US' });
		expect(phone).toEqual({ valid: false, raw: input, problem });
	});

	// Source: NANPA, "555 NXX line numbers": 555-0100 through 555-0199 are reserved for fictitious
	// use. Deliberate choice: they keep their number (vendors' documented samples and test
	// deliveries use them), because the format itself is dialable.
	it('keeps the fictional 555-01xx range', () => {
		expect(parsePhone('(415) 555-0123', { defaultCountry: 'US' })).toMatchObject({
			e164: '+14155550123',
			valid: true,
		});
	});
});
