import { z } from 'zod';

/**
 * Minimal read-only views of what other stages add to an inquiry. The scorecard reads only the
 * few fields it reports on, and reads them leniently: an inquiry that skipped a stage, or came
 * from an older version of a node, still gets a scorecard.
 */

export const AssignmentView = z.object({
	status: z.enum(['assigned', 'unassigned']).optional(),
	owner: z.object({ id: z.string(), name: z.string().optional() }).optional(),
	respondBy: z.string().optional(),
	escalateAt: z.string().optional(),
	assignedAt: z.string().optional(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const ContextView = z.object({
	outcome: z.enum(['complete', 'needs_context', 'unreachable']).optional(),
});
export type ContextView = z.infer<typeof ContextView>;

export const HandoffView = z.object({
	status: z.enum(['verified', 'missing', 'mismatch', 'late', 'error']).optional(),
	destination: z.string().optional(),
	recordId: z.string().optional(),
	checkedAt: z.string().optional(),
});
export type HandoffView = z.infer<typeof HandoffView>;

/** Written by Find Stalled Inquiries when it flags a full inquiry (ledger rows carry the same as columns). */
export const SweepView = z.object({
	reason: z.string().optional(),
	action: z.string().optional(),
	at: z.string().optional(),
});
export type SweepView = z.infer<typeof SweepView>;

/** The view when the value fits, otherwise an empty one: a malformed stage result counts as absent. */
export function readView<T extends z.ZodTypeAny>(schema: T, value: unknown): Partial<z.infer<T>> {
	if (value === undefined || value === null) return {};
	const parsed = schema.safeParse(value);
	return parsed.success ? (parsed.data as z.infer<T>) : {};
}
