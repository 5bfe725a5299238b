import type { NaiveReport } from './naive';
import type { DayReport } from './report';

const count = (n: number) => n.toLocaleString('en-US');

/** "1.2 s", "850 ms", "3.4 min"; a dash when nothing was measured. */
export function duration(ms: number | undefined): string {
	if (ms === undefined) return '—';
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
	return `${(ms / 60_000).toFixed(1)} min`;
}

export interface TableContext {
	/** How the day ran, for the caption: e.g. "10,000 deliveries, seed 20260302, n8n 2.41.1". */
	caption?: string;
	/** Customers the day's people model has answer the follow-up question (the product has no reply path yet). */
	repliesModelled?: number;
}

const share = (part: number, whole: number) =>
	`${count(part)} of ${count(whole)}${whole > 0 ? ` (${Math.round((100 * part) / whole)}%)` : ''}`;
const medianP95 = (measured: { median?: number; p95?: number }) =>
	`${duration(measured.median)} / ${duration(measured.p95)}`;

/** The loop's rows: claims, the ladder, the owners' clocks, and what nobody took. */
function loopRows(
	ours: DayReport,
	theirs: (value: string) => string,
	context: TableContext,
): [string, string, string][] {
	const { loop } = ours;
	const rows: [string, string, string][] = [
		['Claimed within the deadline', share(loop.claimedInTime, loop.owned), theirs('— (no claim)')],
		[
			'Reminders / reassignments / manager escalations',
			`${count(loop.reminders)} / ${count(loop.reassignments)} / ${count(loop.escalations)}`,
			theirs('— (no ladder)'),
		],
		['Time to claim (median / p95)', medianP95(loop.timeToClaimMs), theirs('— (no claim)')],
		[
			'Time to first contact (median / p95)',
			medianP95(loop.timeToContactMs),
			theirs('— (not recorded)'),
		],
		[
			'**Unclaimed past deadline, no escalation**',
			`**${count(loop.unclaimedPastDeadline)}**`,
			theirs('— (nobody is told)'),
		],
	];
	if (context.repliesModelled !== undefined)
		rows.push([
			"Customers' replies to the follow-up attached",
			`— (no reply path yet; ${count(context.repliesModelled)} replied)`,
			theirs('— (no follow-up)'),
		]);
	return rows;
}

/**
 * The simulated day's table (Markdown, for the README and the console): our templates beside the
 * naive webhook → record workflow on the same traffic.
 */
export function formatDayTable(
	ours: DayReport,
	naive: NaiveReport | undefined,
	context: TableContext = {},
): string {
	const theirs = (value: string) => (naive ? value : 'not run');
	const rows: [string, string, string][] = [
		['Inquiries in', count(ours.inquiriesIn), theirs(count(naive?.inquiriesIn ?? 0))],
		['Records verified', count(ours.recordsVerified), theirs('— (no read-back)')],
		['Failures alerted', count(ours.failuresAlerted), theirs('0 (no alerts)')],
		[
			'**Silent leaks**',
			`**${count(ours.silentLeaks)}**`,
			theirs(`**${count(naive?.silentLeaks ?? 0)}**`),
		],
		[
			'Duplicates created',
			count(ours.duplicatesCreated.total),
			theirs(count(naive?.duplicatesCreated ?? 0)),
		],
		[
			'Lost by n8n while starting (200 before any workflow ran)',
			count(ours.lostWhileStarting),
			theirs(count(naive?.lostWhileStarting ?? 0)),
		],
		[
			'Time to owner (median / p95)',
			`${duration(ours.timeToOwnerMs.median)} / ${duration(ours.timeToOwnerMs.p95)}`,
			theirs('— (no owner)'),
		],
		[
			`Failures alerted within SLA (${duration(ours.alerts.slaMs)})`,
			`${count(ours.alerts.withinSla)} of ${count(ours.alerts.raised)}`,
			theirs('— (no alerts)'),
		],
		...loopRows(ours, theirs, context),
	];
	const lines = [
		'| | Inquiry Continuity templates | Naive webhook → record |',
		'|---|---:|---:|',
		...rows.map((row) => `| ${row.join(' | ')} |`),
	];
	if (context.caption) lines.push('', `_${context.caption}_`);
	return lines.join('\n');
}

/** The naive workflow's leaks by reason, one line. */
export function formatNaiveReasons(naive: NaiveReport): string {
	const parts = Object.entries(naive.byReason)
		.filter(([, n]) => n > 0)
		.map(([reason, n]) => `${reason.replace(/_/g, ' ')}: ${count(n)}`);
	return parts.length
		? `Naive leaks by reason — ${parts.join(', ')}`
		: 'Naive leaks by reason — none';
}
