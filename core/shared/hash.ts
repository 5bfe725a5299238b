import { createHash } from 'crypto';

/** Short, stable, collision-resistant id part: the first `length` hex characters of SHA-256. */
export function stableHash(text: string, length = 24): string {
	return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * JSON with object keys sorted, so two payloads that differ only in key order hash alike.
 * Cycles cannot occur in parsed JSON; depth is bounded to keep hostile input cheap.
 */
export function stableStringify(value: unknown, depth = 0): string {
	if (depth > 64) return '"…"';
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v, depth + 1)).join(',')}]`;
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record).sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k], depth + 1)}`).join(',')}}`;
}
