import { DateTime, IANAZone } from 'luxon';
import { parseDateList, parseHoursText } from '../ownership/hoursText';
import type { BusinessCalendar } from '../ownership/roster';
import { InquiryError } from '../shared/errors';
import type { CompiledSweep, SweepSettings } from './sweep';
import { compileSweep } from './sweep';

/**
 * The node's parameters as plain values (what getNodeParameter returns), turned into core
 * settings here so every mapping rule is tested without n8n.
 */

export interface SweepParameters {
	clock?: 'business' | 'wall';
	assignWithinMinutes?: number;
	verifyWithinMinutes?: number;
	businessTimezone?: string;
	businessHours?: string;
	holidays?: string;
}

export type ClockParameters = Pick<
	SweepParameters,
	'clock' | 'businessTimezone' | 'businessHours' | 'holidays'
>;

/** The business calendar the minutes are counted on, or undefined when every minute counts. */
export function calendarFromParameters(
	p: ClockParameters,
	workflowTimezone: string,
): BusinessCalendar | undefined {
	if ((p.clock ?? 'business') === 'wall') return undefined;
	const hours = parseHoursText(p.businessHours ?? 'Mon-Fri 09:00-17:00');
	if (!hours.ok) throw new InquiryError('BUSINESS_HOURS_INVALID', `Business Hours ${hours.error}`);
	if (!hours.value) throw new InquiryError('BUSINESS_HOURS_INVALID', 'Business Hours is empty');
	const holidays = parseDateList(p.holidays ?? '');
	if (!holidays.ok) throw new InquiryError('BUSINESS_HOURS_INVALID', `Holidays: ${holidays.error}`);
	const timezone = p.businessTimezone?.trim() || workflowTimezone;
	return { timezone, hours: hours.value, holidays: holidays.value };
}

export function sweepSettingsFromParameters(
	p: SweepParameters,
	workflowTimezone: string,
): SweepSettings {
	const thresholds = {
		assignWithinMinutes: p.assignWithinMinutes ?? 15,
		verifyWithinMinutes: p.verifyWithinMinutes ?? 30,
	};
	const calendar = calendarFromParameters(p, workflowTimezone);
	return calendar
		? { clock: 'business', ...thresholds, calendar }
		: { clock: 'wall', ...thresholds };
}

/** The sweep's panel settings, checked and compiled once per run. */
export function compileSweepParameters(
	p: SweepParameters,
	workflowTimezone: string,
): CompiledSweep {
	return compileSweep(sweepSettingsFromParameters(p, workflowTimezone));
}

/** One end of the report period: '' for open, a date or date-time (read in `zone` when it has no offset), a Date or a luxon DateTime. */
export function readPeriodEnd(
	value: unknown,
	zone: string,
	name: 'start' | 'end',
): Date | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let date: Date | undefined;
	if (value instanceof Date) date = value;
	else if (typeof value === 'number') date = new Date(value);
	else if (typeof value === 'string') {
		const parsed = DateTime.fromISO(value.trim(), { zone, setZone: false });
		date = parsed.isValid ? parsed.toJSDate() : undefined;
	} else if (
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		date = new Date(String((value as { toISO: () => string }).toISO()));
	}
	if (!date || Number.isNaN(date.getTime()))
		throw new InquiryError(
			'REPORT_PERIOD_INVALID',
			`the period ${name} "${String(value)}" is not a date`,
		);
	return date;
}

/** The report's time zone: the parameter, else the workflow's. A name luxon does not know is refused, not silently read as UTC. */
export function readReportTimezone(value: unknown, workflowTimezone: string): string {
	const zone = (typeof value === 'string' ? value.trim() : '') || workflowTimezone;
	if (!IANAZone.isValidZone(zone))
		throw new InquiryError('REPORT_TIMEZONE_INVALID', `"${zone}" is not a time zone name`);
	return zone;
}
