import { z } from 'zod';
import { EXCLUSION_CODES } from './eligibility';

/** What the stage adds to an inquiry under `assignment`. */

export const ASSIGNMENT_STATUSES = ['assigned', 'unassigned'] as const;
export const AssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

/** How the owner was chosen ("none" when unassigned). */
export const STRATEGIES_USED = [
	'round_robin',
	'weighted',
	'least_loaded',
	'hash',
	'sticky',
	'rule_owner',
	'fallback_owner',
	'next_available',
	'none',
] as const;
export const StrategyUsed = z.enum(STRATEGIES_USED);
export type StrategyUsed = z.infer<typeof StrategyUsed>;

export const UNASSIGNED_REASONS = [
	'empty_roster',
	'empty_team',
	'all_inactive',
	'all_out_of_office',
	'all_off_hours',
	'all_at_cap',
	'all_lacking_skill',
	'all_lacking_language',
	'all_outside_territory',
	'all_wrong_channel',
	'nobody_eligible',
] as const;
export const UnassignedReason = z.enum(UNASSIGNED_REASONS);
export type UnassignedReason = z.infer<typeof UnassignedReason>;

export const DECISION_CODES = [
	'rule_matched',
	'no_rule_matched',
	'unknown_team',
	'unknown_owner',
	'empty_team',
	'sticky_match',
	'sticky_unavailable',
	'picked',
	'fallback_team',
	'fallback_owner',
	'held',
	'hold_too_long',
	'unassigned',
	'more_excluded',
	'open_load_unknown',
	'state_reset',
] as const;
export const ReasonCode = z.enum([...EXCLUSION_CODES, ...DECISION_CODES]);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const AssignmentReason = z.object({
	code: ReasonCode,
	ownerId: z.string().optional(),
	detail: z.string(),
});
export type AssignmentReason = z.infer<typeof AssignmentReason>;

export const AssignedOwner = z.object({
	id: z.string(),
	name: z.string(),
	email: z.string().optional(),
	phone: z.string().optional(),
	chat: z.string().optional(),
});
export type AssignedOwner = z.infer<typeof AssignedOwner>;

export const AssignmentResult = z.object({
	status: AssignmentStatus,
	owner: AssignedOwner.optional(),
	/** The team the owner was chosen from; absent for the whole roster or a named owner. */
	team: z.string().optional(),
	strategy: StrategyUsed,
	/** The name of the rule that matched. */
	rule: z.string().optional(),
	/** One sentence a person can read: who, why, and by when. */
	reason: z.string(),
	reasons: z.array(AssignmentReason),
	unassignedReason: UnassignedReason.optional(),
	/** First response due (UTC ISO), on the business-hours clock; set for unassigned inquiries too. */
	respondBy: z.string(),
	/** A later checkpoint for escalation (UTC ISO). */
	escalateAt: z.string(),
	/** Business minutes allowed for this urgency. */
	deadlineMinutes: z.number(),
	fallbackUsed: z.boolean(),
	/** When the held owner becomes available (UTC ISO), for "hold until next available". */
	heldUntil: z.string().optional(),
	/**
	 * When nobody could take it and holding was on: the first person back and when (UTC ISO),
	 * which lay past the hold limit.
	 */
	nextAvailable: z.object({ ownerId: z.string(), name: z.string(), at: z.string() }).optional(),
	/** True when the node ran as a dry run: the routing state was not saved. */
	dryRun: z.boolean(),
	assignedAt: z.string(),
});
export type AssignmentResult = z.infer<typeof AssignmentResult>;
