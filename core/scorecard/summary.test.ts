import { InquiryError } from '../shared/errors';
import { readLedgerRow } from './ledger';
import { summarizePeriod } from './summary';
import { ASSIGNMENT, FULL_JOURNEY, journey } from './test/journey';
import { PERIOD, PERIOD_ROWS } from './test/period';
import { median, percentile } from './stats';

describe('summarizePeriod on a known week', () => {
	const summary = summarizePeriod(PERIOD_ROWS, PERIOD);

	it('counts the period, by channel, source and furthest stage', () => {
		expect(summary.inquiries).toBe(8);
		expect(summary.outsidePeriod).toBe(1);
		expect(summary.entered).toBe(7);
		expect(summary.period).toEqual({
			from: '2026-05-04T00:00:00.000Z',
			to: '2026-05-11T00:00:00.000Z',
			firstReceivedAt: '2026-05-04T14:00:00.000Z',
			lastReceivedAt: '2026-05-10T09:00:00.000Z',
		});
		expect(summary.byChannel).toEqual({ form: 4, call: 1, chat: 1, missed_call: 1, email: 1 });
		expect(summary.bySource).toEqual({ typeform: 3, twilio: 2, jotform: 1, intercom: 1, gmail: 1 });
		expect(summary.byStage).toEqual({
			entry: 1,
			transfer: 0,
			context: 0,
			trigger: 2,
			tracking: 5,
			none: 0,
		});
	});

	it('builds the funnel from the checks that passed', () => {
		expect(summary.funnel.map((step) => [step.check, step.passed])).toEqual([
			['entry', 7],
			['transfer', 5],
			['context', 6],
			['trigger', 6],
			['visibility', 4],
		]);
		expect(summary.checks.visibility).toEqual({ pass: 4, fail: 1, not_reached: 3 });
	});

	it('counts leaks (entered, neither verified nor alerted), their rate and the worst leaking stage', () => {
		expect(summary.leaks).toEqual({
			count: 3,
			rate: 0.4286,
			byChannel: { chat: 1, missed_call: 1, form: 1 },
			byStage: { transfer: 2, visibility: 1 },
		});
		expect(summary.worstLeakingStage).toEqual({ check: 'transfer', label: 'Transfer', leaks: 2 });
	});

	it('reports median and p90 time to owner and to verified record', () => {
		// To owner: 4, 10, 2, 30, 60, 240 minutes; to verified: 6, 12, 20.
		expect(summary.timeToOwner).toMatchObject({ count: 6, medianMinutes: 20, p90Minutes: 240 });
		expect(summary.timeToOwner.histogram).toEqual([
			{ label: '< 5 min', count: 2 },
			{ label: '5–15 min', count: 1 },
			{ label: '15–60 min', count: 1 },
			{ label: '1–4 h', count: 1 },
			{ label: '4–24 h', count: 1 },
			{ label: '> 1 day', count: 0 },
		]);
		expect(summary.timeToVerified).toEqual({ count: 3, medianMinutes: 12, p90Minutes: 20 });
	});

	it('counts SLA breaches, unassigned and needs-context inquiries', () => {
		expect(summary.slaBreaches).toBe(2);
		expect(summary.unassigned).toBe(1);
		expect(summary.needsContext).toBe(1);
		expect(summary.unreachable).toBe(0);
	});

	it('scores the period by the level 8 in 10 entered inquiries reach, with the mean for trends', () => {
		// Entered scores 5, 5, 4, 3, 4, 5, 3: 5 of 7 (71%) reach 4, all reach 3; mean 29 / 7.
		// F (rejected at entry) is in neither the level, the mean nor the distribution.
		expect(summary.score).toEqual({
			average: 4.1,
			level: 3,
			label: 'Partial continuity, weak action',
			distribution: { 1: 0, 2: 0, 3: 2, 4: 2, 5: 3 },
		});
	});
});

describe('the three clocks of the known week (wall-clock minutes: no calendar given)', () => {
	const { clocks } = summarizePeriod(PERIOD_ROWS, PERIOD);

	it('times inquiry → owner and inquiry → first contact over the assigned inquiries', () => {
		// To owner: A 4, B 10, C 2, E 30, G 60, I 240 → median (10 + 30) / 2, p90 the 6th of 6.
		expect(clocks.all.toAssign).toEqual({ count: 6, medianMinutes: 20, p90Minutes: 240 });
		// To contact: A 20, B 90, C 10, E 40, G 90, I 270 → median (40 + 90) / 2, p90 270.
		expect(clocks.all.toContact).toEqual({ count: 6, medianMinutes: 65, p90Minutes: 270 });
		// Nobody pressed "I've got it" that week.
		expect(clocks.all.toClaim).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
		expect(clocks.minutes).toBe('wall');
	});

	it('counts the claims missed: B was first answered after its deadline', () => {
		expect(clocks.all).toMatchObject({
			inquiries: 8,
			assigned: 6,
			claimed: 0,
			contacted: 6,
			claimsMissed: 1,
			reassigned: 0,
		});
		expect(clocks.byChannel.call).toMatchObject({ inquiries: 1, claimsMissed: 1 });
		expect(clocks.byChannel.chat).toMatchObject({ inquiries: 1, assigned: 0 });
		expect(Object.keys(clocks.byOwner)).toEqual(['Ana Lopez']);
		expect(clocks.byOwner['Ana Lopez'].toAssign.count).toBe(6);
	});
});

describe('a ledger kept by appending rows (a Google Sheet): each inquiry counted once', () => {
	const NOW = new Date('2026-05-05T12:00:00.000Z');
	// X: a row at entry, a row after the verified handoff (unclaimed), a row the claim link appended.
	const appended = [
		{ ...PERIOD_ROWS[5], inquiryId: 'X', entryCheck: 'pass', score: 2 },
		{
			...PERIOD_ROWS[0],
			inquiryId: 'X',
			contactedAt: '',
			score: 4,
			visibilityCheck: 'not_reached',
		},
		{
			inquiryId: 'X',
			receivedAt: PERIOD_ROWS[0].receivedAt,
			acceptedAt: '2026-05-04T14:10:00.000Z',
		},
		{ ...PERIOD_ROWS[1], inquiryId: 'Y' },
	].map((row) => readLedgerRow(row, NOW));
	const summary = summarizePeriod(appended, { now: NOW });

	it('counts X once, in its latest state: claimed, so all five checks pass', () => {
		// Read alone: the second X row is past its deadline (4 May 15:00) unclaimed → 3; the third
		// carries no checks → 1.
		expect(appended.map((row) => row.score)).toEqual([2, 3, 1, 5]);
		expect(summary).toMatchObject({ inquiries: 2, entered: 2, superseded: 2, outsidePeriod: 0 });
		expect(summary.byChannel).toEqual({ form: 1, call: 1 });
		expect(summary.checks.visibility).toEqual({ pass: 2, fail: 0, not_reached: 0 });
	});

	it('averages and levels the same two inquiries', () => {
		expect(summary.score).toEqual({
			average: 5,
			level: 5,
			label: 'Visibly reducing leakage',
			distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 2 },
		});
		expect(summary.clocks.all).toMatchObject({ inquiries: 2, claimed: 1 });
		// X claimed 14:10, assigned 14:04: the owner's delay is 6 minutes.
		expect(summary.clocks.all.toClaim).toEqual({ count: 1, medianMinutes: 6, p90Minutes: 6 });
	});
});

describe('summarizePeriod edges', () => {
	it('takes full inquiries too, and an open period takes everything', () => {
		const inquiry = journey(FULL_JOURNEY, {
			assignment: ASSIGNMENT,
			contactedAt: '2026-05-04T14:20:00.000Z',
		});
		const summary = summarizePeriod([inquiry, ...PERIOD_ROWS.slice(0, 1)], { now: PERIOD.now });
		expect(summary.inquiries).toBe(2);
		expect(summary.score.level).toBe(5);
		expect(summary.timeToOwner.medianMinutes).toBe(3);
		expect(summary.period).toMatchObject({ from: null, to: null });
	});

	it('reports an empty period without dividing by zero', () => {
		const summary = summarizePeriod([], PERIOD);
		expect(summary).toMatchObject({
			inquiries: 0,
			entered: 0,
			leaks: { count: 0, rate: 0 },
			worstLeakingStage: null,
		});
		expect(summary.score).toMatchObject({ average: null, level: null, label: 'No inquiries' });
		expect(summary.timeToOwner.medianMinutes).toBeNull();
	});

	it('counts a handoff verified late as an SLA breach, and an unanswered inquiry only once its deadline passed', () => {
		const late = { ...PERIOD_ROWS[0], inquiryId: 'late', handoffStatus: 'late' };
		const open = {
			...PERIOD_ROWS[0],
			inquiryId: 'open',
			contactedAt: '',
			respondBy: '2026-05-11T10:00:00.000Z',
		};
		expect(summarizePeriod([late, open], PERIOD).slaBreaches).toBe(1);
	});

	it('refuses a period that ends before it starts', () => {
		expect(() =>
			summarizePeriod([], { from: PERIOD.to, to: PERIOD.from, now: PERIOD.now }),
		).toThrow(InquiryError);
		expect(() => summarizePeriod([], { from: new Date('nope'), now: PERIOD.now })).toThrow(
			'the period start is not a date',
		);
	});
});

describe('the period score', () => {
	const week = (scores: number[]) =>
		summarizePeriod(
			scores.map((score, i) => ({ ...PERIOD_ROWS[0], inquiryId: `s${i}`, score })),
			PERIOD,
		).score.level;

	it('is 5 only when at least 80% of entered inquiries pass all five checks', () => {
		expect(week([5, 5, 5, 5, 4])).toBe(5);
		expect(week([5, 5, 5, 4, 4])).toBe(4);
		expect(week([5, 5, 5, 5, 5, 5, 5, 5, 1, 1])).toBe(5);
		expect(week([5, 5, 5, 5, 5, 5, 5, 1, 1, 1])).toBe(1);
		expect(week([2, 2, 2, 2, 3])).toBe(2);
	});

	it('leaves inquiries rejected at entry out', () => {
		const rejected = { ...PERIOD_ROWS[5] };
		const rows = [PERIOD_ROWS[0], rejected, rejected, rejected].map((row, i) => ({
			...row,
			inquiryId: `r${i}`,
		}));
		// One entered inquiry scoring 5; the three rejected ones (score 1) count in none of the three.
		expect(summarizePeriod(rows, PERIOD).score).toMatchObject({
			level: 5,
			average: 5,
			distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 },
		});
	});
});

describe('median and p90', () => {
	it('use the middle (mean of two for even counts) and the nearest rank', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
		expect(percentile([7], 90)).toBe(7);
		expect(median([])).toBeNull();
	});
});
