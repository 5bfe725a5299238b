import type { Row } from './observed';
import { reportLoop } from './loopReport';

const T0 = Date.UTC(2026, 2, 2, 13, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const READ_AT = T0 + 600_000;

/** Hand-made ledger rows (merged per inquiry), each arriving at T0 + its start. */
const rows: Record<string, Row> = {
	claimed: {
		ownerId: 'owner-1',
		assignedAt: at(2),
		respondBy: at(62),
		acceptedAt: at(20),
		contactedAt: at(40),
		stepsRaised: '',
		hops: 0,
	},
	late: { ownerId: 'owner-2', assignedAt: at(2), respondBy: at(62), acceptedAt: at(70) },
	// Reminded, moved to owner-3 (whose own deadline replaced the first), who claimed in time.
	moved: {
		ownerId: 'owner-3',
		assignedAt: at(63),
		respondBy: at(123),
		acceptedAt: at(100),
		stepsRaised: 'reminder@0,reassign@0',
		hops: '1',
		reassignedAt: at(63),
	},
	escalated: {
		ownerId: 'owner-2',
		respondBy: at(123),
		stepsRaised: 'reminder@0,reassign@0,reminder@1,manager',
		hops: 1,
		escalatedAt: at(130),
		open: '',
	},
	// Its deadline is after the tables were read: not past it yet.
	waiting: { ownerId: 'owner-1', assignedAt: at(580), respondBy: at(640) },
	forgotten: { ownerId: 'owner-1', assignedAt: at(2), respondBy: at(62), open: 'yes' },
	// A handoff that never finished: no owner, the sweep told the manager.
	stalled: { receivedAt: at(0) },
	contactedOnly: { ownerId: 'owner-3', assignedAt: at(2), respondBy: at(62), contactedAt: at(30) },
};
const entered = new Set([...Object.keys(rows), 'noLedgerRow']);
const notifications: Row[] = [
	{ inquiryId: 'stalled', kind: 'alert', dedupeKey: 'sweep:stalled:never_verified' },
	{ inquiryId: 'escalated', kind: 'escalation', dedupeKey: 'ladder:escalated:manager' },
	{ inquiryId: 'forgotten', kind: 'owner_reminder', dedupeKey: 'ladder:forgotten:reminder@0' },
];
const startedAt = (id: string) => (id === 'noLedgerRow' ? undefined : T0);
const report = reportLoop(entered, new Map(Object.entries(rows)), startedAt, {
	notifications,
	readAtMs: READ_AT,
});

describe('reportLoop', () => {
	it('counts owned, claimed, claimed within the claiming owner’s deadline, and contacted', () => {
		expect(report).toMatchObject({
			owned: 7, // all but "stalled" and "noLedgerRow"
			claimed: 3, // claimed, late, moved
			claimedInTime: 2, // claimed, moved
			contacted: 2, // claimed, contactedOnly
		});
	});

	it('counts the ladder’s steps from stepsRaised: every reminder and reassignment, one escalation per inquiry', () => {
		expect(report).toMatchObject({ reminders: 3, reassignments: 2, escalations: 1 });
	});

	it('measures the clocks from the first delivery to the claim and to the first contact', () => {
		expect(report.timeToClaimMs).toEqual({ median: 70_000, p95: 100_000, measured: 3 });
		expect(report.timeToContactMs).toEqual({ median: 30_000, p95: 40_000, measured: 2 });
	});

	it('leaves unclaimed past deadline only what nobody claimed, contacted or escalated, deadline passed', () => {
		// "waiting" is not due yet; "stalled" had the sweep's alert; a reminder is no escalation.
		expect(report.unclaimedPastDeadline).toBe(2);
		expect(report.unclaimedInquiries).toEqual(['forgotten', 'noLedgerRow']);
	});

	it('with the tables read later, the waiting inquiry is past its deadline too', () => {
		const later = reportLoop(entered, new Map(Object.entries(rows)), startedAt, {
			notifications,
			readAtMs: T0 + 700_000,
		});
		expect(later.unclaimedInquiries).toEqual(['waiting', 'forgotten', 'noLedgerRow']);
	});
});
