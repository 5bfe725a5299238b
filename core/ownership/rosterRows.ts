import type { ZodIssue } from 'zod';
import { CHANNELS } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';
import { parseDateRanges, parseHoursText } from './hoursText';
import { readJsonText } from './json';
import { fieldPath, Owner, Team } from './roster';
import type { Roster } from './roster';

/**
 * Reads a roster from what people actually have: the node's form rows, a JSON array, or rows of
 * a Google Sheet / Data table (headers like "Time Zone" or "Cap Per Day", comma-separated
 * skills, "yes"/"no", numbers as text). Forgiving in form, strict in meaning: every problem is
 * reported with the owner and the field, and nothing is guessed silently.
 */

type Kind = 'text' | 'list' | 'boolean' | 'number' | 'hours' | 'ranges' | 'channels';
const FIELDS: Record<keyof Owner, { kind: Kind; aliases: string[] }> = {
	// An explicit owner id column wins over "id", which a Data table fills with its row number.
	id: { kind: 'text', aliases: ['ownerid', 'userid', 'id', 'key', 'code'] },
	name: { kind: 'text', aliases: ['name', 'fullname', 'ownername', 'displayname'] },
	email: { kind: 'text', aliases: ['email', 'emailaddress', 'mail'] },
	phone: { kind: 'text', aliases: ['phone', 'phonenumber', 'mobile', 'cell', 'tel'] },
	chat: {
		kind: 'text',
		aliases: ['chat', 'chathandle', 'handle', 'slack', 'slackid', 'teamshandle', 'telegram'],
	},
	active: { kind: 'boolean', aliases: ['active', 'enabled', 'isactive'] },
	skills: { kind: 'list', aliases: ['skills', 'skill', 'services', 'service'] },
	territories: {
		kind: 'list',
		aliases: [
			'territories',
			'territory',
			'areas',
			'area',
			'zips',
			'zipcodes',
			'postalcodes',
			'regions',
		],
	},
	languages: { kind: 'list', aliases: ['languages', 'language', 'langs', 'speaks'] },
	channels: { kind: 'channels', aliases: ['channels', 'channel'] },
	teams: { kind: 'list', aliases: ['teams', 'team', 'groups', 'group', 'queues'] },
	weight: { kind: 'number', aliases: ['weight', 'share', 'ratio'] },
	capPerDay: {
		kind: 'number',
		aliases: ['capperday', 'dailycap', 'maxperday', 'perdaycap', 'daycap'],
	},
	capOpen: {
		kind: 'number',
		aliases: ['capopen', 'opencap', 'maxopen', 'openloadcap', 'capopenload'],
	},
	timezone: { kind: 'text', aliases: ['timezone', 'tz', 'zone'] },
	hours: { kind: 'hours', aliases: ['hours', 'workinghours', 'schedule', 'businesshours'] },
	outOfOffice: {
		kind: 'ranges',
		aliases: ['outofoffice', 'ooo', 'vacation', 'away', 'leave', 'absent'],
	},
};
/** A Data table cannot hold date ranges in one column: "away from" and "away until" make one. */
const AWAY_FROM = new Set(['awayfrom', 'outfrom', 'leavefrom', 'absentfrom']);
const AWAY_UNTIL = new Set([
	'awayuntil',
	'awayto',
	'outuntil',
	'backon',
	'leaveuntil',
	'absentuntil',
]);
/** Columns a Data table adds to every row; never part of an owner. */
const SYSTEM_COLUMNS = new Set(['createdat', 'updatedat']);
const FIELD_BY_ALIAS = new Map(
	Object.entries(FIELDS).flatMap(([field, spec]) =>
		spec.aliases.map((alias) => [alias, field as keyof Owner]),
	),
);

const CHANNEL_WORDS: Record<string, string> = {
	phone: 'call',
	calls: 'call',
	voice: 'call',
	text: 'sms',
	texts: 'sms',
	webform: 'form',
	forms: 'form',
	mail: 'email',
	emails: 'email',
	bookings: 'booking',
	whatsapp: 'chat',
};

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'active', 'x', '✓']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'inactive']);

const normalizeKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

type Problem = { field: string; message: string };

function readValue(kind: Kind, value: unknown): { value?: unknown; problem?: string } {
	if (value === null || value === undefined) return {};
	if (typeof value === 'string' && !value.trim() && kind !== 'list' && kind !== 'channels')
		return {};
	switch (kind) {
		case 'text':
			return typeof value === 'string' || typeof value === 'number'
				? { value: String(value).trim() }
				: { problem: 'must be text' };
		case 'list':
		case 'channels': {
			const items = Array.isArray(value)
				? value.map((v) => String(v))
				: typeof value === 'string'
					? value.split(/[,;|\n]/)
					: [String(value)];
			const clean = items.map((v) => v.trim()).filter(Boolean);
			if (kind === 'list') return { value: clean };
			return {
				value: clean.map((c) => {
					const key = c.toLowerCase().replace(/[\s-]+/g, '_');
					return CHANNEL_WORDS[key.replace(/_/g, '')] ?? key;
				}),
			};
		}
		case 'boolean': {
			if (typeof value === 'boolean') return { value };
			const word = String(value).trim().toLowerCase();
			if (TRUE_WORDS.has(word)) return { value: true };
			if (FALSE_WORDS.has(word)) return { value: false };
			return { problem: `"${String(value)}" must be yes or no` };
		}
		case 'number': {
			const n = typeof value === 'number' ? value : Number(String(value).trim());
			return Number.isFinite(n) ? { value: n } : { problem: `"${String(value)}" must be a number` };
		}
		case 'hours': {
			if (typeof value !== 'string') return { value };
			const parsed = parseHoursText(value);
			return parsed.ok ? { value: parsed.value } : { problem: parsed.error };
		}
		case 'ranges': {
			if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null))
				return { value };
			const parsed = parseDateRanges(Array.isArray(value) ? value.join(',') : String(value));
			return parsed.ok ? { value: parsed.value } : { problem: parsed.error };
		}
	}
}

/** A date cell as text ("2026-07-01"), a Date, or an ISO time; '' when empty, null when unreadable. */
function awayDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return '';
	const text = value instanceof Date ? value.toISOString() : String(value).trim();
	if (!text) return '';
	const match = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text);
	return match ? match[1] : null;
}

function issueText(issue: ZodIssue): string {
	if (issue.code === 'invalid_enum_value')
		return `"${String(issue.received)}" is not one of ${CHANNELS.join(', ')}`;
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
	return issue.message;
}

function ownerFromRow(row: Record<string, unknown>): {
	owner?: Owner;
	label: string;
	problems: Problem[];
} {
	const candidate: Record<string, unknown> = {};
	const problems: Problem[] = [];
	const columns = new Map<keyof Owner, { key: string; rank: number }>();
	const away: { from?: string; until?: string } = {};
	for (const key of Object.keys(row)) {
		const normalized = normalizeKey(key);
		if (SYSTEM_COLUMNS.has(normalized)) continue;
		if (AWAY_FROM.has(normalized) || AWAY_UNTIL.has(normalized)) {
			const date = awayDate(row[key]);
			if (date === null)
				problems.push({
					field: `${key}`,
					message: `"${String(row[key])}" must be a date like 2026-07-01`,
				});
			else if (date) away[AWAY_FROM.has(normalized) ? 'from' : 'until'] = date;
			continue;
		}
		const field = FIELD_BY_ALIAS.get(normalized);
		if (!field) continue;
		const rank = FIELDS[field].aliases.indexOf(normalized);
		const earlier = columns.get(field);
		if (!earlier || rank < earlier.rank) columns.set(field, { key, rank });
	}
	for (const [field, { key }] of columns) {
		const read = readValue(FIELDS[field].kind, row[key]);
		const named = key === field ? field : `${field} (column "${key}")`;
		if (read.problem) problems.push({ field: named, message: read.problem });
		else if (read.value !== undefined) candidate[field] = read.value;
	}
	if (away.from || away.until) {
		const range = { start: away.from ?? '1970-01-01', end: away.until ?? '9999-12-31' };
		if (range.end < range.start)
			problems.push({
				field: 'awayUntil',
				message: `${range.end} is before awayFrom ${range.start}`,
			});
		else
			candidate.outOfOffice = [...((candidate.outOfOffice as unknown[] | undefined) ?? []), range];
	}
	candidate.id ??=
		typeof candidate.email === 'string' ? candidate.email.toLowerCase() : candidate.name;
	const label = typeof candidate.id === 'string' ? `owner '${candidate.id}'` : 'owner';
	const parsed = Owner.safeParse(candidate);
	if (!parsed.success)
		problems.push(
			...parsed.error.issues.map((issue) => ({
				field: fieldPath(issue.path),
				message: issueText(issue),
			})),
		);
	return { owner: problems.length ? undefined : parsed.data, label, problems };
}

/** Accepts an array of rows, n8n items ({ json }), { owners, teams }, or JSON text of those. */
function rowsOf(input: unknown): { rows: unknown[]; teams: unknown[] } {
	let value = input;
	if (typeof value === 'string') {
		if (!value.trim()) return { rows: [], teams: [] };
		const parsed = readJsonText(value);
		if (!parsed.ok)
			throw new InquiryError(
				'ROSTER_INVALID',
				`the roster text is not valid JSON (${parsed.problem})`,
			);
		value = parsed.value;
	}
	if (value === null || value === undefined) return { rows: [], teams: [] };
	if (Array.isArray(value)) return { rows: value, teams: [] };
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (Array.isArray(record.owners))
			return { rows: record.owners, teams: Array.isArray(record.teams) ? record.teams : [] };
		return { rows: [record], teams: [] };
	}
	throw new InquiryError('ROSTER_INVALID', 'the roster must be a list of owners');
}

const unwrapItem = (row: unknown) =>
	row !== null &&
	typeof row === 'object' &&
	'json' in row &&
	typeof (row as { json: unknown }).json === 'object'
		? (row as { json: unknown }).json
		: row;

/** Reads and validates a roster; throws ROSTER_INVALID naming each owner, row and field at fault. */
export function readRoster(input: unknown): Roster {
	const { rows, teams: teamRows } = rowsOf(input);
	const errors: string[] = [];
	const owners: Owner[] = [];
	const rowOfId = new Map<string, number>();
	rows.map(unwrapItem).forEach((row, index) => {
		const where = `(row ${index + 1})`;
		if (row === null || typeof row !== 'object' || Array.isArray(row)) {
			errors.push(`row ${index + 1}: must be an object with at least a name`);
			return;
		}
		const { owner, label, problems } = ownerFromRow(row as Record<string, unknown>);
		for (const p of problems) errors.push(`${label} ${where}: ${p.field} ${p.message}`);
		if (!owner) return;
		const key = owner.id.toLowerCase();
		const earlier = rowOfId.get(key);
		if (earlier !== undefined)
			errors.push(`${label} ${where}: id '${owner.id}' is already used by row ${earlier}`);
		else rowOfId.set(key, index + 1);
		owners.push(owner);
	});
	const teams: Team[] = [];
	teamRows.forEach((row, index) => {
		const parsed = Team.safeParse(row);
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				errors.push(`team ${index + 1}: ${fieldPath(issue.path)} ${issueText(issue)}`);
			return;
		}
		for (const member of parsed.data.members) {
			if (!rowOfId.has(member.toLowerCase()))
				errors.push(`team '${parsed.data.id}': member '${member}' is not in the roster`);
		}
		teams.push(parsed.data);
	});
	if (errors.length) {
		const shown = errors.slice(0, 5).join('; ');
		throw new InquiryError(
			'ROSTER_INVALID',
			errors.length > 5 ? `${shown}; and ${errors.length - 5} more` : shown,
		);
	}
	return { owners, teams };
}
