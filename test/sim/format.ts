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
