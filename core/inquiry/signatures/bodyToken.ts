import { at } from '../sources/read';
import { checkAge, fail, hmac, OK, safeEqual, timestampMs } from './primitives';
import type { SchemeVerifier, VerifyResult } from './types';

/** Reads a string field from the parsed body (form fields and JSON alike). */
function field(body: unknown, path: string): string | undefined {
	const value = at(body, path);
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A vendor that proves itself with a shared token in the body, compared in constant time. */
const bodyTokenEquals =
	(path: string, vendor: string): SchemeVerifier =>
	(request, secret): VerifyResult => {
		const token = field(request.body, path);
		if (token === undefined) return fail('missing_field', `no "${path}" field in the body`);
		return safeEqual(secret, token)
			? OK
			: fail('mismatch', `"${path}" does not match the ${vendor} key`);
	};

/** Google Ads lead form webhook: `google_key` must equal the key entered in the lead form asset. */
export const googleAds = bodyTokenEquals('google_key', 'Google Ads');

/** Aircall: `token` must equal the webhook's token shown in the Aircall dashboard. */
export const aircall = bodyTokenEquals('token', 'Aircall');

/**
 * Mailgun: body fields timestamp, token and signature, where signature = hex HMAC-SHA256
 * (key = HTTP webhook signing key) of timestamp + token. Event webhooks nest the three under
 * `signature`; inbound routes post them as top-level form fields. Mailgun names no replay window,
 * so age is checked only when a tolerance is set.
 */
export const mailgun: SchemeVerifier = (request, secret, options) => {
	const nested =
		at(request.body, 'signature') !== null && typeof at(request.body, 'signature') === 'object';
	const prefix = nested ? 'signature.' : '';
	const timestamp = field(request.body, `${prefix}timestamp`);
	const token = field(request.body, `${prefix}token`);
	const signature = field(request.body, `${prefix}signature`);
	if (timestamp === undefined || token === undefined || signature === undefined) {
		return fail('missing_field', 'needs timestamp, token and signature fields in the body');
	}
	const signedAt = timestampMs(timestamp, 'seconds');
	if (signedAt === undefined) return fail('bad_format', 'timestamp should be epoch seconds');
	const expected = hmac('sha256', secret, [timestamp, token], 'hex');
	if (!safeEqual(expected, signature.toLowerCase()))
		return fail('mismatch', 'signature does not match timestamp + token');
	return checkAge(signedAt, options.now, options.toleranceSeconds);
};
