import type { Inquiry } from '../../inquiry/schema';
import type { AssignConfigInput } from '../config';
import type { Owner } from '../roster';

/** Plain builders for ownership tests: a valid inquiry, owners and a New York business. */

export const NY = 'America/New_York';
/** Monday 2 March 2026, 10:00 in New York (EST, UTC-5). */
export const MON_10AM_NY = new Date('2026-03-02T15:00:00.000Z');

export type InquiryChanges = {
	service?: string;
	urgency?: Inquiry['request']['urgency'];
	channel?: Inquiry['channel'];
	identityKeys?: string[];
	location?: Inquiry['request']['location'];
	extraFields?: Record<string, string>;
	receivedAt?: string;
	system?: string;
	n?: number;
};

export function inquiry(changes: InquiryChanges = {}): Inquiry {
	const n = changes.n ?? 1;
	const identityKeys = changes.identityKeys ?? [`email:person${n}@example.com`];
	return {
		schemaVersion: 1,
		id: `inq-${n}`,
		dedupeKey: `form:${identityKeys[0] ?? `anon${n}`}`,
		identityKeys,
		receivedAt: changes.receivedAt ?? MON_10AM_NY.toISOString(),
		channel: changes.channel ?? 'form',
		source: {
			system: changes.system ?? 'typeform',
			preset: changes.system ?? 'typeform',
			detectedBy: 'auto',
		},
		contact: { name: { full: `Person ${n}` } },
		request: {
			urgency: changes.urgency ?? 'normal',
			location: changes.location ?? {},
			...(changes.service ? { service: changes.service } : {}),
		},
		attribution: {},
		consent: {},
		extraFields: changes.extraFields ?? {},
		continuity: { trail: [] },
	};
}

/** An owner with defaults filled in, as readRoster would return it. */
export function owner(id: string, fields: Partial<Owner> = {}): Owner {
	return {
		id,
		name: id.charAt(0).toUpperCase() + id.slice(1),
		active: true,
		skills: [],
		territories: [],
		languages: [],
		channels: [],
		teams: [],
		weight: 1,
		outOfOffice: [],
		...fields,
	};
}

export const WEEKDAYS_9_TO_5 = {
	mon: [{ start: '09:00', end: '17:00' }],
	tue: [{ start: '09:00', end: '17:00' }],
	wed: [{ start: '09:00', end: '17:00' }],
	thu: [{ start: '09:00', end: '17:00' }],
	fri: [{ start: '09:00', end: '17:00' }],
};

export function config(
	owners: Owner[],
	changes: Partial<AssignConfigInput> = {},
): AssignConfigInput {
	return {
		roster: { owners },
		calendar: { timezone: NY, hours: WEEKDAYS_9_TO_5, holidays: [] },
		...changes,
	};
}
