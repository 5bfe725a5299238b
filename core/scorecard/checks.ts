import { z } from 'zod';
import type { Stage, TrailEntry, TrailOutcome } from '../inquiry/schema';

/** The source article's verification checklist, in its order. */
export const CHECKS = ['entry', 'transfer', 'context', 'trigger', 'visibility'] as const;
export const CheckName = z.enum(CHECKS);
export type CheckName = z.infer<typeof CheckName>;

export const CHECK_STATUSES = ['pass', 'fail', 'not_reached'] as const;
export const CheckStatus = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** The continuity-map stage whose trail entries each check reads. */
export const CHECK_STAGE: Record<CheckName, Stage> = {
	entry: 'entry',
	transfer: 'transfer',
	context: 'context',
	trigger: 'trigger',
	visibility: 'tracking',
};

export const CHECK_LABELS: Record<CheckName, string> = {
	entry: 'Entry',
	transfer: 'Transfer',
	context: 'Context',
	trigger: 'Trigger',
	visibility: 'Visibility',
};

/** The trail entry a check rests on: which node, when, and what it recorded. */
export const CheckEvidence = z.object({
	node: z.string(),
	at: z.string(),
	outcome: z.string(),
	detail: z.string().optional(),
});
export type CheckEvidence = z.infer<typeof CheckEvidence>;

export const ContinuityCheck = z.object({
	check: CheckName,
	status: CheckStatus,
	evidence: CheckEvidence.optional(),
	/** One sentence a person can read. */
	why: z.string(),
});
export type ContinuityCheck = z.infer<typeof ContinuityCheck>;

const RECEIPT_FAILURES: ReadonlySet<TrailOutcome> = new Set([
	'missing',
	'mismatch',
	'late',
	'error',
]);
const NO_RECORD: ReadonlySet<TrailOutcome> = new Set(['missing', 'error']);

const ENTRY_FAILURES: Partial<Record<TrailOutcome, string>> = {
	needs_lookup: 'Only ids arrived; the details were never fetched, so it was not captured cleanly.',
	invalid: 'It arrived without a usable way to reach the person, so it was not captured cleanly.',
	rejected: 'It was rejected at the door (a failed signature or a replay).',
};

const CONTEXT_FAILURES: Partial<Record<TrailOutcome, string>> = {
	needs_context: 'Required details are missing, so the next person cannot act on it yet.',
	unreachable: 'There is no valid way to reach the person.',
};

function evidenceOf(entry: TrailEntry): CheckEvidence {
	const evidence: CheckEvidence = { node: entry.node, at: entry.at, outcome: entry.outcome };
	if (entry.detail !== undefined) evidence.detail = entry.detail;
	return evidence;
}

function lastIndex(trail: readonly TrailEntry[], match: (entry: TrailEntry) => boolean): number {
	for (let i = trail.length - 1; i >= 0; i--) if (match(trail[i])) return i;
	return -1;
}

function result(
	check: CheckName,
	status: CheckStatus,
	why: string,
	entry?: TrailEntry,
): ContinuityCheck {
	return entry ? { check, status, evidence: evidenceOf(entry), why } : { check, status, why };
}

function entryCheck(trail: readonly TrailEntry[]): ContinuityCheck {
	const i = lastIndex(trail, (e) => e.stage === 'entry');
	if (i < 0) return result('entry', 'not_reached', 'No entry node recorded this inquiry.');
	const entry = trail[i];
	if (entry.outcome === 'normalized')
		return result('entry', 'pass', 'Captured cleanly in the canonical shape.', entry);
	return result(
		'entry',
		'fail',
		ENTRY_FAILURES[entry.outcome] ?? 'It was not captured cleanly.',
		entry,
	);
}

/** Passes only on a handoff receipt: a record was written in the next system. */
function transferCheck(trail: readonly TrailEntry[]): ContinuityCheck {
	const written = lastIndex(trail, (e) => e.stage === 'transfer' && e.outcome === 'written');
	if (written >= 0)
		return result(
			'transfer',
			'pass',
			'The next system received it: a record was written there.',
			trail[written],
		);
	const lost = lastIndex(trail, (e) => e.stage === 'tracking' && NO_RECORD.has(e.outcome));
	if (lost >= 0)
		return result('transfer', 'fail', 'The next system has no record of it.', trail[lost]);
	return result(
		'transfer',
		'not_reached',
		'No handoff receipt: nothing shows it reached the next system.',
	);
}

function contextCheck(trail: readonly TrailEntry[]): ContinuityCheck {
	const i = lastIndex(trail, (e) => e.stage === 'context');
	if (i < 0) return result('context', 'not_reached', 'Its context was never checked.');
	const entry = trail[i];
	if (entry.outcome === 'complete')
		return result('context', 'pass', 'Enough information moved with it to act.', entry);
	return result(
		'context',
		'fail',
		CONTEXT_FAILURES[entry.outcome] ?? 'Its context is incomplete.',
		entry,
	);
}

const TRIGGER_OUTCOMES: ReadonlySet<TrailOutcome> = new Set([
	'assigned',
	'unassigned',
	'reassigned',
]);

function triggerCheck(trail: readonly TrailEntry[]): ContinuityCheck {
	const i = lastIndex(trail, (e) => e.stage === 'trigger' && TRIGGER_OUTCOMES.has(e.outcome));
	if (i < 0) return result('trigger', 'not_reached', 'No next action was created for it.');
	const entry = trail[i];
	if (entry.outcome === 'unassigned')
		return result('trigger', 'fail', 'Nobody could take it: it has no owner.', entry);
	return result('trigger', 'pass', 'An owner and a deadline were set automatically.', entry);
}

/** Passes only when the latest receipt says verified, or a failure was alerted to a person after it. */
function visibilityCheck(trail: readonly TrailEntry[]): ContinuityCheck {
	const receipt = lastIndex(
		trail,
		(e) => e.stage === 'tracking' && (e.outcome === 'verified' || RECEIPT_FAILURES.has(e.outcome)),
	);
	const alerted = lastIndex(trail, (e) => e.outcome === 'alerted');
	if (receipt >= 0 && trail[receipt].outcome === 'verified')
		return result(
			'visibility',
			'pass',
			'A read-back confirmed the handoff succeeded.',
			trail[receipt],
		);
	if (alerted > receipt)
		return result('visibility', 'pass', 'The failure was alerted to a person.', trail[alerted]);
	if (receipt >= 0)
		return result(
			'visibility',
			'fail',
			'The handoff failed and nobody was alerted.',
			trail[receipt],
		);
	return result('visibility', 'not_reached', 'Nothing confirms the handoff succeeded.');
}

/** The five checks of the article's checklist, in its order, derived from the continuity trail alone. */
export function checkInquiry(inquiry: {
	continuity: { trail: readonly TrailEntry[] };
}): ContinuityCheck[] {
	const trail = inquiry.continuity.trail;
	return [
		entryCheck(trail),
		transferCheck(trail),
		contextCheck(trail),
		triggerCheck(trail),
		visibilityCheck(trail),
	];
}
