import { z } from 'zod';
import type { CheckName, CheckStatus } from './checks';

export const SCORES = [1, 2, 3, 4, 5] as const;
export const Score = z.union([
	z.literal(1),
	z.literal(2),
	z.literal(3),
	z.literal(4),
	z.literal(5),
]);
export type Score = z.infer<typeof Score>;

/** The article's scorecard wording, per level. */
export const SCORE_LABELS: Record<Score, string> = {
	1: 'Disconnected systems',
	2: 'Disconnected systems',
	3: 'Partial continuity, weak action',
	4: 'Strong integration support',
	5: 'Visibly reducing leakage',
};

/**
 * The 1–5 score of one inquiry, from which checks passed:
 * - 5 — all five pass: integrations visibly reducing leakage (the handoff is confirmed or its failure alerted);
 * - 4 — Entry, Transfer and Trigger pass: strong integration support (captured, recorded, owned),
 *   but Context or Visibility is missing;
 * - 3 — Entry and at least one other check pass: partial continuity, but weak action;
 * - 2 — only Entry passes: captured, then disconnected;
 * - 1 — Entry does not pass: disconnected from the start.
 * Each level's condition contains the next higher one's, so passing one more check never lowers the score.
 */
export function scoreChecks(checks: readonly { check: CheckName; status: CheckStatus }[]): Score {
	const passed = new Set(checks.filter((c) => c.status === 'pass').map((c) => c.check));
	if (!passed.has('entry')) return 1;
	if (passed.size === 5) return 5;
	if (passed.has('transfer') && passed.has('trigger')) return 4;
	if (passed.size >= 2) return 3;
	return 2;
}
