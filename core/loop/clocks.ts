import type { BusinessCalendar } from '../ownership/roster';
import { compileCalendar } from '../ownership/clock';
import { MINUTE } from '../ownership/hours';
import { businessMsBetween } from './businessTime';

/**
 * The three clocks of one inquiry, each null until its end happened:
 *   toAssign   inquiry → owner assigned (the system's delay);
 *   toClaim    owner assigned → claimed (the owner's delay);
 *   toContact  inquiry → first contact (speed to lead).
 * In wall-clock minutes, and in business minutes when a calendar is given (a lead at 22:00 answered
 * at 08:05 next morning is 5 business minutes).
 */
export interface ClockTimes {
	receivedAt: string;
	assignedAt?: string;
	acceptedAt?: string;
	contactedAt?: string;
}

export interface InquiryClocks {
	toAssign: number | null;
	toClaim: number | null;
	toContact: number | null;
}

const CLOCKS: Array<[keyof InquiryClocks, keyof ClockTimes, keyof ClockTimes]> = [
	['toAssign', 'receivedAt', 'assignedAt'],
	['toClaim', 'assignedAt', 'acceptedAt'],
	['toContact', 'receivedAt', 'contactedAt'],
];

const roundTenth = (minutes: number) => Math.round(minutes * 10) / 10;

export function inquiryClocks(times: ClockTimes, calendar?: BusinessCalendar): InquiryClocks {
	const where = calendar && compileCalendar(calendar);
	const minutes = (fromIso: string | undefined, toIso: string | undefined): number | null => {
		const from = fromIso ? Date.parse(fromIso) : NaN;
		const to = toIso ? Date.parse(toIso) : NaN;
		if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
		if (to <= from) return 0;
		return roundTenth((where ? businessMsBetween(from, to, where) : to - from) / MINUTE);
	};
	return Object.fromEntries(
		CLOCKS.map(([name, from, to]) => [name, minutes(times[from], times[to])]),
	) as unknown as InquiryClocks;
}
