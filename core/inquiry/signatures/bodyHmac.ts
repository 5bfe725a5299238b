import { fail, header, hmac, OK, rawBytes, safeEqual } from './primitives';
import type { SchemeVerifier, SignedRequest, VerifyResult } from './types';

/** A vendor that signs the raw body alone: one header, one HMAC, one text encoding. */
interface BodyHmacSpec {
	header: string;
	algorithm: 'sha1' | 'sha256';
	encoding: 'hex' | 'base64';
	/** Documented prefix before the digest, e.g. "sha256=". */
	prefix?: string;
}

function checkBodyHmac(spec: BodyHmacSpec, request: SignedRequest, secret: string): VerifyResult {
	const provided = header(request.headers, spec.header);
	if (provided === undefined) return fail('missing_header', `no ${spec.header} header`);
	if (spec.prefix && !provided.startsWith(spec.prefix)) {
		return fail('bad_format', `${spec.header} should start with "${spec.prefix}"`);
	}
	const body = rawBytes(request);
	if (body === undefined)
		return fail('missing_raw_body', `${spec.header} signs the exact body bytes`);
	const digest = provided.slice(spec.prefix?.length ?? 0).trim();
	const expected = hmac(spec.algorithm, secret, [body], spec.encoding);
	const given = spec.encoding === 'hex' ? digest.toLowerCase() : digest;
	return safeEqual(expected, given)
		? OK
		: fail('mismatch', `${spec.header} does not match the body`);
}

const bodyHmac =
	(spec: BodyHmacSpec): SchemeVerifier =>
	(request, secret) =>
		checkBodyHmac(spec, request, secret);

/** Typeform: "sha256=" + base64 HMAC-SHA256 of the raw body. */
export const typeform = bodyHmac({
	header: 'Typeform-Signature',
	algorithm: 'sha256',
	encoding: 'base64',
	prefix: 'sha256=',
});

/** Cal.com: hex HMAC-SHA256 of the raw body. */
export const calcom = bodyHmac({
	header: 'X-Cal-Signature-256',
	algorithm: 'sha256',
	encoding: 'hex',
});

/** Intercom: "sha1=" + hex HMAC-SHA1 of the raw body, keyed with the app's client secret. */
export const intercom = bodyHmac({
	header: 'X-Hub-Signature',
	algorithm: 'sha1',
	encoding: 'hex',
	prefix: 'sha1=',
});

/** tawk.to: hex HMAC-SHA1 of the raw body. */
export const tawkto = bodyHmac({ header: 'X-Tawk-Signature', algorithm: 'sha1', encoding: 'hex' });

/** Tally: base64 HMAC-SHA256 of the JSON payload as posted. */
export const tally = bodyHmac({
	header: 'Tally-Signature',
	algorithm: 'sha256',
	encoding: 'base64',
});

/** Jobber: base64 HMAC-SHA256 of the raw body, keyed with the app's OAuth client secret. */
export const jobber = bodyHmac({
	header: 'X-Jobber-Hmac-SHA256',
	algorithm: 'sha256',
	encoding: 'base64',
});

/** CallRail: base64 HMAC-SHA1 of the raw body (from a secondary transcription of CallRail's docs). */
export const callrail = bodyHmac({ header: 'Signature', algorithm: 'sha1', encoding: 'base64' });

const metaSha256: BodyHmacSpec = {
	header: 'X-Hub-Signature-256',
	algorithm: 'sha256',
	encoding: 'hex',
	prefix: 'sha256=',
};
const metaSha1: BodyHmacSpec = {
	header: 'X-Hub-Signature',
	algorithm: 'sha1',
	encoding: 'hex',
	prefix: 'sha1=',
};

/**
 * Meta (Lead Ads page webhooks, WhatsApp Cloud API): "sha256=" + hex HMAC-SHA256 keyed with the
 * App Secret; the legacy SHA-1 header is read only when the SHA-256 one is absent.
 */
export const meta: SchemeVerifier = (request, secret) => {
	const spec = header(request.headers, metaSha256.header) !== undefined ? metaSha256 : metaSha1;
	const result = checkBodyHmac(spec, request, secret);
	if (!result.ok && result.reason === 'missing_header')
		return fail('missing_header', 'no X-Hub-Signature-256 header');
	return result;
};
