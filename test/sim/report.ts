import type { Delivery, Row, TablesAfter } from './observed';
import { accepted, digitsOf, epochMs, extraPerKey, percentile, text } from './observed';
import type { LoopReport } from './loopReport';
import { reportLoop } from './loopReport';
import type { FaultKind, SimEvent } from './types';

export interface ReportOptions {
	/** How soon after an inquiry arrives its failure must be alerted (default 15 minutes). */
	alertSlaMs?: number;
	/** How many leaking inquiry ids to list for debugging (default 20). */
	listLimit?: number;
	/**
	 * The window faults the driver could really cause (default: all). An absence that was only
	 * tagged, never caused, cannot be held against the templates.
	 */
	caused?: ReadonlySet<FaultKind>;
}

export interface DayReport {
	deliveries: { sent: number; accepted: number; rejected: number; failed: number; notSent: number };
	/**
	 * Deliveries n8n answered 200 "starting up" after the restart, before any workflow ran: lost
	 * at n8n's door, where no template can see them (not counted as the templates' leaks).
	 */
	lostWhileStarting: number;
	/** Distinct inquiries that entered: accepted by a webhook (2xx) or written to the ledger. */
	inquiriesIn: number;
	recordsVerified: number;
	/** Entered, not verified, and alerted. */
	failuresAlerted: number;
	/** Entered but neither verified nor alerted. Must be 0. */
	silentLeaks: number;
	leakingInquiries: string[];
	/** More than one record, assignment or notification per inquiry, or text back per burst. Must be 0. */
	duplicatesCreated: {
		total: number;
		records: number;
		ledgerRows: number;
		assignments: number;
		notifications: number;
		textBacks: number;
	};
	timeToOwnerMs: { median?: number; p95?: number; measured: number };
	alerts: { raised: number; withinSla: number; slaMs: number };
	/** Claims, the escalation ladder, the owners' clocks, and inquiries nobody took. */
	loop: LoopReport;
	/** What the faults required and did not get. */
	unmet: {
		forgedAccepted: number;
		unassignedNotAlerted: number;
		textBackMissing: number;
		followUpMissing: number;
	};
}

/** The owner's notification: the templates write `owner_assigned`. */
const OWNER_KINDS = new Set(['owner_assigned', 'owner_assignment']);
const NOTIFICATION_KINDS_ONCE = new Set([...OWNER_KINDS, 'follow_up', 'alert', 'escalation']);
const ALERT_KINDS = new Set(['alert', 'escalation']);

/**
 * The simulated day's scorecard for the templates: from what was sent, what each delivery got
 * back, and the ledger, records and notifications rows read after the day. Pure.
 */
export function reportDay(
	events: readonly SimEvent[],
	deliveries: readonly Delivery[],
	tables: TablesAfter,
	options: ReportOptions = {},
): DayReport {
	const slaMs = options.alertSlaMs ?? 15 * 60_000;
	const deliveryOf = new Map(deliveries.map((delivery) => [delivery.seq, delivery]));
	const ledgerOf = new Map<string, Row>();
	for (const row of tables.ledger) {
		const id = text(row.inquiryId);
		if (id) ledgerOf.set(id, { ...ledgerOf.get(id), ...row });
	}

	// An accepted delivery whose receipt names no inquiry cannot be traced: it counts as its own, leaking, inquiry.
	const firstSent = new Map<string, number>();
	const inquiryOfSeq = new Map<number, string>();
	for (const event of events) {
		const delivery = deliveryOf.get(event.seq);
		if (!accepted(delivery)) continue;
		const id = delivery?.inquiryId ?? `untraced delivery #${event.seq}`;
		inquiryOfSeq.set(event.seq, id);
		const sent = delivery?.sentAtMs;
		if (sent !== undefined && sent < (firstSent.get(id) ?? Infinity)) firstSent.set(id, sent);
	}
	// A contact that joined its person's open inquiry (a contacted_again row keyed by its id) is that inquiry, not a new one.
	const joined = new Set(
		tables.notifications
			.filter((row) => text(row.kind) === 'contacted_again')
			.map((row) => (text(row.dedupeKey) ?? '').replace(/:contacted_again$/, '')),
	);
	const entered = new Set([
		...[...inquiryOfSeq.values()].filter((id) => ledgerOf.has(id) || !joined.has(id)),
		...ledgerOf.keys(),
	]);

	// An alert is on the ledger row (alertedAt) or in the notifications table (kind alert or escalation).
	const alertNotified = new Map<string, number>();
	for (const row of tables.notifications) {
		const id = text(row.inquiryId);
		const time = epochMs(row.notifiedAt) ?? epochMs(row.createdAt);
		if (!id || !ALERT_KINDS.has(text(row.kind) ?? '') || time === undefined) continue;
		alertNotified.set(id, Math.min(time, alertNotified.get(id) ?? Infinity));
	}

	let recordsVerified = 0;
	let failuresAlerted = 0;
	const leaking: string[] = [];
	const toOwner: number[] = [];
	let alertsRaised = 0;
	let alertsInSla = 0;
	for (const id of entered) {
		const row = ledgerOf.get(id) ?? {};
		const startedAt = firstSent.get(id) ?? epochMs(row.receivedAt);
		const alertedAt = earliest(epochMs(row.alertedAt), alertNotified.get(id));
		const verified = isVerified(row);
		if (verified) recordsVerified += 1;
		else if (alertedAt !== undefined) failuresAlerted += 1;
		else leaking.push(id);
		const assignedAt = epochMs(row.assignedAt);
		if (assignedAt !== undefined && startedAt !== undefined)
			toOwner.push(Math.max(0, assignedAt - startedAt));
		// The SLA is for failures; a later escalation about a verified inquiry nobody answered is not one.
		if (!verified && alertedAt !== undefined) {
			alertsRaised += 1;
			if (startedAt !== undefined && alertedAt - startedAt <= slaMs) alertsInSla += 1;
		}
	}

	const duplicates = countDuplicates(events, inquiryOfSeq, tables);
	return {
		deliveries: countDeliveries(events, deliveryOf),
		lostWhileStarting: deliveries.filter((delivery) => delivery.startingUp).length,
		inquiriesIn: entered.size,
		recordsVerified,
		failuresAlerted,
		silentLeaks: leaking.length,
		leakingInquiries: leaking.slice(0, options.listLimit ?? 20),
		duplicatesCreated: duplicates,
		timeToOwnerMs: {
			median: percentile(toOwner, 50),
			p95: percentile(toOwner, 95),
			measured: toOwner.length,
		},
		alerts: { raised: alertsRaised, withinSla: alertsInSla, slaMs },
		loop: reportLoop(
			entered,
			ledgerOf,
			(id) => firstSent.get(id) ?? epochMs(ledgerOf.get(id)?.receivedAt),
			tables,
			options.listLimit,
		),
		unmet: unmetExpectations(events, deliveryOf, inquiryOfSeq, ledgerOf, tables, options.caused),
	};
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
	if (a === undefined) return b;
	return b === undefined ? a : Math.min(a, b);
}

function isVerified(row: Row): boolean {
	return epochMs(row.verifiedAt) !== undefined || text(row.handoffStatus) === 'verified';
}

function countDeliveries(
	events: readonly SimEvent[],
	deliveryOf: Map<number, Delivery>,
): DayReport['deliveries'] {
	const counts = { sent: 0, accepted: 0, rejected: 0, failed: 0, notSent: 0 };
	for (const event of events) {
		const delivery = deliveryOf.get(event.seq);
		if (delivery?.status === undefined) {
			counts.notSent += 1;
			continue;
		}
		counts.sent += 1;
		if (accepted(delivery)) counts.accepted += 1;
		else if (delivery.startingUp) counts.failed += 1;
		else if (delivery.status >= 200 && delivery.status < 500 && delivery.status !== 0)
			counts.rejected += 1;
		else counts.failed += 1;
	}
	return counts;
}

function countDuplicates(
	events: readonly SimEvent[],
	inquiryOfSeq: Map<number, string>,
	tables: TablesAfter,
): DayReport['duplicatesCreated'] {
	// Records in either system of record: the Data table, or the HTTP CRM (template 01c).
	const records =
		extraPerKey(tables.records, (row) => text(row.inquiryId)) +
		extraPerKey(tables.crm ?? [], (row) => text(row.inquiryId));
	const ledgerRows = extraPerKey(tables.ledger, (row) => text(row.inquiryId));
	const kindOf = (row: Row) => text(row.kind);
	const assignments = extraPerKey(
		tables.notifications.filter((row) => OWNER_KINDS.has(kindOf(row) ?? '')),
		(row) => text(row.inquiryId),
	);
	const notifications = extraPerKey(
		tables.notifications.filter(
			(row) =>
				NOTIFICATION_KINDS_ONCE.has(kindOf(row) ?? '') && !OWNER_KINDS.has(kindOf(row) ?? ''),
		),
		// Alerts about deliveries that never became an inquiry carry no id: each is its own event.
		(row) => (text(row.inquiryId) ? `${text(row.inquiryId)}|${kindOf(row)}` : undefined),
	);
	// A repeat caller's calls are separate inquiries, yet the person must get one text back per burst.
	const burstOfInquiry = new Map<string, string>();
	const burstOfPhone = new Map<string, string>();
	for (const event of events) {
		if (event.fault?.kind !== 'repeat_caller') continue;
		const burst = `burst ${event.fault.burst}`;
		const id = inquiryOfSeq.get(event.seq);
		if (id) burstOfInquiry.set(id, burst);
		burstOfPhone.set(event.expect.identityKey.replace(/\D/g, ''), burst);
	}
	const textBacks = extraPerKey(
		tables.notifications.filter((row) => kindOf(row) === 'text_back'),
		(row) => {
			const id = text(row.inquiryId);
			return (
				(id && burstOfInquiry.get(id)) ??
				burstOfPhone.get(digitsOf(row.recipient) ?? '') ??
				`inquiry ${id}`
			);
		},
	);
	return {
		total: records + ledgerRows + assignments + notifications + textBacks,
		records,
		ledgerRows,
		assignments,
		notifications,
		textBacks,
	};
}

function unmetExpectations(
	events: readonly SimEvent[],
	deliveryOf: Map<number, Delivery>,
	inquiryOfSeq: Map<number, string>,
	ledgerOf: Map<string, Row>,
	tables: TablesAfter,
	caused?: ReadonlySet<FaultKind>,
): DayReport['unmet'] {
	const ownersWereAway = caused?.has('owners_away') ?? true;
	// A burst's one text back may be filed under any of its calls: the number it went to counts.
	const textedNumbers = new Set(
		tables.notifications
			.filter((row) => text(row.kind) === 'text_back')
			.map((row) => digitsOf(row.recipient)),
	);
	const notified = new Set(
		tables.notifications.map((row) => `${text(row.inquiryId)}|${text(row.kind)}`),
	);
	const unmet = {
		forgedAccepted: 0,
		unassignedNotAlerted: 0,
		textBackMissing: 0,
		followUpMissing: 0,
	};
	for (const event of events) {
		const id = inquiryOfSeq.get(event.seq);
		if (event.expect.outcome === 'rejected') {
			if (accepted(deliveryOf.get(event.seq))) unmet.forgedAccepted += 1;
			continue;
		}
		if (!id) continue;
		const alerted =
			epochMs(ledgerOf.get(id)?.alertedAt) !== undefined || notified.has(`${id}|alert`);
		if (event.expect.outcome === 'unassigned_alerted' && ownersWereAway && !alerted)
			unmet.unassignedNotAlerted += 1;
		const textedBack =
			notified.has(`${id}|text_back`) ||
			textedNumbers.has(event.expect.identityKey.replace(/\D/g, ''));
		if (event.expect.textBack && !textedBack) unmet.textBackMissing += 1;
		if (event.expect.followUp && !notified.has(`${id}|follow_up`)) unmet.followUpMissing += 1;
	}
	return unmet;
}
