import { clockTime, ladderSettingsFromParameters } from './parameters';

describe('ladderSettingsFromParameters', () => {
	test('reads hours, holidays, the team list and the misses so far', () => {
		expect(
			ladderSettingsFromParameters(
				{
					businessHours: 'Mon-Fri 09:00-17:00',
					holidays: '2026-12-25',
					team: ' ana, ben ,',
					missedInARow: '{"ana": 2}',
					maxHops: 1,
				},
				'Europe/Berlin',
			),
		).toEqual({
			calendar: {
				timezone: 'Europe/Berlin',
				hours: Object.fromEntries(
					['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [
						day,
						[{ start: '09:00', end: '17:00' }],
					]),
				),
				holidays: ['2026-12-25'],
			},
			remindBeforeMinutes: 10,
			maxHops: 1,
			team: ['ana', 'ben'],
			awayAfterMisses: 0,
			missedInARow: { ana: 2 },
		});
	});

	test.each([
		[{ businessHours: 'whenever' }, /Business Hours/],
		[{ holidays: 'Christmas' }, /Holidays/],
		[{ missedInARow: '{ana: 1}' }, /not JSON/],
		[{ missedInARow: '{"ana": -1}' }, /whole numbers/],
	])('%p is refused', (parameters, message) => {
		expect(() => ladderSettingsFromParameters(parameters, 'UTC')).toThrow(message);
	});
});

describe('clockTime', () => {
	const real = new Date('2026-03-02T15:00:00.000Z');
	test('empty means the real time; a date pins it; anything else is refused', () => {
		expect(clockTime('', real)).toBe(real);
		expect(clockTime('2026-01-01T00:00:00Z', real).toISOString()).toBe('2026-01-01T00:00:00.000Z');
		expect(() => clockTime('yesterday', real)).toThrow('Current Time "yesterday" is not a date');
	});
});
