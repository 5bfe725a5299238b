import { formatDayTable, formatNaiveReasons } from './format';
import { reportNaive } from './naive';
import type { Delivery, Row } from './observed';
import { percentile } from './observed';
import { reportDay } from './report';
import type { SimEvent, SimExpect, SimFault } from './types';

const T0 = Date.UTC(2026, 2, 2, 13, 0, 0);
const at = (ms: number) => new Date(T0 + ms).toISOString();
const PHONE = '+14155550100';

/** A hand-made delivery: only the fields the report reads matter. */
function event(
	seq: number,
	channel: SimEvent['channel'],
	expect: Partial<SimExpect>,
	fault?: SimFault,
): SimEvent {
	return {
		seq,
		atMs: seq * 1000,
		path: 'inquiry-form',
		method: 'POST',
		headers: {},
		contentType: 'application/json',
		body: {},
		rawBody: '{}',
		encoding: 'json',
		vendor: 'test',
		channel,
		scheme: 'none',
		sourceEventId: `src-${fault?.kind === 'duplicate' ? fault.of : seq}`,
		url: 'http://127.0.0.1/webhook/inquiry-form',
		expect: {
			record: true,
			outcome: 'verified',
			identityKey: `email:p${seq}@example.com`,
			...expect,
		},
		...(fault ? { fault } : {}),
	};
}

const events: SimEvent[] = [
	event(1, 'form', {}),
	event(2, 'form', { outcome: 'replay', dedupeOf: 1 }, { kind: 'duplicate', of: 1 }),
	event(3, 'form', { record: false, outcome: 'rejected' }, { kind: 'forged' }),
	event(
		4,
		'missed_call',
		{ identityKey: `phone:${PHONE}`, textBack: true },
		{ kind: 'repeat_caller', burst: 1, call: 1 },
	),
	event(
		5,
		'missed_call',
		{ identityKey: `phone:${PHONE}`, textBack: false },
		{ kind: 'repeat_caller', burst: 1, call: 2 },
	),
	event(6, 'form', { outcome: 'verified_or_alerted' }, { kind: 'destination_outage', window: 1 }),
	event(7, 'form', { outcome: 'unassigned_alerted' }, { kind: 'owners_away', window: 1 }),
	event(8, 'form', { outcome: 'verified_or_alerted' }, { kind: 'restart' }),
	event(
		9,
		'form',
		{ followUp: true },
		{ kind: 'missing_context', stripped: ['phone', 'service', 'location'] },
	),
	event(10, 'form', {}),
	event(11, 'form', {}),
	event(12, 'form', { outcome: 'verified_or_alerted' }, { kind: 'destination_outage', window: 2 }),
	event(13, 'form', { record: false, outcome: 'rejected' }, { kind: 'forged' }),
	event(14, 'missed_call', { identityKey: 'phone:+14155550111', textBack: true }),
];

const sent = (
	seq: number,
	status: number,
	inquiryId?: string,
	receiptStatus = 'received',
): Delivery => ({
	seq,
	status,
	attempts: 1,
	sentAtMs: T0 + seq * 10_000,
	...(inquiryId ? { inquiryId, receiptStatus } : {}),
});

const deliveries: Delivery[] = [
	sent(1, 200, 'A'),
	sent(2, 200, 'A'),
	sent(3, 401, undefined),
	sent(4, 200, 'B'),
	sent(5, 200, 'C'),
	sent(6, 200, 'D'),
	sent(7, 200, 'E'),
	{ seq: 8, status: 0, attempts: 4, sentAtMs: T0 + 80_000 },
	sent(9, 200, 'G'),
	sent(10, 200),
	sent(12, 200, 'H'),
	sent(13, 200, 'I'),
	sent(14, 200, 'J'),
];

const sentAt = (seq: number) => seq * 10_000;
const ledger: Row[] = [
	{
		inquiryId: 'A',
		receivedAt: at(sentAt(1) + 50),
		assignedAt: at(sentAt(1) + 2000),
		verifiedAt: at(sentAt(1) + 2500),
	},
	{
		inquiryId: 'B',
		receivedAt: at(sentAt(4)),
		assignedAt: at(sentAt(4) + 4000),
		verifiedAt: at(sentAt(4) + 4200),
	},
	{
		inquiryId: 'C',
		receivedAt: at(sentAt(5)),
		assignedAt: at(sentAt(5) + 6000),
		handoffStatus: 'verified',
	},
	{
		inquiryId: 'D',
		receivedAt: at(sentAt(6)),
		assignedAt: at(sentAt(6) + 1000),
		handoffStatus: 'error',
		alertedAt: at(sentAt(6) + 60_000),
	},
	{ inquiryId: 'E', receivedAt: at(sentAt(7)), verifiedAt: at(sentAt(7) + 900), assignedAt: null },
	// Entered the ledger, then n8n was killed: never verified, never alerted.
	{ inquiryId: 'F', receivedAt: at(sentAt(8)), assignedAt: '', verifiedAt: '' },
	{
		inquiryId: 'G',
		receivedAt: at(sentAt(9)),
		assignedAt: at(sentAt(9) + 8000),
		verifiedAt: at(sentAt(9) + 8100),
	},
	// H's alert is only in the notifications table.
	{ inquiryId: 'H', receivedAt: at(sentAt(12)) },
	{ inquiryId: 'J', receivedAt: at(sentAt(14)), verifiedAt: at(sentAt(14) + 700) },
];
const records: Row[] = ['A', 'B', 'C', 'E', 'G', 'G', 'J'].map((inquiryId) => ({ inquiryId }));
const notifications: Row[] = [
	{ inquiryId: 'A', kind: 'owner_assignment' },
	{ inquiryId: 'A', kind: 'owner_assignment' },
	{ inquiryId: 'B', kind: 'owner_assignment' },
	// Burst 1 got two text backs (one too many), both filed under its second call (C): the first
	// call (B) was still texted back, as the number shows.
	{ inquiryId: 'C', kind: 'text_back', recipient: PHONE },
	{ inquiryId: 'C', kind: 'text_back', recipient: '(415) 555-0100' },
	{ inquiryId: 'D', kind: 'alert', notifiedAt: at(sentAt(6) + 90_000) },
	{ inquiryId: 'D', kind: 'alert', notifiedAt: at(sentAt(6) + 95_000) },
	{ inquiryId: 'H', kind: 'alert', notifiedAt: at(sentAt(12) + 20 * 60_000) },
	{ inquiryId: 'G', kind: 'owner_assignment' },
	{ inquiryId: '', kind: 'alert' },
	{ inquiryId: '', kind: 'alert' },
	{ inquiryId: '', kind: 'report' },
	{ inquiryId: '', kind: 'report' },
];

describe('reportDay', () => {
	const report = reportDay(events, deliveries, { ledger, records, notifications });

	it('counts what was sent and how the webhooks answered', () => {
		expect(report.deliveries).toEqual({
			sent: 13,
			accepted: 11,
			rejected: 1,
			failed: 1,
			notSent: 1,
		});
	});

	it('splits every entered inquiry into verified, alerted or silently leaked', () => {
		// Entered: A B C D E G H I J (accepted), the untraced #10, and F (ledger only).
		expect(report.inquiriesIn).toBe(11);
		expect(report.recordsVerified).toBe(6);
		expect(report.failuresAlerted).toBe(2);
		expect(report.silentLeaks).toBe(3);
		expect(report.leakingInquiries.sort()).toEqual(['F', 'I', 'untraced delivery #10']);
		expect(report.recordsVerified + report.failuresAlerted + report.silentLeaks).toBe(
			report.inquiriesIn,
		);
	});

	it('counts a contact that joined its open inquiry as that inquiry, not as a leak', () => {
		const joinedDay = reportDay(
			[event(1, 'missed_call', {}), event(2, 'form', {})],
			[sent(1, 200, 'A'), sent(2, 200, 'K')],
			{
				ledger: [ledger[0]],
				records: [{ inquiryId: 'A' }],
				notifications: [
					{ inquiryId: 'A', kind: 'owner_assignment' },
					{ inquiryId: 'A', kind: 'contacted_again', dedupeKey: 'K:contacted_again' },
				],
			},
		);
		expect([joinedDay.inquiriesIn, joinedDay.recordsVerified, joinedDay.silentLeaks]).toEqual([
			1, 1, 0,
		]);
	});

	it('finds every duplicate: records, assignments, repeated alerts and a second text back in one burst', () => {
		expect(report.duplicatesCreated).toEqual({
			total: 4,
			records: 1,
			ledgerRows: 0,
			assignments: 1,
			notifications: 1,
			textBacks: 1,
		});
	});

	it('measures time to owner from the first send, and alerts against their SLA', () => {
		expect(report.timeToOwnerMs).toEqual({ median: 4000, p95: 8000, measured: 5 });
		expect(report.alerts).toEqual({ raised: 2, withinSla: 1, slaMs: 15 * 60_000 });
		expect(
			reportDay(events, deliveries, { ledger, records, notifications }, { alertSlaMs: 30 * 60_000 })
				.alerts.withinSla,
		).toBe(2);
	});

	it('lists what the faults required and did not get', () => {
		expect(report.unmet).toEqual({
			forgedAccepted: 1,
			unassignedNotAlerted: 1,
			textBackMissing: 1,
			followUpMissing: 1,
		});
		// When the driver could not send the owners away, their absence is not held against the templates.
		const caused = new Set(['restart', 'destination_outage'] as const);
		const tables = { ledger, records, notifications };
		expect(reportDay(events, deliveries, tables, { caused }).unmet.unassignedNotAlerted).toBe(0);
	});

	it("counts the HTTP CRM's contacts as records, and the templates' owner_assigned rows as assignments", () => {
		const tables = {
			ledger: ledger.slice(0, 1),
			records: [],
			crm: [
				{ id: 'c-1', inquiryId: 'A' },
				{ id: 'c-2', inquiryId: 'A' },
			],
			notifications: [
				{ inquiryId: 'A', kind: 'owner_assigned' },
				{ inquiryId: 'A', kind: 'owner_assigned' },
			],
		};
		const twice = reportDay(events.slice(0, 1), deliveries.slice(0, 1), tables);
		expect(twice.duplicatesCreated).toMatchObject({ total: 2, records: 1, assignments: 1 });
	});

	it('holds only failures to the alert SLA, not a later escalation about a verified inquiry', () => {
		const late = { inquiryId: 'A', kind: 'escalation', notifiedAt: at(sentAt(1) + 60 * 60_000) };
		const tables = {
			ledger: ledger.slice(0, 1),
			records: records.slice(0, 1),
			notifications: [late],
		};
		const escalated = reportDay(events.slice(0, 1), deliveries.slice(0, 1), tables);
		expect(escalated).toMatchObject({ recordsVerified: 1, alerts: { raised: 0, withinSla: 0 } });
	});

	it('counts n8n\'s 200 "starting up" answers apart: lost at n8n\'s door, not a leak of the templates', () => {
		const starting: Delivery = { seq: 1, status: 200, attempts: 1, sentAtMs: T0, startingUp: true };
		const tables = { ledger: [], records: [], notifications: [] };
		const atTheDoor = reportDay(events.slice(0, 1), [starting], tables);
		expect(atTheDoor).toMatchObject({ inquiriesIn: 0, silentLeaks: 0, lostWhileStarting: 1 });
		expect(atTheDoor.deliveries).toMatchObject({ accepted: 0, failed: 1 });
		expect(reportNaive(events.slice(0, 1), [starting], []).lostWhileStarting).toBe(1);
	});

	it('sees no leak and no duplicate when every inquiry is verified once', () => {
		const clean = reportDay(events.slice(0, 1), deliveries.slice(0, 1), {
			ledger: ledger.slice(0, 1),
			records: records.slice(0, 1),
			notifications: notifications.slice(0, 1),
		});
		expect(clean).toMatchObject({
			inquiriesIn: 1,
			recordsVerified: 1,
			silentLeaks: 0,
			duplicatesCreated: { total: 0 },
		});
	});
});

describe('reportNaive', () => {
	it('counts the naive workflow leaks by reason', () => {
		const naiveRows: Row[] = [1, 2, 3, 4, 5, 6, 7, 9, 12, 13, 14].map((seq) => ({
			seq: String(seq),
			body: '{}',
		}));
		const all200 = events.map((e) => ({ seq: e.seq, status: 200, attempts: 1 }));
		const naive = reportNaive(events, all200, naiveRows);
		expect(naive).toEqual({
			inquiriesIn: 13,
			recordsWritten: 11,
			silentLeaks: 10,
			byReason: {
				lost: 3,
				forged_accepted: 2,
				duplicate_record: 1,
				missing_context: 1,
				missed_call_no_follow_up: 3,
			},
			duplicatesCreated: 1,
			lostWhileStarting: 0,
		});
		// A delivery written twice (its answer was lost and the vendor retried) is a duplicate as well.
		expect(reportNaive(events, all200, [...naiveRows, { seq: '1' }]).duplicatesCreated).toBe(2);
		expect(formatNaiveReasons(naive)).toBe(
			'Naive leaks by reason — lost: 3, forged accepted: 2, duplicate record: 1, missing context: 1, missed call no follow up: 3',
		);
	});
});

describe('reportDay: the loop', () => {
	it('measures a claim from the inquiry’s first delivery, and an escalated inquiry is not left unclaimed', () => {
		const claimedA = {
			...ledger[0],
			acceptedAt: at(sentAt(1) + 5000),
			respondBy: at(sentAt(1) + 60_000),
		};
		const escalatedB = {
			...ledger[1],
			stepsRaised: 'reassign@0,manager',
			escalatedAt: at(sentAt(4) + 130_000),
		};
		const day = reportDay(events.slice(0, 4), deliveries.slice(0, 4), {
			ledger: [claimedA, escalatedB],
			records: [],
			notifications: [],
			readAtMs: T0 + 3_600_000,
		});
		expect(day.loop).toMatchObject({
			owned: 2,
			claimed: 1,
			claimedInTime: 1,
			reassignments: 1,
			escalations: 1,
			timeToClaimMs: { median: 5000, p95: 5000, measured: 1 },
			unclaimedPastDeadline: 0,
		});
	});
});

describe('formatDayTable', () => {
	it('puts our figures beside the naive workflow', () => {
		const naive = reportNaive(events, [sent(1, 200)], [{ seq: '1' }]);
		expect(
			formatDayTable(reportDay(events, deliveries, { ledger, records, notifications }), naive, {
				caption: 'hand-made day',
				repliesModelled: 3,
			}),
		).toBe(
			[
				'| | Inquiry Continuity templates | Naive webhook → record |',
				'|---|---:|---:|',
				'| Inquiries in | 11 | 1 |',
				'| Records verified | 6 | — (no read-back) |',
				'| Failures alerted | 2 | 0 (no alerts) |',
				'| **Silent leaks** | **3** | **0** |',
				'| Duplicates created | 4 | 0 |',
				'| Lost by n8n while starting (200 before any workflow ran) | 0 | 0 |',
				'| Time to owner (median / p95) | 4.0 s / 8.0 s | — (no owner) |',
				'| Failures alerted within SLA (15.0 min) | 1 of 2 | — (no alerts) |',
				'| Claimed within the deadline | 0 of 5 (0%) | — (no claim) |',
				'| Reminders / reassignments / manager escalations | 0 / 0 / 0 | — (no ladder) |',
				'| Time to claim (median / p95) | — / — | — (no claim) |',
				'| Time to first contact (median / p95) | — / — | — (not recorded) |',
				'| **Unclaimed past deadline, no escalation** | **11** | — (nobody is told) |',
				"| Customers' replies to the follow-up attached | — (no reply path yet; 3 replied) | — (no follow-up) |",
				'',
				'_hand-made day_',
			].join('\n'),
		);
	});
});

describe('percentile', () => {
	it('uses the nearest rank', () => {
		expect([50, 95, 100].map((p) => percentile([5, 1, 4, 2, 3], p))).toEqual([3, 5, 5]);
		expect(percentile([], 50)).toBeUndefined();
	});
});
