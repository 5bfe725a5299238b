import { z } from 'zod';
import type { Inquiry } from '../inquiry/schema';
import { appendTrail } from '../shared/trail';
import { ContinuityCheck } from './checks';
import { checkInquiryAt, LedgerRow, toLedgerRow } from './ledger';
import { Score, SCORE_LABELS, scoreChecks } from './score';

/** What Score Inquiry writes under `inquiry.scorecard`. */
export const InquiryScorecard = z.object({
	score: Score,
	/** The article's wording for the score, e.g. "Strong integration support". */
	label: z.string(),
	checks: z.array(ContinuityCheck),
	/** How many of the five checks passed. */
	passed: z.number().int().min(0).max(5),
	scoredAt: z.string(),
});
export type InquiryScorecard = z.infer<typeof InquiryScorecard>;

export function scoreInquiry(inquiry: Inquiry, now: Date): InquiryScorecard {
	const checks = checkInquiryAt(inquiry, now);
	const score = scoreChecks(checks);
	return {
		score,
		label: SCORE_LABELS[score],
		checks,
		passed: checks.filter((c) => c.status === 'pass').length,
		scoredAt: now.toISOString(),
	};
}

/**
 * The inquiry with its scorecard and its flat ledger row (ready for a Data table upsert). The
 * trail is left as it was: scoring reads the continuity trail, it is not a step of it.
 */
export function withScorecard<T extends Inquiry>(
	inquiry: T,
	now: Date,
): T & { scorecard: InquiryScorecard; ledger: LedgerRow } {
	const scorecard = scoreInquiry(inquiry, now);
	return { ...inquiry, scorecard, ledger: toLedgerRow(inquiry, now, scorecard.checks) };
}

export const SCORE_OUTPUTS = ['inquiry', 'ledgerRow'] as const;
export type ScoreOutput = (typeof SCORE_OUTPUTS)[number];

export interface ScoreItemOptions {
	/** "inquiry": the inquiry with scorecard and ledger; "ledgerRow": only the flat row, ready for a Data table upsert. */
	output: ScoreOutput;
	/** Set when this runs right after an alert was sent: the trail records it, so Visibility passes. */
	alertSentBy?: string;
}

/** What Score Inquiry puts out for one inquiry. */
export function scoreInquiryItem(
	inquiry: Inquiry,
	now: Date,
	options: ScoreItemOptions,
): Record<string, unknown> {
	const seen = options.alertSentBy
		? appendTrail(inquiry, {
				stage: 'tracking',
				node: options.alertSentBy,
				at: now.toISOString(),
				outcome: 'alerted',
				detail: 'an alert was sent to a person',
			})
		: inquiry;
	const scored = withScorecard(seen, now);
	return options.output === 'ledgerRow' ? { ...scored.ledger } : scored;
}
