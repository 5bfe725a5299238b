import { z } from 'zod';
import type { ContextField } from './fields';
import { ContextField as ContextFieldSchema } from './fields';

/** How each missing field is asked for, inside "Could you share … ?". Editable per field. */
export const DEFAULT_FIELD_PHRASES: Record<ContextField, string> = {
	name: 'your name',
	email: 'your email address',
	phone: 'the best number to reach you',
	contact: 'a phone number or email where we can reach you',
	company: 'your company name',
	message: 'a few details about what you need',
	service: 'which service you need',
	urgency: 'how urgent this is',
	preferredTime: 'the best time for us to come by',
	location: 'your address or postal code',
	address: 'your street address',
	city: 'your city',
	region: 'your state or region',
	postalCode: 'your postal code',
	country: 'which country you are in',
};

/** Shorter phrases the SMS falls back to when the full question does not fit one text. */
export const SHORT_FIELD_PHRASES: Record<ContextField, string> = {
	name: 'your name',
	email: 'your email',
	phone: 'your best number',
	contact: 'a phone or email',
	company: 'your company',
	message: 'what you need',
	service: 'the service needed',
	urgency: 'how urgent it is',
	preferredTime: 'a good time',
	location: 'your address',
	address: 'your address',
	city: 'your city',
	region: 'your state',
	postalCode: 'your postal code',
	country: 'your country',
};

export const DEFAULT_GREETING = 'Thanks for reaching out to {business}!';

/**
 * The editable parts of the follow-up. `{business}` anywhere is replaced by the business name
 * (or "us" when none is set).
 */
export const FollowUpWording = z.object({
	businessName: z.string().default(''),
	greeting: z.string().default(DEFAULT_GREETING),
	/** Replaces the phrase for a field, e.g. { postalCode: "the ZIP code of the job site" }. */
	fieldPhrases: z.record(ContextFieldSchema, z.string()).default({}),
	emailSubject: z.string().optional(),
});
export type FollowUpWording = z.infer<typeof FollowUpWording>;
export type FollowUpWordingInput = z.input<typeof FollowUpWording>;

/** "a", "a and b", "a, b and c". */
export function joinNaturally(parts: string[]): string {
	if (parts.length <= 1) return parts[0] ?? '';
	return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Phrases for a group: "your street address or postal code" rather than "your … or your …". */
export function joinAlternatives(phrases: string[]): string {
	if (phrases.length > 1 && phrases.every((phrase) => phrase.startsWith('your '))) {
		return `your ${phrases.map((phrase) => phrase.slice(5)).join(' or ')}`;
	}
	return phrases.join(' or ');
}

/** Replaces every `{business}`; without a name the text still reads naturally ("… to us!"). */
export function fillBusiness(template: string, businessName: string): string {
	return template.split('{business}').join(businessName.trim() || 'us');
}

/** Typographic characters that would force a text into Unicode (70 characters) have plain GSM-7 twins. */
const GSM_FRIENDLY: Record<string, string> = {
	'\u2018': "'",
	'\u2019': "'",
	'\u201C': '"',
	'\u201D': '"',
	'\u2013': '-',
	'\u2014': '-',
	'\u2026': '...',
	'\u00A0': ' ',
};
const TYPOGRAPHIC = /[\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A0]/g;

export function toGsmFriendly(text: string): string {
	return text.replace(TYPOGRAPHIC, (character) => GSM_FRIENDLY[character]);
}
