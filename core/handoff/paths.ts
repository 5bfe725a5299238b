import { InquiryError } from '../shared/errors';

/** One step of a path: a property name, or an index into a list. */
export type PathSegment = string | number;
/** A parsed path, ready to read with `readPath`. */
export type FieldPath = readonly PathSegment[];

/**
 * Segments that would walk into JavaScript's object machinery instead of the data. A path naming
 * one is refused when it is written, so a mapping can never read (or leak) prototype internals.
 */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_SEGMENTS = 32;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Parses `properties.email`, `results[0].id`, `fields["First Name"]` or `data.items.0.phone`
 * into segments, once per configuration. A leading `$json.` is accepted and ignored, since n8n
 * users write item paths that way.
 */
export function parsePath(path: string): FieldPath {
	const text = path.trim().replace(/^\$json(?:\.|(?=\[))/, '');
	if (text === '') throw pathError(path, 'the path is empty');
	const segments: PathSegment[] = [];
	let index = 0;
	while (index < text.length) {
		const char = text[index];
		if (char === '[') {
			const close = text.indexOf(']', index);
			if (close === -1) throw pathError(path, 'a "[" is never closed');
			segments.push(bracketSegment(text.slice(index + 1, close), path));
			index = close + 1;
			if (text[index] === '.') index++;
			continue;
		}
		let end = index;
		while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
		const name = text.slice(index, end).trim();
		if (name === '') throw pathError(path, 'two dots in a row, or a dot at an end');
		segments.push(/^\d+$/.test(name) ? Number(name) : name);
		index = text[end] === '.' ? end + 1 : end;
		if (text[end] === '.' && index === text.length) throw pathError(path, 'a dot at the end');
	}
	if (segments.length > MAX_SEGMENTS) throw pathError(path, `more than ${MAX_SEGMENTS} steps`);
	for (const segment of segments) {
		if (typeof segment === 'string' && FORBIDDEN_SEGMENTS.has(segment)) {
			throw pathError(path, `"${segment}" is not allowed in a path`);
		}
	}
	return segments;
}

function bracketSegment(inner: string, path: string): PathSegment {
	const text = inner.trim();
	if (/^\d+$/.test(text)) return Number(text);
	const quoted = /^(["'])(.*)\1$/.exec(text);
	if (quoted && quoted[2] !== '') return quoted[2];
	throw pathError(path, `"[${inner}]" must hold a number or a quoted name`);
}

function pathError(path: string, reason: string): InquiryError {
	return new InquiryError('INVALID_FIELD_PATH', `"${path}": ${reason}`);
}

/**
 * Reads a compiled path. Only the value's own properties are followed (never inherited ones),
 * numbers index lists, and anything else on a list or a primitive reads as undefined.
 */
export function readPath(value: unknown, segments: FieldPath): unknown {
	let current = value;
	for (const segment of segments) {
		if (current === null || typeof current !== 'object') return undefined;
		if (Array.isArray(current)) {
			if (typeof segment !== 'number') return undefined;
			current = current[segment];
			continue;
		}
		const key = String(segment);
		if (!hasOwn.call(current, key)) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}
