import { InquiryError } from '../shared/errors';
import { readPeriodEnd, readReportTimezone, sweepSettingsFromParameters } from './parameters';
import { compileSweep, sweepRow } from './sweep';
import { ledgerRow } from './test/rows';

describe('sweepSettingsFromParameters', () => {
	it('reads business hours and holidays written as text, in the workflow zone when none is given', () => {
		const settings = sweepSettingsFromParameters(
			{
				clock: 'business',
				assignWithinMinutes: 30,
				verifyWithinMinutes: 45,
				businessHours: 'Mon-Fri 09:00-17:00',
				holidays: '2026-05-25',
			},
			'America/New_York',
		);
		expect(settings).toEqual({
			clock: 'business',
			assignWithinMinutes: 30,
			verifyWithinMinutes: 45,
			calendar: {
				timezone: 'America/New_York',
				hours: expect.objectContaining({
					mon: [{ start: '09:00', end: '17:00' }],
					fri: [{ start: '09:00', end: '17:00' }],
				}),
				holidays: ['2026-05-25'],
			},
		});
		const row = ledgerRow({
			receivedAt: '2026-05-08T20:50:00.000Z',
			ownerId: '',
			triggerCheck: 'fail',
			escalateAt: '',
		});
		expect(sweepRow(row, compileSweep(settings), new Date('2026-05-11T13:21:00Z'))).toMatchObject({
			status: 'stalled',
			dueAt: '2026-05-11T13:20:00.000Z',
		});
	});

	it('uses the wall clock when asked, with defaults of 15 and 30 minutes', () => {
		expect(sweepSettingsFromParameters({ clock: 'wall' }, 'UTC')).toEqual({
			clock: 'wall',
			assignWithinMinutes: 15,
			verifyWithinMinutes: 30,
		});
	});

	it('names the field at fault', () => {
		expect(() => sweepSettingsFromParameters({ businessHours: 'whenever' }, 'UTC')).toThrow(
			'Business Hours',
		);
		expect(() => sweepSettingsFromParameters({ holidays: 'Christmas' }, 'UTC')).toThrow('Holidays');
		expect(() => sweepSettingsFromParameters({ businessHours: ' ' }, 'UTC')).toThrow('empty');
	});
});

describe('readPeriodEnd', () => {
	it('reads a date without an offset in the report zone, and keeps an explicit offset', () => {
		expect(readPeriodEnd('2026-05-04', 'America/New_York', 'start')?.toISOString()).toBe(
			'2026-05-04T04:00:00.000Z',
		);
		expect(readPeriodEnd('2026-05-04T00:00:00', 'Europe/Berlin', 'start')?.toISOString()).toBe(
			'2026-05-03T22:00:00.000Z',
		);
		expect(
			readPeriodEnd('2026-05-04T00:00:00.000Z', 'America/New_York', 'end')?.toISOString(),
		).toBe('2026-05-04T00:00:00.000Z');
	});

	it('takes Date, epoch milliseconds and DateTime-like values, and treats empty as open', () => {
		expect(readPeriodEnd(new Date('2026-05-04T00:00:00Z'), 'UTC', 'start')?.toISOString()).toBe(
			'2026-05-04T00:00:00.000Z',
		);
		expect(readPeriodEnd(Date.UTC(2026, 4, 4), 'UTC', 'start')?.toISOString()).toBe(
			'2026-05-04T00:00:00.000Z',
		);
		expect(
			readPeriodEnd(
				{ toISO: () => '2026-05-04T02:00:00.000+02:00' },
				'UTC',
				'start',
			)?.toISOString(),
		).toBe('2026-05-04T00:00:00.000Z');
		expect(readPeriodEnd('', 'UTC', 'start')).toBeUndefined();
	});

	it('refuses what is not a date', () => {
		expect(() => readPeriodEnd('last week', 'UTC', 'end')).toThrow(InquiryError);
		expect(() => readPeriodEnd('last week', 'UTC', 'end')).toThrow(
			'the period end "last week" is not a date',
		);
	});
});

describe('readReportTimezone', () => {
	it("takes the parameter, else the workflow's zone", () => {
		expect(readReportTimezone(' Europe/Berlin ', 'America/New_York')).toBe('Europe/Berlin');
		expect(readReportTimezone('', 'America/New_York')).toBe('America/New_York');
		expect(readReportTimezone(undefined, 'UTC')).toBe('UTC');
	});

	it('refuses a name that is not a time zone', () => {
		expect(() => readReportTimezone('Mars/Olympus', 'UTC')).toThrow(InquiryError);
		expect(() => readReportTimezone('Mars/Olympus', 'UTC')).toThrow(
			'"Mars/Olympus" is not a time zone name',
		);
	});
});
