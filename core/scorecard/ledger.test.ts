import { InquiryError } from '../shared/errors';
import { LEDGER_COLUMNS, LedgerRow, readLedgerRow, readScorecardItem, toLedgerRow } from './ledger';
import { withScorecard } from './scoreInquiry';
import { ASSIGNMENT, FULL_JOURNEY, journey } from './test/journey';

const NOW = new Date('2026-05-04T15:00:00.000Z');
const CONTACTED = '2026-05-04T14:30:00.000Z';

describe('toLedgerRow: one flat Data-table row per inquiry', () => {
	it('flattens a full journey into strings and numbers only', () => {
		const inquiry = journey(FULL_JOURNEY, {
			assignment: ASSIGNMENT,
			contactedAt: CONTACTED,
			context: { outcome: 'complete' },
			handoff: {
				status: 'verified',
				destination: 'HubSpot',
				recordId: 'rec_42',
				checkedAt: '2026-05-04T14:04:00.000Z',
			},
		});
		const row = toLedgerRow(inquiry, NOW);
		expect(row).toEqual({
			inquiryId: 'inq_1',
			receivedAt: '2026-05-04T14:00:00.000Z',
			channel: 'form',
			sourceSystem: 'typeform',
			urgency: 'normal',
			contactName: 'Jane Roe',
			contactEmail: 'jane@example.com',
			contactPhone: '+14155550123',
			identityKey: 'email:jane@example.com',
			stage: 'tracking',
			entryCheck: 'pass',
			transferCheck: 'pass',
			contextCheck: 'pass',
			triggerCheck: 'pass',
			visibilityCheck: 'pass',
			contextOutcome: 'complete',
			ownerId: 'ana',
			ownerName: 'Ana Lopez',
			assignedAt: '2026-05-04T14:02:00.000Z',
			respondBy: '2026-05-04T15:00:00.000Z',
			escalateAt: '2026-05-04T16:00:00.000Z',
			handoffStatus: 'verified',
			recordId: 'rec_42',
			verifiedAt: '2026-05-04T14:04:00.000Z',
			alertedAt: '',
			contactedAt: CONTACTED,
			open: '',
			sweepReason: '',
			sweepAction: '',
			sweepAt: '',
			score: 5,
			scoredAt: '2026-05-04T15:00:00.000Z',
		});
		expect(Object.keys(row)).toEqual(LEDGER_COLUMNS);
		expect(Object.values(row).every((v) => typeof v === 'string' || typeof v === 'number')).toBe(
			true,
		);
		expect(LEDGER_COLUMNS).not.toContain('updatedAt');
	});

	it('keeps an unassigned inquiry ownerless but with its deadline, and the furthest stage it reached', () => {
		const inquiry = journey(
			[
				['entry', 'normalized'],
				['context', 'needs_context'],
				['trigger', 'unassigned', 'all_off_hours'],
			],
			{
				assignment: { ...ASSIGNMENT, status: 'unassigned', owner: undefined },
			},
		);
		const row = toLedgerRow(inquiry, NOW);
		expect(row).toMatchObject({
			ownerId: '',
			ownerName: '',
			assignedAt: '',
			respondBy: '2026-05-04T15:00:00.000Z',
			stage: 'trigger',
			contextOutcome: 'needs_context',
			triggerCheck: 'fail',
			transferCheck: 'not_reached',
			visibilityCheck: 'not_reached',
			// Still open: the escalation ladder looks for someone to take it.
			open: 'yes',
			score: 2,
		});
	});

	it('closes an inquiry with no way to reach the person: the ladder has nothing to escalate', () => {
		const inquiry = journey(
			[
				['entry', 'normalized'],
				['context', 'unreachable'],
			],
			{ context: { outcome: 'unreachable' } },
		);
		expect(toLedgerRow(inquiry, NOW)).toMatchObject({ contextOutcome: 'unreachable', open: '' });
	});

	it('reads alerts, contact time and an earlier sweep flag, and ignores malformed stage results', () => {
		const inquiry = journey(
			[
				['entry', 'normalized'],
				['tracking', 'missing'],
				['tracking', 'alerted', 'Slack'],
			],
			{
				assignment: 'not an object',
				handoff: { status: 'missing' },
				contactedAt: '2026-05-04T14:30:00.000Z',
				sweep: { reason: 'not_verified', action: 'alert', at: '2026-05-04T14:45:00.000Z' },
			},
		);
		expect(toLedgerRow(inquiry, NOW)).toMatchObject({
			alertedAt: '2026-05-04T14:02:00.000Z',
			handoffStatus: 'missing',
			transferCheck: 'fail',
			visibilityCheck: 'pass',
			contactedAt: '2026-05-04T14:30:00.000Z',
			// Contacted: no longer open, so the escalation ladder does not read it.
			open: '',
			sweepReason: 'not_verified',
			sweepAction: 'alert',
			ownerId: '',
			respondBy: '',
		});
	});
});

describe('readLedgerRow: rows as the Data table returns them', () => {
	const stored = {
		...toLedgerRow(journey(FULL_JOURNEY, { assignment: ASSIGNMENT, contactedAt: CONTACTED }), NOW),
		id: 7,
		createdAt: new Date(),
		updatedAt: new Date(),
	};

	it('drops the table system columns and turns null cells into ""', () => {
		const row = readLedgerRow({ ...stored, alertedAt: null, contactedAt: null });
		expect(row).not.toHaveProperty('id');
		expect(row).not.toHaveProperty('updatedAt');
		expect(row.alertedAt).toBe('');
		expect(LedgerRow.parse(row)).toEqual(row);
	});

	it('fills missing columns and scores a row without a score from its check columns', () => {
		const row = readLedgerRow({
			inquiryId: 'x',
			receivedAt: '2026-05-04T14:00:00Z',
			entryCheck: 'pass',
			triggerCheck: 'pass',
		});
		expect(row).toMatchObject({ channel: '', transferCheck: 'not_reached', score: 3 });
	});

	it('counts an alert or a verification written on the row after scoring as visible, and rescores it', () => {
		const failed = {
			...stored,
			visibilityCheck: 'fail',
			score: 4,
			scoredAt: '2026-05-04T14:10:00.000Z',
			verifiedAt: '',
		};
		expect(readLedgerRow({ ...failed, alertedAt: '2026-05-04T14:20:00.000Z' })).toMatchObject({
			visibilityCheck: 'pass',
			score: 5,
		});
		expect(readLedgerRow({ ...failed, verifiedAt: '2026-05-04T14:30:00.000Z' })).toMatchObject({
			visibilityCheck: 'pass',
			score: 5,
		});
		expect(readLedgerRow({ ...failed, alertedAt: '2026-05-04T14:05:00.000Z' })).toMatchObject({
			visibilityCheck: 'fail',
			score: 4,
		});
	});

	it('reads cells written empty as not written: a check as not reached, the score from the checks', () => {
		const row = readLedgerRow({
			inquiryId: 'x',
			receivedAt: '2026-05-04T14:00:00Z',
			entryCheck: 'pass',
			transferCheck: '',
			stage: '',
			score: '',
		});
		expect(row).toMatchObject({ transferCheck: 'not_reached', stage: '', score: 2 });
	});

	it('reads a score stored as text', () => {
		expect(readLedgerRow({ ...stored, score: '4' }).score).toBe(4);
	});

	it.each([
		[{ receivedAt: '2026-05-04T14:00:00Z' }, 'inquiryId'],
		[{ inquiryId: 'x', receivedAt: '2026-05-04', entryCheck: 'maybe' }, 'entryCheck'],
		[[1, 2], 'empty'],
	])('refuses %j with SCORECARD_INPUT_INVALID naming the field', (value, field) => {
		expect(() => readLedgerRow(value)).toThrow(InquiryError);
		expect(() => readLedgerRow(value)).toThrow(field);
	});

	it('reads a full inquiry or a row alike', () => {
		const inquiry = journey(FULL_JOURNEY, { assignment: ASSIGNMENT });
		expect(readScorecardItem(inquiry, NOW)).toEqual(toLedgerRow(inquiry, NOW));
		expect(readScorecardItem(stored, NOW).inquiryId).toBe('inq_1');
		expect(() => readScorecardItem({ schemaVersion: 1, continuity: {} }, NOW)).toThrow(
			'not an inquiry',
		);
	});
});

describe("the owner's claim in the Trigger and Visibility checks", () => {
	// Assigned 14:02, deadline 15:00, handoff verified 14:04; nobody claimed or contacted.
	const verified = {
		assignment: ASSIGNMENT,
		handoff: { status: 'verified', recordId: 'rec_42' },
	};
	const unclaimed = () => journey(FULL_JOURNEY, verified);
	const BEFORE_DEADLINE = new Date('2026-05-04T14:30:00.000Z');
	const AFTER_DEADLINE = new Date('2026-05-04T15:30:00.000Z');

	it('an inquiry assigned but not yet claimed scores 4: Visibility waits for the claim', () => {
		const row = toLedgerRow(unclaimed(), BEFORE_DEADLINE);
		expect(row).toMatchObject({
			stage: 'tracking',
			triggerCheck: 'pass',
			visibilityCheck: 'not_reached',
			score: 4,
		});
	});

	it('an inquiry assigned but never claimed or contacted scores 3 once the deadline passed', () => {
		expect(toLedgerRow(unclaimed(), AFTER_DEADLINE)).toMatchObject({
			triggerCheck: 'fail',
			visibilityCheck: 'not_reached',
			score: 3,
		});
	});

	it('a claim or a first contact on the inquiry makes it 5', () => {
		for (const acted of [{ acceptedAt: '2026-05-04T14:10:00.000Z' }, { contactedAt: CONTACTED }])
			expect(
				toLedgerRow(journey(FULL_JOURNEY, { ...verified, ...acted }), AFTER_DEADLINE),
			).toMatchObject({
				triggerCheck: 'pass',
				visibilityCheck: 'pass',
				score: 5,
			});
	});

	it('reads a claim written on the row after it was scored, and the deadline as of now', () => {
		const stored = toLedgerRow(unclaimed(), BEFORE_DEADLINE);
		expect(readLedgerRow(stored).score).toBe(4);
		expect(readLedgerRow({ ...stored, acceptedAt: '2026-05-04T14:40:00.000Z' })).toMatchObject({
			acceptedAt: '2026-05-04T14:40:00.000Z',
			visibilityCheck: 'pass',
			score: 5,
		});
		expect(readLedgerRow(stored, AFTER_DEADLINE)).toMatchObject({
			triggerCheck: 'fail',
			score: 3,
		});
		// Claimed late: the action happened, the clocks count it as a missed claim.
		expect(
			readLedgerRow({ ...stored, acceptedAt: '2026-05-04T15:20:00.000Z' }, AFTER_DEADLINE),
		).toMatchObject({ triggerCheck: 'pass', visibilityCheck: 'pass', score: 5 });
	});

	it('a missed claim escalated to the manager is visible, but its Trigger still fails', () => {
		const stored = toLedgerRow(unclaimed(), BEFORE_DEADLINE);
		expect(
			readLedgerRow({ ...stored, escalatedAt: '2026-05-04T15:05:00.000Z' }, AFTER_DEADLINE),
		).toMatchObject({ triggerCheck: 'fail', visibilityCheck: 'pass', score: 3 });
	});

	it('keeps the loop columns the row has, and only those', () => {
		const row = readLedgerRow({
			...toLedgerRow(unclaimed(), NOW),
			hops: '2',
			passedBy: 'bo',
			reassignedAt: null,
		});
		expect(row).toMatchObject({ hops: 2, passedBy: 'bo' });
		expect(row).not.toHaveProperty('reassignedAt');
		expect(row).not.toHaveProperty('acceptedAt');
	});
});

describe('withScorecard', () => {
	it('adds the scorecard and the ledger row, and leaves the trail and the input unchanged', () => {
		const inquiry = journey(
			[
				['entry', 'normalized'],
				['context', 'complete'],
				['trigger', 'assigned'],
				['transfer', 'written'],
			],
			{
				assignment: ASSIGNMENT,
			},
		);
		const before = structuredClone(inquiry);
		const scored = withScorecard(inquiry, NOW);
		expect(inquiry).toEqual(before);
		expect(scored.continuity.trail).toEqual(inquiry.continuity.trail);
		expect(scored.scorecard).toMatchObject({
			score: 4,
			label: 'Strong integration support',
			passed: 4,
			scoredAt: '2026-05-04T15:00:00.000Z',
		});
		expect(scored.scorecard.checks.map((c) => c.status)).toEqual([
			'pass',
			'pass',
			'pass',
			'pass',
			'not_reached',
		]);
		expect(scored.ledger).toMatchObject({
			inquiryId: 'inq_1',
			score: 4,
			visibilityCheck: 'not_reached',
			ownerId: 'ana',
		});
	});
});
