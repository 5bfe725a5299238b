import { assignOwner, AssignmentSession } from './assignOwner';
import type { AssignConfigInput } from './config';
import type { RoutingState } from './state';
import { config as baseConfig, inquiry, MON_10AM_NY, owner } from './test/fixtures';

/**
 * Fairness over long sequences, through the real entry point with state carried from one
 * assignment to the next, as the node carries it between executions.
 */

function run(
	cfg: AssignConfigInput,
	picks: number,
	state?: RoutingState,
	now = MON_10AM_NY,
	from = 0,
) {
	let current = state;
	const order: string[] = [];
	for (let i = 0; i < picks; i++) {
		const { result, state: next } = assignOwner(inquiry({ n: from + i }), cfg, current, { now });
		order.push(result.owner?.id ?? '-');
		current = next;
	}
	return { order, state: current as RoutingState, counts: countOf(order) };
}

/** Sticky memory is covered elsewhere; off here, every inquiry is a new contact anyway. */
const config: typeof baseConfig = (owners, changes = {}) =>
	baseConfig(owners, { sticky: false, ...changes });

const countOf = (order: string[]) =>
	order.reduce<Record<string, number>>((acc, id) => ({ ...acc, [id]: (acc[id] ?? 0) + 1 }), {});

describe('round robin', () => {
	it('gives 3 owners exactly 100 each over 300 sequential inquiries, in roster order', () => {
		const { order, counts } = run(baseConfig([owner('ana'), owner('ben'), owner('cara')]), 300);
		expect(counts).toEqual({ ana: 100, ben: 100, cara: 100 });
		expect(order.slice(0, 6)).toEqual(['ana', 'ben', 'cara', 'ana', 'ben', 'cara']);
	});

	it('ignores weights (weights are for the weighted strategy)', () => {
		const { counts } = run(config([owner('ana', { weight: 5 }), owner('ben')]), 10);
		expect(counts).toEqual({ ana: 5, ben: 5 });
	});
});

describe('weighted', () => {
	const weighted = (owners: ReturnType<typeof owner>[]) => config(owners, { strategy: 'weighted' });

	it('splits 5:2 exactly over 70 inquiries and interleaves (never more than 3 in a row)', () => {
		const { order, counts } = run(
			weighted([owner('ana', { weight: 5 }), owner('ben', { weight: 2 })]),
			70,
		);
		expect(counts).toEqual({ ana: 50, ben: 20 });
		expect(order.slice(0, 7).join(' ')).toBe('ana ben ana ana ana ben ana');
		expect(
			Math.max(
				...order
					.join(' ')
					.split('ben')
					.map((run) => run.trim().split(' ').filter(Boolean).length),
			),
		).toBe(3);
	});

	it('holds a 3:2:1 split exactly over 600 inquiries', () => {
		const { counts } = run(
			weighted([owner('a', { weight: 3 }), owner('b', { weight: 2 }), owner('c', { weight: 1 })]),
			600,
		);
		expect(counts).toEqual({ a: 300, b: 200, c: 100 });
	});
});

describe('roster changes', () => {
	it('adding an owner mid-sequence does not reset the others: the rotation continues where it was', () => {
		const three = [owner('ana'), owner('ben'), owner('cara')];
		const before = run(config(three), 31);
		expect(before.counts).toEqual({ ana: 11, ben: 10, cara: 10 });
		const after = run(config([...three, owner('dan')]), 40, before.state, MON_10AM_NY, 31);
		// Ben was next before Dan joined, and is still next: nobody is sent back to the start.
		expect(after.order[0]).toBe('ben');
		expect(after.counts).toEqual({ ana: 10, ben: 10, cara: 10, dan: 10 });
	});

	it("removing an owner keeps everyone else's standing", () => {
		const before = run(config([owner('ana'), owner('ben'), owner('cara'), owner('dan')]), 41);
		expect(before.counts).toEqual({ ana: 11, ben: 10, cara: 10, dan: 10 });
		const after = run(
			config([owner('ana'), owner('cara'), owner('dan')]),
			30,
			before.state,
			MON_10AM_NY,
			41,
		);
		// Ana was one ahead before Ben left; she stays even overall instead of starting over.
		expect(after.counts).toEqual({ ana: 9, cara: 11, dan: 10 });
		expect(countOf([...before.order, ...after.order])).toEqual({
			ana: 20,
			ben: 10,
			cara: 21,
			dan: 20,
		});
		expect(after.state.credits['*']).not.toHaveProperty('ben');
	});
});

describe('a rep returning from vacation', () => {
	const team = [
		owner('ana'),
		owner('ben'),
		owner('cara', { outOfOffice: [{ start: '2026-03-02', end: '2026-03-06' }] }),
		owner('dan'),
	];
	const week1 = new Date('2026-03-03T15:00:00Z'); // Tue, Cara away
	const week2 = new Date('2026-03-10T14:00:00Z'); // Tue 10:00 EDT, Cara back

	it('is skipped while away and gets an even share on return, not a flood of catch-up', () => {
		const away = run(config(team), 60, undefined, week1);
		expect(away.counts).toEqual({ ana: 20, ben: 20, dan: 20 });
		const back = run(config(team), 70, away.state, week2, 60);
		// A count-based rotation would owe Cara 20 turns; the bounded credit owes her none.
		expect(back.counts).toEqual({ ana: 18, ben: 18, cara: 17, dan: 17 });
		expect(back.order.slice(0, 8).join(' ')).not.toContain('cara cara');
	});

	it('works the same with weights: a returning 2-weight rep gets 2 of every 7, not more', () => {
		const cfg = (away: boolean) =>
			config([owner('ana', { weight: 5 }), owner('ben', { weight: 2, active: !away })], {
				strategy: 'weighted',
			});
		const without = run(cfg(true), 30);
		expect(without.counts).toEqual({ ana: 30 });
		const back = run(cfg(false), 70, without.state, MON_10AM_NY, 30);
		expect(back.counts).toEqual({ ana: 50, ben: 20 });
	});
});

describe('one session versus state passed between calls', () => {
	it("assigns identically: the session is just the node's batch form of assignOwner", () => {
		const cfg = config([owner('ana', { weight: 3 }), owner('ben'), owner('cara', { weight: 2 })], {
			strategy: 'weighted',
		});
		const session = new AssignmentSession(cfg);
		const batch = Array.from(
			{ length: 60 },
			(_, i) => session.assign(inquiry({ n: i }), { now: MON_10AM_NY }).owner?.id,
		);
		expect(batch).toEqual(run(cfg, 60).order);
		expect(session.state(MON_10AM_NY)).toEqual(run(cfg, 60).state);
	});
});

/**
 * n8n static data is loaded at the start of an execution and saved whole at the end, last writer
 * wins. These are the numbers in the node's docs: execution n either loads what n-1 saved, or
 * (overlapping) the same state n-1 loaded.
 */
describe('overlapping executions (the static-data model behind the docs table)', () => {
	function overlappingOrder(
		strategy: 'round_robin' | 'hash',
		overlaps: (n: number) => boolean,
	): string[] {
		const cfg = config([owner('ana'), owner('ben'), owner('cara')], {
			strategy,
			ownersWithoutHours: 'alwaysAvailable',
		});
		let saved: RoutingState | undefined;
		let loaded: RoutingState | undefined;
		const order: string[] = [];
		for (let n = 0; n < 300; n++) {
			if (!(n > 0 && overlaps(n))) loaded = saved;
			const { result, state } = assignOwner(inquiry({ n }), cfg, loaded, { now: MON_10AM_NY });
			order.push(result.owner?.id as string);
			saved = state;
		}
		return order;
	}
	function overlapping(strategy: 'round_robin' | 'hash', overlaps: (n: number) => boolean) {
		const order = overlappingOrder(strategy, overlaps);
		const counts = countOf(order);
		const repeats = order.filter((id, i) => id === order[i - 1]).length;
		const longest = Math.max(
			...order.map((_, i) => {
				let k = i;
				while (order[k + 1] === order[i]) k++;
				return k - i + 1;
			}),
		);
		return [counts.ana, counts.ben, counts.cara, repeats, longest];
	}
	const lcg = () => {
		let x = 1;
		return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
	};

	// In this model an overlapping execution loads what the one before it loaded, so it picks the
	// same owner: a repeat. Any other execution loads the turn the one before it saved, the next
	// owner in roster order. The expected values below follow from that alone.
	it('bursts of simultaneous executions give each burst to one owner', () => {
		expect([1, 2, 3, 5].map((k) => overlapping('round_robin', (n) => n % k !== 0))).toEqual([
			// No overlap: plain rotation.
			[100, 100, 100, 0, 1],
			// 150 bursts of 2, one owner each, in rotation: 50 bursts (100 inquiries) per owner; one repeat per burst.
			[100, 100, 100, 150, 2],
			// 100 bursts of 3: ana takes bursts 1, 4, … 100 (34 × 3 = 102), ben and cara 33 each (99); two repeats per burst.
			[102, 99, 99, 200, 3],
			// 60 bursts of 5: 20 per owner (100 each); four repeats per burst.
			[100, 100, 100, 240, 5],
		]);
	});

	it('random overlap repeats exactly the overlapping turns and never skips an owner', () => {
		for (const p of [0.1, 0.3, 0.5]) {
			const rand = lcg();
			const overlaps = Array.from({ length: 300 }, (_, n) => n > 0 && rand() < p);
			const [ana, ben, cara, repeats, longest] = overlapping('round_robin', (n) => overlaps[n]);
			expect(ana + ben + cara).toBe(300);
			// One repeat per overlapping execution; the longest run is the longest streak of overlaps plus the execution it repeats.
			expect(repeats).toBe(overlaps.filter(Boolean).length);
			const streaks = overlaps
				.map(String)
				.join('')
				.split('false')
				.map((run) => run.length / 'true'.length);
			expect(longest).toBe(Math.max(...streaks) + 1);
		}
	});

	it('random overlap keeps the rotation order: the owners, repeats removed, go ana, ben, cara, ana…', () => {
		const rand = lcg();
		const order = overlappingOrder('round_robin', () => rand() < 0.5);
		const turns = order.filter((id, i) => id !== order[i - 1]);
		expect(turns.slice(0, 6)).toEqual(['ana', 'ben', 'cara', 'ana', 'ben', 'cara']);
		expect(turns.every((id, i) => id === ['ana', 'ben', 'cara'][i % 3])).toBe(true);
	});

	it('contact hash is unaffected by overlap', () => {
		const rand = lcg();
		expect(overlapping('hash', () => rand() < 0.5)).toEqual(overlapping('hash', () => false));
		// A random split by contact: each owner's count is binomial(300, 1/3), mean 100 and
		// standard deviation about 8; only a broken hash lands more than 50 away. Evenness over
		// thousands of contacts is strategies.test.ts's.
		const [ana, ben, cara] = overlapping('hash', () => false);
		expect(ana + ben + cara).toBe(300);
		for (const count of [ana, ben, cara]) expect(Math.abs(count - 100)).toBeLessThan(50);
	});
});
