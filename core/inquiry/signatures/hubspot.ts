import {
	checkAge,
	fail,
	header,
	hmac,
	rawBytes,
	safeEqual,
	sha256,
	timestampMs,
} from './primitives';
import type { SchemeVerifier, SignedRequest, VerifyOptions, VerifyResult } from './types';

/** HubSpot rejects v3 requests whose timestamp is more than five minutes old. */
export const HUBSPOT_TOLERANCE_SECONDS = 300;

/** HubSpot signs the URI with these escapes decoded (its docs list exactly these). */
const DECODED_ESCAPES: Record<string, string> = {
	'%3A': ':',
	'%2F': '/',
	'%3F': '?',
	'%40': '@',
	'%21': '!',
	'%24': '$',
	'%27': "'",
	'%28': '(',
	'%29': ')',
	'%2A': '*',
	'%2C': ',',
	'%3B': ';',
};

export function hubspotUri(url: string): string {
	return url.replace(
		/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
		(escape) => DECODED_ESCAPES[escape.toUpperCase()],
	);
}

/**
 * HubSpot webhooks. v3 (X-HubSpot-Signature-v3): base64 HMAC-SHA256 (key = app client secret) of
 * method + URI + raw body + timestamp. Older requests: X-HubSpot-Signature with
 * X-HubSpot-Signature-Version v1 = hex SHA-256 of secret + body, v2 = of secret + method + URI + body.
 */
export const hubspot: SchemeVerifier = (request, secret, options) => {
	if (header(request.headers, 'X-HubSpot-Signature-v3') !== undefined)
		return verifyV3(request, secret, options);
	const signature = header(request.headers, 'X-HubSpot-Signature');
	if (signature === undefined)
		return fail('missing_header', 'no X-HubSpot-Signature-v3 (or X-HubSpot-Signature) header');
	const version = (header(request.headers, 'X-HubSpot-Signature-Version') ?? 'v1').toLowerCase();
	if (version !== 'v1' && version !== 'v2')
		return fail('bad_format', `unknown X-HubSpot-Signature-Version "${version}"`);
	const body = rawBytes(request);
	if (body === undefined) return fail('missing_raw_body', 'HubSpot signs the exact body bytes');
	if (version === 'v2' && !request.url)
		return fail('missing_url', 'HubSpot v2 signs the exact URL it posted to');
	const parts =
		version === 'v1' ? [secret, body] : [secret, method(request), request.url ?? '', body];
	const expected = sha256(parts, 'hex');
	return safeEqual(expected, signature.toLowerCase())
		? { ok: true }
		: fail('mismatch', `X-HubSpot-Signature (${version}) does not match`);
};

function verifyV3(request: SignedRequest, secret: string, options: VerifyOptions): VerifyResult {
	const signature = header(request.headers, 'X-HubSpot-Signature-v3') ?? '';
	const timestamp = header(request.headers, 'X-HubSpot-Request-Timestamp');
	if (timestamp === undefined)
		return fail('missing_header', 'no X-HubSpot-Request-Timestamp header');
	const signedAt = timestampMs(timestamp, 'milliseconds');
	if (signedAt === undefined)
		return fail('bad_format', 'X-HubSpot-Request-Timestamp should be epoch milliseconds');
	if (!request.url) return fail('missing_url', 'HubSpot v3 signs the exact URL it posted to');
	const body = rawBytes(request);
	if (body === undefined) return fail('missing_raw_body', 'HubSpot signs the exact body bytes');
	const expected = hmac(
		'sha256',
		secret,
		[method(request), hubspotUri(request.url), body, timestamp],
		'base64',
	);
	if (!safeEqual(expected, signature))
		return fail('mismatch', 'X-HubSpot-Signature-v3 does not match');
	return checkAge(signedAt, options.now, options.toleranceSeconds ?? HUBSPOT_TOLERANCE_SECONDS);
}

function method(request: SignedRequest): string {
	return (request.method ?? 'POST').toUpperCase();
}
