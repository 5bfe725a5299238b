import { stableHash, stableStringify } from '../shared/hash';
import { emailIdentity, parseEmail } from './contact/email';
import { cleanMessage } from './contact/message';
import { cleanName } from './contact/name';
import { parsePhone, phoneIdentity } from './contact/phone';
import type { InquiryDraft, SourcePreset } from './draft';
import type { Attribution, Inquiry, Location } from './schema';
import { SCHEMA_VERSION } from './schema';
import { text } from './sources/read';

/** Why an item could not become an inquiry: machine-readable, each with a hint in INVALID_HINTS. */
export const INVALID_REASONS = [
	'not_an_object',
	'unparseable_body',
	'empty_payload',
	'no_contact_details',
	'preset_mismatch',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export const INVALID_HINTS: Record<InvalidReason, string> = {
	not_an_object:
		'The payload is not a JSON object. Check "Read Payload From": a Webhook node puts the posted data under "body".',
	unparseable_body:
		'The body is text that is neither JSON nor form-encoded. Set the sender to post JSON, or turn on "Raw Body" only for signature checks.',
	empty_payload:
		'The payload is empty. Check that the sender posts its data, and that "Read Payload From" points at it.',
	no_contact_details:
		'No name, email, phone or message was found. Pick the vendor under "Source" instead of Auto-Detect, or use Custom Mapping to point at the right fields.',
	preset_mismatch:
		'The payload does not look like the chosen source. Pick the right vendor under "Source", or use Auto-Detect.',
};

export interface BuildOptions {
	/** ISO 3166-1 alpha-2 country assumed for phone numbers written without a country code. */
	defaultCountry?: string;
	/** Keep the original payload under `raw` (default true), so no context is ever lost. */
	keepRaw?: boolean;
	now: Date;
	nodeName?: string;
	detectedBy: Inquiry['source']['detectedBy'];
}

export type BuildResult =
	| { status: 'normalized' | 'needs_lookup'; inquiry: Inquiry }
	| { status: 'invalid'; reasons: InvalidReason[]; hint: string; preset: string };

/** Cleans a preset's draft into the canonical inquiry, the same way for every source. */
export function buildInquiry(
	draft: InquiryDraft,
	payload: unknown,
	preset: Pick<SourcePreset, 'key'>,
	options: BuildOptions,
): BuildResult {
	const name = cleanName(draft.name ?? {});
	const email = parseEmail(draft.email);
	const phone = parsePhone(draft.phone, {
		defaultCountry: draft.phoneCountry ?? options.defaultCountry,
	});
	const message = cleanMessage(draft.message, { format: draft.messageFormat });

	const hasSomething = name.full || email || phone || message;
	if (!hasSomething && !draft.needsLookup) {
		return {
			status: 'invalid',
			reasons: ['no_contact_details'],
			hint: INVALID_HINTS.no_contact_details,
			preset: preset.key,
		};
	}

	const identityKeys = [emailIdentity(email), phoneIdentity(phone)].filter(
		(key): key is string => key !== undefined,
	);
	const eventKey = draft.eventId ?? draft.recordId ?? stableStringify(payload);
	// NFC, so a replay whose text a relay re-encoded (decomposed accents) keeps its id.
	const id = `inq_${stableHash(`${draft.system}|${draft.event ?? ''}|${eventKey}`.normalize('NFC'))}`;
	const receivedAt = options.now.toISOString();
	const status = draft.needsLookup ? 'needs_lookup' : 'normalized';

	const inquiry: Inquiry = {
		schemaVersion: SCHEMA_VERSION,
		id,
		dedupeKey: `${draft.channel}:${identityKeys[0] ?? id}`,
		identityKeys,
		receivedAt,
		channel: draft.channel,
		source: compact({
			system: draft.system,
			event: draft.event,
			recordId: draft.recordId,
			url: draft.url,
			preset: preset.key,
			detectedBy: options.detectedBy,
		}),
		contact: compact({ name, email, phone, company: text(draft.company) }),
		request: compact({
			message,
			subject: cleanMessage(draft.subject),
			service: text(draft.service),
			urgency: draft.urgency ?? 'normal',
			preferredTime: text(draft.preferredTime),
			location: textFields<Location>(draft.location),
		}),
		attribution: textFields<Attribution>(draft.attribution),
		consent: draft.consent ?? {},
		extraFields: textFields<Record<string, string>>(draft.extraFields),
		continuity: {
			trail: [
				{
					stage: 'entry',
					node: options.nodeName ?? 'Normalize Inquiry',
					at: receivedAt,
					outcome: status,
					detail: draft.needsLookup
						? `${preset.key}: fetch details (${draft.needsLookup.hint})`
						: `${preset.key} via ${options.detectedBy}`,
				},
			],
		},
	};
	const occurredAt = toIso(draft.occurredAt);
	if (occurredAt) inquiry.occurredAt = occurredAt;
	if (draft.sourceTimezone) inquiry.sourceTimezone = draft.sourceTimezone;
	if (draft.needsLookup) inquiry.needsLookup = draft.needsLookup;
	if (options.keepRaw !== false) inquiry.raw = payload;
	return { status, inquiry };
}

/** Drops undefined values so the output stays small and JSON-identical across runs. */
function compact<T extends object>(value: T): T {
	const out = {} as T;
	for (const key of Object.keys(value) as (keyof T)[]) {
		if (value[key] !== undefined) out[key] = value[key];
	}
	return out;
}

function textFields<T extends object>(fields: Record<string, unknown> | undefined): T {
	const out: Record<string, string> = {};
	if (!fields) return out as T;
	for (const key of Object.keys(fields)) {
		const value = text(fields[key]);
		if (value !== undefined) out[key] = value.length > 2000 ? value.slice(0, 2000) : value;
	}
	return out as T;
}

/** Accepts ISO strings, epoch seconds and epoch milliseconds; anything else is dropped. */
export function toIso(value: string | number | undefined): string | undefined {
	if (value === undefined || value === '') return undefined;
	let date: Date;
	if (typeof value === 'number' || /^\d{9,13}$/.test(value)) {
		const n = Number(value);
		date = new Date(n < 1e12 ? n * 1000 : n);
	} else {
		date = new Date(value);
	}
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
