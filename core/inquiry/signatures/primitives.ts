import type { BinaryToTextEncoding } from 'crypto';
import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { SignedRequest, SignatureFailure, VerifyResult } from './types';

export const OK: VerifyResult = { ok: true };

export function fail(reason: SignatureFailure, detail: string): VerifyResult {
	return { ok: false, reason, detail };
}

/** A header value by case-insensitive name; the first value when a header repeats. */
export function header(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const value = headers[key];
		const first = Array.isArray(value) ? value[0] : value;
		if (typeof first === 'string' && first.trim() !== '') return first.trim();
		if (typeof first === 'number') return String(first);
	}
	return undefined;
}

export function toBytes(value: string | Uint8Array): Buffer {
	return typeof value === 'string'
		? Buffer.from(value, 'utf8')
		: Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** The exact bytes that were posted, or undefined when the receiver did not keep them. */
export function rawBytes(request: SignedRequest): Buffer | undefined {
	return request.rawBody === undefined ? undefined : toBytes(request.rawBody);
}

export function hmac(
	algorithm: 'sha1' | 'sha256',
	key: string | Buffer,
	parts: (string | Buffer)[],
	encoding: BinaryToTextEncoding,
): string {
	const mac = createHmac(algorithm, key);
	for (const part of parts) mac.update(part);
	return mac.digest(encoding);
}

export function sha256(parts: (string | Buffer)[], encoding: BinaryToTextEncoding): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part);
	return hash.digest(encoding);
}

/**
 * Constant-time string comparison: timingSafeEqual needs equal lengths, so a length mismatch
 * still spends one comparison before it answers false.
 */
export function safeEqual(expected: string, provided: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(provided, 'utf8');
	if (a.length !== b.length) {
		timingSafeEqual(a, a);
		return false;
	}
	return timingSafeEqual(a, b);
}

/** True when any candidate matches; every candidate is compared, so timing does not reveal which. */
export function matchesAny(expected: string, candidates: string[]): boolean {
	let found = false;
	for (const candidate of candidates) found = safeEqual(expected, candidate) || found;
	return found;
}

/** Parses a whole-number timestamp ("1700000000" or "1700000000000") into milliseconds. */
export function timestampMs(
	value: string | undefined,
	unit: 'seconds' | 'milliseconds',
): number | undefined {
	if (value === undefined || !/^\d{1,16}$/.test(value)) return undefined;
	const n = Number(value);
	return unit === 'seconds' ? n * 1000 : n;
}

/**
 * Rejects a signed timestamp further than the tolerance from now, in either direction (a
 * timestamp from the future is as suspicious as a stale one, within the same clock skew).
 */
export function checkAge(
	signedAtMs: number,
	now: Date,
	toleranceSeconds: number | undefined,
): VerifyResult {
	if (toleranceSeconds === undefined || toleranceSeconds <= 0) return OK;
	const ageSeconds = Math.abs(now.getTime() - signedAtMs) / 1000;
	if (ageSeconds <= toleranceSeconds) return OK;
	return fail(
		'expired',
		`signed ${Math.round(ageSeconds)} s from now, tolerance ${toleranceSeconds} s`,
	);
}
