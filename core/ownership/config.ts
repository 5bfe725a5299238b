import { z } from 'zod';
import { BusinessCalendar, Roster } from './roster';

/** Settings for one Assign Inquiry Owner node: validated once per run, then compiled. */

export const STRATEGIES = ['round_robin', 'weighted', 'least_loaded', 'hash'] as const;
export const Strategy = z.enum(STRATEGIES);
export type Strategy = z.infer<typeof Strategy>;

/** What "no schedule" means for an owner without hours of their own. */
export const OWNERS_WITHOUT_HOURS = ['businessHours', 'alwaysAvailable'] as const;
export const OwnersWithoutHours = z.enum(OWNERS_WITHOUT_HOURS);
export type OwnersWithoutHours = z.infer<typeof OwnersWithoutHours>;

export const RULE_FIELDS = [
	'any',
	'service',
	'territory',
	'postalCode',
	'city',
	'region',
	'country',
	'language',
	'channel',
	'urgency',
	'source',
] as const;
export const RuleField = z.enum(RULE_FIELDS);
export type RuleField = z.infer<typeof RuleField>;

export const RULE_OPERATORS = ['is', 'isNot', 'contains', 'startsWith'] as const;
export const RuleOperator = z.enum(RULE_OPERATORS);
export type RuleOperator = z.infer<typeof RuleOperator>;

export const RuleCondition = z.object({
	field: RuleField,
	operator: RuleOperator.default('is'),
	/** Compared case-insensitively; several values separated by commas mean "any of". */
	value: z.string().default(''),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

/** All conditions must hold; the first matching rule routes to its team or named owner. */
export const Rule = z
	.object({
		name: z.string().default(''),
		conditions: z.array(RuleCondition).min(1, 'needs at least one condition'),
		team: z.string().trim().optional(),
		owner: z.string().trim().optional(),
	})
	.refine((r) => Boolean(r.team) !== Boolean(r.owner), {
		message: 'must route to exactly one team or one owner',
		path: ['team'],
	});
export type Rule = z.infer<typeof Rule>;

const Minutes = z
	.number()
	.int('must be whole minutes')
	.min(0)
	.max(527_040, 'must be at most a year of minutes');

/** Business minutes to first response per urgency, and how long after that to escalate. */
export const Deadlines = z.object({
	emergency: Minutes.default(15),
	high: Minutes.default(60),
	normal: Minutes.default(240),
	low: Minutes.default(480),
	escalateAfter: Minutes.default(60),
	/** Emergencies count every minute, not only business hours. */
	emergencyAroundTheClock: z.boolean().default(false),
});
export type Deadlines = z.infer<typeof Deadlines>;

/** Which owner attributes filter eligibility; an owner with an empty list is never filtered out. */
export const EligibilityFilters = z.object({
	skills: z.boolean().default(true),
	languages: z.boolean().default(true),
	territories: z.boolean().default(true),
	channels: z.boolean().default(true),
});
export type EligibilityFilters = z.infer<typeof EligibilityFilters>;

export const AssignConfig = z.object({
	roster: Roster,
	calendar: BusinessCalendar,
	rules: z.array(Rule).default([]),
	/** The team used when no rule matches; absent means the whole roster. */
	defaultTeam: z.string().trim().optional(),
	strategy: Strategy.default('round_robin'),
	/** A returning contact goes back to their previous owner when that owner is eligible. */
	sticky: z.boolean().default(true),
	fallbackTeam: z.string().trim().optional(),
	fallbackOwner: z.string().trim().optional(),
	/** When nobody is available now, assign to whoever starts first instead of leaving it unassigned. */
	holdUntilAvailable: z.boolean().default(false),
	/**
	 * The longest an inquiry may be held, in business minutes from its arrival. Absent: until its
	 * escalation deadline, so a hold never outlasts the point where a manager would step in.
	 */
	maxHoldMinutes: Minutes.optional(),
	ownersWithoutHours: OwnersWithoutHours.default('businessHours'),
	deadlines: Deadlines.default({}),
	filters: EligibilityFilters.default({}),
	/** Contacts remembered for sticky routing; the least recently assigned are forgotten first. */
	stickyMemorySize: z.number().int().min(0).max(100_000).default(5000),
});
export type AssignConfig = z.infer<typeof AssignConfig>;
export type AssignConfigInput = z.input<typeof AssignConfig>;
