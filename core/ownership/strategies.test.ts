import type { Candidate } from './strategies';
import { fnv1a, hashPick, leastLoadedPick, smoothWeightedPick } from './strategies';

const candidate = (key: string, weight = 1): Candidate => ({ key, weight, seed: fnv1a(key) });
const byWeight = (c: Candidate) => c.weight;

function sequence(
	candidates: Candidate[],
	picks: number,
	credits = new Map<string, number>(),
): string {
	return Array.from(
		{ length: picks },
		() => smoothWeightedPick(candidates, credits, byWeight).key,
	).join('');
}

describe('smooth weighted round robin', () => {
	it('with equal weights visits owners in roster order', () => {
		expect(sequence([candidate('a'), candidate('b'), candidate('c')], 9)).toBe('abcabcabc');
	});

	it('interleaves a 5:2 split instead of sending blocks of five', () => {
		const seq = sequence([candidate('a', 5), candidate('b', 2)], 14);
		expect(seq).toBe('abaaabaabaaaba');
		expect(Math.max(...seq.split('b').map((run) => run.length))).toBeLessThanOrEqual(3);
	});

	it('keeps every credit within ± the total eligible weight without clamping a normal rotation', () => {
		const credits = new Map<string, number>();
		const owners = [candidate('a', 7), candidate('b', 1), candidate('c', 3)];
		sequence(owners, 500, credits);
		for (const value of credits.values()) expect(Math.abs(value)).toBeLessThan(11);
		expect([...credits.values()].reduce((a, b) => a + b, 0)).toBe(0);
	});

	it('counts a banked credit only up to one round, so a stale huge credit buys one extra turn', () => {
		const credits = new Map([['b', 1000]]);
		const seq = sequence([candidate('a'), candidate('b'), candidate('c')], 30, credits);
		expect(seq.slice(0, 6)).toBe('babcab');
		expect([...'abc'].map((k) => seq.split(k).length - 1)).toEqual([10, 11, 9]);
	});
});

describe('least loaded', () => {
	it('picks the lowest load and rotates among ties', () => {
		const owners = [candidate('a'), candidate('b'), candidate('c')];
		const load = new Map([
			['a', 3],
			['b', 0],
			['c', 1],
		]);
		const credits = new Map<string, number>();
		const picks: string[] = [];
		for (let i = 0; i < 5; i++) {
			const pick = leastLoadedPick(owners, (c) => load.get(c.key) ?? 0, credits);
			load.set(pick.key, (load.get(pick.key) ?? 0) + 1);
			picks.push(pick.key);
		}
		expect(picks.join('')).toBe('bbccb');
		expect([...load.values()]).toEqual([3, 3, 3]);
	});
});

describe('hash (weighted rendezvous)', () => {
	const owners = [candidate('ana', 1), candidate('ben', 1), candidate('cara', 2)];
	const contacts = Array.from({ length: 4000 }, (_, i) => `email:person${i}@example.com`);

	it('gives the same contact the same owner, whatever the roster order', () => {
		for (const contact of contacts.slice(0, 200)) {
			expect(hashPick(owners, contact, byWeight).key).toBe(
				hashPick([...owners].reverse(), contact, byWeight).key,
			);
		}
	});

	it('splits contacts in proportion to weight', () => {
		const counts: Record<string, number> = { ana: 0, ben: 0, cara: 0 };
		for (const contact of contacts) counts[hashPick(owners, contact, byWeight).key]++;
		expect(counts.ana / 4000).toBeGreaterThan(0.22);
		expect(counts.ana / 4000).toBeLessThan(0.28);
		expect(counts.ben / 4000).toBeGreaterThan(0.22);
		expect(counts.ben / 4000).toBeLessThan(0.28);
		expect(counts.cara / 4000).toBeGreaterThan(0.47);
		expect(counts.cara / 4000).toBeLessThan(0.53);
	});

	it('moves only the contacts of an owner who drops out', () => {
		const without = owners.filter((o) => o.key !== 'ben');
		let moved = 0;
		for (const contact of contacts) {
			const before = hashPick(owners, contact, byWeight).key;
			const after = hashPick(without, contact, byWeight).key;
			if (before !== 'ben') expect(after).toBe(before);
			else moved++;
		}
		expect(moved).toBeGreaterThan(800);
	});
});
