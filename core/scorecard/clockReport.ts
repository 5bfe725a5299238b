import { z } from 'zod';
import type { BusinessCalendar } from '../ownership/roster';
import { claimMissed } from './claims';
import type { InquiryClocks } from './clocks';
import { CLOCK_NAMES, inquiryClocks } from './clocks';
import type { ScorecardRow } from './ledger';
import { Timing, timing } from './stats';

export const ClockGroup = z.object({
	inquiries: z.number(),
	/** With an owner. */
	assigned: z.number(),
	/** The owner pressed "I've got it" (`acceptedAt`). */
	claimed: z.number(),
	/** Someone contacted the person (`contactedAt`). */
	contacted: z.number(),
	/**
	 * Assigned, and the claim deadline (`respondBy`) went by before anyone claimed or contacted, or
	 * the ladder had to reassign or escalate it.
	 */
	claimsMissed: z.number(),
	/** Moved to another owner at least once (`hops` > 0 or `reassignedAt`). */
	reassigned: z.number(),
	/** Inquiry → owner assigned: the system's delay. */
	toAssign: Timing,
	/** Owner assigned → claimed: the owner's delay. */
	toClaim: Timing,
	/** Inquiry → first contact: speed to lead. */
	toContact: Timing,
});
export type ClockGroup = z.infer<typeof ClockGroup>;

export const ClockReport = z.object({
	/** "business": only open hours of the business calendar count; "wall": every minute counts. */
	minutes: z.enum(['business', 'wall']),
	all: ClockGroup,
	byChannel: z.record(ClockGroup),
	/** By the owner the ledger names now (after any reassignment); unassigned inquiries are left out. */
	byOwner: z.record(ClockGroup),
});
export type ClockReport = z.infer<typeof ClockReport>;

interface RowFacts {
	clocks: InquiryClocks;
	assigned: boolean;
	claimed: boolean;
	contacted: boolean;
	missed: boolean;
	reassigned: boolean;
}

const timeOf = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);

/** Whether the first action (claim or contact) came after the claim deadline. */
function actedLate(row: ScorecardRow): boolean {
	const due = timeOf(row.respondBy);
	const acted = [timeOf(row.acceptedAt), timeOf(row.contactedAt)].filter(Number.isFinite);
	return Number.isFinite(due) && acted.length > 0 && Math.min(...acted) > due;
}

function rowFacts(row: ScorecardRow, now: Date, calendar?: BusinessCalendar): RowFacts {
	const assigned = row.ownerId !== '';
	const facts = {
		assigned,
		respondBy: row.respondBy,
		acceptedAt: row.acceptedAt ?? '',
		contactedAt: row.contactedAt,
		escalatedAt: row.escalatedAt ?? '',
	};
	const laddered = Boolean(row.reassignedAt || row.escalatedAt);
	return {
		clocks: inquiryClocks(
			{
				receivedAt: row.receivedAt,
				assignedAt: assigned ? row.assignedAt : '',
				acceptedAt: assigned ? row.acceptedAt : '',
				contactedAt: row.contactedAt,
			},
			calendar,
		),
		assigned,
		claimed: facts.acceptedAt !== '',
		contacted: row.contactedAt !== '',
		missed: assigned && (claimMissed(facts, now) || actedLate(row) || laddered),
		reassigned: (row.hops ?? 0) > 0 || Boolean(row.reassignedAt),
	};
}

function group(facts: readonly RowFacts[]): ClockGroup {
	const count = (pick: (f: RowFacts) => boolean) => facts.filter(pick).length;
	const clock = (name: (typeof CLOCK_NAMES)[number]) =>
		timing(facts.map((f) => f.clocks[name]).filter((m): m is number => m !== null));
	return {
		inquiries: facts.length,
		assigned: count((f) => f.assigned),
		claimed: count((f) => f.claimed),
		contacted: count((f) => f.contacted),
		claimsMissed: count((f) => f.missed),
		reassigned: count((f) => f.reassigned),
		toAssign: clock('toAssign'),
		toClaim: clock('toClaim'),
		toContact: clock('toContact'),
	};
}

function groupBy(
	rows: readonly ScorecardRow[],
	facts: readonly RowFacts[],
	key: (row: ScorecardRow) => string,
): Record<string, ClockGroup> {
	const groups = new Map<string, RowFacts[]>();
	rows.forEach((row, i) => {
		const name = key(row);
		if (name) groups.set(name, [...(groups.get(name) ?? []), facts[i]]);
	});
	return Object.fromEntries([...groups].map(([name, list]) => [name, group(list)]));
}

/**
 * The three clocks over a period's rows, as median and p90 overall, by channel and by owner, with
 * the claims missed and the reassignments. Business minutes when a calendar is given (the same
 * clock the claim deadlines and the ladder count on), else wall-clock minutes.
 */
export function clockReport(
	rows: readonly ScorecardRow[],
	now: Date,
	calendar?: BusinessCalendar,
): ClockReport {
	const facts = rows.map((row) => rowFacts(row, now, calendar));
	return {
		minutes: calendar ? 'business' : 'wall',
		all: group(facts),
		byChannel: groupBy(rows, facts, (row) => row.channel || 'unknown'),
		byOwner: groupBy(rows, facts, (row) => row.ownerName || row.ownerId),
	};
}
