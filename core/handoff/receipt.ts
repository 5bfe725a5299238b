import { z } from 'zod';

/** What the stage adds to an inquiry under `handoff`: proof the record arrived, intact and in time. */

/** Precedence when several apply: error > missing > mismatch > late > verified. */
export const HANDOFF_STATUSES = ['verified', 'missing', 'mismatch', 'late', 'error'] as const;
export const HandoffStatus = z.enum(HANDOFF_STATUSES);
export type HandoffStatus = z.infer<typeof HandoffStatus>;

/**
 * How one look at the destination went. `step_failed`: the node before this one failed and passed
 * its error on ("On Error → Continue"), so there was nothing to look at.
 */
export const ATTEMPT_OUTCOMES = [
	'found',
	'not_found',
	'http_error',
	'timeout',
	'network_error',
	'step_failed',
] as const;
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const HandoffAttempt = z.object({
	at: z.string(),
	statusCode: z.number().optional(),
	outcome: AttemptOutcome,
	/** How long the destination took to answer. */
	ms: z.number().optional(),
});
export type HandoffAttempt = z.infer<typeof HandoffAttempt>;

/** A field the destination holds differently; values are shown as text, long ones shortened. */
export const FieldChange = z.object({
	field: z.string(),
	expected: z.string(),
	actual: z.string(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const HandoffReceipt = z.object({
	status: HandoffStatus,
	/** The system checked, as the user named it ("HubSpot"). */
	destination: z.string(),
	recordId: z.string().optional(),
	/** Fields the destination holds as the inquiry does. */
	matched: z.array(z.string()),
	/** Fields the inquiry has that arrived empty (or not at all). */
	lost: z.array(z.string()),
	changed: z.array(FieldChange),
	/** From the inquiry's `receivedAt` to `checkedAt`. */
	transferMs: z.number(),
	/** When the record had to be there (UTC ISO): an SLA after receipt, or the owner's respond-by time. */
	deadline: z.string().optional(),
	checkedAt: z.string(),
	attempts: z.array(HandoffAttempt),
	/** The destination's last HTTP status, when there was one. */
	statusCode: z.number().optional(),
	/** Why the record could not be checked (status "error"). */
	error: z.string().optional(),
	/** One line for a person, on every status but verified. */
	alert: z.string().optional(),
});
export type HandoffReceipt = z.infer<typeof HandoffReceipt>;
