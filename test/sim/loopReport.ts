import type { Row, TablesAfter } from './observed';
import { epochMs, percentile, text } from './observed';

/**
 * The loop's side of the day, from the ledger and notification rows read back (never from the
 * people model's plan): who claimed in time, what the escalation ladder raised, the owners' and
 * first contact's clocks, and what nobody took: an inquiry unclaimed past its deadline that the
 * manager was not told about. Pure.
 */
export interface LoopReport {
	/** Inquiries that had an owner at some point (assigned, moved or claimed). */
	owned: number;
	claimed: number;
	/** Claimed no later than the claiming owner's deadline. */
	claimedInTime: number;
	/** Marked "I've contacted them". */
	contacted: number;
	/** Steps raised, from stepsRaised: reminders and reassignments per hop, one manager escalation. */
	reminders: number;
	reassignments: number;
	escalations: number;
	/** From the inquiry's first delivery (as time to owner) to the claim, and to the first contact. */
	timeToClaimMs: Percentiles;
	timeToContactMs: Percentiles;
	/** Unclaimed and uncontacted past the deadline, and no manager told. Must be 0. */
	unclaimedPastDeadline: number;
	unclaimedInquiries: string[];
}

export interface Percentiles {
	median?: number;
	p95?: number;
	measured: number;
}

const stepsOf = (row: Row) =>
	(text(row.stepsRaised) ?? '')
		.split(',')
		.map((step) => step.trim())
		.filter(Boolean);

export function percentiles(values: readonly number[]): Percentiles {
	return {
		median: percentile(values, 50),
		p95: percentile(values, 95),
		measured: values.length,
	};
}

/**
 * `entered`: the day's inquiries; `ledgerOf`: each one's ledger row (merged); `startedAt`: when
 * its first delivery was sent, else its receivedAt.
 */
export function reportLoop(
	entered: ReadonlySet<string>,
	ledgerOf: ReadonlyMap<string, Row>,
	startedAt: (id: string) => number | undefined,
	tables: Pick<TablesAfter, 'notifications' | 'readAtMs'>,
	listLimit = 20,
): LoopReport {
	// The manager is told by the ladder's escalation, or (a handoff that never finished) by the sweep's alert.
	const managerTold = new Set(
		tables.notifications
			.filter(
				(row) =>
					text(row.kind) === 'escalation' || (text(row.dedupeKey) ?? '').startsWith('sweep:'),
			)
			.map((row) => text(row.inquiryId)),
	);
	const readAt = tables.readAtMs ?? Infinity;
	const report: LoopReport = {
		owned: 0,
		claimed: 0,
		claimedInTime: 0,
		contacted: 0,
		reminders: 0,
		reassignments: 0,
		escalations: 0,
		timeToClaimMs: { measured: 0 },
		timeToContactMs: { measured: 0 },
		unclaimedPastDeadline: 0,
		unclaimedInquiries: [],
	};
	const toClaim: number[] = [];
	const toContact: number[] = [];
	for (const id of entered) {
		const row = ledgerOf.get(id) ?? {};
		const steps = stepsOf(row);
		const acceptedAt = epochMs(row.acceptedAt);
		const contactedAt = epochMs(row.contactedAt);
		const respondBy = epochMs(row.respondBy);
		const start = startedAt(id);
		const hops = Number(row.hops) || 0;
		if (text(row.ownerId) || text(row.assignedAt) || hops > 0 || acceptedAt !== undefined)
			report.owned += 1;
		if (acceptedAt !== undefined) {
			report.claimed += 1;
			if (respondBy !== undefined && acceptedAt <= respondBy) report.claimedInTime += 1;
			if (start !== undefined) toClaim.push(Math.max(0, acceptedAt - start));
		}
		if (contactedAt !== undefined) {
			report.contacted += 1;
			if (start !== undefined) toContact.push(Math.max(0, contactedAt - start));
		}
		report.reminders += steps.filter((step) => step.startsWith('reminder@')).length;
		report.reassignments += steps.filter((step) => step.startsWith('reassign@')).length;
		const escalated =
			epochMs(row.escalatedAt) !== undefined || steps.includes('manager') || managerTold.has(id);
		if (epochMs(row.escalatedAt) !== undefined || steps.includes('manager'))
			report.escalations += 1;
		const dueBy = respondBy ?? -Infinity;
		if (acceptedAt === undefined && contactedAt === undefined && !escalated && dueBy <= readAt) {
			report.unclaimedPastDeadline += 1;
			if (report.unclaimedInquiries.length < listLimit) report.unclaimedInquiries.push(id);
		}
	}
	report.timeToClaimMs = percentiles(toClaim);
	report.timeToContactMs = percentiles(toContact);
	return report;
}
