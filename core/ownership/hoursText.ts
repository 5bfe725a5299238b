/**
 * Readers for the short texts people type into the node or a spreadsheet: weekly hours
 * ("Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00"), holiday lists and out-of-office ranges.
 * Forgiving in form (5pm, 9:30am, Mon to Fri, en dashes), strict on meaning: every error
 * quotes the part it could not read and shows the expected form.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeBlockText {
	start: string;
	end: string;
}
export type WeeklyHoursText = Partial<Record<Weekday, TimeBlockText[]>>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const DAY_WORDS: Record<string, number[]> = {
	mon: [0],
	monday: [0],
	tue: [1],
	tues: [1],
	tuesday: [1],
	wed: [2],
	weds: [2],
	wednesday: [2],
	thu: [3],
	thur: [3],
	thurs: [3],
	thursday: [3],
	fri: [4],
	friday: [4],
	sat: [5],
	saturday: [5],
	sun: [6],
	sunday: [6],
	daily: [0, 1, 2, 3, 4, 5, 6],
	everyday: [0, 1, 2, 3, 4, 5, 6],
	'every day': [0, 1, 2, 3, 4, 5, 6],
	weekdays: [0, 1, 2, 3, 4],
	weekends: [5, 6],
	weekend: [5, 6],
};
const DAY_HELP = 'use Mon, Tue, Wed, Thu, Fri, Sat or Sun (ranges like Mon-Fri are fine)';
const TIME_HELP = 'write times like 08:00, 17:30 or 5pm';
const CLOSED = /\b(?:closed|off)$/i;
const RANGE_DASH = /-|–|—|\bto\b/i;

/** Splits on a separator and trims the parts; the patterns stay free of `\s*` so they run in linear time. */
const splitTrim = (text: string, separator: RegExp | string) =>
	text
		.split(separator)
		.map((part) => part.trim())
		.filter(Boolean);

/** Drops trailing spaces and colons ("Mon-Fri:" → "Mon-Fri") without a backtracking regex. */
function trimTrailing(text: string): string {
	let end = text.length;
	while (end > 0 && (text[end - 1] === ':' || text[end - 1].trim() === '')) end--;
	return text.slice(0, end);
}

const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Minutes since midnight for "9", "09:30", "0930", "5pm", "12am"; 24:00 only as an end. */
function readTime(text: string, isEnd: boolean): number | undefined {
	const m = /^(\d{1,2})(?::?(\d{2}))?\s*(am|pm|a|p)?$/i.exec(text.trim());
	if (!m) return undefined;
	let hour = Number(m[1]);
	const minute = m[2] ? Number(m[2]) : 0;
	const meridiem = m[3]?.toLowerCase();
	if (minute > 59) return undefined;
	if (meridiem) {
		if (hour < 1 || hour > 12) return undefined;
		hour = (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
	}
	if (hour === 24 && minute === 0 && isEnd) return 1440;
	if (hour === 0 && minute === 0 && isEnd && !meridiem) return 1440;
	return hour < 24 ? hour * 60 + minute : undefined;
}

export function minutesToHHmm(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function readDays(spec: string, segment: string): Parsed<number[]> {
	const days: number[] = [];
	for (const part of splitTrim(spec, /,|&|\band\b/i)) {
		const whole = DAY_WORDS[part.toLowerCase().replace(/\.$/, '')];
		if (whole) {
			days.push(...whole);
			continue;
		}
		const ends = splitTrim(part, RANGE_DASH);
		const [from, to] = ends.map((d) => DAY_WORDS[d.toLowerCase().replace(/\.$/, '')]);
		if (ends.length !== 2 || !from || !to || from.length !== 1 || to.length !== 1) {
			const bad = ends.find((d) => !DAY_WORDS[d.toLowerCase()]) ?? part;
			return fail(`"${segment}": "${bad}" is not a day — ${DAY_HELP}`);
		}
		for (let d = from[0]; ; d = (d + 1) % 7) {
			days.push(d);
			if (d === to[0]) break;
		}
	}
	return days.length
		? { ok: true, value: days }
		: fail(`"${segment}": no days named — ${DAY_HELP}`);
}

/** Reads weekly hours; an empty text means "no hours given" (undefined), not "always closed". */
export function parseHoursText(text: string): Parsed<WeeklyHoursText | undefined> {
	const trimmed = text.trim();
	if (!trimmed) return { ok: true, value: undefined };
	if (/^(?:24\/7|always|always open)$/i.test(trimmed)) {
		return {
			ok: true,
			value: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
		};
	}
	const week: [number, number][][] = WEEKDAYS.map(() => []);
	for (const segment of splitTrim(trimmed, /[;\n]/)) {
		const closedAt = segment.search(CLOSED);
		const closed = closedAt >= 0;
		const firstDigit = segment.search(/\d/);
		const daySpec = trimTrailing(
			closed ? segment.slice(0, closedAt) : firstDigit < 0 ? segment : segment.slice(0, firstDigit),
		);
		const days = readDays(daySpec, segment);
		if (!days.ok) return days;
		if (closed) {
			for (const d of days.value) week[d] = [];
			continue;
		}
		if (firstDigit < 0)
			return fail(
				`"${segment}": no times — write e.g. "${daySpec} 09:00-17:00", or "${daySpec} closed"`,
			);
		for (const blockText of splitTrim(segment.slice(firstDigit), ',')) {
			const ends = splitTrim(blockText, RANGE_DASH);
			if (ends.length !== 2)
				return fail(`"${segment}": "${blockText}" is not a time range — write it like 09:00-17:00`);
			const start = readTime(ends[0], false);
			const end = readTime(ends[1], true);
			if (start === undefined)
				return fail(`"${segment}": "${ends[0]}" is not a time — ${TIME_HELP}`);
			if (end === undefined) return fail(`"${segment}": "${ends[1]}" is not a time — ${TIME_HELP}`);
			if (start === end)
				return fail(`"${segment}": "${blockText}" starts and ends at the same time`);
			for (const d of days.value) {
				// A block that ends before it starts runs past midnight into the next day.
				if (end > start) week[d].push([start, end]);
				else {
					week[d].push([start, 1440]);
					if (end > 0) week[(d + 1) % 7].push([0, end]);
				}
			}
		}
	}
	const hours: WeeklyHoursText = {};
	WEEKDAYS.forEach((day, d) => {
		const merged = mergeBlocks(week[d]);
		if (merged.length)
			hours[day] = merged.map(([s, e]) => ({ start: minutesToHHmm(s), end: minutesToHHmm(e) }));
	});
	return { ok: true, value: hours };
}

/** Sorts blocks and joins overlapping or touching ones. */
export function mergeBlocks(blocks: [number, number][]): [number, number][] {
	const sorted = [...blocks].sort((a, b) => a[0] - b[0]);
	const out: [number, number][] = [];
	for (const [s, e] of sorted) {
		const last = out[out.length - 1];
		if (last && s <= last[1]) last[1] = Math.max(last[1], e);
		else out.push([s, e]);
	}
	return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
	if (!ISO_DATE.test(text)) return false;
	const [y, m, d] = text.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE_HELP = 'write dates as YYYY-MM-DD, e.g. 2026-12-25';

/** "2026-12-25, 2027-01-01" → the dates; blank → none. */
export function parseDateList(text: string): Parsed<string[]> {
	const dates = text.split(/[\s,;]+/).filter(Boolean);
	const bad = dates.find((d) => !isIsoDate(d));
	return bad ? fail(`"${bad}" is not a date — ${DATE_HELP}`) : { ok: true, value: dates };
}

export interface DateRangeText {
	start: string;
	end: string;
}

const RANGE_WORDS = new Set(['..', '-', '–', '—', 'to']);

/** "2026-07-01..2026-07-14, 2026-08-03" → inclusive ranges (a single date is a one-day range). */
export function parseDateRanges(text: string): Parsed<DateRangeText[]> {
	const ranges: DateRangeText[] = [];
	for (const part of splitTrim(text, /[,;\n]/)) {
		const dates = part.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
		const between = part.replace(/\d{4}-\d{2}-\d{2}/g, ' ').trim();
		const start = dates[0] ?? part;
		const end = dates[1] ?? start;
		const shaped =
			dates.length === 1
				? between === ''
				: dates.length === 2 && RANGE_WORDS.has(between.toLowerCase());
		if (!shaped || !isIsoDate(start) || !isIsoDate(end)) {
			return fail(
				`"${part}" is not a date or date range — ${DATE_HELP}, or a range like 2026-07-01..2026-07-14`,
			);
		}
		if (end < start) return fail(`"${part}" ends before it starts`);
		ranges.push({ start, end });
	}
	return { ok: true, value: ranges };
}
