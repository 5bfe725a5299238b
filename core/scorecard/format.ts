import { DateTime } from 'luxon';
import type { PeriodSummary } from './summary';
import { formatMinutes } from './sweep';

/** Wording shared by the text and HTML reports. */

export interface ReportOptions {
	/** e.g. "Weekly inquiry continuity"; user text, escaped in HTML. */
	title: string;
	/** Shown under the title when given. */
	businessName?: string;
	/** IANA zone for the dates shown, e.g. America/New_York. */
	timezone: string;
}

export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export const minutesText = (minutes: number | null) =>
	minutes === null ? '–' : formatMinutes(minutes);

function day(iso: string, zone: string): DateTime {
	const date = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
	return date.isValid ? date : DateTime.fromISO(iso, { zone: 'utc' });
}

/** "4–10 May 2026", "28 Apr – 3 May 2026" or "all time"; the end is exclusive, so it shows the day before. */
export function periodLabel(summary: PeriodSummary, zone: string): string {
	const fromIso = summary.period.from ?? summary.period.firstReceivedAt;
	const endIso = summary.period.to ?? summary.period.lastReceivedAt;
	if (!fromIso || !endIso) return 'no inquiries yet';
	const from = day(fromIso, zone);
	const end = summary.period.to ? day(endIso, zone).minus({ milliseconds: 1 }) : day(endIso, zone);
	if (from.hasSame(end, 'day')) return from.toFormat('d LLL yyyy');
	if (from.hasSame(end, 'month')) return `${from.toFormat('d')}–${end.toFormat('d LLL yyyy')}`;
	if (from.hasSame(end, 'year')) return `${from.toFormat('d LLL')} – ${end.toFormat('d LLL yyyy')}`;
	return `${from.toFormat('d LLL yyyy')} – ${end.toFormat('d LLL yyyy')}`;
}

export function dateTimeLabel(iso: string, zone: string): string {
	return day(iso, zone).toFormat('d LLL yyyy, HH:mm ZZZZ');
}

const TEXT_LIMIT = 300;

/** "1 inquiry", "2 inquiries": report lines read as sentences. */
export function inquiriesText(count: number): string {
	return `${count} ${count === 1 ? 'inquiry' : 'inquiries'}`;
}

/** A plain-text summary for Slack or SMS, at most 300 characters (less important parts go first). */
export function textSummary(summary: PeriodSummary, options: ReportOptions): string {
	const title = options.title.trim().slice(0, 60) || 'Inquiry continuity';
	const score = summary.score.level
		? `score ${summary.score.level}/5 (${summary.score.label})`
		: 'no score yet';
	const worst = summary.worstLeakingStage ? `, most at ${summary.worstLeakingStage.label}` : '';
	const parts = [
		`${title}, ${periodLabel(summary, options.timezone)}: ${inquiriesText(summary.inquiries)}, ${score}.`,
		`Leaks ${summary.leaks.count} (${percent(summary.leaks.rate)})${worst}.`,
		`Median: owner in ${minutesText(summary.clocks.all.toAssign.medianMinutes)}, claimed in ${minutesText(summary.clocks.all.toClaim.medianMinutes)}, first contact in ${minutesText(summary.clocks.all.toContact.medianMinutes)}; claims missed ${summary.clocks.all.claimsMissed}.`,
		`SLA breaches ${summary.slaBreaches}, unassigned ${summary.unassigned}, needs context ${summary.needsContext}.`,
	];
	while (parts.length > 1 && parts.join(' ').length > TEXT_LIMIT) parts.pop();
	const text = parts.join(' ');
	return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text;
}
