import { businessMsBetween } from '../ownership/businessTime';
import { compileCalendar } from '../ownership/clock';
import { MINUTE } from '../ownership/hours';
import type { BusinessCalendar } from '../ownership/roster';

/**
 * The three clocks of one inquiry, each null until its end happened:
 *   toAssign   inquiry → owner assigned (the system's delay);
 *   toClaim    owner assigned → claimed (the owner's delay);
 *   toContact  inquiry → first contact (speed to lead).
 * In business minutes when business hours are given (a lead at 22:00 answered at 08:05 next
 * morning is 5 business minutes), else in wall-clock minutes; one decimal.
 */
export interface ClockTimes {
	receivedAt: string;
	assignedAt?: string;
	acceptedAt?: string;
	contactedAt?: string;
}

export const CLOCK_NAMES = ['toAssign', 'toClaim', 'toContact'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];
export type InquiryClocks = Record<ClockName, number | null>;

const CLOCK_ENDS: Record<ClockName, [keyof ClockTimes, keyof ClockTimes]> = {
	toAssign: ['receivedAt', 'assignedAt'],
	toClaim: ['assignedAt', 'acceptedAt'],
	toContact: ['receivedAt', 'contactedAt'],
};

const roundTenth = (minutes: number) => Math.round(minutes * 10) / 10;

/** Without a calendar every minute counts. A calendar is compiled once and cached. */
export function inquiryClocks(times: ClockTimes, calendar?: BusinessCalendar): InquiryClocks {
	const where = calendar && compileCalendar(calendar);
	const minutes = (fromIso: string | undefined, toIso: string | undefined): number | null => {
		const from = fromIso ? Date.parse(fromIso) : NaN;
		const to = toIso ? Date.parse(toIso) : NaN;
		if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
		if (to <= from) return 0;
		return roundTenth((where ? businessMsBetween(from, to, where) : to - from) / MINUTE);
	};
	const clocks = {} as InquiryClocks;
	for (const name of CLOCK_NAMES) {
		const [from, to] = CLOCK_ENDS[name];
		clocks[name] = minutes(times[from], times[to]);
	}
	return clocks;
}
