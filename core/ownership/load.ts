import { InquiryError } from '../shared/errors';
import { readJsonText } from './json';

/**
 * Open-inquiry counts per owner, from whatever the previous node produced: an object
 * ({"ana": 3}), rows ([{ "owner": "ana", "open": 3 }]), or JSON text of either.
 * Keys are owner ids, compared case-insensitively.
 */
export type OpenLoad = ReadonlyMap<string, number>;

const OWNER_KEYS = ['owner', 'ownerid', 'assignee', 'assignedto', 'user', 'email', 'id'];
const COUNT_KEYS = ['open', 'count', 'load', 'openload', 'openinquiries', 'total'];

function countOf(value: unknown, where: string): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim()
				? Number(value)
				: NaN;
	if (!Number.isFinite(n) || n < 0)
		throw new InquiryError(
			'OPEN_LOAD_INVALID',
			`${where} is ${JSON.stringify(value)}, not a count`,
		);
	return n;
}

/** The value under the first of `keys` (in their order of preference) that the row has. */
function pick(row: Record<string, unknown>, keys: string[]): unknown {
	const byKey = new Map(
		Object.entries(row).map(([key, value]) => [key.toLowerCase().replace(/[^a-z]/g, ''), value]),
	);
	for (const key of keys) if (byKey.has(key)) return byKey.get(key);
	return undefined;
}

/** Undefined when no counts were given (empty text, empty object or nothing at all). */
export function readOpenLoad(input: unknown): OpenLoad | undefined {
	let value = input;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		const parsed = readJsonText(value);
		if (!parsed.ok)
			throw new InquiryError('OPEN_LOAD_INVALID', `the text is not valid JSON (${parsed.problem})`);
		value = parsed.value;
	}
	if (value === null || value === undefined) return undefined;
	if (typeof value !== 'object') throw new InquiryError('OPEN_LOAD_INVALID', `got ${typeof value}`);
	const load = new Map<string, number>();
	if (Array.isArray(value)) {
		value.forEach((raw, i) => {
			const row =
				raw !== null && typeof raw === 'object' && 'json' in raw
					? (raw as { json: unknown }).json
					: raw;
			if (row === null || typeof row !== 'object')
				throw new InquiryError('OPEN_LOAD_INVALID', `row ${i + 1} is not an object`);
			const owner = pick(row as Record<string, unknown>, OWNER_KEYS);
			if (typeof owner !== 'string' || !owner.trim())
				throw new InquiryError('OPEN_LOAD_INVALID', `row ${i + 1} has no "owner" column`);
			const key = owner.trim().toLowerCase();
			load.set(
				key,
				(load.get(key) ?? 0) +
					countOf(pick(row as Record<string, unknown>, COUNT_KEYS) ?? 1, `row ${i + 1} "open"`),
			);
		});
	} else {
		for (const [owner, count] of Object.entries(value))
			load.set(owner.trim().toLowerCase(), countOf(count, `"${owner}"`));
	}
	return load.size ? load : undefined;
}
