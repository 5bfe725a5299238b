import type { Channel } from '../inquiry/schema';
import type { ContextField } from './fields';
import type { FollowUp, FollowUpChannel, MissingEntry } from './result';
import { fitsOneSms } from './sms';
import type { FollowUpWording } from './wording';
import {
	DEFAULT_FIELD_PHRASES,
	fillBusiness,
	joinAlternatives,
	joinNaturally,
	SHORT_FIELD_PHRASES,
	toGsmFriendly,
} from './wording';

/** What the follow-up needs to know about the person and how they can be reached. */
export interface FollowUpAudience {
	channel: Channel;
	firstName?: string;
	hasEmail: boolean;
	/** A valid phone that is not a known landline. */
	hasTextablePhone: boolean;
}

/**
 * One natural question asking for exactly what is missing, in an SMS, an email and a chat version:
 * "Thanks for reaching out to Acme Plumbing! Could you share your postal code and the best time
 * for us to come by?" The SMS shortens itself to fit one text, or is left out.
 */
export function buildFollowUp(
	asked: MissingEntry[],
	audience: FollowUpAudience,
	wording: FollowUpWording,
): FollowUp {
	const business = wording.businessName;
	const phrase = (field: ContextField) =>
		wording.fieldPhrases[field] ?? DEFAULT_FIELD_PHRASES[field];
	const shortPhrase = (field: ContextField) =>
		wording.fieldPhrases[field] ?? SHORT_FIELD_PHRASES[field];
	const list = fillBusiness(
		joinNaturally(unique(asked.map((entry) => phraseFor(entry, phrase)))),
		business,
	);
	const shortList = fillBusiness(
		joinNaturally(unique(asked.map((entry) => phraseFor(entry, shortPhrase)))),
		business,
	);
	const greeting = fillBusiness(wording.greeting, business).trim();

	const sms = fittingSms([
		`${greeting} Could you share ${list}?`,
		`Could you share ${list}?`,
		`Could you send ${shortList}?`,
	]);
	const followUp: FollowUp = {
		fields: asked.map((entry) => entry.field),
		preferred: preferredChannel(audience, sms !== undefined),
		email: {
			subject: fillBusiness(wording.emailSubject ?? defaultSubject(business), business),
			body: emailBody(greeting, list, audience.firstName, business),
		},
		chat: `Thanks${audience.firstName ? `, ${audience.firstName}` : ''}! Could you share ${list}?`,
	};
	if (sms !== undefined) followUp.sms = sms;
	return followUp;
}

function phraseFor(entry: MissingEntry, phrase: (field: ContextField) => string): string {
	if (entry.anyOf) return joinAlternatives(entry.anyOf.map(phrase));
	return phrase(entry.field as ContextField);
}

function fittingSms(candidates: string[]): string | undefined {
	for (const candidate of candidates) {
		const text = toGsmFriendly(candidate.trim());
		if (fitsOneSms(text)) return text;
	}
	return undefined;
}

/**
 * Reply the way the person wrote in: a text for calls and texts, an email for forms and bookings,
 * the chat for chats; falling back to whatever can actually reach them. The chat version is also
 * the short script for a call-back when neither a text nor an email can go out.
 */
export function preferredChannel(audience: FollowUpAudience, smsFits: boolean): FollowUpChannel {
	const canText = audience.hasTextablePhone && smsFits;
	switch (audience.channel) {
		case 'chat':
			return 'chat';
		case 'call':
		case 'missed_call':
		case 'sms':
			if (canText) return 'sms';
			return audience.hasEmail ? 'email' : 'chat';
		default:
			if (audience.hasEmail) return 'email';
			return canText ? 'sms' : 'chat';
	}
}

function emailBody(
	greeting: string,
	list: string,
	firstName: string | undefined,
	business: string,
): string {
	return [
		`Hi ${firstName ?? 'there'},`,
		'',
		`${greeting ? `${greeting} ` : ''}So we can help you quickly, could you share ${list}?`,
		'',
		'Just reply to this email with the details.',
		'',
		'Thanks,',
		business.trim() || 'The team',
	].join('\n');
}

function defaultSubject(business: string): string {
	return business.trim()
		? 'A quick question about your request to {business}'
		: 'A quick question about your request';
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}
