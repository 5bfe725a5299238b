import { fail, header, hmac, OK, rawBytes, safeEqual, sha256 } from './primitives';
import type { SchemeVerifier } from './types';

/**
 * Twilio: base64 HMAC-SHA1 (key = Auth Token) of the full URL Twilio requested, followed by every
 * POST parameter's name and value sorted by name. JSON bodies instead carry a `bodySHA256` query
 * parameter (hex SHA-256 of the raw body) and sign the URL alone. Like Twilio's own helper, the
 * URL is tried as given, with its default port and without it, since proxies add or drop ports,
 * and with its apostrophes escaped and unescaped.
 */
export const twilio: SchemeVerifier = (request, secret) => {
	const signature = header(request.headers, 'X-Twilio-Signature');
	if (signature === undefined) return fail('missing_header', 'no X-Twilio-Signature header');
	if (!request.url) return fail('missing_url', 'Twilio signs the exact URL it posted to');

	let params: Record<string, unknown> = {};
	const bodyHash = queryParam(request.url, 'bodySHA256');
	if (bodyHash !== undefined) {
		const body = rawBytes(request);
		if (body === undefined)
			return fail('missing_raw_body', 'bodySHA256 covers the exact body bytes');
		if (!safeEqual(sha256([body], 'hex'), bodyHash.toLowerCase()))
			return fail('mismatch', 'bodySHA256 does not match the body');
	} else {
		params = formParams(request.body);
	}

	const signed = signedParams(params);
	let matched = false;
	for (const url of urlVariants(request.url))
		matched = safeEqual(hmac('sha1', secret, [url, signed], 'base64'), signature) || matched;
	return matched
		? OK
		: fail('mismatch', 'X-Twilio-Signature does not match the URL and parameters');
};

/** Name + value of each parameter, sorted by name; a repeated name adds each distinct value, sorted. */
export function signedParams(params: Record<string, unknown>): string {
	let out = '';
	for (const name of Object.keys(params).sort()) {
		const value = params[name];
		const values = Array.isArray(value)
			? [...new Set(value.map(String))].sort()
			: [value === undefined || value === null ? '' : String(value)];
		for (const one of values) out += name + one;
	}
	return out;
}

function formParams(body: unknown): Record<string, unknown> {
	if (typeof body === 'string') {
		const out: Record<string, string[]> = {};
		for (const [key, value] of new URLSearchParams(body)) out[key] = [...(out[key] ?? []), value];
		return out;
	}
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: {};
}

function queryParam(url: string, name: string): string | undefined {
	const query = url.indexOf('?');
	if (query === -1) return undefined;
	return new URLSearchParams(url.slice(query + 1)).get(name) ?? undefined;
}

const DEFAULT_PORTS: Record<string, string> = { 'https://': '443', 'http://': '80' };

/**
 * The URL as given, then with the scheme's default port spelled out, or with its port removed;
 * each also with its apostrophes percent-encoded (%27) and decoded, as Twilio's own SDK tries
 * them (URL parsers disagree on escaping "'" in a query, so Twilio may have signed either form).
 */
export function urlVariants(url: string): string[] {
	const variants = portVariants(url);
	if (!/'|%27/i.test(url)) return variants;
	const quoted = variants.flatMap((variant) => [
		variant,
		variant.replace(/'/g, '%27'),
		variant.replace(/%27/gi, "'"),
	]);
	return [...new Set(quoted)];
}

function portVariants(url: string): string[] {
	const match = /^(https?:\/\/)([^/?#]*)(.*)$/i.exec(url);
	if (!match) return [url];
	const [, scheme, authority, rest] = match;
	const port = /:(\d+)$/.exec(authority);
	if (port) return [url, `${scheme}${authority.slice(0, port.index)}${rest}`];
	const defaultPort = DEFAULT_PORTS[scheme.toLowerCase()];
	return defaultPort ? [url, `${scheme}${authority}:${defaultPort}${rest}`] : [url];
}
