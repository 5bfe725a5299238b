import { IANAZone } from 'luxon';
import { WEEKDAYS } from './hoursText';
import type { WeeklyHours } from './roster';

/**
 * Weekly hours, holidays and time zones as plain numbers. Instants are UTC milliseconds; a
 * local calendar day is a day number (days since 1970-01-01 on the local calendar), so checking
 * 200 owners needs no date objects: one offset look-up per time zone, then integer arithmetic.
 */

export const MINUTE = 60_000;
export const DAY = 86_400_000;
/** How far ahead an opening is searched before giving up (a schedule may be closed for months). */
export const HORIZON_DAYS = 400;

export interface LocalTime {
	/** Day number on the local calendar. */
	day: number;
	/** 0 = Monday … 6 = Sunday. */
	weekday: number;
	/** Minutes since local midnight. */
	minute: number;
}

export const weekdayOf = (day: number) => ((day % 7) + 7 + 3) % 7;
export const dayOfIsoDate = (iso: string) =>
	Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoDates = new Map<number, string>();
/** YYYY-MM-DD of a day number; cached, as the same few days recur for every inquiry. */
export function isoDateOfDay(day: number): string {
	let iso = isoDates.get(day);
	if (iso === undefined) {
		if (isoDates.size >= 4096) isoDates.clear();
		iso = new Date(day * DAY).toISOString().slice(0, 10);
		isoDates.set(day, iso);
	}
	return iso;
}

const OFFSET_BUCKET = 15 * MINUTE;
const OFFSET_CACHE_LIMIT = 4096;

/**
 * One IANA time zone. Offsets are cached per 15-minute bucket, so a burst of inquiries costs one
 * look-up; a bucket whose two ends disagree holds a transition (today's are on quarter hours,
 * older ones such as St. John's at 00:01 were not) and is looked up exactly every time.
 */
export class ZoneClock {
	private readonly zone: IANAZone;
	/** Offset per bucket; NaN marks a bucket with a transition inside. */
	private readonly offsets = new Map<number, number>();

	constructor(readonly name: string) {
		this.zone = IANAZone.create(name);
	}

	/** Offset from UTC in minutes at an instant. */
	offset(ms: number): number {
		const bucket = Math.floor(ms / OFFSET_BUCKET);
		let offset = this.offsets.get(bucket);
		if (offset === undefined) {
			if (this.offsets.size >= OFFSET_CACHE_LIMIT) this.offsets.clear();
			const first = this.zone.offset(bucket * OFFSET_BUCKET);
			offset = first === this.zone.offset((bucket + 1) * OFFSET_BUCKET - 1) ? first : NaN;
			this.offsets.set(bucket, offset);
		}
		return Number.isNaN(offset) ? this.zone.offset(ms) : offset;
	}

	toLocal(ms: number): LocalTime {
		const local = ms + this.offset(ms) * MINUTE;
		const day = Math.floor(local / DAY);
		return { day, weekday: weekdayOf(day), minute: Math.floor((local - day * DAY) / MINUTE) };
	}

	/**
	 * The instant a local wall-clock time happens. A time skipped by a spring-forward change moves
	 * forward by the gap (02:30 → 03:30), as luxon does; a repeated autumn time takes its first
	 * occurrence. Offsets 18 hours either side bracket any one change, whatever the zone's offset.
	 */
	toUtc(day: number, minute: number): number {
		const local = day * DAY + minute * MINUTE;
		const before = this.offset(local - 18 * 60 * MINUTE);
		const after = this.offset(local + 18 * 60 * MINUTE);
		const early = local - before * MINUTE;
		if (before === after) return early;
		const late = local - after * MINUTE;
		const earlyHolds = this.offset(early) === before;
		const lateHolds = this.offset(late) === after;
		if (earlyHolds && lateHolds) return Math.min(early, late);
		if (earlyHolds) return early;
		if (lateHolds) return late;
		return early;
	}
}

const clocks = new Map<string, ZoneClock>();
/** Shared per zone name, so offset caches survive across node executions in one process. */
export function zoneClock(name: string): ZoneClock {
	let clock = clocks.get(name);
	if (!clock) {
		clock = new ZoneClock(name);
		clocks.set(name, clock);
	}
	return clock;
}

/** Open blocks per weekday (0 = Monday) as [startMinute, endMinute), sorted, not overlapping. */
export type WeeklySchedule = readonly (readonly [number, number])[][];

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function compileWeekly(hours: WeeklyHours): WeeklySchedule {
	return WEEKDAYS.map((day) => {
		const blocks = (hours[day] ?? [])
			.map((b) => [toMinutes(b.start), toMinutes(b.end)] as [number, number])
			.sort((a, b) => a[0] - b[0]);
		const merged: [number, number][] = [];
		for (const block of blocks) {
			const last = merged[merged.length - 1];
			if (last && block[0] <= last[1]) last[1] = Math.max(last[1], block[1]);
			else merged.push(block);
		}
		return merged;
	});
}

export const ALWAYS_OPEN: WeeklySchedule = WEEKDAYS.map(() => [[0, 1440] as const]);

export function hasOpenTime(schedule: WeeklySchedule): boolean {
	return schedule.some((blocks) => blocks.length > 0);
}

export function isOpenAt(schedule: WeeklySchedule, local: LocalTime): boolean {
	for (const [start, end] of schedule[local.weekday])
		if (local.minute >= start && local.minute < end) return true;
	return false;
}

/** A schedule in a place: weekly blocks, a time zone, and whole local days that are closed. */
export interface Availability {
	schedule: WeeklySchedule;
	clock: ZoneClock;
	isClosedDay: (day: number) => boolean;
}

/**
 * The open interval containing `ms`, or else the next one, as UTC instants. Undefined when
 * nothing opens within the horizon (no hours, or closed for longer than a year).
 */
export function openInterval(
	ms: number,
	where: Availability,
): { from: number; to: number } | undefined {
	const local = where.clock.toLocal(ms);
	for (let day = local.day; day <= local.day + HORIZON_DAYS; day++) {
		if (where.isClosedDay(day)) continue;
		for (const [start, end] of where.schedule[weekdayOf(day)]) {
			if (day === local.day && end <= local.minute) continue;
			const to = where.clock.toUtc(day, end);
			if (to <= ms) continue;
			return { from: where.clock.toUtc(day, start), to };
		}
	}
	return undefined;
}

/** When the place is next open: `ms` itself when open now; undefined when never within the horizon. */
export function nextOpening(ms: number, where: Availability): number | undefined {
	const open = openInterval(ms, where);
	return open && Math.max(open.from, ms);
}
