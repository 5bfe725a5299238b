import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { BUILT_IN_PROFILES } from '../../core/context/builtins';
import { checkInquiryContext } from '../../core/context/stage';
import { normalizeInquiry } from '../../core/inquiry/normalizeInquiry';
import { Inquiry } from '../../core/inquiry/schema';
import { AssignmentSession, withAssignment } from '../../core/ownership/assignOwner';
import { compileReader } from '../../core/shared/fastParse';
import { expectSameAsZod } from '../../core/shared/test/sameAsZod';

/**
 * The shared layer's schema reader (core/shared/fastParse) against the one schema it exists for:
 * real inquiries from every stage. It lives here, above the layers, because it needs them all.
 */
it('agrees with zod on arbitrary values', () => {
	fc.assert(
		fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
			expectSameAsZod(Inquiry, value);
		}),
		{ numRuns: 500 },
	);
});

describe('compileReader on the inquiry schema', () => {
	const dir = join(__dirname, '../fixtures/vendor-payloads');
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
