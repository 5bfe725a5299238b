import type { People } from './answers';
import {
	CUSTOMER_REPLY_SHARE,
	customerReplies,
	modelPeople,
	ownerAnswer,
	repliesToFollowUp,
} from './answers';
import type { SimEvent } from './types';
import { percentile } from './observed';

const OWNERS = ['owner-1', 'owner-2', 'owner-3'];
/** One business minute per wall second, so answers read in minutes. */
const MINUTE_MS = 1000;
const people = modelPeople({ seed: 20260302, ownerIds: OWNERS, businessMinuteMs: MINUTE_MS });
const answersOf = (model: People, ownerId: string, count = 2000) =>
	Array.from({ length: count }, (_, n) => ownerAnswer(model, ownerId, `message-${n}`));

describe('modelPeople', () => {
	it('gives the same people for the same seed, and other habits for another', () => {
		const again = modelPeople({ seed: 20260302, ownerIds: OWNERS, businessMinuteMs: MINUTE_MS });
		const other = modelPeople({ seed: 7, ownerIds: OWNERS, businessMinuteMs: MINUTE_MS });
		expect(again).toEqual(people);
		expect(other.habits).not.toEqual(people.habits);
	});

	it('puts exactly one owner on holiday, whatever the seed', () => {
		for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
			const model = modelPeople({ seed, ownerIds: OWNERS, businessMinuteMs: MINUTE_MS });
			expect(model.habits.filter((habit) => habit.onHoliday)).toHaveLength(1);
		}
	});

	it('refuses a team of nobody and a clock that does not run', () => {
		expect(() => modelPeople({ seed: 1, ownerIds: [], businessMinuteMs: 1 })).toThrow(
			'at least one owner',
		);
		expect(() => modelPeople({ seed: 1, ownerIds: OWNERS, businessMinuteMs: 0 })).toThrow(
			'businessMinuteMs must be more than 0',
		);
	});
});

describe('ownerAnswer', () => {
	const holiday = people.habits.find((habit) => habit.onHoliday)!.ownerId;
	const working = people.habits.filter((habit) => !habit.onHoliday);

	it('answers one message the same way however often it is asked', () => {
		expect(ownerAnswer(people, working[0].ownerId, 'inq_1:owner')).toEqual(
			ownerAnswer(people, working[0].ownerId, 'inq_1:owner'),
		);
	});

	it('the owner on holiday and anyone not on the team answer nothing', () => {
		expect(
			answersOf(people, holiday, 200).every((answer) => answer.claimAfterMs === undefined),
		).toBe(true);
		expect(ownerAnswer(people, 'owner-9', 'inq_1:owner')).toEqual({});
	});

	it.each([0, 1])('working owner %s leaves between 3% and 14% of messages unanswered', (index) => {
		const silent = answersOf(people, working[index].ownerId).filter(
			(answer) => answer.claimAfterMs === undefined,
		).length;
		expect(silent / 2000).toBeGreaterThan(0.03);
		expect(silent / 2000).toBeLessThan(0.14);
	});

	it('claims after realistic delays: a median of 10–45 business minutes, a long tail, some past a 240-minute deadline', () => {
		for (const habit of working) {
			const delays = answersOf(people, habit.ownerId).flatMap((answer) =>
				answer.claimAfterMs === undefined ? [] : [answer.claimAfterMs / MINUTE_MS],
			);
			const median = percentile(delays, 50)!;
			expect(median).toBeGreaterThan(8);
			expect(median).toBeLessThan(55);
			expect(percentile(delays, 95)! / median).toBeGreaterThan(2.5);
			expect(delays.every((minutes) => minutes > 0)).toBe(true);
			expect(delays.filter((minutes) => minutes > 240).length).toBeGreaterThan(0);
		}
	});

	it('some owners mark the person contacted, always after their claim', () => {
		const answers = answersOf(people, working[0].ownerId).filter(
			(answer) => answer.claimAfterMs !== undefined,
		);
		const contacted = answers.filter((answer) => answer.contactAfterMs !== undefined);
		expect(contacted.length / answers.length).toBeGreaterThan(0.5);
		expect(contacted.length / answers.length).toBeLessThan(0.9);
		expect(contacted.every((answer) => answer.contactAfterMs! > answer.claimAfterMs!)).toBe(true);
	});

	it('plays the delays on the compressed clock: a quarter of a second per business minute is 240× faster', () => {
		const fast = modelPeople({ seed: 20260302, ownerIds: OWNERS, businessMinuteMs: 250 });
		const slow = ownerAnswer(people, working[0].ownerId, 'inq_1:owner');
		const quick = ownerAnswer(fast, working[0].ownerId, 'inq_1:owner');
		expect(quick.claimAfterMs).toBeCloseTo(slow.claimAfterMs! / 4, 6);
	});
});

describe('customerReplies', () => {
	it(`about ${CUSTOMER_REPLY_SHARE * 100}% of asked customers answer, the same on every reading`, () => {
		const replies = Array.from({ length: 2000 }, (_, n) =>
			customerReplies(people.seed, `seq-${n}`),
		);
		const share = replies.filter(Boolean).length / replies.length;
		expect(share).toBeGreaterThan(0.35);
		expect(share).toBeLessThan(0.45);
		expect(customerReplies(people.seed, 'seq-17')).toBe(replies[17]);
	});

	it('counts replies only from customers who were asked and whose delivery was taken in', () => {
		const asked = (seq: number, followUp: boolean) =>
			({ seq, expect: { followUp } }) as unknown as SimEvent;
		const events = Array.from({ length: 400 }, (_, n) => asked(n, n % 2 === 0));
		const answered = (status: (seq: number) => number) =>
			events.map((event) => ({ seq: event.seq, status: status(event.seq), attempts: 1 }));
		const day = { seed: 7, events };
		expect(
			repliesToFollowUp(
				day,
				answered(() => 503),
			),
		).toBe(0);
		expect(
			repliesToFollowUp(
				{ seed: 7, events: events.map((e) => asked(e.seq, false)) },
				answered(() => 200),
			),
		).toBe(0);
		// 150 asked and taken in (even seqs below 300), of 200 asked.
		const some = repliesToFollowUp(
			day,
			answered((seq) => (seq < 300 ? 200 : 503)),
		);
		const all = repliesToFollowUp(
			day,
			answered(() => 200),
		);
		expect(some).toBeGreaterThan(0.3 * 150);
		expect(some).toBeLessThan(0.5 * 150);
		expect(all).toBeGreaterThan(some);
		expect(all - some).toBeLessThanOrEqual(50);
	});
});
