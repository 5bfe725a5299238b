import { inquiryClocks } from './clocks';

const calendar = {
	timezone: 'America/New_York',
	hours: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] },
	holidays: [],
};
/** Arrived Monday 16:50 in New York, claimed Tuesday 09:05, contacted 09:20. */
const evening = {
	receivedAt: '2026-03-02T21:50:00.000Z',
	assignedAt: '2026-03-02T21:51:00.000Z',
	acceptedAt: '2026-03-03T14:05:00.000Z',
	contactedAt: '2026-03-03T14:20:00.000Z',
};

describe('inquiryClocks', () => {
	test('wall-clock minutes for each of the three clocks', () => {
		expect(inquiryClocks(evening)).toEqual({ toAssign: 1, toClaim: 974, toContact: 990 });
	});

	test('business minutes skip the night', () => {
		expect(inquiryClocks(evening, calendar)).toEqual({ toAssign: 1, toClaim: 14, toContact: 30 });
	});

	test('a clock whose end has not happened is null', () => {
		expect(
			inquiryClocks({ receivedAt: evening.receivedAt, assignedAt: evening.assignedAt }),
		).toEqual({ toAssign: 1, toClaim: null, toContact: null });
	});
});
