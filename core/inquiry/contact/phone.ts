import { parsePhoneNumberFromString } from '../../vendor/libphonenumber';
import type { CountryCode, NumberType } from '../../vendor/libphonenumber';
import type { PhoneLineType, PhoneNumber } from '../schema';

const LINE_TYPES: Record<NonNullable<NumberType>, PhoneLineType> = {
	MOBILE: 'mobile',
	FIXED_LINE: 'fixed_line',
	FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
	VOIP: 'voip',
	TOLL_FREE: 'toll_free',
	PREMIUM_RATE: 'premium_rate',
	SHARED_COST: 'shared_cost',
	PERSONAL_NUMBER: 'personal_number',
	PAGER: 'pager',
	UAN: 'uan',
	VOICEMAIL: 'voicemail',
};

const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
	2: 'ABC',
	3: 'DEF',
	4: 'GHI',
	5: 'JKL',
	6: 'MNO',
	7: 'PQRS',
	8: 'TUV',
	9: 'WXYZ',
})) {
	for (const letter of letters) KEYPAD[letter] = digit;
}

/**
 * An extension at the end of a number, in the ways libphonenumber reads them: "ext", "ext.",
 * "ext:", ";ext=", "extn", "extension", "int.", "x", "x.", "#", ";" or ",," before the digits, and an
 * optional closing "#" (auto-dialling). An "x" counts only after a digit or space, so a vanity
 * word ending in X keeps its letters.
 */
const EXTENSION =
	/(?:(?:e?xt(?:ensi[oó]n|ensio|n)?|int)\.?[:=]?|(?<=[\d\s)])x\.?:?|#|;|,,?)\s*(\d{1,20})#?$/i;
/** tel: URI parameters (RFC 3966): ";ext=204", ";phone-context=+44". */
const TEL_EXTENSION = /;ext=(\d{1,20})/i;
const TEL_CONTEXT = /;phone-context=(\+[\d-]+)/i;
const MAX_PHONE_INPUT = 64;

export interface PhoneOptions {
	/** Country assumed for numbers written without "+" or "00"; ignored for international ones. */
	defaultCountry?: string;
}

/**
 * Turns whatever a form or carrier sent into a phone record. The raw text is always kept; `e164`
 * is set only when the number is valid, so downstream systems never get a guessed number.
 */
export function parsePhone(input: unknown, options: PhoneOptions = {}): PhoneNumber | undefined {
	const raw = phoneText(input);
	if (raw === undefined) return undefined;
	if (raw.length > MAX_PHONE_INPUT) return { valid: false, raw: raw.slice(0, MAX_PHONE_INPUT) };

	// NFKC turns full-width digits and letters ("ｅｘｔｎ４５６") into their plain forms.
	const split = splitExtension(raw.normalize('NFKC'));
	const extension = split.extension;
	// "00 44 …" is the international prefix in most of the world; libphonenumber only knows it
	// when the default country uses it, so rewrite it as "+".
	let text = split.text.replace(/^\s*00(?=[1-9])/, '+');
	// Vanity numbers (1-800-FLOWERS): map letters to keypad digits once at least 7 digits are present.
	if (/[A-Za-z]/.test(text)) text = lettersToDigits(text);
	// WhatsApp and some carriers send "14155550123": digits only, with the country code but no "+".
	const digits = text.replace(/\D/g, '');

	const country = toCountry(options.defaultCountry);
	let parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
	// Only when the default country cannot hold the digits is "+" tried (each parse of a number
	// outside the numbering plan costs libphonenumber a scan of every region sharing the code).
	if (!parsed?.isPossible() && !text.trim().startsWith('+') && digits.length >= 11) {
		const international = parsePhoneNumberFromString(`+${digits}`);
		if (international?.isPossible()) parsed = international;
	}
	if (!parsed || !parsed.isPossible())
		return { valid: false, raw, ...(extension ? { extension } : {}) };
	const impossible = impossibleReason(parsed.countryCallingCode, parsed.nationalNumber);
	if (impossible)
		return { valid: false, raw, problem: impossible, ...(extension ? { extension } : {}) };

	// A number is valid exactly when its digits match one of the country's line types, so one
	// type lookup answers both questions (libphonenumber would otherwise match the patterns twice).
	const type = parsed.getType();
	const inNumberingPlan = type !== undefined;
	const phone: PhoneNumber = {
		e164: parsed.number,
		national: parsed.formatNational(),
		valid: true,
		inNumberingPlan,
		raw,
		lineType: type ? LINE_TYPES[type] : 'unknown',
	};
	if (parsed.country) phone.country = parsed.country;
	const extensionFound = extension ?? parsed.ext;
	if (extensionFound) {
		phone.extension = extensionFound;
		// The national form is what people read: with the extension, so the owner dials both.
		phone.national = `${phone.national} ext. ${extensionFound}`;
	}
	return phone;
}

/** The number without its extension, from a tel: URI or typed text. */
function splitExtension(input: string): { text: string; extension?: string } {
	let text = input;
	if (/^\s*tel:/i.test(text)) {
		const extension = TEL_EXTENSION.exec(text)?.[1];
		const context = TEL_CONTEXT.exec(text)?.[1];
		text = text.replace(/^\s*tel:/i, '');
		const parameters = text.indexOf(';');
		if (parameters !== -1) text = text.slice(0, parameters);
		if (context && !text.startsWith('+')) text = `${context}${text}`;
		return extension ? { text, extension } : { text };
	}
	text = text.replace(/^\s*callto:/i, '');
	const ext = EXTENSION.exec(text);
	if (!ext || ext.index === 0) return { text };
	return { text: withoutTrailingSeparators(text.slice(0, ext.index)), extension: ext[1] };
}

/** Drops the spaces, commas and semicolons before an extension (a loop: a trailing-run regex is quadratic). */
function withoutTrailingSeparators(text: string): string {
	let end = text.length;
	while (end > 0 && ' \t,;'.includes(text[end - 1])) end--;
	return text.slice(0, end);
}

/**
 * Numbers no one can ring, though they have a possible length: all zeros anywhere, and in the
 * North American plan an area code or exchange starting with 0 or 1 (NANP's NXX-NXX-XXXX format,
 * N = 2–9), which rules out the typed-to-pass-the-form 000-000-0000 and 123-456-7890. The
 * fictional 555-0100…0199 range is a real format and stays reachable (see the Normalize Inquiry
 * reference).
 */
function impossibleReason(callingCode: string, national: string): string | undefined {
	if (/^0+$/.test(national)) return 'the number is all zeros';
	if (callingCode !== '1' || national.length !== 10) return undefined;
	if (!/^[2-9]/.test(national)) return 'a North American area code cannot start with 0 or 1';
	if (!/^\d{3}[2-9]/.test(national))
		return 'a North American exchange (the 3 digits after the area code) cannot start with 0 or 1';
	return undefined;
}

function phoneText(input: unknown): string | undefined {
	if (typeof input === 'number' && Number.isFinite(input)) return String(input);
	if (typeof input !== 'string') return undefined;
	const trimmed = input.trim();
	return trimmed === '' ? undefined : trimmed;
}

function lettersToDigits(text: string): string {
	const digitCount = text.replace(/\D/g, '').length;
	const letterCount = text.replace(/[^A-Za-z]/g, '').length;
	if (digitCount < 3 || digitCount + letterCount < 7) return text;
	return text.replace(/[A-Za-z]/g, (letter) => KEYPAD[letter.toUpperCase()] ?? '');
}

function toCountry(value: string | undefined): CountryCode | undefined {
	if (!value) return undefined;
	const upper = value.trim().toUpperCase();
	return /^[A-Z]{2}$/.test(upper) ? (upper as CountryCode) : undefined;
}

/**
 * The digits a dialler would use, from any way a number is written down: the extension cut off
 * (every form parsePhone reads), keypad letters of a vanity number mapped, any other letters
 * ("Mobile:") ending the number, and the "00" international prefix dropped.
 */
export function dialDigits(text: string): string {
	let number = splitExtension(text.normalize('NFKC')).text;
	if (/[A-Za-z]/.test(number)) {
		const vanity = lettersToDigits(number);
		number = vanity !== number ? vanity : number.slice(0, number.search(/[A-Za-z]/));
	}
	const digits = number.replace(/\D/g, '');
	return digits.startsWith('00') ? digits.slice(2) : digits;
}

/**
 * The same number whatever the formatting: "+14155550123", "(415) 555-0123", "1-415-555-0123";
 * "+44 20 7183 8750" and "020 7183 8750". A national form matches an international one when it
 * ends it, after dropping one trunk "0", with only a country code (1–3 digits) left over.
 */
export function samePhoneNumber(a: string, b: string): boolean {
	const x = dialDigits(a);
	const y = dialDigits(b);
	if (x === y) return x !== '';
	let long = x.length >= y.length ? x : y;
	let short = long === x ? y : x;
	if (short.startsWith('0')) short = short.slice(1);
	if (long.length < short.length) [long, short] = [short, long];
	return short.length >= 7 && long.length - short.length <= 3 && long.endsWith(short);
}

/** The identity key for a phone: only a valid E.164 number identifies a person. */
export function phoneIdentity(phone: PhoneNumber | undefined): string | undefined {
	return phone?.valid && phone.e164 ? `phone:${phone.e164}` : undefined;
}
