import type { CheckName, CheckStatus } from './checks';
import { CHECKS } from './checks';
import type { ClaimFacts } from './claims';
import { claimMissed, readLoopColumns, withClaimChecks } from './claims';
import { scoreChecks } from './score';

const ALL_PASS = CHECKS.map((check) => ({ check, status: 'pass' as CheckStatus, why: 'ok' }));
const ASSIGNED: ClaimFacts = {
	assigned: true,
	respondBy: '2026-05-04T15:00:00.000Z',
	acceptedAt: '',
	contactedAt: '',
	escalatedAt: '',
};
const BEFORE = new Date('2026-05-04T14:59:00.000Z');
const AFTER = new Date('2026-05-04T15:01:00.000Z');
const statusOf = (checks: { check: CheckName; status: CheckStatus }[], name: CheckName) =>
	checks.find((c) => c.check === name)?.status;

describe('withClaimChecks', () => {
	it('leaves an inquiry the owner claimed or contacted as it was: 5', () => {
		for (const acted of [
			{ acceptedAt: '2026-05-04T14:10:00Z' },
			{ contactedAt: '2026-05-04T16:00:00Z' },
		]) {
			const checks = withClaimChecks(ALL_PASS, { ...ASSIGNED, ...acted }, AFTER);
			expect(checks).toEqual(ALL_PASS);
			expect(scoreChecks(checks)).toBe(5);
		}
	});

	it('assigned, not claimed, deadline ahead: Visibility not reached, score 4', () => {
		const checks = withClaimChecks(ALL_PASS, ASSIGNED, BEFORE);
		expect(statusOf(checks, 'trigger')).toBe('pass');
		expect(checks.find((c) => c.check === 'visibility')).toEqual({
			check: 'visibility',
			status: 'not_reached',
			why: 'Nobody has claimed it or contacted the person yet.',
		});
		expect(scoreChecks(checks)).toBe(4);
	});

	it('assigned and never claimed or contacted by the deadline: Trigger fails, score 3', () => {
		const checks = withClaimChecks(ALL_PASS, ASSIGNED, AFTER);
		expect(statusOf(checks, 'trigger')).toBe('fail');
		expect(statusOf(checks, 'visibility')).toBe('not_reached');
		expect(scoreChecks(checks)).toBe(3);
	});

	it('without a time it cannot tell the deadline passed: not reached, never failed', () => {
		expect(statusOf(withClaimChecks(ALL_PASS, ASSIGNED), 'trigger')).toBe('pass');
	});

	it('a missed claim escalated to the manager is visible', () => {
		const checks = withClaimChecks(
			ALL_PASS,
			{ ...ASSIGNED, escalatedAt: '2026-05-04T15:01:00Z' },
			AFTER,
		);
		expect(checks.find((c) => c.check === 'visibility')).toMatchObject({
			status: 'pass',
			why: 'ok The missed claim was escalated to the manager.',
		});
		expect(statusOf(checks, 'trigger')).toBe('fail');
	});

	it('leaves unassigned inquiries and failed handoffs alone', () => {
		const failed = ALL_PASS.map((c) =>
			c.check === 'visibility' ? { ...c, status: 'fail' as CheckStatus } : c,
		);
		expect(withClaimChecks(ALL_PASS, { ...ASSIGNED, assigned: false }, AFTER)).toEqual(ALL_PASS);
		expect(statusOf(withClaimChecks(failed, ASSIGNED, BEFORE), 'visibility')).toBe('fail');
	});
});

describe('claimMissed', () => {
	it('is true only past a readable deadline with nobody acting', () => {
		expect(claimMissed(ASSIGNED, AFTER)).toBe(true);
		expect(claimMissed(ASSIGNED, BEFORE)).toBe(false);
		expect(claimMissed({ ...ASSIGNED, respondBy: '' }, AFTER)).toBe(false);
		expect(claimMissed({ ...ASSIGNED, contactedAt: '2026-05-04T16:00:00Z' }, AFTER)).toBe(false);
	});
});

describe('readLoopColumns', () => {
	it('keeps the written cells: dates as ISO text, hops as a whole number', () => {
		expect(
			readLoopColumns({
				acceptedAt: new Date('2026-05-04T14:10:00.000Z'),
				hops: '2',
				passedBy: ' ana,bo ',
				reassignedAt: '',
				escalatedAt: null,
			}),
		).toEqual({ acceptedAt: '2026-05-04T14:10:00.000Z', hops: 2, passedBy: 'ana,bo' });
		expect(readLoopColumns({ hops: 'x' })).toEqual({});
		expect(readLoopColumns({ hops: 0 })).toEqual({});
	});
});
