import { z } from 'zod';
import { ERROR_CATALOG, InquiryError } from '../../shared/errors';
import type { BuildResult } from '../normalize';
import type { NormalizeOptions } from '../normalizeInquiry';
import { normalizeInquiry, parsePayload } from '../normalizeInquiry';
import { detectPreset } from '../sources';
import { SIGNATURE_FAILURE_HINTS, SignatureFailure, SignatureScheme } from '../signatures/types';
import type { SignedRequest, VerifyResult } from '../signatures/types';
import { detectScheme, verifySignature } from '../signatures/verifySignature';
import type { PayloadSource } from './delivery';
import { readDelivery, signedUrl } from './delivery';

export interface SignatureCheck {
	/** A scheme, or 'auto' for the scheme of the chosen (or auto-detected) source preset. */
	scheme: SignatureScheme | 'auto';
	secret: string;
	/** The exact public URL entered at the vendor (Twilio, HubSpot); default: the Webhook node's URL. */
	publicUrl?: string;
	toleranceSeconds?: number;
}

export interface ReceiveOptions extends NormalizeOptions {
	payloadFrom?: PayloadSource;
	payloadField?: string;
	/** The exact bytes posted, from the Webhook node's "Raw Body" option. */
	rawBody?: string | Uint8Array;
	signature?: SignatureCheck;
}

/** Why a delivery was refused, kept on the item under `rejected`. */
export const Rejection = z.object({
	reason: SignatureFailure,
	detail: z.string(),
	/** The scheme that was checked, or "unknown" when none could be chosen. */
	scheme: z.string(),
	hint: z.string(),
});
export type Rejection = z.infer<typeof Rejection>;

export type ReceiveResult =
	| { status: 'rejected'; rejected: Rejection }
	| { status: 'received'; results: BuildResult[] };

/**
 * One n8n item in, its verdict out: the signature is checked first (when asked), then the payload
 * becomes one result per event. Configuration mistakes throw a hinted InquiryError; anything
 * about the item itself is a result.
 */
export function receiveInquiry(item: unknown, options: ReceiveOptions): ReceiveResult {
	const delivery = readDelivery(item, options.payloadFrom, options.payloadField);
	if (options.signature) {
		const rejected = checkSignature(delivery, options.signature, options);
		if (rejected) return { status: 'rejected', rejected };
	}
	return { status: 'received', results: normalizeInquiry(delivery.payload, options) };
}

function checkSignature(
	delivery: ReturnType<typeof readDelivery>,
	check: SignatureCheck,
	options: ReceiveOptions,
): Rejection | undefined {
	if (check.secret.trim() === '') throw new InquiryError('SIGNATURE_SECRET_MISSING');
	const parsed = parsePayload(delivery.payload);
	const body = typeof parsed === 'string' ? delivery.payload : parsed;
	const scheme =
		check.scheme === 'auto'
			? schemeOfSource(options.source ?? 'auto', body)
			: { scheme: check.scheme, vendor: undefined };
	if ('unknown' in scheme)
		return reject({ ok: false, reason: 'unknown_source', detail: scheme.unknown }, 'unknown');

	const rawBody = options.rawBody ?? reserialized(delivery.payload);
	const request: SignedRequest = {
		rawBody,
		headers: delivery.headers,
		body,
		url: signedUrl(delivery, check.publicUrl),
		method: 'POST',
	};
	const result = verifySignature(scheme.scheme, request, check.secret, {
		now: options.now,
		toleranceSeconds: check.toleranceSeconds,
	});
	if (result.ok) return undefined;
	const rejection = reject(result, scheme.scheme);
	if (result.reason === 'unsigned_source' && scheme.vendor)
		rejection.detail = `${scheme.vendor} does not sign its webhooks`;
	if (options.rawBody === undefined && result.reason === 'mismatch') {
		rejection.detail +=
			' (checked against the re-serialized body, as no raw body reached this node)';
		rejection.hint = ERROR_CATALOG.RAW_BODY_MISSING.hint;
	}
	return rejection;
}

function reject(result: Extract<VerifyResult, { ok: false }>, scheme: string): Rejection {
	return {
		reason: result.reason,
		detail: result.detail,
		scheme,
		hint: SIGNATURE_FAILURE_HINTS[result.reason],
	};
}

/** The scheme the source's vendor documents: the chosen preset's, or the auto-detected one's. */
function schemeOfSource(
	source: string,
	body: unknown,
): { scheme: SignatureScheme; vendor?: string } | { unknown: string } {
	if (source === 'generic' || source === 'custom') {
		return { unknown: `"${source}" mode has no vendor, so its signature scheme must be chosen` };
	}
	if (source !== 'auto') return { scheme: detectScheme(source), vendor: source };
	const preset =
		body !== null && typeof body === 'object' && !Array.isArray(body)
			? detectPreset(body as Record<string, unknown>)
			: undefined;
	return preset
		? { scheme: detectScheme(preset.key), vendor: preset.key }
		: { unknown: 'the payload matches no known vendor' };
}

/** Without the Webhook node's raw body, the closest available bytes: the text, or its JSON. */
function reserialized(payload: unknown): string | undefined {
	if (typeof payload === 'string') return payload;
	if (payload === undefined) return undefined;
	return JSON.stringify(payload);
}
