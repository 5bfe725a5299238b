import { z } from 'zod';
import { ConditionField, ContextField } from './fields';

export const REQUIREMENT_LEVELS = ['required', 'recommended'] as const;
export const RequirementLevel = z.enum(REQUIREMENT_LEVELS);
export type RequirementLevel = z.infer<typeof RequirementLevel>;

/** "When service is emergency …": exactly one of `equals`, `in` or `present`. Text compares ignore case. */
export const RequirementCondition = z
	.object({
		field: ConditionField,
		equals: z.string().optional(),
		in: z.array(z.string()).min(1).optional(),
		present: z.boolean().optional(),
	})
	.strict()
	.refine(
		(when) =>
			[when.equals, when.in, when.present].filter((test) => test !== undefined).length === 1,
		{
			message: 'a condition needs exactly one of "equals", "in" or "present"',
		},
	);
export type RequirementCondition = z.infer<typeof RequirementCondition>;

export const Requirement = z
	.object({
		field: ContextField.optional(),
		/** A group met by any one of its fields, e.g. ["address", "postalCode"]. */
		anyOf: z.array(ContextField).min(2).optional(),
		weight: z.number().finite().min(0).max(1000).default(10),
		level: RequirementLevel.default('required'),
		when: RequirementCondition.optional(),
		/** Shown in `missing` / `present` instead of the field's own label. */
		label: z.string().trim().min(1).max(80).optional(),
	})
	.strict()
	.refine(
		(requirement) => (requirement.field === undefined) !== (requirement.anyOf === undefined),
		{
			message: 'a requirement needs either "field" or "anyOf" (not both)',
		},
	);
export type Requirement = z.infer<typeof Requirement>;
export type RequirementInput = z.input<typeof Requirement>;

export const ContextProfile = z.object({
	name: z.string().trim().min(1).max(80).default('custom'),
	requirements: z.array(Requirement).max(100),
});
export type ContextProfile = z.infer<typeof ContextProfile>;

/** How a requirement is named in results and follow-ups: "postalCode", or "address_or_postalCode" for a group. */
export function requirementKey(requirement: Requirement): string {
	return requirement.field ?? (requirement.anyOf ?? []).join('_or_');
}

/** Two requirements are "the same" when they ask for the same thing under the same condition. */
export function requirementIdentity(requirement: Requirement): string {
	return `${requirementKey(requirement)}|${requirement.when ? JSON.stringify(requirement.when) : ''}`;
}

/**
 * A built-in profile plus the user's extra requirements. An extra requirement for something the
 * base already asks (same field, same condition) replaces it, so users can re-weight or relax it.
 */
export function extendProfile(
	base: ContextProfile,
	extra: Requirement[],
	name = base.name,
): ContextProfile {
	const replaced = new Set(extra.map(requirementIdentity));
	return {
		name,
		requirements: [
			...base.requirements.filter((r) => !replaced.has(requirementIdentity(r))),
			...extra,
		],
	};
}
