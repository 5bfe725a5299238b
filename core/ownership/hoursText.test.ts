import { parseDateList, parseDateRanges, parseHoursText } from './hoursText';

const hours = (text: string) => {
	const parsed = parseHoursText(text);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
};
const error = (text: string) => {
	const parsed = parseHoursText(text);
	return parsed.ok ? 'parsed' : parsed.error;
};

describe('parseHoursText', () => {
	it('reads day ranges with several blocks per day', () => {
		expect(hours('Mon-Fri 08:00-12:00,13:00-17:00; Sat 09:00-13:00')).toEqual({
			mon: [
				{ start: '08:00', end: '12:00' },
				{ start: '13:00', end: '17:00' },
			],
			tue: [
				{ start: '08:00', end: '12:00' },
				{ start: '13:00', end: '17:00' },
			],
			wed: [
				{ start: '08:00', end: '12:00' },
				{ start: '13:00', end: '17:00' },
			],
			thu: [
				{ start: '08:00', end: '12:00' },
				{ start: '13:00', end: '17:00' },
			],
			fri: [
				{ start: '08:00', end: '12:00' },
				{ start: '13:00', end: '17:00' },
			],
			sat: [{ start: '09:00', end: '13:00' }],
		});
	});

	it('is forgiving in form: am/pm, "to", en dashes, full day names, lists and lines', () => {
		expect(hours('monday to wednesday 9am – 5:30pm\nFriday, Sunday: 10-14')).toEqual({
			mon: [{ start: '09:00', end: '17:30' }],
			tue: [{ start: '09:00', end: '17:30' }],
			wed: [{ start: '09:00', end: '17:30' }],
			fri: [{ start: '10:00', end: '14:00' }],
			sun: [{ start: '10:00', end: '14:00' }],
		});
		expect(hours('weekdays 12pm-12:30pm')).toMatchObject({
			mon: [{ start: '12:00', end: '12:30' }],
			fri: [{ start: '12:00', end: '12:30' }],
		});
		expect(Object.keys(hours('weekends 10-16') ?? {})).toEqual(['sat', 'sun']);
	});

	it('supports 24/7, blocks past midnight, merging and "closed" overrides', () => {
		expect(hours('24/7')).toMatchObject({
			mon: [{ start: '00:00', end: '24:00' }],
			sun: [{ start: '00:00', end: '24:00' }],
		});
		expect(hours('Fri 22:00-02:00')).toEqual({
			fri: [{ start: '22:00', end: '24:00' }],
			sat: [{ start: '00:00', end: '02:00' }],
		});
		expect(hours('Sun 20:00-00:00')).toEqual({ sun: [{ start: '20:00', end: '24:00' }] });
		expect(hours('Mon 09:00-12:00,11:00-14:00')).toEqual({
			mon: [{ start: '09:00', end: '14:00' }],
		});
		expect(hours('Daily 09:00-17:00; Sun closed')).not.toHaveProperty('sun');
	});

	it('treats blank text as "no hours given", not as closed', () => {
		expect(hours('  ')).toBeUndefined();
	});

	it('quotes the part it cannot read and shows the expected form', () => {
		expect(error('Mon-Fry 08:00-12:00')).toBe(
			'"Mon-Fry 08:00-12:00": "Fry" is not a day — use Mon, Tue, Wed, Thu, Fri, Sat or Sun (ranges like Mon-Fri are fine)',
		);
		expect(error('Mon-Fri 8:00-25:00')).toBe(
			'"Mon-Fri 8:00-25:00": "25:00" is not a time — write times like 08:00, 17:30 or 5pm',
		);
		expect(error('Mon-Fri')).toBe(
			'"Mon-Fri": no times — write e.g. "Mon-Fri 09:00-17:00", or "Mon-Fri closed"',
		);
		expect(error('Mon 09:00-09:00')).toBe(
			'"Mon 09:00-09:00": "09:00-09:00" starts and ends at the same time',
		);
		expect(error('Mon 9:00')).toBe(
			'"Mon 9:00": "9:00" is not a time range — write it like 09:00-17:00',
		);
		expect(error('Tue 13pm-2pm')).toContain('"13pm" is not a time');
		expect(error('08:00-17:00')).toContain('no days named');
	});
});

describe('date lists and ranges', () => {
	it('reads holidays and rejects impossible dates', () => {
		expect(parseDateList('2026-12-25, 2027-01-01')).toEqual({
			ok: true,
			value: ['2026-12-25', '2027-01-01'],
		});
		expect(parseDateList('')).toEqual({ ok: true, value: [] });
		expect(parseDateList('2026-02-30')).toEqual({
			ok: false,
			error: '"2026-02-30" is not a date — write dates as YYYY-MM-DD, e.g. 2026-12-25',
		});
		expect(parseDateList('12/25/2026').ok).toBe(false);
	});

	it('reads out-of-office ranges in several spellings, single days included', () => {
		expect(
			parseDateRanges(
				'2026-07-01..2026-07-14, 2026-08-03; 2026-09-01 to 2026-09-02, 2026-10-01 - 2026-10-03',
			),
		).toEqual({
			ok: true,
			value: [
				{ start: '2026-07-01', end: '2026-07-14' },
				{ start: '2026-08-03', end: '2026-08-03' },
				{ start: '2026-09-01', end: '2026-09-02' },
				{ start: '2026-10-01', end: '2026-10-03' },
			],
		});
		expect(parseDateRanges('2026-07-14..2026-07-01')).toEqual({
			ok: false,
			error: '"2026-07-14..2026-07-01" ends before it starts',
		});
		expect(parseDateRanges('next week').ok).toBe(false);
	});
});
