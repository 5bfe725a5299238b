import { readInquiry } from '../inquiry/read';
import type { Inquiry } from '../inquiry/schema';
import { appendTrail } from '../shared/trail';
import type { CheckContextOptions } from './checkContext';
import { checkContext } from './checkContext';
import type { ContextProfile } from './profile';
import type { ContextOutcome, ContextResult } from './result';

export interface ContextStageOptions extends CheckContextOptions {
	nodeName: string;
	now: Date;
}

export interface ContextStageResult {
	/** The verdict, as `context.outcome` records it on the inquiry. */
	status: ContextOutcome;
	/** The inquiry with `context` set (replacing an earlier check) and one trail entry appended. */
	inquiry: Inquiry & { context: ContextResult };
}

/**
 * The Check Inquiry Context stage for one item: reads the canonical inquiry (a raw item gets an
 * error saying to put Normalize Inquiry first), checks it, and records the outcome on the trail.
 */
export function checkInquiryContext(
	item: unknown,
	profile: ContextProfile,
	options: ContextStageOptions,
): ContextStageResult {
	const inquiry = readInquiry(item);
	const context = checkContext(inquiry, profile, options);
	const withTrail = appendTrail(
		{ ...inquiry, context },
		{
			stage: 'context',
			node: options.nodeName,
			at: options.now.toISOString(),
			outcome: context.outcome,
			detail: trailDetail(context, options.minimumScore),
		},
	);
	return { status: context.outcome, inquiry: withTrail };
}

/** "missing postal code, preferred time" — what a person scanning the trail needs to know. */
export function trailDetail(context: ContextResult, minimumScore = 0): string {
	if (context.outcome === 'unreachable') return 'no valid phone or email';
	const required = context.missing.filter((entry) => entry.level === 'required');
	if (context.outcome === 'needs_context' && required.length === 0) {
		return `score ${context.score} is below the minimum of ${minimumScore}`;
	}
	const listed = context.outcome === 'complete' ? context.missing : required;
	const labels = listed.map((entry) => entry.label.toLowerCase()).join(', ');
	if (context.outcome === 'complete')
		return labels
			? `score ${context.score}, could still ask for ${labels}`
			: `score ${context.score}`;
	return `missing ${labels}`;
}

export const CONTEXT_OUTPUTS = ['complete', 'needsContext', 'unreachable'] as const;
export type ContextOutput = (typeof CONTEXT_OUTPUTS)[number];

/**
 * Which output an inquiry leaves through. Holding (the default) sends incomplete inquiries to
 * Needs Context; not holding lets them continue through Complete, still marked as incomplete.
 * Unreachable inquiries always leave through Unreachable: they must never be routed as fine.
 */
export function contextOutput(outcome: ContextOutcome, holdIncomplete = true): ContextOutput {
	if (outcome === 'unreachable') return 'unreachable';
	if (outcome === 'needs_context' && holdIncomplete) return 'needsContext';
	return 'complete';
}
