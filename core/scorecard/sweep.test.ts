import { InquiryError } from '../shared/errors';
import type { LedgerRow } from './ledger';
import type { SweepSettings } from './sweep';
import { compileSweep, findStalled, formatMinutes, markSwept, sweepRow } from './sweep';
import { sweepItem } from './sweepItem';
import { ASSIGNMENT, journey } from './test/journey';
import { ledgerRow } from './test/rows';

/** Mon–Fri 09:00–17:00 in New York (EDT = UTC−4 in May). */
const BUSINESS: SweepSettings = {
	clock: 'business',
	assignWithinMinutes: 30,
	verifyWithinMinutes: 60,
	calendar: {
		timezone: 'America/New_York',
		hours: {
			mon: [{ start: '09:00', end: '17:00' }],
			tue: [{ start: '09:00', end: '17:00' }],
			wed: [{ start: '09:00', end: '17:00' }],
			thu: [{ start: '09:00', end: '17:00' }],
			fri: [{ start: '09:00', end: '17:00' }],
		},
		holidays: ['2026-05-25'],
	},
};
const WALL: SweepSettings = { clock: 'wall', assignWithinMinutes: 30, verifyWithinMinutes: 60 };
const business = compileSweep(BUSINESS);
const wall = compileSweep(WALL);

/** Friday 8 May 2026, 16:50 in New York: ten business minutes before closing. */
const FRIDAY_1650 = '2026-05-08T20:50:00.000Z';
const unassigned = ledgerRow({
	inquiryId: 'late-friday',
	receivedAt: FRIDAY_1650,
	ownerId: '',
	ownerName: '',
	assignedAt: '',
	respondBy: '',
	escalateAt: '',
	contactedAt: '',
	verifiedAt: '',
	triggerCheck: 'fail',
	visibilityCheck: 'not_reached',
});
const at = (iso: string) => new Date(iso);

describe('sweepRow on the business-hours clock', () => {
	it('does not count the weekend: a Friday 16:50 inquiry is due Monday 09:20', () => {
		expect(sweepRow(unassigned, business, at('2026-05-09T15:00:00Z'))).toEqual({
			status: 'healthy',
		});
		expect(sweepRow(unassigned, business, at('2026-05-11T13:19:00Z'))).toEqual({
			status: 'healthy',
		});
		expect(sweepRow(unassigned, business, at('2026-05-11T13:25:00Z'))).toEqual({
			status: 'stalled',
			reason: 'not_assigned',
			action: 'escalate',
			dueAt: '2026-05-11T13:20:00.000Z',
			overdueMinutes: 5,
			message:
				'The inquiry from Jane Roe (form) still has no owner, 5 min past the time allowed. Escalate so someone takes it.',
		});
	});

	it('on the wall clock the same inquiry is stalled on Friday night', () => {
		expect(sweepRow(unassigned, wall, at('2026-05-08T21:30:00Z'))).toMatchObject({
			status: 'stalled',
			reason: 'not_assigned',
			dueAt: '2026-05-08T21:20:00.000Z',
			overdueMinutes: 10,
		});
	});

	it('skips holidays: Friday before Memorial Day is due Tuesday', () => {
		const row = { ...unassigned, receivedAt: '2026-05-22T20:50:00.000Z' };
		expect(sweepRow(row, business, at('2026-05-25T18:00:00Z')).status).toBe('healthy');
		expect(sweepRow(row, business, at('2026-05-26T13:21:00Z'))).toMatchObject({
			status: 'stalled',
			dueAt: '2026-05-26T13:20:00.000Z',
		});
	});

	it('flags an owned but unverified inquiry once the verify time has passed on business hours → alert', () => {
		const row = ledgerRow({
			assignedAt: '2026-05-08T20:30:00.000Z',
			receivedAt: '2026-05-08T20:29:00.000Z',
			verifiedAt: '',
			visibilityCheck: 'not_reached',
			respondBy: '2026-05-11T14:00:00.000Z',
			escalateAt: '2026-05-11T15:00:00.000Z',
			contactedAt: '',
		});
		// 30 business minutes on Friday, 30 more on Monday from 09:00 → 09:30 EDT.
		expect(sweepRow(row, business, at('2026-05-11T13:29:00Z')).status).toBe('healthy');
		expect(sweepRow(row, business, at('2026-05-11T13:45:00Z'))).toMatchObject({
			status: 'stalled',
			reason: 'not_verified',
			action: 'alert',
			dueAt: '2026-05-11T13:30:00.000Z',
			message:
				'Nothing confirms the inquiry from Jane Roe (form) reached your system of record (owner Ana Lopez), 15 min after the time allowed. Alert someone to check the handoff.',
		});
	});
});

describe('deadlines from the assignment', () => {
	const owned = ledgerRow({
		contactedAt: '',
		respondBy: '2026-05-04T15:00:00.000Z',
		escalateAt: '2026-05-04T16:00:00.000Z',
	});

	it('recommends reassigning when the owner misses respondBy without contact', () => {
		expect(sweepRow(owned, wall, at('2026-05-04T15:20:00Z'))).toMatchObject({
			status: 'stalled',
			reason: 'past_deadline',
			action: 'reassign',
			overdueMinutes: 20,
			message:
				'Ana Lopez has not answered the inquiry from Jane Roe (form), 20 min past its response deadline. Reassign it to someone available.',
		});
	});

	it('recommends escalating past escalateAt, even without an owner', () => {
		expect(sweepRow(owned, wall, at('2026-05-04T17:35:00Z'))).toMatchObject({
			reason: 'past_escalation',
			action: 'escalate',
			overdueMinutes: 95,
		});
		expect(
			sweepRow(
				{ ...unassigned, escalateAt: '2026-05-09T12:00:00.000Z' },
				business,
				at('2026-05-09T13:00:00Z'),
			),
		).toMatchObject({ reason: 'past_escalation' });
	});

	it('leaves an answered inquiry alone, however late, once its record is verified', () => {
		expect(
			sweepRow(
				{ ...owned, contactedAt: '2026-05-04T14:30:00.000Z' },
				wall,
				at('2026-05-05T12:00:00Z'),
			),
		).toEqual({ status: 'healthy' });
	});

	it('never chases an inquiry rejected at entry', () => {
		expect(
			sweepRow({ ...unassigned, entryCheck: 'fail' }, wall, at('2026-06-01T00:00:00Z')),
		).toEqual({ status: 'healthy' });
	});
});

describe('once per inquiry and reason', () => {
	it('does not raise the same reason twice, but raises the next one', () => {
		const owned = ledgerRow({
			contactedAt: '',
			respondBy: '2026-05-04T15:00:00.000Z',
			escalateAt: '2026-05-04T16:00:00.000Z',
		});
		const first = findStalled([owned], { ...WALL, now: at('2026-05-04T15:10:00Z') });
		expect(first.stalled).toHaveLength(1);
		const marked: LedgerRow = first.stalled[0].row;
		expect(marked).toMatchObject({
			sweepReason: 'past_deadline',
			sweepAction: 'reassign',
			sweepAt: '2026-05-04T15:10:00.000Z',
		});

		const again = findStalled([marked], { ...WALL, now: at('2026-05-04T15:40:00Z') });
		expect(again.stalled).toEqual([]);
		expect(again.healthy).toEqual([marked]);
		expect(sweepRow(marked, wall, at('2026-05-04T15:40:00Z'))).toEqual({
			status: 'already_flagged',
			reason: 'past_deadline',
			action: 'reassign',
			flaggedAt: '2026-05-04T15:10:00.000Z',
		});

		const later = findStalled([marked], { ...WALL, now: at('2026-05-04T16:05:00Z') });
		expect(later.stalled.map((s) => [s.verdict.reason, s.row.sweepReason])).toEqual([
			['past_escalation', 'past_escalation'],
		]);
	});

	it('marks a full inquiry with sweep, a stalled trail entry and its ledger row, then leaves it alone', () => {
		const inquiry = journey(
			[
				['entry', 'normalized'],
				['trigger', 'assigned'],
			],
			{ assignment: ASSIGNMENT },
		);
		const now = at('2026-05-04T15:30:00Z');
		const first = sweepItem(inquiry, wall, now, 'Leak Sweep');
		expect(first.stalled).toBe(true);
		expect(first.json.sweep).toEqual({
			reason: 'past_deadline',
			action: 'reassign',
			at: '2026-05-04T15:30:00.000Z',
		});
		const trail = (first.json.continuity as { trail: unknown[] }).trail;
		expect(trail.at(-1)).toEqual({
			stage: 'tracking',
			node: 'Leak Sweep',
			at: '2026-05-04T15:30:00.000Z',
			outcome: 'stalled',
			detail: 'past_deadline → reassign',
		});
		expect(first.json.ledger).toMatchObject({
			sweepReason: 'past_deadline',
			sweepAction: 'reassign',
		});

		const second = sweepItem(first.json, wall, at('2026-05-04T15:45:00Z'), 'Leak Sweep');
		expect(second.stalled).toBe(false);
		expect(second.json.stall).toMatchObject({ status: 'already_flagged', reason: 'past_deadline' });
		expect((second.json.continuity as { trail: unknown[] }).trail).toHaveLength(3);
	});

	it('returns a stalled ledger row with its sweep columns set, ready to write back', () => {
		const result = sweepItem(
			{ ...unassigned, id: 12 },
			wall,
			at('2026-05-08T22:00:00Z'),
			'Leak Sweep',
		);
		expect(result.stalled).toBe(true);
		expect(result.json).toMatchObject({
			inquiryId: 'late-friday',
			sweepReason: 'not_assigned',
			sweepAction: 'escalate',
			sweepAt: '2026-05-08T22:00:00.000Z',
			stall: { status: 'stalled' },
		});
		expect(result.json).not.toHaveProperty('id');
	});
});

describe('settings', () => {
	it('refuses thresholds under one minute and unreadable business hours', () => {
		expect(() => compileSweep({ ...WALL, assignWithinMinutes: 0 })).toThrow(InquiryError);
		expect(() => compileSweep({ ...WALL, assignWithinMinutes: 0 })).toThrow('assignWithinMinutes');
		expect(() =>
			compileSweep({
				...BUSINESS,
				calendar: { timezone: 'Mars/Olympus', hours: {}, holidays: [] },
			} as SweepSettings),
		).toThrow('time zone');
	});

	it('writes durations people read', () => {
		expect([5, 60, 185, 1440, 3000].map(formatMinutes)).toEqual([
			'5 min',
			'1 h',
			'3 h 5 min',
			'1 day',
			'2 days 2 h',
		]);
	});

	it('marks only what it is told', () => {
		const row = ledgerRow();
		const marked = markSwept(
			row,
			{
				status: 'stalled',
				reason: 'not_verified',
				action: 'alert',
				dueAt: '',
				overdueMinutes: 0,
				message: '',
			},
			at('2026-05-04T15:00:00Z'),
		);
		expect({ ...marked, sweepReason: '', sweepAction: '', sweepAt: '' }).toEqual(row);
	});
});
