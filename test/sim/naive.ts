import type { Delivery, Row } from './observed';
import { accepted, extraPerKey, text } from './observed';
import type { SimEvent } from './types';

/**
 * Why an inquiry leaked through the naive "webhook → write record" workflow
 * (test/sim/naive.workflow.json), which checks nothing and tells nobody:
 * - lost: the webhook said 200 but no record exists;
 * - forged_accepted: a post with a bad signature became a record;
 * - duplicate_record: a replay of a delivery became a second record;
 * - missing_context: phone, service and location are missing and nobody asks for them;
 * - missed_call_no_follow_up: a missed call was logged and nobody calls or texts back.
 */
export const NAIVE_LEAK_REASONS = [
	'lost',
	'forged_accepted',
	'duplicate_record',
	'missing_context',
	'missed_call_no_follow_up',
] as const;
export type NaiveLeakReason = (typeof NAIVE_LEAK_REASONS)[number];

export interface NaiveReport {
	inquiriesIn: number;
	recordsWritten: number;
	silentLeaks: number;
	byReason: Record<NaiveLeakReason, number>;
	duplicatesCreated: number;
	/** Answered 200 "starting up" by n8n after the restart, before the workflow ran (see report.ts). */
	lostWhileStarting: number;
}

/**
 * Which accepted deliveries leaked in the naive workflow, each with its first reason. Naive rows
 * carry the delivery's `seq` (the driver's x-sim-seq header, stored by the workflow).
 */
export function naiveLeaks(
	events: readonly SimEvent[],
	deliveries: readonly Delivery[],
	naiveRows: readonly Row[],
): Map<number, NaiveLeakReason> {
	const deliveryOf = new Map(deliveries.map((delivery) => [delivery.seq, delivery]));
	const rowsPerSeq = new Map<number, number>();
	for (const row of naiveRows) {
		const seq = Number(text(row.seq));
		if (Number.isInteger(seq)) rowsPerSeq.set(seq, (rowsPerSeq.get(seq) ?? 0) + 1);
	}
	const leaks = new Map<number, NaiveLeakReason>();
	for (const event of events) {
		if (!accepted(deliveryOf.get(event.seq))) continue;
		const reason = leakReason(event, rowsPerSeq.get(event.seq) ?? 0);
		if (reason) leaks.set(event.seq, reason);
	}
	return leaks;
}

function leakReason(event: SimEvent, rows: number): NaiveLeakReason | undefined {
	if (rows === 0) return 'lost';
	if (event.fault?.kind === 'forged') return 'forged_accepted';
	if (event.fault?.kind === 'duplicate') return 'duplicate_record';
	if (event.expect.followUp) return 'missing_context';
	if (event.channel === 'missed_call') return 'missed_call_no_follow_up';
	return undefined;
}

/** The naive workflow's line in the day's table: its silent leaks beside ours. */
export function reportNaive(
	events: readonly SimEvent[],
	deliveries: readonly Delivery[],
	naiveRows: readonly Row[],
): NaiveReport {
	const deliveryOf = new Map(deliveries.map((delivery) => [delivery.seq, delivery]));
	const leaks = naiveLeaks(events, deliveries, naiveRows);
	const byReason = Object.fromEntries(NAIVE_LEAK_REASONS.map((reason) => [reason, 0])) as Record<
		NaiveLeakReason,
		number
	>;
	for (const reason of leaks.values()) byReason[reason] += 1;
	const sources = new Set(
		events
			.filter((event) => accepted(deliveryOf.get(event.seq)))
			.map((event) => event.sourceEventId),
	);
	// A delivery written twice (its 200 was lost, so the vendor retried) is a duplicate too.
	const rewritten = extraPerKey(naiveRows, (row) => text(row.seq));
	return {
		inquiriesIn: sources.size,
		recordsWritten: naiveRows.length,
		silentLeaks: leaks.size,
		byReason,
		duplicatesCreated: byReason.duplicate_record + rewritten,
		lostWhileStarting: deliveries.filter((delivery) => delivery.startingUp).length,
	};
}
