import { InquiryError } from '../shared/errors';
import type {
	AssignConfigInput,
	OwnersWithoutHours,
	Rule,
	RuleField,
	RuleOperator,
	Strategy,
} from './config';
import type { CompiledAssignConfig } from './compile';
import { compileAssignConfig } from './compile';
import { parseDateList, parseHoursText } from './hoursText';
import { readRoster } from './rosterRows';

/**
 * The node's parameters as plain values (what getNodeParameter returns), turned into the core
 * settings. Kept here, not in the node, so every mapping rule is tested without n8n.
 */

/** One row of the node's "Owners" list; numbers 0 mean "no cap", blanks mean "not set". */
export interface OwnerFormRow {
	id?: string;
	name?: string;
	email?: string;
	phone?: string;
	chat?: string;
	active?: boolean;
	teams?: string;
	skills?: string;
	territories?: string;
	languages?: string;
	channels?: string[];
	weight?: number;
	capPerDay?: number;
	capOpen?: number;
	timezone?: string;
	hours?: string;
	outOfOffice?: string;
}

export interface RuleFormRow {
	name?: string;
	field?: RuleField;
	operator?: RuleOperator;
	value?: string;
	routeTo?: 'team' | 'owner';
	target?: string;
}

export interface AssignParameters {
	rosterSource: 'form' | 'json';
	owners?: { owner?: OwnerFormRow[] };
	rosterJson?: unknown;
	businessTimezone?: string;
	businessHours?: string;
	holidays?: string;
	ownersWithoutHours?: OwnersWithoutHours;
	rules?: { rule?: RuleFormRow[] };
	defaultTeam?: string;
	strategy?: Strategy;
	sticky?: boolean;
	fallbackTeam?: string;
	fallbackOwner?: string;
	holdUntilAvailable?: boolean;
	/** 0 or absent: until the escalation deadline. */
	maxHoldMinutes?: number;
	deadlines?: {
		emergencyMinutes?: number;
		highMinutes?: number;
		normalMinutes?: number;
		lowMinutes?: number;
		escalateAfterMinutes?: number;
		emergencyAroundTheClock?: boolean;
	};
	filters?: { skills?: boolean; languages?: boolean; territories?: boolean; channels?: boolean };
	stickyMemorySize?: number;
}

const blankToUndefined = (text: string | undefined) =>
	text && text.trim() ? text.trim() : undefined;
const capOf = (n: number | undefined) => (n && n > 0 ? n : undefined);

function ownerRow(row: OwnerFormRow): Record<string, unknown> {
	return {
		id: blankToUndefined(row.id),
		name: blankToUndefined(row.name),
		email: blankToUndefined(row.email),
		phone: blankToUndefined(row.phone),
		chat: blankToUndefined(row.chat),
		active: row.active ?? true,
		teams: row.teams ?? '',
		skills: row.skills ?? '',
		territories: row.territories ?? '',
		languages: row.languages ?? '',
		channels: row.channels ?? [],
		weight: row.weight ?? 1,
		capPerDay: capOf(row.capPerDay),
		capOpen: capOf(row.capOpen),
		timezone: blankToUndefined(row.timezone),
		hours: row.hours ?? '',
		outOfOffice: row.outOfOffice ?? '',
	};
}

function ruleOf(row: RuleFormRow, index: number): Rule {
	const name = row.name?.trim() ?? '';
	const target = row.target?.trim();
	if (!target) {
		throw new InquiryError(
			'ROUTING_CONFIG_INVALID',
			`rule ${index + 1}${name ? ` ("${name}")` : ''} has no ${row.routeTo === 'owner' ? 'owner id' : 'team'} to route to`,
		);
	}
	const condition = {
		field: row.field ?? 'any',
		operator: row.operator ?? 'is',
		value: row.value ?? '',
	};
	return {
		name,
		conditions: [condition],
		...(row.routeTo === 'owner' ? { owner: target } : { team: target }),
	};
}

export function configFromParameters(
	p: AssignParameters,
	workflowTimezone: string,
): AssignConfigInput {
	const roster = readRoster(
		p.rosterSource === 'json' ? p.rosterJson : (p.owners?.owner ?? []).map(ownerRow),
	);
	const hours = parseHoursText(p.businessHours ?? 'Mon-Fri 09:00-17:00');
	if (!hours.ok) throw new InquiryError('BUSINESS_HOURS_INVALID', `Business Hours ${hours.error}`);
	if (!hours.value) throw new InquiryError('BUSINESS_HOURS_INVALID', 'Business Hours is empty');
	const holidays = parseDateList(p.holidays ?? '');
	if (!holidays.ok) throw new InquiryError('BUSINESS_HOURS_INVALID', `Holidays: ${holidays.error}`);
	const d = p.deadlines ?? {};
	return {
		roster,
		calendar: {
			timezone: blankToUndefined(p.businessTimezone) ?? workflowTimezone,
			hours: hours.value,
			holidays: holidays.value,
		},
		rules: (p.rules?.rule ?? []).map(ruleOf),
		defaultTeam: blankToUndefined(p.defaultTeam),
		strategy: p.strategy,
		sticky: p.sticky,
		fallbackTeam: blankToUndefined(p.fallbackTeam),
		fallbackOwner: blankToUndefined(p.fallbackOwner),
		holdUntilAvailable: p.holdUntilAvailable,
		maxHoldMinutes: capOf(p.maxHoldMinutes),
		ownersWithoutHours: p.ownersWithoutHours,
		deadlines: {
			emergency: d.emergencyMinutes,
			high: d.highMinutes,
			normal: d.normalMinutes,
			low: d.lowMinutes,
			escalateAfter: d.escalateAfterMinutes,
			emergencyAroundTheClock: d.emergencyAroundTheClock,
		},
		filters: p.filters ?? {},
		stickyMemorySize: p.stickyMemorySize,
	};
}

const compiledBySettings = new Map<string, CompiledAssignConfig>();
const MAX_COMPILED_SETTINGS = 32;

/**
 * The node's settings compiled, remembered by their JSON: a published workflow runs the same
 * settings in every execution, and compiling them (roster, hours, rules) cost the node more than
 * assigning an inquiry. The compiled settings are never changed after compiling, so runs can
 * share them; settings that fail to compile are not remembered and fail again.
 */
export function compileAssignParameters(
	p: AssignParameters,
	workflowTimezone: string,
): CompiledAssignConfig {
	const key = JSON.stringify([p, workflowTimezone]);
	const known = compiledBySettings.get(key);
	if (known) return known;
	const compiled = compileAssignConfig(configFromParameters(p, workflowTimezone));
	if (compiledBySettings.size >= MAX_COMPILED_SETTINGS) compiledBySettings.clear();
	compiledBySettings.set(key, compiled);
	return compiled;
}
