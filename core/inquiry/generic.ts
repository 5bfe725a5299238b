import type { InquiryDraft, SourcePreset } from './draft';
import type { LabelField } from './labels';
import { matchFieldLabel } from './labels';
import { answerText, isRecord, text } from './sources/read';

/** Bounds that keep hostile payloads cheap: nesting depth and entries visited. */
const MAX_DEPTH = 8;
const MAX_ENTRIES = 2000;
const MAX_EXTRA_FIELDS = 40;

const LABEL_KEYS = ['label', 'name', 'question', 'title', 'key', 'field', 'fieldName'];
const VALUE_KEYS = ['value', 'answer', 'values', 'text', 'response'];
/** Keys that hold ids, timestamps or technical data, never a person's answer. */
const TECHNICAL = /(^|_)(id|uuid|ip|token|signature|timestamp|created|updated|date_created|user_agent|useragent|hash|secret|key|url|uri|href|version|type|status)$/i;
const EMAIL_VALUE = /^[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[a-z]{2,63}$/i;
const PHONE_VALUE = /^\+?[\d\s().-]{7,24}$/;

export interface LabeledAnswer {
	label: string;
	value: unknown;
}

/**
 * Assigns labeled answers to canonical fields: the first answer per field wins, email and phone
 * values must look like what they claim, and everything else is kept under extraFields.
 */
export function draftFromAnswers(answers: LabeledAnswer[], base: InquiryDraft): InquiryDraft {
	const found = new Map<LabelField, string>();
	const extra: Record<string, string> = { ...(base.extraFields as Record<string, string> | undefined) };
	let freeTexts: string[] = [];
	for (const { label, value } of answers) {
		const textValue = answerText(value);
		if (textValue === undefined) continue;
		const field = matchFieldLabel(label);
		if (field && !found.has(field) && fits(field, textValue)) {
			found.set(field, textValue);
			continue;
		}
		if (!found.has('email') && EMAIL_VALUE.test(textValue)) {
			found.set('email', textValue);
			continue;
		}
		if (TECHNICAL.test(label)) continue;
		if (textValue.includes(' ') && textValue.length >= 20) freeTexts.push(textValue);
		if (Object.keys(extra).length < MAX_EXTRA_FIELDS && label.trim() !== '') extra[label.trim().slice(0, 100)] = textValue.slice(0, 2000);
	}
	// Without a labeled message, the longest free-text answer is what the person wrote.
	if (!found.has('message') && freeTexts.length) {
		freeTexts = freeTexts.sort((a, b) => b.length - a.length);
		found.set('message', freeTexts[0]);
	}
	return applyFields(base, found, extra);
}

function fits(field: LabelField, value: string): boolean {
	if (field === 'email') return EMAIL_VALUE.test(value);
	if (field === 'phone') return PHONE_VALUE.test(value) && value.replace(/\D/g, '').length >= 7;
	return true;
}

/** What a preset read by type (an email-typed answer) beats what a label suggests. */
function applyFields(base: InquiryDraft, found: Map<LabelField, string>, extra: Record<string, string>): InquiryDraft {
	// A plain "Name" beside a separate last (or first) name field is the other half of the name.
	if (found.has('fullName') && found.has('lastName') !== found.has('firstName')) {
		found.set(found.has('lastName') ? 'firstName' : 'lastName', found.get('fullName')!);
		found.delete('fullName');
	}
	const get = (field: LabelField) => found.get(field);
	const draft: InquiryDraft = {
		...base,
		name: { full: base.name?.full ?? get('fullName'), first: base.name?.first ?? get('firstName'), last: base.name?.last ?? get('lastName') },
		email: base.email ?? get('email'),
		phone: base.phone ?? get('phone'),
		company: base.company ?? get('company'),
		message: base.message ?? get('message'),
		service: base.service ?? get('service'),
		preferredTime: base.preferredTime ?? get('preferredTime'),
		location: {
			...base.location,
			address: base.location?.address ?? get('address'),
			city: base.location?.city ?? get('city'),
			region: base.location?.region ?? get('region'),
			postalCode: base.location?.postalCode ?? get('postalCode'),
			country: base.location?.country ?? get('country'),
		},
		attribution: {
			...base.attribution,
			utmSource: base.attribution?.utmSource ?? get('utmSource'),
			utmMedium: base.attribution?.utmMedium ?? get('utmMedium'),
			utmCampaign: base.attribution?.utmCampaign ?? get('utmCampaign'),
			utmTerm: base.attribution?.utmTerm ?? get('utmTerm'),
			utmContent: base.attribution?.utmContent ?? get('utmContent'),
			gclid: base.attribution?.gclid ?? get('gclid'),
			fbclid: base.attribution?.fbclid ?? get('fbclid'),
		},
		extraFields: extra,
	};
	const urgency = get('urgency');
	if (urgency && !draft.urgency) draft.urgency = /emergenc|urgen|asap|dringend|inmediat/i.test(urgency) ? 'emergency' : undefined;
	return draft;
}

/**
 * Every (label, value) pair of an unknown JSON payload, breadth first and bounded: object keys
 * (with their parent key for context, so `name.first` reads as "name first"), and label/value pair
 * arrays such as `[{ label: 'Email', value: '…' }]`.
 */
export function collectAnswers(payload: Record<string, unknown>): LabeledAnswer[] {
	const answers: LabeledAnswer[] = [];
	const queue: { value: unknown; label: string; depth: number }[] = [{ value: payload, label: '', depth: 0 }];
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
			const childLabel = label && /^(first|last|full|given|family|street|city|zip|postal|state|country|number|phone|email)/i.test(key) ? `${label} ${key}` : key;
			if (child !== null && typeof child === 'object') queue.push({ value: child, label: childLabel, depth: depth + 1 });
			else answers.push({ label: childLabel, value: child });
		}
	}
	return answers;
}

function labelValuePair(entry: unknown): LabeledAnswer | undefined {
	if (!isRecord(entry)) return undefined;
	const labelKey = LABEL_KEYS.find((key) => typeof entry[key] === 'string' && text(entry[key]) !== undefined);
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
	extract: (payload) => draftFromAnswers(collectAnswers(payload), { channel: 'other', system: 'generic' }),
};
