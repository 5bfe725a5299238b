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
for (const [digit, letters] of Object.entries({ 2: 'ABC', 3: 'DEF', 4: 'GHI', 5: 'JKL', 6: 'MNO', 7: 'PQRS', 8: 'TUV', 9: 'WXYZ' })) {
	for (const letter of letters) KEYPAD[letter] = digit;
}

/** "ext. 12", "x12", "#12", "extension 12" at the end of a (trimmed) number. */
const EXTENSION = /(?:ext\.?|extension|x|#)\s*(\d{1,7})$/i;
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

	let text = raw;
	let extension: string | undefined;
	const ext = EXTENSION.exec(text);
	if (ext && ext.index > 0) {
		extension = ext[1];
		text = text.slice(0, ext.index).trimEnd();
	}
	text = text.replace(/^\s*(?:tel:|callto:)/i, '');
	// "00 44 …" is the international prefix in most of the world; libphonenumber only knows it
	// when the default country uses it, so rewrite it as "+".
	text = text.replace(/^\s*00(?=[1-9])/, '+');
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
	if (!parsed || !parsed.isPossible()) return { valid: false, raw, ...(extension ? { extension } : {}) };

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
	if (extensionFound) phone.extension = extensionFound;
	return phone;
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

/** The identity key for a phone: only a valid E.164 number identifies a person. */
export function phoneIdentity(phone: PhoneNumber | undefined): string | undefined {
	return phone?.valid && phone.e164 ? `phone:${phone.e164}` : undefined;
}
