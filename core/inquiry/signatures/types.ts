import { z } from 'zod';

/**
 * Every authenticity scheme the vendors in shared/fixtures/vendor-payloads/INDEX.md document.
 * `none` stands for the vendors that sign nothing (Jotform, Postmark, Yelp…): checking it fails
 * closed, because a check that always passes would only look like protection.
 */
export const SIGNATURE_SCHEMES = [
	'typeform',
	'calendly',
	'calcom',
	'meta',
	'twilio',
	'tally',
	'webflow',
	'hubspot',
	'intercom',
	'tawkto',
	'openphone',
	'standardWebhooks',
	'jobber',
	'mailgun',
	'googleAds',
	'aircall',
	'callrail',
	'crisp',
	'none',
] as const;
export const SignatureScheme = z.enum(SIGNATURE_SCHEMES);
export type SignatureScheme = z.infer<typeof SignatureScheme>;

/** Why a delivery failed its check: a closed union, each with a hint in SIGNATURE_FAILURE_HINTS. */
export const SIGNATURE_FAILURES = [
	'missing_header',
	'missing_field',
	'bad_format',
	'mismatch',
	'expired',
	'missing_secret',
	'missing_raw_body',
	'missing_url',
	'unsigned_source',
	'unknown_source',
] as const;
export const SignatureFailure = z.enum(SIGNATURE_FAILURES);
export type SignatureFailure = z.infer<typeof SignatureFailure>;

/** What a vendor sent, as the receiving side saw it. */
export interface SignedRequest {
	/** The exact bytes the vendor posted (a string is read as UTF-8). */
	rawBody?: string | Uint8Array;
	/** Request headers; names are matched case-insensitively. */
	headers: Record<string, unknown>;
	/** The parsed body (form fields or JSON), for schemes that sign fields rather than bytes. */
	body?: unknown;
	/** The full public URL the vendor posted to, including any query string. */
	url?: string;
	/** HTTP method, default POST. */
	method?: string;
}

export interface VerifyOptions {
	now: Date;
	/** Maximum age of a signed timestamp; defaults to the vendor's documented tolerance. */
	toleranceSeconds?: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: SignatureFailure; detail: string };

/** One scheme's check: pure, never throws, compares in constant time. */
export type SchemeVerifier = (
	request: SignedRequest,
	secret: string,
	options: VerifyOptions,
) => VerifyResult;

export const SIGNATURE_FAILURE_HINTS: Record<SignatureFailure, string> = {
	missing_header:
		"The signature header is missing. Check that signing is switched on in the vendor's webhook settings, and that the Webhook node passes headers through.",
	missing_field:
		"The signed field is missing from the body. Check the webhook is the vendor's own delivery, not a re-posted copy.",
	bad_format:
		'The signature header is not in the vendor\'s format. Check "Signature Scheme" matches the vendor that posts to this webhook.',
	mismatch:
		'The signature does not match. Check the secret in the "Inquiry Webhook Secret API" credential, turn on "Raw Body" in the Webhook node, and for Twilio or HubSpot set the exact public URL.',
	expired:
		'The signed timestamp is too old (or the n8n clock is off). Replays are rejected; check the server clock if every delivery fails.',
	missing_secret:
		'Open the "Inquiry Webhook Secret API" credential and paste the signing secret from the vendor\'s webhook settings.',
	missing_raw_body:
		'In the Webhook node, open Options and turn on "Raw Body", so the exact bytes the vendor signed reach this node.',
	missing_url:
		'This vendor signs the URL it posted to. Set "Public Webhook URL" in the credential to the exact URL entered in the vendor\'s settings.',
	unsigned_source:
		'This vendor does not sign its webhooks. Turn off "Check Signature" for it, and protect the Webhook node with Header Auth or a secret path instead.',
	unknown_source:
		'The sender could not be recognised, so no scheme applies. Pick the vendor under "Signature Scheme" instead of "From Source".',
};
