import { DateTime } from 'luxon';
import { InquiryError } from '../shared/errors';
import { addBusinessMinutes, compileCalendar } from './clock';
import { parseHoursText } from './hoursText';
import type { BusinessCalendar, WeeklyHours } from './roster';

const hours = (text: string) => {
	const parsed = parseHoursText(text);
	if (!parsed.ok || !parsed.value) throw new Error('bad hours in test');
	return parsed.value as WeeklyHours;
};
const calendar = (
	text: string,
	timezone = 'America/New_York',
	holidays: string[] = [],
): BusinessCalendar => ({ timezone, hours: hours(text), holidays });
/** The UTC instant of a wall-clock time, computed by luxon (independently of the code under test). */
const wall = (iso: string, zone = 'America/New_York') =>
	DateTime.fromISO(iso, { zone }).toUTC().toISO();
const add = (startIso: string, minutes: number, cal: BusinessCalendar, zone = 'America/New_York') =>
	addBusinessMinutes(new Date(wall(startIso, zone) as string), minutes, cal).toISOString();

const OFFICE = calendar('Mon-Fri 09:00-17:00');

describe('addBusinessMinutes', () => {
	it('skips the weekend: Friday 16:00 + 2 h → Monday 10:00', () => {
		expect(add('2026-02-27T16:00', 120, OFFICE)).toBe(wall('2026-03-02T10:00'));
	});

	it('skips a weekend that contains the March DST change (Mar 8, 2026 in New York)', () => {
		expect(add('2026-03-06T16:00', 120, OFFICE)).toBe(wall('2026-03-09T10:00'));
		expect(wall('2026-03-09T10:00')).toBe('2026-03-09T14:00:00.000Z'); // EDT: the UTC hour moved
		expect(wall('2026-03-06T16:00')).toBe('2026-03-06T21:00:00.000Z');
	});

	it('skips a weekend that contains the November DST change (Nov 1, 2026 in New York)', () => {
		expect(add('2026-10-30T16:30', 60, OFFICE)).toBe(wall('2026-11-02T09:30'));
		expect(wall('2026-11-02T09:30')).toBe('2026-11-02T14:30:00.000Z');
	});

	it('counts real elapsed minutes through a DST change on a 24/7 clock', () => {
		const always = calendar('24/7');
		expect(add('2026-03-07T23:00', 240, always)).toBe('2026-03-08T08:00:00.000Z'); // 04:00 EDT: the wall clock jumped an hour
		expect(add('2026-10-31T23:00', 240, always)).toBe('2026-11-01T07:00:00.000Z'); // 02:00 EST: the wall clock repeated an hour
	});

	it('skips holidays and lunch breaks', () => {
		const withHoliday = calendar('Mon-Fri 09:00-17:00', 'America/New_York', ['2026-12-25']);
		expect(add('2026-12-24T16:00', 120, withHoliday)).toBe(wall('2026-12-28T10:00'));
		expect(add('2026-03-02T11:30', 60, calendar('Mon-Fri 08:00-12:00,13:00-17:00'))).toBe(
			wall('2026-03-02T13:30'),
		);
	});

	it('starts counting at the next opening; 0 minutes means "when we next open"', () => {
		expect(add('2026-02-28T12:00', 0, OFFICE)).toBe(wall('2026-03-02T09:00'));
		expect(add('2026-03-02T07:00', 30, OFFICE)).toBe(wall('2026-03-02T09:30'));
	});

	it('can end exactly at closing time, and spans a full business week', () => {
		expect(add('2026-03-02T09:00', 480 * 5, OFFICE)).toBe(wall('2026-03-06T17:00'));
		expect(add('2026-03-02T09:00', 480 * 5 + 1, OFFICE)).toBe(wall('2026-03-09T09:01'));
	});

	it('works in the business time zone, whatever the server zone (London, March 29 change)', () => {
		const london = calendar('Mon-Fri 09:00-17:30', 'Europe/London');
		expect(add('2026-03-27T17:00', 60, london, 'Europe/London')).toBe(
			wall('2026-03-30T09:30', 'Europe/London'),
		);
		expect(wall('2026-03-30T09:30', 'Europe/London')).toBe('2026-03-30T08:30:00.000Z'); // BST
	});
});

describe('compileCalendar', () => {
	const code = (cal: unknown) => {
		try {
			compileCalendar(cal as BusinessCalendar);
			return 'ok';
		} catch (error) {
			return error instanceof InquiryError ? `${error.code}: ${error.message}` : 'other';
		}
	};

	it('refuses hours with no open time, unknown time zones and bad holidays', () => {
		expect(code({ timezone: 'America/New_York', hours: {}, holidays: [] })).toBe(
			'BUSINESS_HOURS_INVALID: The business hours or holidays could not be read: the business hours have no open time on any day',
		);
		expect(code({ timezone: 'Mars/Base', hours: hours('Mon 9-5pm'), holidays: [] })).toContain(
			'timezone must be a time zone name',
		);
		expect(
			code({ timezone: 'UTC', hours: hours('Mon 9-5pm'), holidays: ['2026-13-01'] }),
		).toContain('holidays[0] must be a date written YYYY-MM-DD');
		expect(code(OFFICE)).toBe('ok');
	});
});
