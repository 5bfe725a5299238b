/** Control characters other than tab and newline; built from code points so the source stays printable. */
const CONTROL_CHARACTERS = new RegExp(
	`[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
	'g',
);

/** Messages are capped so a 1 MB paste cannot slow every later node; the raw payload keeps it all. */
export const MAX_MESSAGE_LENGTH = 10_000;

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	'#39': "'",
};

/** Strips HTML to readable text: block tags become line breaks, entities are decoded. */
export function htmlToText(html: string): string {
	return decodeEntities(
		html
			.replace(/<(script|style)\b[^>]*>[^]*?<\/\1\s*>/gi, '')
			.replace(/<br\s*\/?>/gi, '\n')
			.replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
			.replace(/<[^<>]*>/g, ''),
	);
}

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8}|#39);/gi, (match, code: string) => {
		const lower = code.toLowerCase();
		if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), match);
		if (lower.startsWith('#') && lower !== '#39')
			return safeCodePoint(parseInt(lower.slice(1), 10), match);
		return ENTITIES[lower] ?? match;
	});
}

function safeCodePoint(code: number, fallback: string): string {
	return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Lines that start the quoted part of a reply; everything from here down is history. */
const REPLY_HEADERS = [
	/^On .{1,300}wrote:\s*$/,
	/^Le .{1,300}a écrit\s*:\s*$/,
	/^Am .{1,300}schrieb .{0,300}:\s*$/,
	/^El .{1,300}escribió:\s*$/,
	/^-{2,}\s*Original Message\s*-{2,}\s*$/i,
	/^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
	/^From:\s.{1,300}$/,
	/^_{10,}\s*$/,
];
/** Lines that start a signature block. */
const SIGNATURE_STARTS = [
	/^--\s?$/,
	/^Sent from my .{1,60}$/i,
	/^Get Outlook for .{1,40}$/i,
	/^Envoyé de mon .{1,60}$/i,
	/^Von meinem .{1,60} gesendet$/i,
	/^Enviado desde mi .{1,60}$/i,
];

/** Removes quoted replies and signatures from an email body, keeping what the sender just wrote. */
export function stripEmailHistory(text: string): string {
	const lines = text.split('\n');
	const kept: string[] = [];
	for (const line of lines) {
		const trimmed = line.trim();
		if (trimmed.startsWith('>')) continue;
		if (REPLY_HEADERS.some((pattern) => pattern.test(trimmed)) && kept.some((l) => l.trim() !== ''))
			break;
		if (SIGNATURE_STARTS.some((pattern) => pattern.test(trimmed))) break;
		kept.push(line);
	}
	return kept.join('\n');
}

export interface MessageOptions {
	format?: 'text' | 'html' | 'email' | 'email_html';
}

/** Normalizes a free-text message: HTML stripped, email history removed, whitespace tidied. */
export function cleanMessage(input: unknown, options: MessageOptions = {}): string | undefined {
	if (typeof input !== 'string') return undefined;
	let text = input.length > MAX_MESSAGE_LENGTH * 4 ? input.slice(0, MAX_MESSAGE_LENGTH * 4) : input;
	text = text.replace(/\r\n?/g, '\n');
	const looksHtml =
		options.format === 'html' ||
		options.format === 'email_html' ||
		/<\/?[a-z][^>]{0,200}>/i.test(text);
	if (looksHtml) text = htmlToText(text);
	if (options.format === 'email' || options.format === 'email_html') text = stripEmailHistory(text);
	text = text
		.replace(CONTROL_CHARACTERS, '')
		.replace(/[ \t\u00a0]+/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	if (text === '') return undefined;
	return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}
