import type { ContextField } from './fields';

/** What people type to get past a required form field. Compared after lower-casing and dropping punctuation. */
const PLACEHOLDER_WORDS = new Set([
	'test',
	'testing',
	'tester',
	'asdf',
	'asdfg',
	'asdfgh',
	'asd',
	'sdf',
	'fdsa',
	'qwe',
	'qwerty',
	'jkl',
	'abc',
	'abcd',
	'xyz',
	'foo',
	'bar',
	'foobar',
	'lorem',
	'loremipsum',
	'na',
	'none',
	'nil',
	'null',
	'undefined',
	'nothing',
	'dummy',
	'fake',
	'placeholder',
	'blah',
	'blahblah',
]);

/** Fields where a value of digits alone is normal (a ZIP code, "1700", "12 Main St"). */
const DIGITS_ALLOWED = new Set<ContextField>(['postalCode', 'preferredTime', 'address']);

/**
 * Whether a typed value is filler rather than an answer: "test", "asdf", "n/a", "xxxx", "---",
 * or digits alone where digits make no sense (a name of "123").
 */
export function isPlaceholder(value: string, field: ContextField): boolean {
	const folded = foldText(value);
	if (folded === '') return true;
	if (folded.length >= 2 && isOneCharacterRepeated(folded)) return true;
	if (PLACEHOLDER_WORDS.has(withoutTrailingDigits(folded))) return true;
	// Filler typed once per box, "Test Test", "asdf asdf": every word is filler.
	if (isEveryWordFiller(value)) return true;
	return !DIGITS_ALLOWED.has(field) && isDigits(folded);
}

/** Lower-case letters and digits only, in any script. */
function foldText(value: string): string {
	return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function isOneCharacterRepeated(text: string): boolean {
	for (let i = 1; i < text.length; i++) if (text[i] !== text[0]) return false;
	return true;
}

function isEveryWordFiller(value: string): boolean {
	const words = value.split(/\s+/).map(foldText).filter(Boolean);
	return (
		words.length > 1 && words.every((word) => PLACEHOLDER_WORDS.has(withoutTrailingDigits(word)))
	);
}

function withoutTrailingDigits(text: string): string {
	let end = text.length;
	while (end > 0 && text[end - 1] >= '0' && text[end - 1] <= '9') end--;
	return text.slice(0, end);
}

function isDigits(text: string): boolean {
	return withoutTrailingDigits(text) === '';
}
