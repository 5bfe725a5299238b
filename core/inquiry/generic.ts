import type { InquiryDraft, SourcePreset } from './draft';
import type { LabelField } from './labels';
import { consentKind, consentValue, isTechnicalLabel, matchFieldLabel } from './labels';
import type { Consent } from './schema';
import { answerText, isRecord, text } from './sources/read';

/** Bounds that keep hostile payloads cheap: nesting depth and entries visited. */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 2000;
const MAX_EXTRA_FIELDS = 40;

const LABEL_KEYS = ['label', 'name', 'question', 'title', 'key', 'field', 'fieldName'];
const VALUE_KEYS = ['value', 'answer', 'values', 'text', 'response'];
const EMAIL_VALUE = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[a-z]{2,63}$/i;
const PHONE_VALUE = /^\+?[\d\s().-]{7,24}$/;
/** Digits, keypad letters and the marks extensions and tel: URIs use; no sentences. */
const LABELED_PHONE = /^(?:tel:)?\+?[\d\s().\-/#:;,=a-z]+$/i;
/** Fields whose answer is words: a bare number there is a rating or a count, not a city. */
const WORD_FIELDS = new Set<LabelField>([
	'fullName',
	'firstName',
	'lastName',
	'company',
	'city',
	'region',
	'country',
	'service',
]);
const DATE_LIKE = /^(\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$/;

export interface LabeledAnswer {
	label: string;
	value: unknown;
}

/**
 * Assigns labeled answers to canonical fields: the first answer per field wins, email and phone
 * values must look like what they claim, consent checkboxes become consent flags, and everything
 * else is kept under extraFields.
 */
export function draftFromAnswers(answers: LabeledAnswer[], base: InquiryDraft): InquiryDraft {
	const found = new Map<LabelField, string>();
	const extra: Record<string, string> = {
		...(base.extraFields as Record<string, string> | undefined),
	};
	const consent: Consent = { ...base.consent };
	const freeTexts: string[] = [];
	let phoneByValue: string | undefined;
	for (const { label, value } of answers) {
		const kind = consentKind(label);
		const given = kind && consentValue(value);
		if (kind && given !== undefined) {
			consent[kind] ??= given;
			continue;
		}
		const textValue = answerText(value);
		if (textValue === undefined) continue;
		// A yes/no answer never is a name, a city or a service ("Is this your city?" → Yes).
		const field = typeof value === 'boolean' ? undefined : matchFieldLabel(label);
		if (field && !found.has(field) && fits(field, textValue)) {
			found.set(field, textValue);
			continue;
		}
		if (!found.has('email') && EMAIL_VALUE.test(textValue)) {
			found.set('email', textValue);
			continue;
		}
		if (isTechnicalLabel(label)) continue;
		if (phoneByValue === undefined && typeof value === 'string' && looksLikePhone(textValue)) {
			phoneByValue = textValue;
			continue;
		}
		if (textValue.includes(' ') && textValue.length >= 20) freeTexts.push(textValue);
		if (Object.keys(extra).length < MAX_EXTRA_FIELDS && label.trim() !== '')
			extra[label.trim().slice(0, 100)] = textValue.slice(0, 2000);
	}
	if (!found.has('phone') && phoneByValue !== undefined) found.set('phone', phoneByValue);
	// Without a labeled message, the longest free-text answer is what the person wrote.
	if (!found.has('message') && freeTexts.length)
		found.set(
			'message',
			freeTexts.reduce((a, b) => (b.length > a.length ? b : a)),
		);
	return applyFields({ ...base, consent }, found, extra);
}

function fits(field: LabelField, value: string): boolean {
	if (field === 'email') return EMAIL_VALUE.test(value);
	if (field === 'phone')
		return PHONE_VALUE.test(value) ? digitCount(value) >= 7 : isLabeledPhone(value);
	return !WORD_FIELDS.has(field) || /\p{L}/u.test(value);
}

/**
 * What a field labelled "phone" may hold beyond plain digits: an extension ("ext. 12", "x12",
 * "tel:…;ext=12") or keypad letters (1-800-FLOWERS). The phone cleaner decides the rest; a
 * sentence with a digit or two ("after 5pm") is not a number.
 */
function isLabeledPhone(value: string): boolean {
	if (value.length > 64 || !LABELED_PHONE.test(value)) return false;
	const digits = digitCount(value);
	return digits >= 3 && digits + (value.match(/[a-z]/gi)?.length ?? 0) >= 7;
}

/**
 * A phone under a label nobody recognized. Conservative, since ids and timestamps are digits too:
 * a string written the way people write numbers ("+44 20 7946 0958", "(415) 555-2671"), with 7–15
 * digits, never a bare digit run, a date or a decimal.
 */
function looksLikePhone(value: string): boolean {
	if (value.length > 24 || !PHONE_VALUE.test(value)) return false;
	const digits = digitCount(value);
	if (digits < 7 || digits > 15) return false;
	if (DATE_LIKE.test(value) || /^\d+\.\d+$/.test(value)) return false;
	return value.startsWith('+') || /[\s()-]/.test(value);
}

function digitCount(value: string): number {
	let count = 0;
	for (let i = 0; i < value.length; i++) if (value[i] >= '0' && value[i] <= '9') count++;
	return count;
}

/** What a preset read by type (an email-typed answer) beats what a label suggests. */
function applyFields(
	base: InquiryDraft,
	found: Map<LabelField, string>,
	extra: Record<string, string>,
): InquiryDraft {
	// A plain "Name" beside a separate last (or first) name field is the other half of the name.
	if (found.has('fullName') && found.has('lastName') !== found.has('firstName')) {
		found.set(found.has('lastName') ? 'firstName' : 'lastName', found.get('fullName')!);
		found.delete('fullName');
	}
	const get = (field: LabelField) => found.get(field);
	const draft: InquiryDraft = {
		...base,
		name: {
			full: base.name?.full ?? get('fullName'),
			first: base.name?.first ?? get('firstName'),
			last: base.name?.last ?? get('lastName'),
		},
		email: base.email ?? get('email'),
		phone: base.phone ?? get('phone'),
		company: base.company ?? get('company'),
		message: base.message ?? get('message'),
		service: base.service ?? get('service'),
		preferredTime: base.preferredTime ?? get('preferredTime'),
		location: pick(base.location, get, LOCATION_FIELDS),
		attribution: pick(base.attribution, get, ATTRIBUTION_FIELDS),
		extraFields: extra,
	};
	const urgency = get('urgency');
	if (
		urgency &&
		!draft.urgency &&
		/emergenc|urgen|asap|dringend|inmediat|immediat|sofort/i.test(urgency)
	)
		draft.urgency = 'emergency';
	return draft;
}

const LOCATION_FIELDS = ['address', 'city', 'region', 'postalCode', 'country'] as const;
const ATTRIBUTION_FIELDS = [
	'utmSource',
	'utmMedium',
	'utmCampaign',
	'utmTerm',
	'utmContent',
	'gclid',
	'fbclid',
	'adId',
	'campaignId',
	'landingPage',
	'referrer',
] as const;

/** The base's values, completed from what the labels found (the base wins). */
function pick<K extends LabelField>(
	base: Partial<Record<string, unknown>> | undefined,
	get: (field: K) => string | undefined,
	fields: readonly K[],
): Record<string, unknown> {
	const out: Record<string, unknown> = { ...base };
	for (const field of fields) out[field] ??= get(field);
	return out;
}

/**
 * Every (label, value) pair of an unknown JSON payload, breadth first and bounded: object keys
 * (with their parent key for context, so `name.first` reads as "name first"), and label/value pair
 * arrays such as `[{ label: 'Email', value: '…' }]`.
 */
export function collectAnswers(payload: Record<string, unknown>): LabeledAnswer[] {
	const answers: LabeledAnswer[] = [];
	const queue: { value: unknown; label: string; depth: number }[] = [
		{ value: payload, label: '', depth: 0 },
	];
	let visited = 0;
	for (let head = 0; head < queue.length && visited < MAX_ENTRIES; head++) {
		const { value, label, depth } = queue[head];
		if (depth > MAX_DEPTH) continue;
		if (Array.isArray(value)) {
			for (const entry of value.slice(0, 200)) {
				visited++;
				const pair = labelValuePair(entry);
				if (pair) answers.push(pair);
				else queue.push({ value: entry, label, depth: depth + 1 });
			}
			continue;
		}
		if (!isRecord(value)) continue;
		for (const key of Object.keys(value)) {
			if (++visited > MAX_ENTRIES) break;
			const child = value[key];
			const childLabel =
				label &&
				/^(first|last|full|given|family|street|city|zip|postal|state|country|number|phone|email)/i.test(
					key,
				)
					? `${label} ${key}`
					: key;
			if (child !== null && typeof child === 'object')
				queue.push({ value: child, label: childLabel, depth: depth + 1 });
			else answers.push({ label: childLabel, value: child });
		}
	}
	return answers;
}

function labelValuePair(entry: unknown): LabeledAnswer | undefined {
	if (!isRecord(entry)) return undefined;
	const labelKey = LABEL_KEYS.find(
		(key) => typeof entry[key] === 'string' && text(entry[key]) !== undefined,
	);
	const valueKey = VALUE_KEYS.find((key) => key in entry && key !== labelKey);
	if (!labelKey || !valueKey) return undefined;
	return { label: String(entry[labelKey]), value: entry[valueKey] };
}

/** Generic mode: name, email, phone, message and more from a JSON shape no preset knows. */
export const genericPreset: SourcePreset = {
	key: 'generic',
	label: 'Generic (Any JSON)',
	family: 'forms',
	detect: () => true,
	extract: (payload) =>
		draftFromAnswers(collectAnswers(payload), { channel: 'other', system: 'generic' }),
};
