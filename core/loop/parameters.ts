import { parseDateList, parseHoursText } from '../ownership/hoursText';
import type { BusinessCalendar } from '../ownership/roster';
import { InquiryError } from '../shared/errors';
import type { LadderSettings } from './ladder';

/** The node's parameters as plain values (what getNodeParameter returns), turned into core settings here. */

export interface LadderParameters {
	businessTimezone?: string;
	businessHours?: string;
	holidays?: string;
	remindBeforeMinutes?: number;
	maxHops?: number;
	/** Comma list of active owner ids; empty when not known. */
	team?: string;
	awayAfterMisses?: number;
	/** JSON object: owner id → missed claims in a row so far. */
	missedInARow?: string;
}

function calendarOf(p: LadderParameters, workflowTimezone: string): BusinessCalendar {
	const hours = parseHoursText(p.businessHours ?? 'Mon-Fri 09:00-17:00');
	if (!hours.ok || !hours.value)
		throw new InquiryError(
			'LADDER_SETTINGS_INVALID',
			`Business Hours ${hours.ok ? 'is empty' : hours.error}`,
		);
	const holidays = parseDateList(p.holidays ?? '');
	if (!holidays.ok)
		throw new InquiryError('LADDER_SETTINGS_INVALID', `Holidays: ${holidays.error}`);
	return {
		timezone: p.businessTimezone?.trim() || workflowTimezone,
		hours: hours.value,
		holidays: holidays.value,
	};
}

const NOT_JSON = Symbol('not JSON');

function missesOf(text: string | undefined): Record<string, number> {
	if (!text?.trim()) return {};
	let value: unknown = NOT_JSON;
	try {
		value = JSON.parse(text);
	} catch {
		// reported below, outside the catch
	}
	if (value === NOT_JSON)
		throw new InquiryError(
			'LADDER_SETTINGS_INVALID',
			'Missed Claims So Far is not JSON; write an object such as {"ana": 1}',
		);
	if (
		value === null ||
		typeof value !== 'object' ||
		Array.isArray(value) ||
		Object.values(value).some((n) => !Number.isInteger(n) || (n as number) < 0)
	)
		throw new InquiryError(
			'LADDER_SETTINGS_INVALID',
			'Missed Claims So Far must map owner ids to whole numbers, such as {"ana": 1}',
		);
	return value as Record<string, number>;
}

export function ladderSettingsFromParameters(
	p: LadderParameters,
	workflowTimezone: string,
): LadderSettings {
	const team = (p.team ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	return {
		calendar: calendarOf(p, workflowTimezone),
		remindBeforeMinutes: p.remindBeforeMinutes ?? 10,
		maxHops: p.maxHops ?? 2,
		team: team.length > 0 ? team : undefined,
		awayAfterMisses: p.awayAfterMisses ?? 0,
		missedInARow: missesOf(p.missedInARow),
	};
}

/** The node's clock: now, or the fixed time a workflow (or a test) pins it to. */
export function clockTime(pinned: unknown, realNow: Date): Date {
	if (pinned === undefined || pinned === null || pinned === '') return realNow;
	const at = pinned instanceof Date ? pinned : new Date(String(pinned));
	if (Number.isNaN(at.getTime()))
		throw new InquiryError(
			'LINK_REQUEST_INVALID',
			`Current Time "${String(pinned)}" is not a date such as 2026-03-02T15:00:00Z`,
		);
	return at;
}
