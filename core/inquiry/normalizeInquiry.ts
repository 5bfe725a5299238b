import { InquiryError } from '../shared/errors';
import type { InquiryDraft, SourcePreset } from './draft';
import { genericPreset } from './generic';
import type { BuildResult, InvalidReason } from './normalize';
import { buildInquiry, INVALID_HINTS } from './normalize';
import { detectPreset, findPreset } from './sources';
import { isRecord } from './sources/read';

export type SourceMode = 'auto' | 'generic' | 'custom' | (string & {});

export interface NormalizeOptions {
	/** 'auto' (default), 'generic', 'custom', or a preset key such as 'typeform'. */
	source?: SourceMode;
	defaultCountry?: string;
	keepRaw?: boolean;
	now: Date;
	nodeName?: string;
	/** Custom mapping mode: the values the user pointed each canonical field at, already resolved. */
	customDraft?: Partial<InquiryDraft>;
}

/**
 * Any source payload → canonical inquiries. One delivery can batch several events (Meta, HubSpot,
 * WhatsApp); each event becomes its own result, so nothing a vendor sent is dropped.
 */
export function normalizeInquiry(input: unknown, options: NormalizeOptions): BuildResult[] {
	const payload = parsePayload(input);
	if (typeof payload === 'string') return [invalid(payload, options.source ?? 'auto')];

	const mode = options.source ?? 'auto';
	if (mode === 'custom') {
		const draft: InquiryDraft = { channel: 'other', system: 'custom', ...options.customDraft };
		return [buildInquiry(draft, payload, { key: 'custom' }, { ...options, detectedBy: 'custom' })];
	}

	let preset: SourcePreset;
	let detectedBy: 'preset' | 'auto' | 'generic';
	if (mode === 'auto') {
		const detected = detectPreset(payload);
		preset = detected ?? genericPreset;
		detectedBy = detected ? 'auto' : 'generic';
	} else if (mode === 'generic') {
		preset = genericPreset;
		detectedBy = 'generic';
	} else {
		const chosen = findPreset(mode);
		if (!chosen) throw new InquiryError('UNKNOWN_PRESET', `"${mode}"`);
		if (!chosen.detect(payload) && !looksLikeSingleEvent(chosen, payload))
			return [invalid('preset_mismatch', chosen.key)];
		preset = chosen;
		detectedBy = 'preset';
	}

	const events = preset.split ? preset.split(payload) : [payload];
	if (events.length === 0) return [invalid('empty_payload', preset.key)];
	return events.map((event) =>
		buildInquiry(preset.extract(event), event, preset, { ...options, detectedBy }),
	);
}

/** A preset chosen by hand may receive one already-split event; accept it when extraction finds something. */
function looksLikeSingleEvent(preset: SourcePreset, payload: Record<string, unknown>): boolean {
	const draft = preset.extract(payload);
	return Boolean(
		draft.email ||
			draft.phone ||
			draft.message ||
			draft.needsLookup ||
			draft.name?.full ||
			draft.name?.first,
	);
}

function invalid(reason: InvalidReason, preset: string): BuildResult {
	return { status: 'invalid', reasons: [reason], hint: INVALID_HINTS[reason], preset };
}

/**
 * Accepts an object, a JSON string, or a form-encoded string (Twilio, Mailgun); returns the
 * object or an invalid reason.
 */
export function parsePayload(input: unknown): Record<string, unknown> | InvalidReason {
	if (isRecord(input)) return Object.keys(input).length ? input : 'empty_payload';
	if (Array.isArray(input)) return input.length ? { events: input } : 'empty_payload';
	if (typeof input !== 'string')
		return input === undefined || input === null ? 'empty_payload' : 'not_an_object';
	const trimmed = input.trim();
	if (trimmed === '') return 'empty_payload';
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			return parsePayload(JSON.parse(trimmed));
		} catch {
			return 'unparseable_body';
		}
	}
	if (/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(trimmed)) {
		const params = new URLSearchParams(trimmed);
		const out: Record<string, unknown> = {};
		for (const [key, value] of params) out[key] = value;
		return out;
	}
	return 'unparseable_body';
}
