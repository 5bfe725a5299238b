import { z } from 'zod';

/**
 * The canonical inquiry: every stage of the continuity map reads and extends this shape.
 * Bump SCHEMA_VERSION on any breaking change; later stages refuse versions they do not know.
 */
export const SCHEMA_VERSION = 1 as const;

export const CHANNELS = [
	'form',
	'chat',
	'call',
	'missed_call',
	'sms',
	'email',
	'booking',
	'ad_lead',
	'marketplace',
	'other',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const URGENCIES = ['emergency', 'high', 'normal', 'low'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

/** The five stages of the continuity map, in order. */
export const STAGES = ['entry', 'transfer', 'context', 'trigger', 'tracking'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** Every outcome a stage can record on the trail: a closed union, never free text. */
export const TRAIL_OUTCOMES = [
	// entry
	'normalized',
	'needs_lookup',
	'invalid',
	'rejected',
	// context
	'complete',
	'needs_context',
	'unreachable',
	// trigger
	'assigned',
	'unassigned',
	// transfer + tracking (handoff receipt statuses)
	'written',
	'verified',
	'missing',
	'mismatch',
	'late',
	'error',
	'alerted',
	// sweep
	'stalled',
	'escalated',
	'reassigned',
] as const;
export const TrailOutcome = z.enum(TRAIL_OUTCOMES);
export type TrailOutcome = z.infer<typeof TrailOutcome>;

export const TrailEntry = z.object({
	stage: Stage,
	node: z.string(),
	at: z.string(),
	outcome: TrailOutcome,
	detail: z.string().optional(),
});
export type TrailEntry = z.infer<typeof TrailEntry>;

export const PersonName = z.object({
	full: z.string().optional(),
	first: z.string().optional(),
	last: z.string().optional(),
	/** Post-nominals split off the full name: "Jr.", "III", "MD". */
	suffix: z.string().optional(),
});
export type PersonName = z.infer<typeof PersonName>;

export const EmailAddress = z.object({
	/** Lower-cased, trimmed address. Present even when invalid so a person can see what arrived. */
	address: z.string(),
	valid: z.boolean(),
	/** A likely intended address, e.g. jane@gmail.com for jane@gmial.com. */
	suggestion: z.string().optional(),
	raw: z.string(),
});
export type EmailAddress = z.infer<typeof EmailAddress>;

export const PHONE_LINE_TYPES = [
	'mobile',
	'fixed_line',
	'fixed_line_or_mobile',
	'voip',
	'toll_free',
	'premium_rate',
	'shared_cost',
	'personal_number',
	'pager',
	'uan',
	'voicemail',
	'unknown',
] as const;
export const PhoneLineType = z.enum(PHONE_LINE_TYPES);
export type PhoneLineType = z.infer<typeof PhoneLineType>;

export const PhoneNumber = z.object({
	/** E.164 form (+14155550123) when the number parsed to a dialable length; absent when not. */
	e164: z.string().optional(),
	national: z.string().optional(),
	/** ISO 3166-1 alpha-2 country of the number. */
	country: z.string().optional(),
	lineType: PhoneLineType.optional(),
	extension: z.string().optional(),
	/** Dialable: parsed, with a possible length for its country. Only valid numbers get an e164. */
	valid: z.boolean(),
	/**
	 * Whether the number also falls in an assigned range of its country's numbering plan. Carriers
	 * deliver real numbers that outdated metadata rejects, so this warns rather than rejects.
	 */
	inNumberingPlan: z.boolean().optional(),
	/** Why a number of a possible length still cannot be rung ("…area code cannot start with 0 or 1"). */
	problem: z.string().optional(),
	raw: z.string(),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

export const Location = z.object({
	address: z.string().optional(),
	city: z.string().optional(),
	region: z.string().optional(),
	postalCode: z.string().optional(),
	country: z.string().optional(),
});
export type Location = z.infer<typeof Location>;

export const Attribution = z.object({
	utmSource: z.string().optional(),
	utmMedium: z.string().optional(),
	utmCampaign: z.string().optional(),
	utmTerm: z.string().optional(),
	utmContent: z.string().optional(),
	gclid: z.string().optional(),
	fbclid: z.string().optional(),
	adId: z.string().optional(),
	campaignId: z.string().optional(),
	formId: z.string().optional(),
	landingPage: z.string().optional(),
	referrer: z.string().optional(),
});
export type Attribution = z.infer<typeof Attribution>;

export const Consent = z.object({
	sms: z.boolean().optional(),
	email: z.boolean().optional(),
	marketing: z.boolean().optional(),
	terms: z.boolean().optional(),
});
export type Consent = z.infer<typeof Consent>;

export const DETECTION_MODES = ['preset', 'auto', 'generic', 'custom'] as const;

export const InquirySource = z.object({
	/** The vendor system, e.g. "typeform", "twilio", "n8n_form". */
	system: z.string(),
	/** The vendor's event name, e.g. "form_response", "call.completed". */
	event: z.string().optional(),
	/** The vendor's own id for the record or event (submission id, call sid, lead id). */
	recordId: z.string().optional(),
	url: z.string().optional(),
	/** Which preset produced this inquiry, and how it was chosen. */
	preset: z.string(),
	detectedBy: z.enum(DETECTION_MODES),
});
export type InquirySource = z.infer<typeof InquirySource>;

/** Vendors that deliver only ids: what a template must fetch before normalizing again. */
export const LookupRequest = z.object({
	system: z.string(),
	/** e.g. { leadgenId: "444444444444" } or { objectId: "123", portalId: "456" }. */
	ids: z.record(z.string()),
	hint: z.string(),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const Inquiry = z
	.object({
		schemaVersion: z.literal(SCHEMA_VERSION),
		/** Stable for the same source event: a replay gets the same id. */
		id: z.string().min(1),
		/** Same person + same channel → same key; feed it to a Remove Duplicates node. */
		dedupeKey: z.string().min(1),
		/** Cross-channel identity: "email:jane@example.com", "phone:+14155550123". */
		identityKeys: z.array(z.string()),
		receivedAt: z.string(),
		/** The source's own timestamp (UTC ISO) when it gave one. */
		occurredAt: z.string().optional(),
		sourceTimezone: z.string().optional(),
		channel: Channel,
		source: InquirySource,
		contact: z.object({
			name: PersonName,
			email: EmailAddress.optional(),
			phone: PhoneNumber.optional(),
			company: z.string().optional(),
		}),
		request: z.object({
			message: z.string().optional(),
			subject: z.string().optional(),
			service: z.string().optional(),
			urgency: Urgency,
			preferredTime: z.string().optional(),
			location: Location,
		}),
		attribution: Attribution,
		consent: Consent,
		/** Answers the source gave that have no canonical field (label → value). */
		extraFields: z.record(z.string()),
		needsLookup: LookupRequest.optional(),
		continuity: z.object({ trail: z.array(TrailEntry) }),
		raw: z.unknown().optional(),
	})
	// Later stages add `context`, `assignment` and `handoff`; they must survive a re-parse.
	.passthrough();
export type Inquiry = z.infer<typeof Inquiry>;
