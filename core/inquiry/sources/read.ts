/**
 * Small, safe readers for vendor payloads. They never throw, never follow prototype keys, and
 * treat "" as missing, so every preset reads hostile or half-empty payloads the same way.
 */
export type JsonRecord = Record<string, unknown>;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(value: unknown): value is JsonRecord {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonRecord | undefined {
	return isRecord(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** Reads a dotted path ("data.object.from", "answers.0.email") through own properties only. */
export function at(value: unknown, path: string): unknown {
	let current: unknown = value;
	for (const key of path.split('.')) {
		if (FORBIDDEN.has(key) || current === null || typeof current !== 'object') return undefined;
		if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
		current = (current as JsonRecord)[key];
	}
	return current;
}

/** A non-empty trimmed string (numbers become strings), else undefined. */
export function text(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** The first path that holds a non-empty string. */
export function firstText(value: unknown, ...paths: string[]): string | undefined {
	for (const path of paths) {
		const found = text(at(value, path));
		if (found !== undefined) return found;
	}
	return undefined;
}

/** Parses a JSON string field (some vendors double-encode), or returns undefined. */
export function parseJsonText(value: unknown): unknown {
	if (typeof value !== 'string' || value.length > 5_000_000) return undefined;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

/** Joins list answers ("Plumbing, Drains") and stringifies scalars; objects are skipped. */
export function answerText(value: unknown): string | undefined {
	if (Array.isArray(value)) {
		const parts = value.map(answerText).filter((part): part is string => part !== undefined);
		return parts.length ? parts.join(', ') : undefined;
	}
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	return text(value);
}
