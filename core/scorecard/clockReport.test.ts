import { clockReport } from './clockReport';
import type { ScorecardRow } from './ledger';
import { officeHours } from './test/calendar';
import { ledgerRow } from './test/rows';

/** Open Mon–Fri 09:00–17:00 UTC; 4 May 2026 is a Monday. */
const CALENDAR = officeHours('UTC');
const NOW = new Date('2026-05-06T09:00:00.000Z');
const mon = (time: string) => `2026-05-04T${time}:00.000Z`;
const tue = (time: string) => `2026-05-05T${time}:00.000Z`;
const ana = { ownerId: 'ana', ownerName: 'Ana Lopez' };
const bo = { ownerId: 'bo', ownerName: 'Bo <b>Chen</b>' };

const ROWS: ScorecardRow[] = [
	// R1: 2 min to owner, claimed 10 min later, contacted 30 min after arrival.
	ledgerRow({
		inquiryId: 'R1',
		...ana,
		receivedAt: mon('10:00'),
		assignedAt: mon('10:02'),
		acceptedAt: mon('10:12'),
		contactedAt: mon('10:30'),
		respondBy: mon('11:00'),
	}),
	// R2: arrived 10 min before closing, claimed 09:05 next morning: 9 + 5 = 14 business minutes.
	ledgerRow({
		inquiryId: 'R2',
		...bo,
		receivedAt: mon('16:50'),
		assignedAt: mon('16:51'),
		acceptedAt: tue('09:05'),
		contactedAt: tue('09:20'),
		respondBy: tue('09:30'),
	}),
	// R3: a call assigned in a minute, never claimed nor contacted: its deadline went by.
	ledgerRow({
		inquiryId: 'R3',
		channel: 'call',
		...ana,
		receivedAt: tue('11:00'),
		assignedAt: tue('11:01'),
		contactedAt: '',
		respondBy: tue('12:00'),
	}),
	// R4: a call the ladder moved to Bo after an hour; Bo claimed it 20 min later.
	ledgerRow({
		inquiryId: 'R4',
		channel: 'call',
		...bo,
		receivedAt: tue('13:00'),
		assignedAt: tue('14:00'),
		acceptedAt: tue('14:20'),
		contactedAt: tue('14:40'),
		respondBy: tue('15:00'),
		hops: 1,
		reassignedAt: tue('14:00'),
	}),
	// R5: a chat nobody could take.
	ledgerRow({
		inquiryId: 'R5',
		channel: 'chat',
		receivedAt: tue('15:00'),
		ownerId: '',
		ownerName: '',
		assignedAt: '',
		contactedAt: '',
	}),
];

const none = { count: 0, medianMinutes: null, p90Minutes: null };

describe('clockReport on business hours', () => {
	const report = clockReport(ROWS, NOW, CALENDAR);

	it('gives median and p90 of each clock over all inquiries', () => {
		expect(report.minutes).toBe('business');
		expect(report.all).toEqual({
			inquiries: 5,
			assigned: 4,
			claimed: 3,
			contacted: 3,
			// R3 past its deadline unclaimed; R4 reassigned by the ladder.
			claimsMissed: 2,
			reassigned: 1,
			// 2, 1, 1, 60 → median (1 + 2) / 2; p90 the 4th of 4.
			toAssign: { count: 4, medianMinutes: 1.5, p90Minutes: 60 },
			// 10, 14, 20.
			toClaim: { count: 3, medianMinutes: 14, p90Minutes: 20 },
			// 30, 30 (10 + 20 across the night), 100.
			toContact: { count: 3, medianMinutes: 30, p90Minutes: 100 },
		});
	});

	it('by channel', () => {
		expect(report.byChannel.form).toMatchObject({
			inquiries: 2,
			claimsMissed: 0,
			toAssign: { count: 2, medianMinutes: 1.5, p90Minutes: 2 },
			toClaim: { count: 2, medianMinutes: 12, p90Minutes: 14 },
			toContact: { count: 2, medianMinutes: 30, p90Minutes: 30 },
		});
		expect(report.byChannel.call).toMatchObject({
			inquiries: 2,
			claimed: 1,
			claimsMissed: 2,
			reassigned: 1,
			toAssign: { count: 2, medianMinutes: 30.5, p90Minutes: 60 },
			toClaim: { count: 1, medianMinutes: 20, p90Minutes: 20 },
		});
		expect(report.byChannel.chat).toEqual({
			inquiries: 1,
			assigned: 0,
			claimed: 0,
			contacted: 0,
			claimsMissed: 0,
			reassigned: 0,
			toAssign: none,
			toClaim: none,
			toContact: none,
		});
	});

	it('by owner (as the ledger names them now), leaving unassigned inquiries out', () => {
		expect(Object.keys(report.byOwner)).toEqual(['Ana Lopez', 'Bo <b>Chen</b>']);
		expect(report.byOwner['Ana Lopez']).toMatchObject({
			inquiries: 2,
			claimsMissed: 1,
			toAssign: { count: 2, medianMinutes: 1.5, p90Minutes: 2 },
			toClaim: { count: 1, medianMinutes: 10, p90Minutes: 10 },
		});
		expect(report.byOwner['Bo <b>Chen</b>']).toMatchObject({
			inquiries: 2,
			claimsMissed: 1,
			reassigned: 1,
			toClaim: { count: 2, medianMinutes: 17, p90Minutes: 20 },
			toContact: { count: 2, medianMinutes: 65, p90Minutes: 100 },
		});
	});
});

describe('clockReport around the clock', () => {
	it('counts the night: R2 claimed after 16 h 14 min', () => {
		const report = clockReport(ROWS.slice(1, 2), NOW);
		expect(report.minutes).toBe('wall');
		expect(report.all.toClaim).toEqual({ count: 1, medianMinutes: 974, p90Minutes: 974 });
		expect(report.all.toContact).toEqual({ count: 1, medianMinutes: 990, p90Minutes: 990 });
	});

	it('counts a claim after the deadline as missed', () => {
		const late = { ...ROWS[0], acceptedAt: mon('11:05'), contactedAt: mon('11:10') };
		expect(clockReport([late], NOW).all.claimsMissed).toBe(1);
	});
});
