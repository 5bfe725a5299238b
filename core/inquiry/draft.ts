import type { Attribution, Channel, Consent, Location, LookupRequest, Urgency } from './schema';

/**
 * What a source preset reads out of a vendor payload, before cleaning. Presets only find values;
 * normalizeInquiry cleans them (names, emails, phones, messages) the same way for every source.
 */
export interface InquiryDraft {
	channel: Channel;
	system: string;
	event?: string;
	/** The vendor's id for the record (submission id, call sid, lead id). */
	recordId?: string;
	/** The vendor's id for this delivery or event; a replay carries the same one. Defaults to recordId. */
	eventId?: string;
	url?: string;
	/** The source's own timestamp: ISO string, epoch seconds or epoch milliseconds. */
	occurredAt?: string | number;
	sourceTimezone?: string;
	name?: { full?: unknown; first?: unknown; last?: unknown };
	email?: unknown;
	phone?: unknown;
	/** The country the payload says the phone belongs to (e.g. a form's country field); beats the node's default. */
	phoneCountry?: string;
	company?: unknown;
	message?: unknown;
	messageFormat?: 'text' | 'html' | 'email' | 'email_html';
	subject?: unknown;
	service?: unknown;
	urgency?: Urgency;
	preferredTime?: unknown;
	location?: Partial<Record<keyof Location, unknown>>;
	attribution?: Partial<Record<keyof Attribution, unknown>>;
	consent?: Consent;
	/** Answers with no canonical field, by label. */
	extraFields?: Record<string, unknown>;
	needsLookup?: LookupRequest;
}

/** The vendor families, one file each under core/inquiry/sources/. */
export const SOURCE_FAMILIES = [
	'forms',
	'adLeads',
	'bookings',
	'calls',
	'chat',
	'email',
	'marketplaces',
] as const;
export type SourceFamily = (typeof SOURCE_FAMILIES)[number];

export interface SourcePreset {
	/** Stable key used in node parameters and in `source.preset`, e.g. "typeform". */
	key: string;
	/** Shown in the node's source list, e.g. "Typeform". */
	label: string;
	family: SourceFamily;
	/** Cheap shape test for auto-detect: true only when the payload unmistakably comes from this vendor. */
	detect(payload: Record<string, unknown>): boolean;
	/** Reads values from the payload. Never throws: returns what was found. */
	extract(payload: Record<string, unknown>): InquiryDraft;
	/** For vendors that batch several events in one delivery: one payload per event. */
	split?(payload: Record<string, unknown>): Record<string, unknown>[];
}
