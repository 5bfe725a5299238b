import { CHECK_LABELS, CHECKS } from './checks';
import { columns, escapeHtml, horizontalBars } from './charts';
import { clockNote, clockTable } from './clockTable';
import type { ReportOptions } from './format';
import { dateTimeLabel, inquiriesText, minutesText, percent, periodLabel } from './format';
import { SCORE_LABELS } from './score';
import type { PeriodSummary } from './summary';

/**
 * The period report as one self-contained HTML e-mail: table layout and inline styles (what mail
 * clients keep), inline SVG charts, no scripts, no stylesheets, no images or fonts to fetch.
 * All user text (title, business, channels, sources) is escaped.
 */

const WIDTH = 640;
const INNER = WIDTH - 48;
const FONT = 'Arial, Helvetica, sans-serif';
const BLUE = '#1F6FEB';
const RED = '#CF222E';
const GREEN = '#1A7F37';
const SCORE_COLORS: Record<number, string> = { 1: RED, 2: RED, 3: '#BF8700', 4: BLUE, 5: GREEN };

const CHANNEL_NAMES: Record<string, string> = {
	form: 'Form',
	chat: 'Chat',
	call: 'Call',
	missed_call: 'Missed call',
	sms: 'SMS',
	email: 'Email',
	booking: 'Booking',
	ad_lead: 'Ad lead',
	marketplace: 'Marketplace',
	other: 'Other',
	unknown: 'Unknown',
};
const channelName = (channel: string) => CHANNEL_NAMES[channel] ?? channel;

const FUNNEL_NAMES: Record<string, string> = {
	entry: 'Captured',
	transfer: 'Recorded',
	context: 'Context complete',
	trigger: 'Owner on it',
	visibility: 'Verified or alerted',
};

function section(title: string, body: string, note = ''): string {
	return (
		`<tr><td style="padding:20px 24px 4px 24px;font-family:${FONT};font-size:16px;font-weight:bold;color:#24292F;">${escapeHtml(title)}</td></tr>` +
		(note
			? `<tr><td style="padding:0 24px 6px 24px;font-family:${FONT};font-size:12px;color:#57606A;">${escapeHtml(note)}</td></tr>`
			: '') +
		`<tr><td style="padding:6px 24px 4px 24px;">${body}</td></tr>`
	);
}

function tile(label: string, value: string, color = '#24292F'): string {
	return (
		`<td width="25%" valign="top" style="padding:12px 8px;border:1px solid #D0D7DE;background:#F6F8FA;font-family:${FONT};">` +
		`<div style="font-size:12px;color:#57606A;">${escapeHtml(label)}</div>` +
		`<div style="font-size:22px;font-weight:bold;color:${color};padding-top:4px;">${escapeHtml(value)}</div></td>`
	);
}

function keyValueTable(rows: [string, string][]): string {
	const cells = rows
		.map(
			([key, value], i) =>
				`<tr style="background:${i % 2 ? '#FFFFFF' : '#F6F8FA'};"><td style="padding:6px 10px;font-family:${FONT};font-size:13px;color:#24292F;">${escapeHtml(key)}</td>` +
				`<td align="right" style="padding:6px 10px;font-family:${FONT};font-size:13px;color:#24292F;font-weight:bold;">${escapeHtml(value)}</td></tr>`,
		)
		.join('');
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;border:1px solid #D0D7DE;">${cells}</table>`;
}

const sorted = (counts: Record<string, number>) =>
	Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

function header(summary: PeriodSummary, options: ReportOptions): string {
	const level = summary.score.level;
	const badge = level ? `${level}/5` : '–';
	const business = options.businessName ? `${escapeHtml(options.businessName)} · ` : '';
	return (
		`<tr><td style="padding:24px;background:${BLUE};font-family:${FONT};color:#FFFFFF;">` +
		`<div style="font-size:22px;font-weight:bold;">${escapeHtml(options.title)}</div>` +
		`<div style="font-size:14px;padding-top:4px;">${business}${escapeHtml(periodLabel(summary, options.timezone))}</div></td></tr>` +
		`<tr><td style="padding:20px 24px 0 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
		`<td width="96" valign="middle" align="center" style="background:${level ? SCORE_COLORS[level] : '#57606A'};border-radius:8px;font-family:${FONT};font-size:30px;font-weight:bold;color:#FFFFFF;padding:16px 0;">${badge}</td>` +
		`<td valign="middle" style="padding-left:16px;font-family:${FONT};color:#24292F;">` +
		`<div style="font-size:18px;font-weight:bold;">${escapeHtml(summary.score.label)}</div>` +
		`<div style="font-size:13px;color:#57606A;padding-top:4px;">The period's continuity score: the level at least 8 in 10 captured inquiries reach` +
		`${summary.score.average === null ? '' : ` (average inquiry score ${summary.score.average})`}.</div></td></tr></table></td></tr>`
	);
}

function tiles(summary: PeriodSummary): string {
	const leakColor = summary.leaks.count ? RED : GREEN;
	return (
		`<tr><td style="padding:16px 24px 0 24px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>` +
		tile('Inquiries', String(summary.inquiries)) +
		tile('Leak rate', percent(summary.leaks.rate), leakColor) +
		tile('First contact (median)', minutesText(summary.clocks.all.toContact.medianMinutes)) +
		tile('SLA breaches', String(summary.slaBreaches), summary.slaBreaches ? RED : GREEN) +
		`</tr></table></td></tr>`
	);
}

export function renderHtmlReport(summary: PeriodSummary, options: ReportOptions): string {
	const base = Math.max(1, summary.inquiries);
	const funnel = horizontalBars(
		summary.funnel.map((step) => ({
			label: FUNNEL_NAMES[step.check] ?? step.label,
			value: step.passed,
			note: `(${percent(step.passed / base)})`,
		})),
		{ title: 'Inquiries passing each check', width: INNER, color: BLUE },
	);
	const leakBars = sorted(summary.leaks.byChannel).map(([channel, count]) => ({
		label: channelName(channel),
		value: count,
		note: `of ${summary.byChannel[channel] ?? count}`,
	}));
	const leaks = horizontalBars(leakBars, { title: 'Leaks by channel', width: INNER, color: RED });
	const histogram = columns(
		summary.timeToOwner.histogram.map((bucket) => ({ label: bucket.label, value: bucket.count })),
		{ title: 'Time from arrival to owner', width: INNER, height: 170, color: BLUE },
	);
	const worst = summary.worstLeakingStage;
	const figures = keyValueTable([
		['Captured cleanly (entered)', String(summary.entered)],
		[
			'Leaked: neither verified nor alerted',
			`${summary.leaks.count} (${percent(summary.leaks.rate)})`,
		],
		['Worst leaking stage', worst ? `${worst.label} (${worst.leaks})` : 'none'],
		[
			'Time to owner: median / p90',
			`${minutesText(summary.timeToOwner.medianMinutes)} / ${minutesText(summary.timeToOwner.p90Minutes)}`,
		],
		[
			'Time to verified record: median / p90',
			`${minutesText(summary.timeToVerified.medianMinutes)} / ${minutesText(summary.timeToVerified.p90Minutes)}`,
		],
		['Unassigned', String(summary.unassigned)],
		['Needs context', String(summary.needsContext)],
		['Unreachable', String(summary.unreachable)],
		['SLA breaches', String(summary.slaBreaches)],
	]);
	const sources = keyValueTable(
		sorted(summary.bySource).map(([source, count]) => [source, String(count)]),
	);
	const channels = keyValueTable(
		sorted(summary.byChannel).map(([channel, count]) => [channelName(channel), String(count)]),
	);
	const scale = CHECKS.map((c) => CHECK_LABELS[c]).join(', ');
	const footer =
		`<tr><td style="padding:20px 24px 24px 24px;font-family:${FONT};font-size:12px;color:#57606A;line-height:18px;">` +
		`Each inquiry is checked for ${escapeHtml(scale)}. Score: 5 all five pass (${SCORE_LABELS[5].toLowerCase()}); ` +
		`4 Entry, Transfer and Trigger pass (${SCORE_LABELS[4].toLowerCase()}); 3 Entry and one more pass (${SCORE_LABELS[3].toLowerCase()}); ` +
		`1–2 ${SCORE_LABELS[1].toLowerCase()}.<br>Generated ${escapeHtml(dateTimeLabel(summary.generatedAt, options.timezone))} by the Inquiry Continuity Scorecard.</td></tr>`;

	const body =
		header(summary, options) +
		tiles(summary) +
		section(
			'Where inquiries drop out',
			funnel,
			'Each bar counts the inquiries that passed that check.',
		) +
		section(
			'Leaks by channel',
			leaks,
			'Leak: captured, but never verified in your system and no failure alert.',
		) +
		section(
			'The three clocks',
			clockTable(summary.clocks, channelName),
			clockNote(summary.clocks),
		) +
		section(
			'Time to owner',
			histogram,
			`${inquiriesText(summary.timeToOwner.count)} got an owner.`,
		) +
		section('Key figures', figures) +
		section('By channel', channels) +
		section('By source', sources) +
		footer;
	return (
		'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
		'<meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<title>${escapeHtml(options.title)}</title></head>` +
		`<body style="margin:0;padding:0;background:#EEF1F4;">` +
		`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#EEF1F4;"><tr><td align="center" style="padding:24px 8px;">` +
		`<table role="presentation" width="${WIDTH}" cellpadding="0" cellspacing="0" border="0" style="width:${WIDTH}px;max-width:100%;background:#FFFFFF;border:1px solid #D0D7DE;">` +
		body +
		'</table></td></tr></table></body></html>'
	);
}
