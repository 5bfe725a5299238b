import { IANAZone } from 'luxon';
import { z } from 'zod';
import { Channel } from '../inquiry/schema';
import { isIsoDate, WEEKDAYS } from './hoursText';

/**
 * The roster as the core trusts it. People supply it in looser forms (the node's fields, rows
 * of a spreadsheet); rosterRows.ts turns those into this shape and reports errors by owner.
 */

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const TimeBlock = z
	.object({
		start: z.string().regex(HH_MM, 'must be HH:mm'),
		end: z.string().regex(HH_MM, 'must be HH:mm'),
	})
	.refine((b) => b.start < b.end, { message: 'must end after it starts', path: ['end'] });
export type TimeBlock = z.infer<typeof TimeBlock>;

/** Open blocks per weekday; a day left out is closed. */
export const WeeklyHours = z
	.object(
		Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(TimeBlock).optional()])) as Record<
			(typeof WEEKDAYS)[number],
			z.ZodOptional<z.ZodArray<typeof TimeBlock>>
		>,
	)
	.strict();
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const IsoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

/** Whole days, both ends included, read in the owner's own timezone. */
export const DateRange = z
	.object({ start: IsoDate, end: IsoDate })
	.refine((r) => r.start <= r.end, { message: 'must end on or after its start', path: ['end'] });
export type DateRange = z.infer<typeof DateRange>;

export const TimeZoneName = z
	.string()
	.refine(
		(zone) => IANAZone.isValidZone(zone),
		'must be a time zone name such as America/New_York or Europe/Berlin',
	);

export const Owner = z.object({
	id: z.string().trim().min(1, 'is required'),
	name: z.string().trim().min(1, 'is required'),
	email: z.string().optional(),
	phone: z.string().optional(),
	/** A chat handle: Slack member id, Teams address, Telegram user... whatever the notification uses. */
	chat: z.string().optional(),
	active: z.boolean().default(true),
	/** Services the owner handles; empty means every service. */
	skills: z.array(z.string()).default([]),
	/** Postal-code prefixes, cities, regions or countries; empty means everywhere. */
	territories: z.array(z.string()).default([]),
	/** Languages spoken (codes or names); empty means no language filter. */
	languages: z.array(z.string()).default([]),
	/** Channels handled; empty means every channel. */
	channels: z.array(Channel).default([]),
	teams: z.array(z.string()).default([]),
	/** Relative share for the weighted strategy, e.g. 5 and 2. */
	weight: z.number().positive('must be more than 0').max(1000, 'must be at most 1000').default(1),
	/** Most new inquiries per business day. */
	capPerDay: z.number().int('must be a whole number').min(0).optional(),
	/** Most open inquiries at once; needs open-load counts from input. */
	capOpen: z.number().int('must be a whole number').min(0).optional(),
	timezone: TimeZoneName.optional(),
	/** The owner's own weekly hours; absent means "no schedule" (see ownersWithoutHours). */
	hours: WeeklyHours.optional(),
	outOfOffice: z.array(DateRange).default([]),
});
export type Owner = z.infer<typeof Owner>;

export const Team = z.object({
	id: z.string().trim().min(1, 'is required'),
	/** Owner ids, in the order round robin visits them. */
	members: z.array(z.string()),
});
export type Team = z.infer<typeof Team>;

export const Roster = z.object({
	owners: z.array(Owner),
	/** Extra team definitions; owners' own `teams` lists are merged in. */
	teams: z.array(Team).default([]),
});
export type Roster = z.infer<typeof Roster>;

export const BusinessCalendar = z.object({
	timezone: TimeZoneName,
	hours: WeeklyHours,
	/** Days the business is closed, in the business timezone (owners: in their own). */
	holidays: z.array(IsoDate).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/** "hours.mon[0].start" from a zod issue path. */
export function fieldPath(path: (string | number)[]): string {
	return path.reduce<string>(
		(text, part) =>
			typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part,
		'',
	);
}
