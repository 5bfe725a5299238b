import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';
import { BUILT_IN_PROFILES } from '../context/builtins';
import { checkInquiryContext } from '../context/stage';
import { normalizeInquiry } from '../inquiry/normalizeInquiry';
import { AssignmentSession, withAssignment } from '../ownership/assignOwner';
import { Inquiry } from '../inquiry/schema';
import { compileReader, UNDECIDED } from './fastParse';

/** Values with their key order and explicit undefineds, so toStrictEqual also compares order. */
function ordered(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(ordered);
	if (value !== null && typeof value === 'object')
		return Object.entries(value).map(([key, item]) => [key, ordered(item)]);
	return value;
}

/** The reader either steps aside or returns exactly what zod returns. Returns whether it decided. */
function expectSameAsZod(schema: ZodTypeAny, value: unknown): boolean {
	const reader = compileReader(schema);
	if (!reader) throw new Error('schema was expected to compile');
	const fast = reader(value);
	const parsed = schema.safeParse(value);
	if (fast === UNDECIDED) return false;
	expect(parsed.success).toBe(true);
	expect(ordered(fast)).toStrictEqual(ordered(parsed.data));
	return true;
}

const ZOO = z
	.object({
		text: z.string().min(2).max(5),
		exact: z.string().length(3).optional(),
		count: z.number().int().min(0).max(5),
		ratio: z.number().gt(0).lt(1).optional(),
		flag: z.boolean(),
		version: z.literal(1),
		kind: z.enum(['a', 'b']),
		maybe: z.string().nullable().optional(),
		list: z
			.array(z.object({ id: z.string() }))
			.min(1)
			.max(3),
		labels: z.record(z.string()),
		loose: z.object({ keep: z.number() }).passthrough(),
		anything: z.unknown(),
	})
	.passthrough();

const VALID_ZOO = {
	extra: 'kept',
	text: 'abc',
	count: 3,
	flag: false,
	version: 1,
	kind: 'b',
	maybe: null,
	list: [{ id: 'x', dropped: true }],
	labels: { b: 'two', a: 'one', 1: 'first' },
	loose: { other: [1], keep: 2 },
	anything: { nested: [1, { deep: true }] },
	optionalGone: undefined,
};

describe('compileReader', () => {
	it('returns what zod returns for a valid value: order, stripped and passed-through keys, undefineds', () => {
		expect(expectSameAsZod(ZOO, VALID_ZOO)).toBe(true);
		const read = compileReader(ZOO)!(VALID_ZOO) as Record<string, unknown>;
		expect(Object.keys(read)).toEqual([
			'text',
			'count',
			'flag',
			'version',
			'kind',
			'maybe',
			'list',
			'labels',
			'loose',
			'anything',
			'extra',
		]);
		expect(read.list).toEqual([{ id: 'x' }]);
		expect(read.loose).toEqual({ keep: 2, other: [1] });
		expect(read.anything).toBe(VALID_ZOO.anything);
	});

	it('keeps an optional key that is present but undefined, as zod does', () => {
		const schema = z.object({ a: z.string().optional() });
		const read = compileReader(schema)!({ a: undefined }) as Record<string, unknown>;
		expect('a' in read).toBe(true);
		expect(expectSameAsZod(schema, { a: undefined })).toBe(true);
	});

	it('steps aside for every value zod rejects', () => {
		const broken: Array<Record<string, unknown>> = [
			{ ...VALID_ZOO, text: 'a' },
			{ ...VALID_ZOO, text: 'abcdef' },
			{ ...VALID_ZOO, exact: 'ab' },
			{ ...VALID_ZOO, count: 1.5 },
			{ ...VALID_ZOO, count: 6 },
			{ ...VALID_ZOO, count: NaN },
			{ ...VALID_ZOO, ratio: 1 },
			{ ...VALID_ZOO, ratio: 0 },
			{ ...VALID_ZOO, flag: 'false' },
			{ ...VALID_ZOO, version: 2 },
			{ ...VALID_ZOO, kind: 'c' },
			{ ...VALID_ZOO, list: [] },
			{ ...VALID_ZOO, list: [{ id: 1 }] },
			{ ...VALID_ZOO, labels: { a: 1 } },
			{ ...VALID_ZOO, labels: [] },
			{ ...VALID_ZOO, loose: new Date() },
		];
		for (const value of broken) {
			expect(compileReader(ZOO)!(value)).toBe(UNDECIDED);
			expect(ZOO.safeParse(value).success).toBe(false);
		}
	});

	it('leaves objects that are not plain (class instances, null prototype aside) to zod', () => {
		class Box {
			text = 'abc';
		}
		const schema = z.object({ text: z.string() });
		expect(compileReader(schema)!(new Box())).toBe(UNDECIDED);
		const bare = Object.assign(Object.create(null) as object, { text: 'abc' });
		expect(expectSameAsZod(schema, bare)).toBe(true);
	});

	it('does not compile kinds it does not know', () => {
		expect(compileReader(z.string().email())).toBeUndefined();
		expect(compileReader(z.string().trim())).toBeUndefined();
		expect(compileReader(z.object({ a: z.string() }).strict())).toBeUndefined();
		expect(compileReader(z.object({ a: z.string().default('x') }))).toBeUndefined();
		expect(compileReader(z.object({ a: z.string() }).refine(() => true))).toBeUndefined();
		expect(compileReader(z.union([z.string(), z.number()]))).toBeUndefined();
	});

	it('agrees with zod on arbitrary values', () => {
		fc.assert(
			fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
				expectSameAsZod(ZOO, value);
				expectSameAsZod(Inquiry, value);
			}),
			{ numRuns: 500 },
		);
	});
});

describe('compileReader on the inquiry schema', () => {
	const dir = join(__dirname, '../../test/fixtures/vendor-payloads');
	const inquiries = readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.flatMap((file) =>
			normalizeInquiry(
				(JSON.parse(readFileSync(join(dir, file), 'utf8')) as { body: unknown }).body,
				{ now: new Date('2026-03-02T15:04:05Z') },
			),
		)
		.flatMap((result) =>
			result.status === 'invalid'
				? []
				: [JSON.parse(JSON.stringify(result.inquiry)) as Record<string, unknown>],
		);

	it('reads every normalized vendor sample itself, exactly as zod does', () => {
		expect(inquiries.length).toBeGreaterThan(20);
		for (const inquiry of inquiries) expect(expectSameAsZod(Inquiry, inquiry)).toBe(true);
	});

	it('reads what the later stages put out (context, assignment kept as passed-through keys) itself', () => {
		const now = new Date('2026-03-02T15:04:05Z');
		const session = new AssignmentSession({
			roster: { owners: [{ id: 'o1', name: 'Owner One' }] },
			calendar: { timezone: 'UTC', hours: { mon: [{ start: '00:00', end: '24:00' }] } },
			strategy: 'round_robin',
		});
		for (const inquiry of inquiries) {
			const checked = checkInquiryContext(inquiry, BUILT_IN_PROFILES.routeReady, {
				now,
				nodeName: 'Context',
			}).inquiry;
			const assigned = JSON.parse(
				JSON.stringify(withAssignment(checked, session.assign(checked, { now }), 'Assign')),
			) as Record<string, unknown>;
			expect(expectSameAsZod(Inquiry, assigned)).toBe(true);
			expect(Object.keys(compileReader(Inquiry)!(assigned) as object).slice(-2)).toEqual([
				'context',
				'assignment',
			]);
		}
	});

	/** Every path to a value inside an inquiry (not inside `raw`, which zod does not look into). */
	function pathsOf(
		value: unknown,
		prefix: Array<string | number> = [],
	): Array<Array<string | number>> {
		if (value === null || typeof value !== 'object' || prefix[0] === 'raw') return [prefix];
		const keys: Array<string | number> = Array.isArray(value)
			? value.map((_, i) => i)
			: Object.keys(value);
		return [
			prefix,
			...keys.flatMap((key) =>
				pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
			),
		];
	}

	const replacement = fc.oneof(
		fc.constantFrom(
			undefined,
			null,
			NaN,
			0,
			1,
			-1,
			2.5,
			'',
			'x',
			'normal',
			'form',
			'entry',
			true,
			false,
			[],
			{},
			[1],
			{ x: 1 },
			new Date(0),
		),
		fc.anything({ maxDepth: 2 }),
	);

	it('agrees with zod when any part of an inquiry is changed, removed or added to', () => {
		fc.assert(
			fc.property(
				fc.nat(),
				fc.nat(),
				replacement,
				fc.constantFrom('replace', 'delete', 'addKey'),
				(pick, pathPick, value, action) => {
					const inquiry = structuredClone(inquiries[pick % inquiries.length]);
					const paths = pathsOf(inquiry).filter((path) => path.length > 0);
					const path = paths[pathPick % paths.length];
					const parent = path
						.slice(0, -1)
						.reduce<unknown>(
							(node, key) => (node as Record<string | number, unknown>)[key],
							inquiry,
						) as Record<string | number, unknown>;
					const key = path[path.length - 1];
					if (action === 'delete') delete parent[key];
					else if (action === 'addKey' && parent[key] !== null && typeof parent[key] === 'object')
						(parent[key] as Record<string, unknown>).addedKey = value;
					else parent[key] = value;
					expectSameAsZod(Inquiry, inquiry);
				},
			),
			{ numRuns: 3000 },
		);
	});
});
