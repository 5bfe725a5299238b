import { memoizeString } from '../../shared/memo';
import type { EmailAddress } from '../schema';
import { isKnownProvider } from './mailProviders';

/**
 * Domains people mistype most; a typo within edit distance 2 of one gets a suggestion, unless the
 * typed domain is itself a known provider (mailProviders.ts).
 */
const COMMON_DOMAINS = [
	'gmail.com',
	'googlemail.com',
	'yahoo.com',
	'hotmail.com',
	'outlook.com',
	'live.com',
	'msn.com',
	'icloud.com',
	'me.com',
	'aol.com',
	'comcast.net',
	'verizon.net',
	'att.net',
	'sbcglobal.net',
	'protonmail.com',
	'proton.me',
	'yahoo.co.uk',
	'hotmail.co.uk',
	'btinternet.com',
	'gmx.de',
	'web.de',
	't-online.de',
	'orange.fr',
	'free.fr',
	'yahoo.fr',
	'hotmail.fr',
	'yahoo.es',
	'hotmail.es',
];
const COMMON_TLDS: Record<string, string> = {
	con: 'com',
	cmo: 'com',
	ocm: 'com',
	vom: 'com',
	xom: 'com',
	comm: 'com',
	cm: 'com',
	om: 'com',
	nte: 'net',
	ent: 'net',
	nett: 'net',
	ogr: 'org',
	rog: 'org',
};

const MAX_EMAIL_LENGTH = 254;
// Linear: each part is a single character class with no nested quantifiers.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;
const DOMAIN_LABEL =
	/^[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,61}[A-Za-z0-9\u00a1-\uffff])?$/;

/**
 * Cleans an email from any source: "Jane <JANE@Example.com>", "mailto:…", stray spaces.
 * The address is kept even when invalid, so a person can see what the customer typed.
 */
export function parseEmail(input: unknown): EmailAddress | undefined {
	if (typeof input !== 'string') return undefined;
	const raw = input.trim();
	if (raw === '') return undefined;
	const address = emailKey(raw);
	const valid = isValidAddress(address);
	const email: EmailAddress = { address, valid, raw: raw.slice(0, MAX_EMAIL_LENGTH * 2) };
	const suggestion = valid || address.includes('@') ? suggestEmail(address) : undefined;
	if (suggestion && suggestion !== address) email.suggestion = suggestion;
	return email;
}

/**
 * The address alone, as compared and deduplicated: "Jane <JANE@Example.com>", "mailto:…?subject",
 * stray spaces and trailing dots removed, in Unicode NFC and lower case.
 */
export function emailKey(text: string): string {
	return extractAddress(text.trim()).normalize('NFC').toLowerCase();
}

function extractAddress(raw: string): string {
	let text = raw.replace(/^mailto:/i, '');
	const open = text.lastIndexOf('<');
	const close = text.lastIndexOf('>');
	if (open !== -1 && close > open) text = text.slice(open + 1, close);
	const query = text.indexOf('?');
	if (query !== -1) text = text.slice(0, query);
	let address = text.replace(/\s+/g, '');
	while (address.endsWith('.')) address = address.slice(0, -1);
	return address;
}

export function isValidAddress(address: string): boolean {
	if (address.length > MAX_EMAIL_LENGTH) return false;
	const at = address.lastIndexOf('@');
	if (at <= 0 || at === address.length - 1) return false;
	const local = address.slice(0, at);
	const domain = address.slice(at + 1);
	if (
		!LOCAL_PART.test(local) ||
		local.startsWith('.') ||
		local.endsWith('.') ||
		local.includes('..')
	)
		return false;
	const labels = domain.split('.');
	if (labels.length < 2) return false;
	if (!labels.every((label) => DOMAIN_LABEL.test(label))) return false;
	return (
		/^[a-z\u00a1-\uffff]{2,63}$/i.test(labels[labels.length - 1]) ||
		/^xn--[a-z0-9-]{1,59}$/i.test(labels[labels.length - 1])
	);
}

/** Suggests the address the person most likely meant, or undefined when nothing looks wrong. */
export function suggestEmail(address: string): string | undefined {
	const at = address.lastIndexOf('@');
	if (at <= 0) return undefined;
	const fixed = suggestDomain(address.slice(at + 1));
	return fixed ? `${address.slice(0, at)}@${fixed}` : undefined;
}

/** Domains repeat across inquiries, so their suggestions are remembered. */
const suggestDomain = memoizeString((domain: string): string | undefined => {
	// A real provider's domain is what the person meant, however close it is to another.
	if (isProvider(domain)) return undefined;
	const closest = closestCommonDomain(domain);
	if (closest) return closest;

	const dot = domain.lastIndexOf('.');
	const fixedTld = COMMON_TLDS[dot === -1 ? '' : domain.slice(dot + 1)];
	if (!fixedTld) return undefined;
	// The mended domain may hide a second slip ("yahooo.cmo"): never suggest what needs a suggestion.
	const mended = `${domain.slice(0, dot)}.${fixedTld}`;
	return isProvider(mended) ? mended : (closestCommonDomain(mended) ?? mended);
});

/** A mailbox provider's own domain: one of the typo targets, or any known provider. */
function isProvider(domain: string): boolean {
	return COMMON_DOMAINS.includes(domain) || isKnownProvider(domain);
}

/** The common domain within edit distance 2 (1 for short domains), if any. */
function closestCommonDomain(domain: string): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of COMMON_DOMAINS) {
		if (Math.abs(candidate.length - domain.length) > 2) continue;
		const distance = editDistance(domain, candidate, bestDistance);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best && bestDistance <= (domain.length > 6 ? 2 : 1) ? best : undefined;
}

/** Levenshtein distance with an early exit once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (current[j] < rowMin) rowMin = current[j];
		}
		if (rowMin > limit) return limit + 1;
		previous = current;
	}
	return previous[b.length];
}

/** Only a valid address identifies a person across channels. */
export function emailIdentity(email: EmailAddress | undefined): string | undefined {
	return email?.valid ? `email:${email.address}` : undefined;
}
