import type { CheckName, CheckStatus } from './checks';
import { CHECKS, checkInquiry } from './checks';
import { SCORE_LABELS, scoreChecks } from './score';
import { FULL_JOURNEY, journey } from './test/journey';

const withPassing = (...passing: CheckName[]) =>
	CHECKS.map((check) => ({
		check,
		status: (passing.includes(check) ? 'pass' : 'fail') as CheckStatus,
	}));

describe('scoreChecks: the article scorecard, 1 to 5', () => {
	it.each([
		[5, ['entry', 'transfer', 'context', 'trigger', 'visibility']],
		[4, ['entry', 'transfer', 'trigger', 'visibility']],
		[4, ['entry', 'transfer', 'context', 'trigger']],
		[3, ['entry', 'transfer', 'context', 'visibility']],
		[3, ['entry', 'trigger']],
		[3, ['entry', 'visibility']],
		[2, ['entry']],
		[1, []],
		[1, ['transfer', 'context', 'trigger', 'visibility']],
	] as [number, CheckName[]][])('scores %i when %j pass', (score, passing) => {
		expect(scoreChecks(withPassing(...passing))).toBe(score);
	});

	// Every combination, worked out by hand from the rule (Entry, then Transfer and Trigger, then any second check).
	// With Entry passing: the other four as T(ransfer) C(ontext) G (triGger) V(isibility), "-" when failing.
	it.each([
		['----', 2],
		['T---', 3],
		['-C--', 3],
		['--G-', 3],
		['---V', 3],
		['TC--', 3],
		['T-G-', 4],
		['T--V', 3],
		['-CG-', 3],
		['-C-V', 3],
		['--GV', 3],
		['TCG-', 4],
		['TC-V', 3],
		['T-GV', 4],
		['-CGV', 3],
		['TCGV', 5],
	] as [string, number][])('with Entry, %s scores %i; without Entry, 1', (others, score) => {
		const passing = (['transfer', 'context', 'trigger', 'visibility'] as CheckName[]).filter(
			(_, i) => others[i] !== '-',
		);
		expect(scoreChecks(withPassing('entry', ...passing))).toBe(score);
		expect(scoreChecks(withPassing(...passing))).toBe(1);
	});

	it('uses the article wording for each level', () => {
		expect(SCORE_LABELS).toEqual({
			1: 'Disconnected systems',
			2: 'Disconnected systems',
			3: 'Partial continuity, weak action',
			4: 'Strong integration support',
			5: 'Visibly reducing leakage',
		});
	});

	it('treats not reached like fail', () => {
		const checks = withPassing('entry', 'transfer', 'trigger').map((c) =>
			c.status === 'fail' ? { ...c, status: 'not_reached' as const } : c,
		);
		expect(scoreChecks(checks)).toBe(4);
	});

	it('is monotone: passing one more check never lowers the score (all 32 combinations)', () => {
		for (let mask = 0; mask < 32; mask++) {
			const passing = CHECKS.filter((_, i) => mask & (1 << i));
			const score = scoreChecks(withPassing(...passing));
			for (const extra of CHECKS.filter((c) => !passing.includes(c)))
				expect(scoreChecks(withPassing(...passing, extra))).toBeGreaterThanOrEqual(score);
		}
	});

	it('scores real journeys end to end from their trails', () => {
		expect(scoreChecks(checkInquiry(journey(FULL_JOURNEY)))).toBe(5);
		expect(
			scoreChecks(
				checkInquiry(
					journey([
						['entry', 'normalized'],
						['context', 'needs_context'],
						['trigger', 'assigned'],
						['transfer', 'written'],
						['tracking', 'verified'],
					]),
				),
			),
		).toBe(4);
		expect(
			scoreChecks(
				checkInquiry(
					journey([
						['entry', 'normalized'],
						['context', 'complete'],
						['trigger', 'unassigned'],
					]),
				),
			),
		).toBe(3);
		expect(scoreChecks(checkInquiry(journey([['entry', 'normalized']])))).toBe(2);
		expect(scoreChecks(checkInquiry(journey([['entry', 'rejected']])))).toBe(1);
	});
});
