import type { ScorecardRow } from './ledger';
import { rescoreRow, rowChecks } from './ledger';
import { scoreChecks } from './score';

/** Cells that say "nothing yet": a later row leaving them so does not undo an earlier row. */
const unset = (value: unknown) => value === '' || value === undefined || value === 'not_reached';

function rescored(row: ScorecardRow, now: Date): ScorecardRow {
	const checked = rescoreRow(row, now);
	return { ...checked, score: scoreChecks(rowChecks(checked)) };
}

/**
 * One row per inquiry from a ledger kept by appending rows (as a Google Sheet is: every step adds
 * a row, later rows are newer). The latest row wins; a cell it leaves empty (or a check it leaves
 * "not reached") keeps the value of an earlier row, since a step may write only its own columns.
 * A merged row is scored again from its checks, as of `now`.
 * Rows keep the order in which each inquiry first appeared.
 */
export function latestPerInquiry(
	rows: readonly ScorecardRow[],
	now: Date,
): { rows: ScorecardRow[]; superseded: number } {
	const byId = new Map<string, ScorecardRow>();
	const merged = new Set<string>();
	for (const row of rows) {
		const earlier = byId.get(row.inquiryId);
		if (!earlier) {
			byId.set(row.inquiryId, row);
			continue;
		}
		const next: Record<string, unknown> = { ...earlier };
		for (const [key, value] of Object.entries(row)) if (!unset(value)) next[key] = value;
		byId.set(row.inquiryId, next as unknown as ScorecardRow);
		merged.add(row.inquiryId);
	}
	const latest = [...byId.values()].map((row) =>
		merged.has(row.inquiryId) ? rescored(row, now) : row,
	);
	return { rows: latest, superseded: rows.length - latest.length };
}
