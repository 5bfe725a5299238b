import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
	compileWeekly,
	dayOfIsoDate,
	isoDateOfDay,
	isOpenAt,
	nextOpening,
	openInterval,
	ZoneClock,
} from './hours';

const ZONES = [
	'America/New_York',
	'America/Los_Angeles',
	'Europe/London',
	'Europe/Berlin',
	'Australia/Sydney',
	'Australia/Lord_Howe',
	'Asia/Kolkata',
	'Asia/Kathmandu',
	'America/St_Johns',
	'Pacific/Chatham',
	'UTC',
];
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2040, 0, 1);

describe('ZoneClock', () => {
	it('reads local day, weekday and minute as luxon does, in zones with odd offsets and DST', () => {
		fc.assert(
			fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
				const local = new ZoneClock(zone).toLocal(ms);
				const dt = DateTime.fromMillis(ms, { zone });
				expect(isoDateOfDay(local.day)).toBe(dt.toISODate());
				expect(local.weekday).toBe(dt.weekday - 1);
				expect(local.minute).toBe(dt.hour * 60 + dt.minute);
			}),
			{ numRuns: 2000 },
		);
	});

	it('turns a local wall time into the instant it happens; skipped times move forward like luxon', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...ZONES),
				fc.integer({ min: FROM / 86_400_000, max: TO / 86_400_000 }),
				fc.integer({ min: 0, max: 1439 }),
				(zone, day, minute) => {
					const mine = new ZoneClock(zone).toUtc(day, minute);
					const date = isoDateOfDay(day);
					const wanted = {
						year: Number(date.slice(0, 4)),
						month: Number(date.slice(5, 7)),
						day: Number(date.slice(8, 10)),
						hour: Math.floor(minute / 60),
						minute: minute % 60,
					};
					const luxon = DateTime.fromObject(wanted, { zone });
					const back = DateTime.fromMillis(mine, { zone });
					const exists = luxon.hour === wanted.hour && luxon.minute === wanted.minute;
					if (exists) {
						// An autumn time that happens twice resolves to its first occurrence.
						expect({ day: back.toISODate(), hour: back.hour, minute: back.minute }).toEqual({
							day: date,
							hour: wanted.hour,
							minute: wanted.minute,
						});
						expect(mine).toBeLessThanOrEqual(luxon.toMillis());
					} else {
						expect(mine).toBe(luxon.toMillis());
					}
				},
			),
			{ numRuns: 2000 },
		);
	});

	it('switches offset at the exact minute of every 2026 transition', () => {
		let transitions = 0;
		for (const zone of ZONES) {
			const clock = new ZoneClock(zone);
			const offset = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
			for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
				if (offset(day) === offset(day + 86_400_000)) continue;
				let lo = day;
				let hi = day + 86_400_000;
				while (hi - lo > 60_000) {
					const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
					if (offset(mid) === offset(lo)) lo = mid;
					else hi = mid;
				}
				transitions++;
				for (const ms of [hi - 60_000, hi, hi + 60_000, hi + 14 * 60_000])
					expect(clock.offset(ms)).toBe(offset(ms));
			}
		}
		expect(transitions).toBe(16); // 8 zones with DST × 2 changes
	});

	it("handles transitions off the quarter hour (St. John's ended DST at 00:01 until 2011)", () => {
		const stJohns = new ZoneClock('America/St_Johns');
		const zone = 'America/St_Johns';
		for (const iso of [
			'2005-10-30T02:30:00Z',
			'2005-10-30T02:31:00Z',
			'2005-10-30T02:32:00Z',
			'2005-10-30T02:44:00Z',
		]) {
			expect(stJohns.offset(Date.parse(iso))).toBe(DateTime.fromISO(iso, { zone }).offset);
		}
		// 00:01 came only once that night, in standard time: the clock went from 00:00:59 back to 23:01.
		expect(new Date(stJohns.toUtc(dayOfIsoDate('2005-10-30'), 1)).toISOString()).toBe(
			'2005-10-30T03:31:00.000Z',
		);
	});

	it('takes the first of two repeated times in zones east of UTC too (Chatham, April 2027)', () => {
		const chatham = new ZoneClock('Pacific/Chatham');
		expect(new Date(chatham.toUtc(dayOfIsoDate('2027-04-04'), 165)).toISOString()).toBe(
			'2027-04-03T13:00:00.000Z',
		);
	});

	it('resolves the New York DST edges exactly', () => {
		const ny = new ZoneClock('America/New_York');
		const mar8 = dayOfIsoDate('2026-03-08');
		expect(new Date(ny.toUtc(mar8, 150)).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 02:30 does not exist → 03:30 EDT
		expect(new Date(ny.toUtc(mar8, 90)).toISOString()).toBe('2026-03-08T06:30:00.000Z'); // 01:30 EST
		const nov1 = dayOfIsoDate('2026-11-01');
		expect(new Date(ny.toUtc(nov1, 90)).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, the first of two
		expect(new Date(ny.toUtc(nov1, 150)).toISOString()).toBe('2026-11-01T07:30:00.000Z'); // 02:30 EST
	});
});

describe('weekly schedules', () => {
	const ny = new ZoneClock('America/New_York');
	const schedule = compileWeekly({
		mon: [
			{ start: '13:00', end: '17:00' },
			{ start: '09:00', end: '12:00' },
		],
		fri: [{ start: '09:00', end: '12:00' }],
	});
	const where = {
		schedule,
		clock: ny,
		isClosedDay: (day: number) => day === dayOfIsoDate('2026-03-09'),
	};

	it('sorts blocks and answers "open now" by local minute', () => {
		expect(schedule[0]).toEqual([
			[540, 720],
			[780, 1020],
		]);
		expect(isOpenAt(schedule, ny.toLocal(Date.parse('2026-03-02T14:00:00Z')))).toBe(true); // Mon 09:00 EST
		expect(isOpenAt(schedule, ny.toLocal(Date.parse('2026-03-02T17:30:00Z')))).toBe(false); // Mon 12:30, lunch
		expect(isOpenAt(schedule, ny.toLocal(Date.parse('2026-03-02T22:00:00Z')))).toBe(false); // Mon 17:00, closed
	});

	it('finds the next opening across lunch, the weekend and a closed day', () => {
		const at = (iso: string) =>
			new Date(nextOpening(Date.parse(iso), where) as number).toISOString();
		expect(at('2026-03-02T15:00:00Z')).toBe('2026-03-02T15:00:00.000Z'); // open now
		expect(at('2026-03-02T17:30:00Z')).toBe('2026-03-02T18:00:00.000Z'); // after lunch, 13:00 EST
		expect(at('2026-03-06T18:00:00Z')).toBe('2026-03-13T13:00:00.000Z'); // Fri 13:00 → Mon 9th closed → Fri 13th 09:00 EDT
		expect(openInterval(Date.parse('2026-03-02T17:30:00Z'), where)).toEqual({
			from: Date.parse('2026-03-02T18:00:00Z'),
			to: Date.parse('2026-03-02T22:00:00Z'),
		});
	});

	it('gives up (undefined) when nothing ever opens', () => {
		expect(
			nextOpening(Date.now(), { schedule: compileWeekly({}), clock: ny, isClosedDay: () => false }),
		).toBeUndefined();
	});
});
