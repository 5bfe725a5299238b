import type { PersonName } from '../schema';

/** Surname particles that stay lower-case and belong to the last name ("Maria de la Cruz"). */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'van', 'von', 'y', 'e', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu', 'st.']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sr', 'sra', 'srta', 'herr', 'frau', 'mme', 'mlle', 'm']);
const MAX_NAME_LENGTH = 200;
const CONTROL_CHARACTERS = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`, 'g');

/**
 * Builds a clean name from whatever parts a source gave. Casing is fixed only when the whole
 * name is shouted or whispered in Latin letters ("JANE O'BRIEN", "jane de la cruz"); names in other
 * scripts and deliberately mixed-case names ("McDonald", "DeShawn") are kept as typed.
 */
export function cleanName(parts: { full?: unknown; first?: unknown; last?: unknown }): PersonName {
	let first = cleanPart(parts.first);
	let last = cleanPart(parts.last);
	let full = cleanPart(parts.full);

	if (full && !first && !last) {
		const split = splitFullName(full);
		first = split.first;
		last = split.last;
	}
	if (!full && (first || last)) full = [first, last].filter(Boolean).join(' ');

	// Casing is judged on the whole name, so "REDACTED Name" keeps every part as typed.
	const recase = needsRecase(full ?? [first, last].filter(Boolean).join(' '));
	const name: PersonName = {};
	if (full) name.full = recase ? fixCase(full) : full;
	if (first) name.first = recase ? fixCase(first) : first;
	if (last) name.last = recase ? fixCase(last) : last;
	return name;
}

function cleanPart(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	// Strip control characters and emoji-only noise, collapse whitespace.
	const text = value
		.replace(CONTROL_CHARACTERS, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, MAX_NAME_LENGTH);
	if (text === '' || !/\p{L}/u.test(text)) return undefined;
	return text;
}

/** "Dr. Maria de la Cruz" → first "Maria", last "de la Cruz"; "Cruz, Maria" → first "Maria". */
export function splitFullName(full: string): { first?: string; last?: string } {
	const comma = full.indexOf(',');
	if (comma > 0) {
		const last = full.slice(0, comma).trim();
		const first = full.slice(comma + 1).trim();
		if (first && last && !first.includes(',')) return { first, last };
	}
	const words = full.split(' ');
	while (words.length > 1 && HONORIFICS.has(words[0].toLowerCase().replace(/\.$/, ''))) words.shift();
	if (words.length === 1) return { first: words[0] };
	// The last name starts at the first particle after the given name, or is the final word.
	let start = words.length - 1;
	for (let i = 1; i < words.length - 1; i++) {
		if (PARTICLES.has(words[i].toLowerCase())) {
			start = i;
			break;
		}
	}
	return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

/** Only an all-caps or all-lower-case Latin name is re-cased. */
function needsRecase(text: string): boolean {
	if (!/^[\p{Script=Latin}\s'’.-]+$/u.test(text)) return false;
	const shouting = text === text.toUpperCase() && text !== text.toLowerCase();
	const whispering = text === text.toLowerCase() && text !== text.toUpperCase();
	return shouting || whispering;
}

function fixCase(text: string): string {
	return text
		.toLowerCase()
		.split(' ')
		.map((word, index) => (index > 0 && PARTICLES.has(word) ? word : capitalizeWord(word)))
		.join(' ');
}

/** Capitalizes after apostrophes and hyphens too: o'brien → O'Brien, smith-jones → Smith-Jones. */
function capitalizeWord(word: string): string {
	return word.replace(/(^|['’-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}
