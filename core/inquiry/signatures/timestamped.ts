import {
	checkAge,
	fail,
	header,
	hmac,
	matchesAny,
	rawBytes,
	safeEqual,
	timestampMs,
} from './primitives';
import type { SchemeVerifier, VerifyResult } from './types';

/** Vendor-documented replay windows, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = {
	calendly: 180,
	webflow: 300,
	standardWebhooks: 300,
} as const;

/** Reads "t=1700000000,v1=abc" into { t: '1700000000', v1: 'abc' }; repeated keys keep every value. */
function keyValueList(value: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const part of value.split(',')) {
		const eq = part.indexOf('=');
		if (eq <= 0) continue;
		const key = part.slice(0, eq).trim();
		out.set(key, [...(out.get(key) ?? []), part.slice(eq + 1).trim()]);
	}
	return out;
}

/** Calendly: "t=<unix>,v1=<hex HMAC-SHA256 of '<t>.' + raw body>", about three minutes' tolerance. */
export const calendly: SchemeVerifier = (request, secret, options) => {
	const value = header(request.headers, 'Calendly-Webhook-Signature');
	if (value === undefined) return fail('missing_header', 'no Calendly-Webhook-Signature header');
	const parts = keyValueList(value);
	const t = parts.get('t')?.[0];
	const signatures = parts.get('v1') ?? [];
	const signedAt = timestampMs(t, 'seconds');
	if (signedAt === undefined || signatures.length === 0)
		return fail('bad_format', 'expected "t=<unix>,v1=<hex>"');
	const body = rawBytes(request);
	if (body === undefined) return fail('missing_raw_body', 'Calendly signs the exact body bytes');
	const expected = hmac('sha256', secret, [`${t}.`, body], 'hex');
	if (
		!matchesAny(
			expected,
			signatures.map((s) => s.toLowerCase()),
		)
	)
		return fail('mismatch', 'v1 does not match the body');
	return checkAge(
		signedAt,
		options.now,
		options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS.calendly,
	);
};

/** Webflow: hex HMAC-SHA256 of "<timestamp ms>:" + raw body; older than five minutes is rejected. */
export const webflow: SchemeVerifier = (request, secret, options) => {
	const timestamp = header(request.headers, 'x-webflow-timestamp');
	const signature = header(request.headers, 'x-webflow-signature');
	if (timestamp === undefined || signature === undefined)
		return fail('missing_header', 'needs x-webflow-timestamp and x-webflow-signature');
	const signedAt = timestampMs(timestamp, 'milliseconds');
	if (signedAt === undefined)
		return fail('bad_format', 'x-webflow-timestamp should be epoch milliseconds');
	const body = rawBytes(request);
	if (body === undefined) return fail('missing_raw_body', 'Webflow signs the exact body bytes');
	const expected = hmac('sha256', secret, [`${timestamp}:`, body], 'hex');
	if (!safeEqual(expected, signature.toLowerCase()))
		return fail('mismatch', 'x-webflow-signature does not match the body');
	return checkAge(
		signedAt,
		options.now,
		options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS.webflow,
	);
};

/** Standard Webhooks secrets are base64, optionally prefixed "whsec_"; the decoded bytes are the key. */
export function standardWebhooksKey(secret: string): Buffer {
	return Buffer.from(
		secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret,
		'base64',
	);
}

/**
 * Standard Webhooks (standardwebhooks.com): webhook-signature holds space-separated "v1,<base64>"
 * entries over "<webhook-id>.<webhook-timestamp>.<raw body>"; five minutes' tolerance.
 */
export const standardWebhooks: SchemeVerifier = (request, secret, options) => {
	const id = header(request.headers, 'webhook-id');
	const timestamp = header(request.headers, 'webhook-timestamp');
	const signatureList = header(request.headers, 'webhook-signature');
	if (id === undefined || timestamp === undefined || signatureList === undefined) {
		return fail('missing_header', 'needs webhook-id, webhook-timestamp and webhook-signature');
	}
	const signedAt = timestampMs(timestamp, 'seconds');
	const signatures = signatureList
		.split(' ')
		.filter((entry) => entry.startsWith('v1,'))
		.map((entry) => entry.slice(3));
	if (signedAt === undefined || signatures.length === 0)
		return fail('bad_format', 'expected "v1,<base64>" signatures');
	const body = rawBytes(request);
	if (body === undefined)
		return fail('missing_raw_body', 'Standard Webhooks sign the exact body bytes');
	const expected = hmac(
		'sha256',
		standardWebhooksKey(secret),
		[`${id}.${timestamp}.`, body],
		'base64',
	);
	if (!matchesAny(expected, signatures))
		return fail('mismatch', 'no v1 signature matches the body');
	return checkAge(
		signedAt,
		options.now,
		options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS.standardWebhooks,
	);
};

/**
 * OpenPhone / Quo. Legacy webhooks: "openphone-signature: hmac;1;<timestamp>;<base64>" over
 * "<timestamp>." + raw body, keyed with the base64-decoded signing key (no documented replay
 * window, so age is checked only when a tolerance is set). Newer webhooks use Standard Webhooks.
 */
export const openphone: SchemeVerifier = (request, secret, options): VerifyResult => {
	const value = header(request.headers, 'openphone-signature');
	if (value === undefined) {
		if (header(request.headers, 'webhook-signature') !== undefined)
			return standardWebhooks(request, secret, options);
		return fail('missing_header', 'no openphone-signature (or webhook-signature) header');
	}
	const [scheme, version, timestamp, signature] = value.split(';');
	const signedAt = timestampMs(timestamp, 'milliseconds');
	if (scheme !== 'hmac' || version !== '1' || signedAt === undefined || !signature) {
		return fail('bad_format', 'expected "hmac;1;<timestamp>;<base64>"');
	}
	const body = rawBytes(request);
	if (body === undefined) return fail('missing_raw_body', 'OpenPhone signs the exact body bytes');
	const expected = hmac('sha256', Buffer.from(secret, 'base64'), [`${timestamp}.`, body], 'base64');
	if (!safeEqual(expected, signature.trim()))
		return fail('mismatch', 'openphone-signature does not match the body');
	return checkAge(signedAt, options.now, options.toleranceSeconds);
};

/**
 * Crisp Website Hooks, as Crisp's official node library verifies them: hex HMAC-SHA256 of
 * "[<timestamp>;<JSON of the parsed body>]". Not confirmed against Crisp's own documentation.
 */
export const crisp: SchemeVerifier = (request, secret, options) => {
	const timestamp = header(request.headers, 'X-Crisp-Request-Timestamp');
	const signature = header(request.headers, 'X-Crisp-Signature');
	if (timestamp === undefined || signature === undefined) {
		return fail('missing_header', 'needs X-Crisp-Signature and X-Crisp-Request-Timestamp');
	}
	const signedAt = timestampMs(timestamp, 'milliseconds');
	if (signedAt === undefined)
		return fail('bad_format', 'X-Crisp-Request-Timestamp should be a number');
	const body = parsedBody(request.body, request.rawBody);
	if (body === undefined) return fail('missing_raw_body', 'Crisp signs the JSON body');
	const expected = hmac('sha256', secret, [`[${timestamp};${JSON.stringify(body)}]`], 'hex');
	if (!safeEqual(expected, signature.toLowerCase()))
		return fail('mismatch', 'X-Crisp-Signature does not match the body');
	return checkAge(signedAt, options.now, options.toleranceSeconds);
};

function parsedBody(body: unknown, raw: string | Uint8Array | undefined): unknown {
	if (body !== null && typeof body === 'object') return body;
	if (raw === undefined) return undefined;
	try {
		return JSON.parse(typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}
