import { AssignmentSession } from './assignOwner';
import type { RoutingState } from './state';
import { config, inquiry, MON_10AM_NY, owner } from './test/fixtures';

const claimFor = (
	owners: Parameters<typeof config>[0],
	changes: Parameters<typeof config>[1] = {},
	state?: RoutingState,
) =>
	new AssignmentSession(config(owners, changes), state).assignForClaim(inquiry(), {
		now: MON_10AM_NY,
	});

describe('assignForClaim', () => {
	it('offers every eligible owner of a round robin in roster order, each with their own assignment', () => {
		const { result, claim } = claimFor([
			owner('Ana', { capPerDay: 40 }),
			owner('ben', { outOfOffice: [{ start: '2026-03-02', end: '2026-03-02' }] }),
			owner('cara'),
		]);
		expect(claim?.day).toBe('2026-03-02');
		expect(
			claim?.candidates.map((c) => [c.ownerKey, c.weight, c.capPerDay, c.assignment.owner?.id]),
		).toEqual([
			['ana', 1, 40, 'Ana'],
			['cara', 1, undefined, 'cara'],
		]);
		expect(claim?.candidates[0].assignment).toEqual(result);
		const cara = claim!.candidates[1].assignment;
		expect(cara.reason).toContain('Cara');
		expect(cara.reason).not.toContain('Ana');
		expect(cara.reasons.find((r) => r.code === 'picked')?.ownerId).toBe('cara');
		expect(cara.respondBy).toBe(result.respondBy);
	});

	it('gives each candidate its roster weight under "weighted", and 1 under round robin', () => {
		const owners = [owner('ana', { weight: 3 }), owner('ben', { weight: 1 })];
		const weights = (strategy: 'weighted' | 'round_robin') =>
			claimFor(owners, { strategy }).claim?.candidates.map((c) => c.weight);
		expect(weights('weighted')).toEqual([3, 1]);
		expect(weights('round_robin')).toEqual([1, 1]);
	});

	it('leaves out an owner the stored daily counts show at their cap: the stage still decides eligibility', () => {
		const state: RoutingState = {
			version: 1,
			credits: {},
			sticky: {},
			assigned: 2,
			daily: { day: '2026-03-02', counts: { ana: 2 } },
		};
		const { claim } = claimFor([owner('ana', { capPerDay: 2 }), owner('ben')], {}, state);
		expect(claim?.candidates.map((c) => c.ownerKey)).toEqual(['ben']);
	});

	it('offers only the one owner a contact hash names: the store counts that owner, it does not choose', () => {
		const { result, claim } = claimFor([owner('ana'), owner('ben'), owner('cara')], {
			strategy: 'hash',
		});
		expect(claim?.candidates.map((c) => c.ownerKey)).toEqual([result.owner?.id]);
	});

	it('has no claim when nobody can take the inquiry', () => {
		const { result, claim } = claimFor([owner('ana', { active: false })]);
		expect(result.status).toBe('unassigned');
		expect(claim).toBeUndefined();
	});
});

describe('a hold', () => {
	it('offers everyone back first as the turn, so held inquiries rotate too', () => {
		const evening = new Date('2026-03-02T23:00:00.000Z');
		const session = new AssignmentSession(
			config([owner('ana'), owner('ben')], { holdUntilAvailable: true, maxHoldMinutes: 24 * 60 }),
		);
		const { result, claim } = session.assignForClaim(
			inquiry({ receivedAt: evening.toISOString() }),
			{ now: evening },
		);
		expect(result.strategy).toBe('next_available');
		expect(claim?.pool).toBe('*');
		expect(claim?.candidates.map((c) => c.ownerKey)).toEqual(['ana', 'ben']);
	});
});
