import fc from 'fast-check';
import { z } from 'zod';
import { compileReader, UNDECIDED } from './fastParse';
import { expectSameAsZod } from './test/sameAsZod';

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
			}),
			{ numRuns: 500 },
		);
	});
});
