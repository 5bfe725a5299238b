import type { PersonName } from '../schema';

/** Surname particles that stay lower-case and belong to the last name ("Maria de la Cruz"). */
const PARTICLES = new Set([
	'de',
	'del',
	'della',
	'der',
	'den',
	'di',
	'da',
	'das',
	'dos',
	'du',
	'la',
	'le',
	'van',
	'von',
	'y',
	'e',
	'bin',
	'ibn',
	'al',
	'el',
	'ter',
	'ten',
	'zu',
	'st.',
]);
/**
 * Forms of address before a name, compared without a final period: English, Spanish (Señor, Sra.,
 * Doña), German (Herr, Frau) and French (M., Mme, Mlle). "Don" is left out: it is also a given name.
 */
const HONORIFICS = new Set([
	'mr',
	'mrs',
	'ms',
	'miss',
	'mx',
	'mister',
	'sir',
	'madam',
	'dr',
	'prof',
	'sr',
	'sra',
	'srta',
	'señor',
	'señora',
	'señorita',
	'doña',
	'dña',
	'herr',
	'frau',
	'fräulein',
	'm',
	'mme',
	'mlle',
	'monsieur',
	'madame',
	'mademoiselle',
]);
/**
 * Post-nominals, compared lower-case without periods (python-nameparser's suffix lists, the
 * common ones). Single letters and "dr" count only after a comma ("John W. Ingram, V"), where
 * nothing else can stand.
 */
const SUFFIXES = new Set([
	'jr',
	'jnr',
	'junior',
	'sr',
	'snr',
	'ii',
	'iii',
	'iv',
	'esq',
	'esquire',
	'md',
	'phd',
	'dds',
	'dmd',
	'dvm',
	'rn',
	'np',
	'cpa',
	'mba',
	'jd',
	'qc',
	'kc',
	'mp',
	'pe',
	'ret',
]);
const SUFFIXES_AFTER_COMMA = new Set([...SUFFIXES, 'i', 'v', 'dr']);
/** Commas that separate "Last, First" or a suffix: ASCII, full-width and Arabic. */
const COMMAS = /[,，،]/;
const MAX_NAME_LENGTH = 200;
const CONTROL_CHARACTERS = new RegExp(
	`[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
	'g',
);

/**
 * Builds a clean name from whatever parts a source gave. Casing is fixed only when the whole
 * name is shouted or whispered in Latin letters ("JANE O'BRIEN", "jane de la cruz"); names in other
 * scripts and deliberately mixed-case names ("McDonald", "DeShawn") are kept as typed.
 */
export function cleanName(parts: { full?: unknown; first?: unknown; last?: unknown }): PersonName {
	let first = cleanPart(parts.first);
	let last = cleanPart(parts.last);
	let full = cleanPart(parts.full);

	let suffix: string | undefined;
	if (full && !first && !last) {
		({ first, last, suffix } = splitFullName(full));
	} else if (first) {
		first = withoutHonorifics(first.split(' ')).join(' ');
	}
	if (!full && (first || last)) full = [first, last].filter(Boolean).join(' ');

	// Casing is judged on the whole name, so "REDACTED Name" keeps every part as typed.
	const recase = needsRecase(full ?? [first, last].filter(Boolean).join(' '));
	const name: PersonName = {};
	if (full) name.full = recase ? fixCase(full) : full;
	if (first) name.first = recase ? fixCase(first) : first;
	if (last) name.last = recase ? fixCase(last) : last;
	if (suffix) name.suffix = suffix;
	return name;
}

function cleanPart(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	// Strip control characters and emoji-only noise, collapse whitespace.
	// NFC: one form of each accented letter, so names compare and deduplicate as people read them.
	const text = value
		.normalize('NFC')
		.replace(CONTROL_CHARACTERS, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, MAX_NAME_LENGTH);
	if (text === '' || !/\p{L}/u.test(text)) return undefined;
	return text;
}

/**
 * "Dr. Maria de la Cruz" → first "Maria", last "de la Cruz"; "Cruz, Maria" → first "Maria";
 * "Sammy Davis, Jr." → first "Sammy", last "Davis", suffix "Jr." (a suffix after a comma is not
 * "Last, First"). The first name holds every given and middle name.
 */
export function splitFullName(full: string): { first?: string; last?: string; suffix?: string } {
	const segments = full
		.split(COMMAS)
		.map((segment) => segment.trim())
		.filter(Boolean);
	const suffixes: string[] = [];
	while (segments.length > 1 && isSuffixSegment(segments[segments.length - 1]))
		suffixes.unshift(segments.pop()!);
	const withSuffix = <T extends object>(name: T) =>
		suffixes.length ? { ...name, suffix: suffixes.join(', ') } : name;

	if (segments.length === 2) {
		const last = segments[0].split(' ');
		const given = segments[1].split(' ');
		// Suffixes read in typed order: the family name's ("Ma III"), the given name's, then the comma ones.
		suffixes.unshift(
			...[trailingSuffixes(last, 1), trailingSuffixes(given, 1)].filter(
				(part) => part !== undefined,
			),
		);
		return withSuffix({ first: withoutHonorifics(given).join(' '), last: last.join(' ') });
	}
	const typed = segments.join(' ').split(' ');
	const words = withoutHonorifics(typed);
	const trailing = trailingSuffixes(words, 2);
	if (trailing) suffixes.unshift(trailing);
	// "Herr Müller", "Mme Dupont": after a form of address, a single word is the family name.
	if (words.length === 1)
		return withSuffix(words.length < typed.length ? { last: words[0] } : { first: words[0] });
	// The last name starts at the first particle after the given name, or is the final word.
	let start = words.length - 1;
	for (let i = 1; i < words.length - 1; i++) {
		if (PARTICLES.has(words[i].toLowerCase())) {
			start = i;
			break;
		}
	}
	return withSuffix({ first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') });
}

function suffixKey(word: string): string {
	return word.toLowerCase().replace(/\./g, '');
}

function isSuffixSegment(segment: string): boolean {
	return segment.split(' ').every((word) => SUFFIXES_AFTER_COMMA.has(suffixKey(word)));
}

/** Removes trailing suffix words ("Jr", "III") from `words`, keeping at least `keep`; returns them. */
function trailingSuffixes(words: string[], keep: number): string | undefined {
	let end = words.length;
	while (end > keep && SUFFIXES.has(suffixKey(words[end - 1]))) end--;
	return end < words.length ? words.splice(end).join(' ') : undefined;
}

/** Drops leading forms of address ("Señora", "Herr", "Mme."), keeping at least one word. */
export function withoutHonorifics(words: string[]): string[] {
	let start = 0;
	while (words.length - start > 1 && HONORIFICS.has(words[start].toLowerCase().replace(/\.$/, '')))
		start++;
	return start ? words.slice(start) : words;
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
	return word.replace(
		/(^|['’-])(\p{L})/gu,
		(_, lead: string, letter: string) => lead + letter.toUpperCase(),
	);
}
