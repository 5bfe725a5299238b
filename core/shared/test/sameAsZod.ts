import type { ZodTypeAny } from 'zod';
import { compileReader, UNDECIDED } from '../fastParse';

/** Values with their key order and explicit undefineds, so toStrictEqual also compares order. */
function ordered(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(ordered);
	if (value !== null && typeof value === 'object')
		return Object.entries(value).map(([key, item]) => [key, ordered(item)]);
	return value;
}

/** The reader either steps aside or returns exactly what zod returns. Returns whether it decided. */
export function expectSameAsZod(schema: ZodTypeAny, value: unknown): boolean {
	const reader = compileReader(schema);
	if (!reader) throw new Error('schema was expected to compile');
	const fast = reader(value);
	const parsed = schema.safeParse(value);
	if (fast === UNDECIDED) return false;
	expect(parsed.success).toBe(true);
	expect(ordered(fast)).toStrictEqual(ordered(parsed.data));
	return true;
}
