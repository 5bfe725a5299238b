import type { ZodIssue } from 'zod';
import { InquiryError } from '../shared/errors';
import type { CompiledCalendar } from './clock';
import { compileCalendar } from './clock';
import { AssignConfig } from './config';
import type { AssignConfigInput } from './config';
import type { CompiledOwner } from './eligibility';
import { compileOwner } from './eligibility';
import type { Availability } from './hours';
import { ALWAYS_OPEN, dayOfIsoDate } from './hours';
import { fieldPath } from './roster';
import type { CompiledRule } from './rules';
import { compileRules } from './rules';
import { WHOLE_ROSTER } from './state';

/**
 * Validates the settings once and turns them into look-up tables, so assigning one inquiry is a
 * walk over arrays and maps: no parsing, no date objects per owner.
 */

export interface CompiledTeam {
	/** The team id as the user wrote it first. */
	id: string;
	members: CompiledOwner[];
}

export interface CompiledAssignConfig {
	config: AssignConfig;
	owners: CompiledOwner[];
	byKey: ReadonlyMap<string, CompiledOwner>;
	/** Lower-case team id → team. */
	teams: ReadonlyMap<string, CompiledTeam>;
	rules: CompiledRule[];
	calendar: CompiledCalendar;
	/** The business time zone with every minute open: the clock for around-the-clock emergencies. */
	aroundTheClock: Availability;
	ownerKeys: ReadonlySet<string>;
	poolKeys: ReadonlySet<string>;
	/** Whether any owner has an open-inquiry cap (which needs open-load counts). */
	hasOpenCaps: boolean;
}

function configError(issue: ZodIssue, input: AssignConfigInput): InquiryError {
	const [section, ...rest] = issue.path;
	if (section === 'roster' && rest[0] === 'owners' && typeof rest[1] === 'number') {
		const row = input.roster?.owners?.[rest[1]] as { id?: unknown } | undefined;
		const label = typeof row?.id === 'string' ? `owner '${row.id}'` : 'owner';
		return new InquiryError(
			'ROSTER_INVALID',
			`${label} (row ${rest[1] + 1}): ${fieldPath(rest.slice(2))} ${issue.message}`,
		);
	}
	const where = fieldPath(issue.path);
	if (section === 'roster') return new InquiryError('ROSTER_INVALID', `${where} ${issue.message}`);
	if (section === 'calendar')
		return new InquiryError('BUSINESS_HOURS_INVALID', `${where} ${issue.message}`);
	return new InquiryError('ROUTING_CONFIG_INVALID', `${where} ${issue.message}`);
}

const cache = new WeakMap<object, CompiledAssignConfig>();

export function compileAssignConfig(
	input: AssignConfigInput | CompiledAssignConfig,
): CompiledAssignConfig {
	if ('byKey' in input) return input;
	const cached = cache.get(input);
	if (cached) return cached;
	const parsed = AssignConfig.safeParse(input);
	if (!parsed.success) throw configError(parsed.error.issues[0], input);
	const config = parsed.data;
	const calendar = compileCalendar(config.calendar);
	const holidays = new Set(config.calendar.holidays.map(dayOfIsoDate));
	const defaults = {
		timezone: config.calendar.timezone,
		schedule: calendar.schedule,
		holidays,
		ownersWithoutHours: config.ownersWithoutHours,
	};

	const owners: CompiledOwner[] = [];
	const byKey = new Map<string, CompiledOwner>();
	config.roster.owners.forEach((owner, index) => {
		const compiled = compileOwner(owner, index, defaults);
		if (byKey.has(compiled.key))
			throw new InquiryError(
				'ROSTER_INVALID',
				`owner '${owner.id}' (row ${index + 1}): id is used by more than one owner`,
			);
		byKey.set(compiled.key, compiled);
		owners.push(compiled);
	});

	const teams = new Map<string, CompiledTeam>();
	const join = (teamId: string, member: CompiledOwner) => {
		const key = teamId.trim().toLowerCase();
		if (!key) return;
		const team = teams.get(key) ?? { id: teamId.trim(), members: [] };
		if (!team.members.includes(member)) team.members.push(member);
		teams.set(key, team);
	};
	for (const team of config.roster.teams) {
		for (const member of team.members) {
			const owner = byKey.get(member.toLowerCase());
			if (!owner)
				throw new InquiryError(
					'ROSTER_INVALID',
					`team '${team.id}': member '${member}' is not in the roster`,
				);
			join(team.id, owner);
		}
	}
	for (const owner of owners) for (const team of owner.owner.teams) join(team, owner);

	const compiled: CompiledAssignConfig = {
		config,
		owners,
		byKey,
		teams,
		rules: compileRules(config.rules),
		calendar,
		aroundTheClock: { schedule: ALWAYS_OPEN, clock: calendar.clock, isClosedDay: () => false },
		ownerKeys: new Set(byKey.keys()),
		poolKeys: new Set([WHOLE_ROSTER, ...teams.keys()]),
		hasOpenCaps: owners.some((o) => o.owner.capOpen !== undefined),
	};
	cache.set(input, compiled);
	return compiled;
}
