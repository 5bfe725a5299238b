import { z } from 'zod';
import { emailKey } from '../inquiry/contact/email';
import { samePhoneNumber } from '../inquiry/contact/phone';

/** How a destination value is judged against the inquiry's value. */
export const COMPARATORS = [
	'exact',
	'normalized',
	'phone',
	'email',
	'contains',
	'present',
] as const;
export const Comparator = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof Comparator>;

/** What one field comparison found: kept, emptied on the way, or altered. */
export type FieldVerdict = 'matched' | 'lost' | 'changed';

/** The shortest truncated message "contains" accepts, unless a mapping sets its own. */
export const DEFAULT_MIN_KEPT = 20;

/** Empty downstream: nothing, blank text, or a list or object holding only empty values. */
export function isEmptyValue(value: unknown, depth = 0): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (typeof value !== 'object') return false;
	if (depth > 8) return false;
	const entries = Array.isArray(value) ? value : Object.values(value);
	return entries.every((entry) => isEmptyValue(entry, depth + 1));
}

/**
 * A value as text. Canonical phone and email records read as their E.164 number and address, and
 * `{ value }` entries (Pipedrive's email and phone lists) as their value; other objects as JSON.
 */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value))
		return value
			.map(asText)
			.filter((part) => part !== '')
			.join(', ');
	const record = value as Record<string, unknown>;
	for (const key of ['e164', 'address', 'value', 'raw']) {
		if (typeof record[key] === 'string' && record[key] !== '') return record[key];
	}
	return JSON.stringify(value);
}

/**
 * Case- and whitespace-insensitive form: Unicode NFC (a system of record may store "José" with a
 * combining accent), trimmed, inner runs of whitespace as one space, lower case.
 */
export function normalizeText(text: string): string {
	return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function withoutEllipsis(text: string): string {
	if (text.endsWith('…')) return text.slice(0, -1).trimEnd();
	if (text.endsWith('...')) return text.slice(0, -3).trimEnd();
	return text;
}

/**
 * The message kept whole (possibly inside a longer note), or truncated: the destination's text
 * starts the inquiry's and keeps at least `minKept` characters (or all of a shorter message).
 */
export function containsMatch(
	expected: string,
	actual: string,
	minKept = DEFAULT_MIN_KEPT,
): boolean {
	const want = normalizeText(expected);
	const got = normalizeText(actual);
	if (got.includes(want)) return true;
	const kept = withoutEllipsis(got);
	return kept.length >= Math.min(minKept, want.length) && want.startsWith(kept);
}

/** Compared as canonically equivalent text (NFC), so a decomposed accent is the same letter. */
function sameValue(
	comparator: Comparator,
	wantText: string,
	gotText: string,
	minKept: number | undefined,
): boolean {
	const want = wantText.normalize('NFC');
	const got = gotText.normalize('NFC');
	if (want === got) return comparator !== 'contains' || want !== '';
	switch (comparator) {
		case 'exact':
			return false;
		case 'normalized':
			return normalizeText(want) === normalizeText(got);
		case 'phone':
			return samePhoneNumber(want, got);
		case 'email':
			return emailKey(want) === emailKey(got);
		case 'contains':
			return containsMatch(want, got, minKept);
		case 'present':
			return true;
	}
}

/**
 * Judges one field. `expected` is the inquiry's value (callers skip fields the inquiry does not
 * have). An empty `actual` is lost; for phone and email a list matches when any entry does, since
 * CRMs keep several numbers and addresses per contact.
 */
export function compareField(
	comparator: Comparator,
	expected: unknown,
	actual: unknown,
	minKept?: number,
): FieldVerdict {
	if (isEmptyValue(actual)) return 'lost';
	if (comparator === 'present') return 'matched';
	const want = asText(expected);
	if (Array.isArray(actual) && (comparator === 'phone' || comparator === 'email')) {
		return actual.some(
			(entry) => !isEmptyValue(entry) && sameValue(comparator, want, asText(entry), minKept),
		)
			? 'matched'
			: 'changed';
	}
	return sameValue(comparator, want, asText(actual), minKept) ? 'matched' : 'changed';
}
