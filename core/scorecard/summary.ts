import { z } from 'zod';
import type { Inquiry } from '../inquiry/schema';
import { STAGES } from '../inquiry/schema';
import type { BusinessCalendar } from '../ownership/roster';
import { InquiryError } from '../shared/errors';
import type { CheckName, CheckStatus } from './checks';
import { CHECK_LABELS, CHECKS } from './checks';
import { ClockReport, clockReport } from './clockReport';
import { latestPerInquiry } from './latest';
import type { LedgerRow, ScorecardRow } from './ledger';
import { inquiryRow, isInquiryItem, rescoreRow } from './ledger';
import { Score, SCORE_LABELS } from './score';
import { minutesBetween, round, Timing, timing } from './stats';

const Counts = z.record(z.number());

export { Timing };

export const TIME_TO_OWNER_BUCKETS = [
	{ label: '< 5 min', upTo: 5 },
	{ label: '5–15 min', upTo: 15 },
	{ label: '15–60 min', upTo: 60 },
	{ label: '1–4 h', upTo: 240 },
	{ label: '4–24 h', upTo: 1440 },
	{ label: '> 1 day', upTo: Infinity },
] as const;

export const PeriodSummary = z.object({
	period: z.object({
		from: z.string().nullable(),
		to: z.string().nullable(),
		/** The earliest and latest `receivedAt` among the items in the period. */
		firstReceivedAt: z.string().nullable(),
		lastReceivedAt: z.string().nullable(),
	}),
	generatedAt: z.string(),
	/** Inquiries in the period, each counted once. */
	inquiries: z.number(),
	/** Inquiries outside the period (or with an unreadable receivedAt), left out of every figure. */
	outsidePeriod: z.number(),
	/** Rows replaced by a later row of the same inquiry (a ledger kept by appending rows). */
	superseded: z.number(),
	/** Inquiries captured cleanly (Entry passed): the base of the leak rate. */
	entered: z.number(),
	byChannel: Counts,
	bySource: Counts,
	/** By the furthest continuity-map stage that ran ("none" when no stage recorded anything). */
	byStage: Counts,
	checks: z.record(z.object({ pass: z.number(), fail: z.number(), not_reached: z.number() })),
	/** Inquiries passing each check, in checklist order: the funnel of the report. */
	funnel: z.array(z.object({ check: z.string(), label: z.string(), passed: z.number() })),
	leaks: z.object({
		/** Entered, but neither verified nor alerted. */
		count: z.number(),
		/** Leaks over entered inquiries, 0–1. */
		rate: z.number(),
		byChannel: Counts,
		/** By the first check (after Entry) that did not pass. */
		byStage: Counts,
	}),
	worstLeakingStage: z
		.object({ check: z.string(), label: z.string(), leaks: z.number() })
		.nullable(),
	timeToOwner: Timing.extend({
		histogram: z.array(z.object({ label: z.string(), count: z.number() })),
	}),
	timeToVerified: Timing,
	/** The three clocks: to owner, to claim and to first contact, by channel and by owner. */
	clocks: ClockReport,
	/** First response after `respondBy`, none yet and `respondBy` passed, or a handoff verified late. */
	slaBreaches: z.number(),
	unassigned: z.number(),
	needsContext: z.number(),
	unreachable: z.number(),
	/** The average, the level and the distribution all cover the same inquiries: the entered ones. */
	score: z.object({
		/** Mean of the entered inquiries' 1–5 scores, one decimal (for trends). */
		average: z.number().nullable(),
		/** The period's score: the highest level at least 8 in 10 entered inquiries reach (see PERIOD_SHARE). */
		level: Score.nullable(),
		label: z.string(),
		/** Entered inquiries per score. */
		distribution: Counts,
	}),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

/**
 * The share of entered inquiries that must reach a level for the period to score it. An average
 * would call a week with one leak in five "visibly reducing leakage"; this rule does not: 5 means
 * at least 80% of the inquiries captured passed all five checks. Rejected and invalid entries are
 * left out (they are not leads the business could have kept).
 */
export const PERIOD_SHARE = 0.8;

function periodLevel(enteredScores: number[]): Score | null {
	if (enteredScores.length === 0) return null;
	for (let level = 5; level > 1; level--)
		if (
			enteredScores.filter((score) => score >= level).length >=
			PERIOD_SHARE * enteredScores.length
		)
			return level as Score;
	return 1;
}

export interface PeriodOptions {
	/** Start of the period (inclusive); absent means since the earliest item. */
	from?: Date;
	/** End of the period (exclusive); absent means up to `now`. */
	to?: Date;
	now: Date;
	/** The three clocks count business minutes on this calendar; absent, wall-clock minutes. */
	calendar?: BusinessCalendar;
}

const add = (counts: Record<string, number>, key: string) => {
	counts[key] = (counts[key] ?? 0) + 1;
};

function statusOf(row: LedgerRow, check: CheckName): CheckStatus {
	return row[`${check}Check` as const];
}

function isSlaBreach(row: LedgerRow, nowMs: number): boolean {
	if (row.handoffStatus === 'late') return true;
	const due = Date.parse(row.respondBy);
	if (Number.isNaN(due)) return false;
	const contacted = Date.parse(row.contactedAt);
	return Number.isNaN(contacted) ? nowMs > due : contacted > due;
}

function toRow(item: ScorecardRow | Inquiry, now: Date): ScorecardRow {
	return isInquiryItem(item)
		? inquiryRow(item as Inquiry, now)
		: rescoreRow(item as ScorecardRow, now);
}

/** Checks the period settings; both ends optional. */
export function checkPeriod(options: PeriodOptions): void {
	for (const [name, date] of [
		['start', options.from],
		['end', options.to],
	] as const)
		if (date && Number.isNaN(date.getTime()))
			throw new InquiryError('REPORT_PERIOD_INVALID', `the period ${name} is not a date`);
	if (options.from && options.to && options.from.getTime() >= options.to.getTime())
		throw new InquiryError('REPORT_PERIOD_INVALID', 'the period ends before it starts');
}

/**
 * The period report's figures over ledger rows or full inquiries (inquiries are turned into rows,
 * rows are read again as of `now`). Each inquiry counts once: of several rows with one inquiryId,
 * the latest state wins (see latestPerInquiry).
 */
export function summarizePeriod(
	items: readonly (ScorecardRow | Inquiry)[],
	options: PeriodOptions,
): PeriodSummary {
	checkPeriod(options);
	const fromMs = options.from?.getTime() ?? -Infinity;
	const toMs = options.to?.getTime() ?? Infinity;
	const nowMs = options.now.getTime();
	const latest = latestPerInquiry(
		items.map((item) => toRow(item, options.now)),
		options.now,
	);
	const rows: ScorecardRow[] = [];
	let first = Infinity;
	let last = -Infinity;
	for (const row of latest.rows) {
		const received = Date.parse(row.receivedAt);
		if (!(received >= fromMs && received < toMs)) continue;
		rows.push(row);
		first = Math.min(first, received);
		last = Math.max(last, received);
	}

	const byChannel: Record<string, number> = {};
	const bySource: Record<string, number> = {};
	const byStage: Record<string, number> = Object.fromEntries(
		[...STAGES, 'none'].map((s) => [s, 0]),
	);
	const checks = Object.fromEntries(CHECKS.map((c) => [c, { pass: 0, fail: 0, not_reached: 0 }]));
	const leaksByChannel: Record<string, number> = {};
	const leaksByStage: Record<string, number> = {};
	const distribution: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
	const toOwner: number[] = [];
	const toVerified: number[] = [];
	const enteredScores: number[] = [];
	let entered = 0;
	let leaks = 0;
	let slaBreaches = 0;
	let unassigned = 0;
	let needsContext = 0;
	let unreachable = 0;
	let scoreSum = 0;

	for (const row of rows) {
		add(byChannel, row.channel || 'unknown');
		add(bySource, row.sourceSystem || 'unknown');
		add(byStage, row.stage || 'none');
		for (const check of CHECKS) checks[check][statusOf(row, check)]++;
		if (row.contextOutcome === 'needs_context') needsContext++;
		if (row.contextOutcome === 'unreachable') unreachable++;
		if (isSlaBreach(row, nowMs)) slaBreaches++;
		const ownerMinutes = row.ownerId ? minutesBetween(row.receivedAt, row.assignedAt) : null;
		if (ownerMinutes !== null) toOwner.push(ownerMinutes);
		const verifiedMinutes = minutesBetween(row.receivedAt, row.verifiedAt);
		if (verifiedMinutes !== null) toVerified.push(verifiedMinutes);
		if (row.entryCheck !== 'pass') continue;
		entered++;
		enteredScores.push(row.score);
		add(distribution, String(row.score));
		scoreSum += row.score;
		if (!row.ownerId) unassigned++;
		if (row.visibilityCheck === 'pass') continue;
		leaks++;
		add(leaksByChannel, row.channel || 'unknown');
		add(leaksByStage, CHECKS.find((check) => statusOf(row, check) !== 'pass') ?? 'visibility');
	}

	const worst = Object.entries(leaksByStage).sort(
		(a, b) => b[1] - a[1] || CHECKS.indexOf(a[0] as CheckName) - CHECKS.indexOf(b[0] as CheckName),
	)[0];
	const average = entered ? round(scoreSum / entered, 1) : null;
	const level = periodLevel(enteredScores);
	return {
		period: {
			from: options.from?.toISOString() ?? null,
			to: options.to?.toISOString() ?? null,
			firstReceivedAt: rows.length ? new Date(first).toISOString() : null,
			lastReceivedAt: rows.length ? new Date(last).toISOString() : null,
		},
		generatedAt: options.now.toISOString(),
		inquiries: rows.length,
		outsidePeriod: latest.rows.length - rows.length,
		superseded: latest.superseded,
		entered,
		byChannel,
		bySource,
		byStage,
		checks,
		funnel: CHECKS.map((check) => ({
			check,
			label: CHECK_LABELS[check],
			passed: checks[check].pass,
		})),
		leaks: {
			count: leaks,
			rate: entered ? round(leaks / entered, 4) : 0,
			byChannel: leaksByChannel,
			byStage: leaksByStage,
		},
		worstLeakingStage: worst
			? { check: worst[0], label: CHECK_LABELS[worst[0] as CheckName], leaks: worst[1] }
			: null,
		timeToOwner: {
			...timing(toOwner),
			histogram: TIME_TO_OWNER_BUCKETS.map((bucket, i) => ({
				label: bucket.label,
				count: toOwner.filter(
					(m) => m < bucket.upTo && (i === 0 || m >= TIME_TO_OWNER_BUCKETS[i - 1].upTo),
				).length,
			})),
		},
		timeToVerified: timing(toVerified),
		clocks: clockReport(rows, options.now, options.calendar),
		slaBreaches,
		unassigned,
		needsContext,
		unreachable,
		score: { average, level, label: level ? SCORE_LABELS[level] : 'No inquiries', distribution },
	};
}
