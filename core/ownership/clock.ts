import { InquiryError } from '../shared/errors';
import type { Availability } from './hours';
import { compileWeekly, dayOfIsoDate, hasOpenTime, MINUTE, openInterval, zoneClock } from './hours';
import { BusinessCalendar, fieldPath } from './roster';

/**
 * The business-hours clock: deadlines count only minutes when the business is open, in its own
 * time zone, skipping nights, weekends and holidays. Minutes are real elapsed minutes, so a
 * block that spans a daylight-saving change counts the hour that actually passed.
 */

export type CompiledCalendar = Availability & { calendar: BusinessCalendar };

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** Validates and compiles a calendar once; throws BUSINESS_HOURS_INVALID with the field at fault. */
export function compileCalendar(input: BusinessCalendar): CompiledCalendar {
	const cached = compiled.get(input);
	if (cached) return cached;
	const parsed = BusinessCalendar.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InquiryError('BUSINESS_HOURS_INVALID', `${fieldPath(issue.path)} ${issue.message}`);
	}
	const calendar = parsed.data;
	const schedule = compileWeekly(calendar.hours);
	if (!hasOpenTime(schedule))
		throw new InquiryError(
			'BUSINESS_HOURS_INVALID',
			'the business hours have no open time on any day',
		);
	const holidays = new Set(calendar.holidays.map(dayOfIsoDate));
	const result: CompiledCalendar = {
		calendar,
		schedule,
		clock: zoneClock(calendar.timezone),
		isClosedDay: (day) => holidays.has(day),
	};
	compiled.set(input, result);
	return result;
}

/** Internal form: UTC milliseconds in and out, no allocations beyond the interval look-ups. */
export function addBusinessMs(startMs: number, minutes: number, where: Availability): number {
	let t = startMs;
	let remaining = Math.max(0, minutes) * MINUTE;
	for (;;) {
		const open = openInterval(t, where);
		if (!open)
			throw new InquiryError(
				'BUSINESS_HOURS_INVALID',
				'the business hours do not open again within a year',
			);
		t = Math.max(t, open.from);
		const span = open.to - t;
		if (remaining <= span) return t + remaining;
		remaining -= span;
		t = open.to;
	}
}

/**
 * `minutes` of business time after `start`. Starting outside hours, the count begins at the next
 * opening, so 0 minutes means "when the business next opens".
 */
export function addBusinessMinutes(
	start: Date | number | string,
	minutes: number,
	calendar: BusinessCalendar | Availability,
): Date {
	const where = 'schedule' in calendar ? calendar : compileCalendar(calendar);
	const startMs = typeof start === 'number' ? start : new Date(start).getTime();
	return new Date(addBusinessMs(startMs, minutes, where));
}
