import { checkInquiry } from './checks';
import type { Step } from './test/journey';
import { FULL_JOURNEY, journey } from './test/journey';

const checksOf = (steps: Step[]) => checkInquiry(journey(steps));
const one = (steps: Step[], name: string) => {
	const found = checksOf(steps).find((c) => c.check === name);
	if (!found) throw new Error(`no ${name} check`);
	return found;
};

describe('checkInquiry: the five checks from the trail', () => {
	it('returns the checklist in the article order, all passing with evidence on the happy path', () => {
		const checks = checksOf(FULL_JOURNEY);
		expect(checks.map((c) => `${c.check}:${c.status}`)).toEqual([
			'entry:pass',
			'transfer:pass',
			'context:pass',
			'trigger:pass',
			'visibility:pass',
		]);
		expect(checks[1].evidence).toEqual({
			node: 'Verify Inquiry Handoff',
			at: '2026-05-04T14:03:00.000Z',
			outcome: 'written',
			detail: 'rec_42',
		});
		expect(checks[3].evidence).toEqual({
			node: 'Assign Inquiry Owner',
			at: '2026-05-04T14:02:00.000Z',
			outcome: 'assigned',
			detail: 'ana (round_robin)',
		});
	});

	it('marks every check not reached on an empty trail, without evidence', () => {
		const checks = checksOf([]);
		expect(checks.map((c) => c.status)).toEqual(Array(5).fill('not_reached'));
		expect(checks.every((c) => c.evidence === undefined && c.why.length > 10)).toBe(true);
	});

	describe('entry', () => {
		it.each([
			['invalid', 'without a usable way to reach'],
			['rejected', 'rejected at the door'],
			['needs_lookup', 'Only ids arrived'],
		] as const)('fails on %s with the entry as evidence', (outcome, why) => {
			const check = one([['entry', outcome]], 'entry');
			expect(check.status).toBe('fail');
			expect(check.evidence).toEqual({
				node: 'Normalize Inquiry',
				at: '2026-05-04T14:00:00.000Z',
				outcome,
			});
			expect(check.why).toContain(why);
		});

		it('passes when a lookup was followed by a normalized entry (the latest entry counts)', () => {
			const check = one(
				[
					['entry', 'needs_lookup'],
					['entry', 'normalized'],
				],
				'entry',
			);
			expect(check).toMatchObject({
				status: 'pass',
				evidence: { outcome: 'normalized', at: '2026-05-04T14:01:00.000Z' },
			});
		});
	});

	describe('transfer passes only with a handoff receipt', () => {
		it('does not pass on an assignment or a verification alone', () => {
			expect(
				one(
					[
						['entry', 'normalized'],
						['trigger', 'assigned'],
					],
					'transfer',
				).status,
			).toBe('not_reached');
		});

		it.each(['missing', 'error'] as const)(
			'fails when the read-back says %s, with that receipt as evidence',
			(outcome) => {
				const check = one(
					[
						['entry', 'normalized'],
						['tracking', outcome, 'HubSpot'],
					],
					'transfer',
				);
				expect(check).toMatchObject({
					status: 'fail',
					evidence: { node: 'Verify Inquiry Handoff', outcome, detail: 'HubSpot' },
				});
			},
		);

		it('passes when a record was written even though a later read-back found a mismatch', () => {
			const check = one(
				[
					['entry', 'normalized'],
					['transfer', 'written'],
					['tracking', 'mismatch'],
				],
				'transfer',
			);
			expect(check).toMatchObject({ status: 'pass', evidence: { outcome: 'written' } });
		});
	});

	describe('context', () => {
		it.each([
			['needs_context', 'Required details are missing'],
			['unreachable', 'no valid way to reach'],
		] as const)('fails on %s', (outcome, why) => {
			const check = one(
				[
					['entry', 'normalized'],
					['context', outcome, 'missing service'],
				],
				'context',
			);
			expect(check).toMatchObject({
				status: 'fail',
				evidence: { node: 'Check Inquiry Context', outcome, detail: 'missing service' },
			});
			expect(check.why).toContain(why);
		});

		it('passes when a follow-up completed it (the latest check counts)', () => {
			expect(
				one(
					[
						['context', 'needs_context'],
						['context', 'complete'],
					],
					'context',
				).status,
			).toBe('pass');
		});
	});

	describe('trigger', () => {
		it('fails when nobody could take it', () => {
			const check = one(
				[
					['entry', 'normalized'],
					['trigger', 'unassigned', 'all_off_hours'],
				],
				'trigger',
			);
			expect(check).toMatchObject({
				status: 'fail',
				evidence: { outcome: 'unassigned', detail: 'all_off_hours' },
			});
		});

		it('passes when an unassigned inquiry was later reassigned by a person or the sweep', () => {
			expect(
				one(
					[
						['trigger', 'unassigned'],
						['trigger', 'reassigned', 'ben'],
					],
					'trigger',
				),
			).toMatchObject({
				status: 'pass',
				evidence: { outcome: 'reassigned', detail: 'ben' },
			});
		});
	});

	describe('visibility passes only on verified, or on a failure that was alerted', () => {
		it.each(['missing', 'mismatch', 'late', 'error'] as const)(
			'fails on an unalerted %s receipt',
			(outcome) => {
				const check = one(
					[
						['entry', 'normalized'],
						['transfer', 'written'],
						['tracking', outcome],
					],
					'visibility',
				);
				expect(check).toMatchObject({
					status: 'fail',
					evidence: { outcome, at: '2026-05-04T14:02:00.000Z' },
				});
				expect(check.why).toBe('The handoff failed and nobody was alerted.');
			},
		);

		it('passes when the failure was alerted, with the alert as evidence', () => {
			const check = one(
				[
					['entry', 'normalized'],
					['tracking', 'late'],
					['tracking', 'alerted', 'Slack #leads'],
				],
				'visibility',
			);
			expect(check).toMatchObject({
				status: 'pass',
				evidence: { outcome: 'alerted', detail: 'Slack #leads', at: '2026-05-04T14:02:00.000Z' },
			});
		});

		it('fails when a newer failure came after an older alert', () => {
			const check = one(
				[
					['tracking', 'missing'],
					['tracking', 'alerted'],
					['tracking', 'error'],
				],
				'visibility',
			);
			expect(check).toMatchObject({ status: 'fail', evidence: { outcome: 'error' } });
		});

		it('passes when a retry verified the record after a failure', () => {
			expect(
				one(
					[
						['tracking', 'missing'],
						['tracking', 'verified'],
					],
					'visibility',
				).status,
			).toBe('pass');
		});

		it('ignores sweep entries: a stalled flag is not a verification', () => {
			expect(
				one(
					[
						['entry', 'normalized'],
						['tracking', 'stalled'],
					],
					'visibility',
				).status,
			).toBe('not_reached');
		});
	});
});
