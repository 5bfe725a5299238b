import { escapeHtml } from './charts';
import type { ClockGroup, ClockReport } from './clockReport';
import { minutesText } from './format';
import type { Timing } from './stats';

/** The three clocks as an e-mail table: one row overall, then by channel and by owner. Names are escaped. */

const FONT = 'Arial, Helvetica, sans-serif';
const CELL = `padding:5px 4px;font-family:${FONT};font-size:12px;color:#24292F;`;
/** Figures stay on one line; only the headings may wrap. */
const FIGURE = `${CELL}white-space:nowrap;`;
const HEADINGS = [
	'',
	'Inquiries',
	'To owner',
	'To claim',
	'To first contact',
	'Claims missed',
	'Reassigned',
];

const clockCell = (t: Timing) =>
	t.count ? `${minutesText(t.medianMinutes)} / ${minutesText(t.p90Minutes)}` : '–';

function row(name: string, g: ClockGroup, shade: boolean, bold = false): string {
	const cells = [
		String(g.inquiries),
		clockCell(g.toAssign),
		clockCell(g.toClaim),
		clockCell(g.toContact),
		String(g.claimsMissed),
		String(g.reassigned),
	].map((value) => `<td align="right" style="${FIGURE}">${escapeHtml(value)}</td>`);
	const weight = bold ? 'font-weight:bold;' : '';
	return (
		`<tr style="background:${shade ? '#F6F8FA' : '#FFFFFF'};"><td style="${CELL}${weight}">${escapeHtml(name)}</td>` +
		`${cells.join('')}</tr>`
	);
}

function groupRows(title: string, groups: [string, ClockGroup][]): string {
	if (groups.length === 0) return '';
	const heading = `<tr><td colspan="${HEADINGS.length}" style="${CELL}padding-top:10px;color:#57606A;font-weight:bold;">${escapeHtml(title)}</td></tr>`;
	return heading + groups.map(([name, g], i) => row(name, g, i % 2 === 0)).join('');
}

export function clockTable(clocks: ClockReport, channelName: (channel: string) => string): string {
	const byInquiries = (groups: Record<string, ClockGroup>) =>
		Object.entries(groups).sort(
			(a, b) => b[1].inquiries - a[1].inquiries || a[0].localeCompare(b[0]),
		);
	const head = HEADINGS.map(
		(h, i) =>
			`<td${i ? ' align="right"' : ''} style="${CELL}color:#57606A;border-bottom:1px solid #D0D7DE;">${escapeHtml(h)}</td>`,
	).join('');
	const channels = byInquiries(clocks.byChannel).map(
		([channel, g]) => [channelName(channel), g] as [string, ClockGroup],
	);
	return (
		`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;border:1px solid #D0D7DE;">` +
		`<tr>${head}</tr>` +
		row('All inquiries', clocks.all, true, true) +
		groupRows('By channel', channels) +
		groupRows('By owner', byInquiries(clocks.byOwner)) +
		'</table>'
	);
}

export function clockNote(clocks: ClockReport): string {
	const minutes =
		clocks.minutes === 'business'
			? 'business hours only (nights, weekends and holidays do not count)'
			: 'every minute counts, around the clock';
	return `Median / p90 of each clock; ${minutes}. To owner: the system's delay; to claim: the owner's delay after assignment; to first contact: speed to lead.`;
}
