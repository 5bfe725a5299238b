import { InquiryError } from '../shared/errors';
import type { BuiltInProfileName } from './builtins';
import { BUILT_IN_PROFILES, isBuiltInProfileName } from './builtins';
import { describeIssue, parseProfile, rejectDuplicates } from './parseProfile';
import type { ContextProfile, RequirementInput } from './profile';
import { ContextProfile as ContextProfileSchema, extendProfile } from './profile';

export const CONDITION_OPERATORS = ['equals', 'isOneOf', 'isPresent', 'isMissing'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** "Any of several fields" in the form's field list. */
export const ANY_OF_FIELD = 'anyOf';
/** "No condition" in the form's condition list. */
export const ALWAYS = 'always';

/** One row of the node's requirement list, as n8n hands it over (every value may be absent). */
export interface RequirementRow {
	field?: string;
	anyOf?: string[];
	level?: string;
	weight?: number;
	condition?: string;
	operator?: string;
	value?: string;
	label?: string;
}

export type ProfileChoice = BuiltInProfileName | 'custom' | 'json';

/**
 * The profile the node panel describes: a built-in (plus extra rows), a list built from rows
 * alone, or JSON from an expression. Errors name the row or entry ("requirement 2: …").
 */
export function resolveProfile(
	choice: string,
	rows: RequirementRow[] = [],
	json?: unknown,
): ContextProfile {
	if (choice === 'json') return parseProfile(json);
	const requirements = profileFromRows(
		rows,
		choice === 'custom' ? 'custom' : `${choice} (extended)`,
	);
	if (isBuiltInProfileName(choice)) {
		if (requirements.requirements.length === 0) return BUILT_IN_PROFILES[choice];
		return extendProfile(BUILT_IN_PROFILES[choice], requirements.requirements, requirements.name);
	}
	if (choice !== 'custom') throw new InquiryError('INVALID_PROFILE', `unknown profile '${choice}'`);
	if (requirements.requirements.length === 0) {
		throw new InquiryError(
			'INVALID_PROFILE',
			'the custom profile has no requirements; add at least one',
		);
	}
	return requirements;
}

function profileFromRows(rows: RequirementRow[], name: string): ContextProfile {
	const parsed = ContextProfileSchema.safeParse({ name, requirements: rows.map(rowToRequirement) });
	if (!parsed.success)
		throw new InquiryError('INVALID_PROFILE', describeIssue(parsed.error.issues[0]));
	rejectDuplicates(parsed.data.requirements);
	return parsed.data;
}

/** Maps the form's flat row onto the requirement shape JSON users write. */
export function rowToRequirement(row: RequirementRow): RequirementInput {
	const requirement: Record<string, unknown> = {};
	if (row.field === ANY_OF_FIELD) requirement.anyOf = row.anyOf ?? [];
	else requirement.field = row.field ?? '';
	if (row.level !== undefined) requirement.level = row.level;
	if (row.weight !== undefined) requirement.weight = row.weight;
	if (row.label?.trim()) requirement.label = row.label;
	if (row.condition && row.condition !== ALWAYS)
		requirement.when = conditionOf(row.condition, row.operator, row.value ?? '');
	return requirement as RequirementInput;
}

function conditionOf(
	field: string,
	operator: string | undefined,
	value: string,
): Record<string, unknown> {
	switch (operator) {
		case 'isPresent':
			return { field, present: true };
		case 'isMissing':
			return { field, present: false };
		case 'isOneOf':
			return {
				field,
				in: value
					.split(',')
					.map((part) => part.trim())
					.filter(Boolean),
			};
		default:
			return { field, equals: value };
	}
}
