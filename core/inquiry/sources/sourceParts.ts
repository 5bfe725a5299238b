import { cleanMessage } from '../contact/message';
import type { Attribution } from '../schema';
import { isRecord, text } from './read';

/**
 * Pieces several vendor families share: tracking parameters, chat transcripts and email
 * mailboxes ("Jane Doe <jane@example.com>"). Like the readers in read.ts, none of them throws.
 */

/** Tracking keys as vendors and trackers name them → canonical attribution fields. */
const TRACKING_KEYS: readonly [string, keyof Attribution][] = [
	['utm_source', 'utmSource'],
	['utm_medium', 'utmMedium'],
	['utm_campaign', 'utmCampaign'],
	['utm_term', 'utmTerm'],
	['utm_content', 'utmContent'],
	['gclid', 'gclid'],
	['fbclid', 'fbclid'],
	['landing_page', 'landingPage'],
	['landing_page_url', 'landingPage'],
	['referrer', 'referrer'],
	['referrer_url', 'referrer'],
	['referring_url', 'referrer'],
];

/** utm_*, gclid, fbclid, landing page and referrer from tracking records; the first record that has one wins. */
export function trackingAttribution(
	...records: unknown[]
): Partial<Record<keyof Attribution, unknown>> {
	const out: Partial<Record<keyof Attribution, unknown>> = {};
	for (const record of records) {
		if (!isRecord(record)) continue;
		for (const [key, field] of TRACKING_KEYS) {
			if (out[field] !== undefined || !Object.prototype.hasOwnProperty.call(record, key)) continue;
			const value = text(record[key]);
			if (value !== undefined) out[field] = value;
		}
	}
	return out;
}

export type Speaker = 'Customer' | 'Agent';

export interface ChatLine {
	speaker: Speaker;
	text: unknown;
	format?: 'text' | 'html';
}

/** A transcript stays readable and cheap: the first lines of a conversation, each cut to a paragraph. */
const MAX_TRANSCRIPT_LINES = 30;
const MAX_LINES_SCANNED = 200;
const MAX_LINE_LENGTH = 1000;

/**
 * One customer message as it is; a conversation as "Customer: …" / "Agent: …" lines, so the
 * next person sees what was already said without opening the chat tool.
 */
export function transcript(lines: ChatLine[]): string | undefined {
	const kept: { speaker: Speaker; body: string }[] = [];
	for (const line of lines.slice(0, MAX_LINES_SCANNED)) {
		const body = cleanMessage(line.text, { format: line.format });
		if (body !== undefined) kept.push({ speaker: line.speaker, body });
		if (kept.length === MAX_TRANSCRIPT_LINES) break;
	}
	if (kept.length === 0) return undefined;
	if (kept.length === 1 && kept[0].speaker === 'Customer') return kept[0].body;
	return kept
		.map(({ speaker, body }) => `${speaker}: ${oneLine(body).slice(0, MAX_LINE_LENGTH)}`)
		.join('\n');
}

/** cleanMessage already trimmed every line; joining them keeps one speaker on one line. */
function oneLine(body: string): string {
	return body
		.split('\n')
		.filter((line) => line !== '')
		.join(' ');
}

export interface Mailbox {
	name?: string;
	address?: string;
}

const MAX_MAILBOX_LENGTH = 2000;

/**
 * Reads one mailbox from a raw header value: `Jane Doe <jane@example.com>`, `"Doe, Jane" <…>`,
 * `jane@example.com (Jane Doe)` or a bare address; RFC 2047 encoded names are decoded.
 */
export function parseMailbox(value: unknown): Mailbox {
	const raw = text(value);
	if (raw === undefined) return {};
	const line = decodeEncodedWords(raw.slice(0, MAX_MAILBOX_LENGTH));
	const open = line.indexOf('<');
	const close = open === -1 ? -1 : line.indexOf('>', open);
	if (close > open) return compactMailbox(line.slice(0, open), line.slice(open + 1, close));
	const address = line
		.split(/[\s,;]+/)
		.find((word) => word.includes('@'))
		?.replace(/[<>]/g, '');
	const comment = /\(([^()]{1,200})\)/.exec(line);
	return compactMailbox(comment ? comment[1] : '', address ?? '');
}

function compactMailbox(rawName: string, rawAddress: string): Mailbox {
	const mailbox: Mailbox = {};
	const name = rawName
		.trim()
		.replace(/^["']|["']$/g, '')
		.trim();
	const address = rawAddress.trim();
	// A display name that is itself an address ("jane@x.com <jane@x.com>") names nobody.
	if (name !== '' && !name.includes('@')) mailbox.name = name;
	if (address !== '') mailbox.address = address;
	return mailbox;
}

/** The domain of an address, lower-cased, or '' without one. */
export function mailDomain(address: string | undefined): string {
	const at = address?.lastIndexOf('@') ?? -1;
	return at === -1 || !address ? '' : address.slice(at + 1).toLowerCase();
}

const ENCODED_WORD = /=\?([\w.:-]{1,40})\?([BbQq])\?([^?\s]{0,600})\?=/g;

/** "=?UTF-8?B?SXbDoW4=?=" → "Iván"; unknown charsets and broken words stay as they came. */
export function decodeEncodedWords(value: string): string {
	if (!value.includes('=?')) return value;
	// Whitespace between two encoded words belongs to neither (RFC 2047 §6.2).
	const joined = value.replace(/\?=[ \t]+=\?/g, '?==?');
	return joined.replace(ENCODED_WORD, (word, charset: string, encoding: string, data: string) => {
		const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qBytes(data);
		const lower = charset.toLowerCase();
		if (lower === 'utf-8' || lower === 'utf8' || lower === 'us-ascii')
			return bytes.toString('utf8');
		if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'windows-1252')
			return bytes.toString('latin1');
		return word;
	});
}

function qBytes(data: string): Buffer {
	const bytes: number[] = [];
	for (let i = 0; i < data.length; i++) {
		const char = data[i];
		if (char === '_') bytes.push(32);
		else if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
			bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(char.charCodeAt(0) & 0xff);
	}
	return Buffer.from(bytes);
}
