import { createHmac } from 'crypto';
import type { SimEvent, SimScheme } from './types';

/**
 * Signs a delivery with each vendor's documented scheme (the same algorithms
 * core/inquiry/signatures verifies), built here with crypto directly so the simulator does not
 * trust the code it tests. Vendors that carry a shared token in the body instead (Aircall's
 * `token`, Google Ads' `google_key`) get it when the body is built (generate.ts).
 */

/** One secret for every simulated vendor. It is valid base64, as OpenPhone keys must be. */
export const SIM_SECRET = 'c2ltdWxhdGVkLWRheS1zaWduaW5nLWtleQ==';

const hmac = (
	algorithm: 'sha1' | 'sha256',
	key: string | Buffer,
	data: string,
	encoding: 'hex' | 'base64',
) => createHmac(algorithm, key).update(data, 'utf8').digest(encoding);

/** Twilio signs the URL plus every form parameter's name and value, sorted by name. */
function twilioPayload(url: string, body: Record<string, unknown>): string {
	let out = url;
	for (const name of Object.keys(body).sort()) out += name + String(body[name]);
	return out;
}

export interface SignInput {
	scheme: SimScheme;
	rawBody: string;
	body: Record<string, unknown>;
	url: string;
	/** The moment the vendor signs (epoch ms): timestamped schemes put it in a header. */
	nowMs: number;
	secret?: string;
}

/** The signature headers a vendor would send for this body. */
export function signatureHeaders(input: SignInput): Record<string, string> {
	const secret = input.secret ?? SIM_SECRET;
	const { rawBody } = input;
	const seconds = Math.floor(input.nowMs / 1000);
	switch (input.scheme) {
		case 'typeform':
			return { 'Typeform-Signature': `sha256=${hmac('sha256', secret, rawBody, 'base64')}` };
		case 'tally':
			return { 'Tally-Signature': hmac('sha256', secret, rawBody, 'base64') };
		case 'calcom':
			return { 'X-Cal-Signature-256': hmac('sha256', secret, rawBody, 'hex') };
		case 'meta':
			return { 'X-Hub-Signature-256': `sha256=${hmac('sha256', secret, rawBody, 'hex')}` };
		case 'intercom':
			return { 'X-Hub-Signature': `sha1=${hmac('sha1', secret, rawBody, 'hex')}` };
		case 'calendly':
			return {
				'Calendly-Webhook-Signature': `t=${seconds},v1=${hmac('sha256', secret, `${seconds}.${rawBody}`, 'hex')}`,
			};
		case 'webflow':
			return {
				'x-webflow-timestamp': String(input.nowMs),
				'x-webflow-signature': hmac('sha256', secret, `${input.nowMs}:${rawBody}`, 'hex'),
			};
		case 'openphone': {
			const key = Buffer.from(secret, 'base64');
			return {
				'openphone-signature': `hmac;1;${input.nowMs};${hmac('sha256', key, `${input.nowMs}.${rawBody}`, 'base64')}`,
			};
		}
		case 'twilio':
			return {
				'X-Twilio-Signature': hmac('sha1', secret, twilioPayload(input.url, input.body), 'base64'),
			};
		case 'aircall':
		case 'googleAds':
		case 'none':
			return {};
	}
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Changes one character of a digest (or token) to another of the same alphabet, so only the value is wrong. */
export function flipCharacter(value: string): string {
	const at = Math.floor(value.length / 2);
	const current = value[at];
	const alphabet =
		/[0-9a-f]/.test(current) && /^[0-9a-f]+$/.test(value) ? '0123456789abcdef' : BASE64;
	const next = alphabet[(alphabet.indexOf(current) + 1) % alphabet.length];
	return value.slice(0, at) + next + value.slice(at + 1);
}

/** The header whose digest a forger gets wrong, and what precedes the digest in it. */
const FORGED_PART: Record<SimScheme, readonly [header: string, before: string] | undefined> = {
	typeform: ['Typeform-Signature', 'sha256='],
	meta: ['X-Hub-Signature-256', 'sha256='],
	intercom: ['X-Hub-Signature', 'sha1='],
	calendly: ['Calendly-Webhook-Signature', 'v1='],
	openphone: ['openphone-signature', ';'],
	tally: ['Tally-Signature', ''],
	calcom: ['X-Cal-Signature-256', ''],
	webflow: ['x-webflow-signature', ''],
	twilio: ['X-Twilio-Signature', ''],
	aircall: undefined,
	googleAds: undefined,
	none: undefined,
};

/** Forges a signature header by flipping one character of its digest; the format stays valid. */
export function forgeHeaders(
	scheme: SimScheme,
	headers: Record<string, string>,
): Record<string, string> {
	const part = FORGED_PART[scheme];
	if (!part) return { ...headers };
	const [name, before] = part;
	const value = headers[name];
	const cut = value.lastIndexOf(before) + before.length;
	return { ...headers, [name]: value.slice(0, cut) + flipCharacter(value.slice(cut)) };
}

/**
 * Signs (or re-signs) a delivery at `nowMs`: a vendor's retry carries a fresh timestamp over the
 * same body. Forged deliveries stay forged. The driver calls this at send time, because the
 * simulated day runs compressed and timestamped schemes reject stale signatures.
 */
export function signEvent(
	event: SimEvent,
	nowMs: number,
	secret = SIM_SECRET,
): Record<string, string> {
	const signed = signatureHeaders({
		scheme: event.scheme,
		rawBody: event.rawBody,
		body: event.body,
		url: event.url,
		nowMs,
		secret,
	});
	const headers = { ...withoutSignature(event.headers), ...signed };
	return event.fault?.kind === 'forged' ? forgeHeaders(event.scheme, headers) : headers;
}

const SIGNATURE_HEADERS = new Set(
	[
		'Typeform-Signature',
		'Tally-Signature',
		'X-Cal-Signature-256',
		'X-Hub-Signature-256',
		'X-Hub-Signature',
		'Calendly-Webhook-Signature',
		'x-webflow-timestamp',
		'x-webflow-signature',
		'openphone-signature',
		'X-Twilio-Signature',
	].map((name) => name.toLowerCase()),
);

function withoutSignature(headers: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers))
		if (!SIGNATURE_HEADERS.has(name.toLowerCase())) out[name] = value;
	return out;
}
