import { z } from 'zod';
import type { CompiledCalendar } from '../ownership/clock';
import { addBusinessMs, compileCalendar } from '../ownership/clock';
import type { BusinessCalendar } from '../ownership/roster';
import { InquiryError } from '../shared/errors';
import type { LedgerRow } from './ledger';

/** Why an inquiry is stalled, most urgent first: each row gets the first that applies. */
export const STALL_REASONS = [
	'past_escalation',
	'not_assigned',
	'past_deadline',
	'not_verified',
] as const;
export const StallReason = z.enum(STALL_REASONS);
export type StallReason = z.infer<typeof StallReason>;

export const SWEEP_ACTIONS = ['escalate', 'reassign', 'alert'] as const;
export const SweepAction = z.enum(SWEEP_ACTIONS);
export type SweepAction = z.infer<typeof SweepAction>;

/**
 * - past_escalation: nobody answered and the escalation checkpoint passed → escalate to a manager;
 * - not_assigned: still no owner after the allowed time → escalate (someone must pick an owner);
 * - past_deadline: the owner has not answered by `respondBy` → reassign to someone who can;
 * - not_verified: owned, but no read-back verified the record (nor alerted a failure) → alert.
 */
export const RECOMMENDED_ACTION: Record<StallReason, SweepAction> = {
	past_escalation: 'escalate',
	not_assigned: 'escalate',
	past_deadline: 'reassign',
	not_verified: 'alert',
};

export const SweepVerdict = z.discriminatedUnion('status', [
	z.object({
		status: z.literal('stalled'),
		reason: StallReason,
		action: SweepAction,
		/** When it became stalled (UTC ISO). */
		dueAt: z.string(),
		/** Wall-clock minutes since `dueAt`. */
		overdueMinutes: z.number(),
		message: z.string(),
	}),
	z.object({ status: z.literal('healthy') }),
	/** Stalled for the same reason an earlier sweep already flagged: not raised twice. */
	z.object({
		status: z.literal('already_flagged'),
		reason: StallReason,
		action: SweepAction,
		flaggedAt: z.string(),
	}),
]);
export type SweepVerdict = z.infer<typeof SweepVerdict>;

export const SweepSettings = z.discriminatedUnion('clock', [
	z.object({
		clock: z.literal('business'),
		assignWithinMinutes: z.number().min(1),
		verifyWithinMinutes: z.number().min(1),
		calendar: z.custom<BusinessCalendar>((value) => value !== null && typeof value === 'object'),
	}),
	z.object({
		clock: z.literal('wall'),
		assignWithinMinutes: z.number().min(1),
		verifyWithinMinutes: z.number().min(1),
	}),
]);
export type SweepSettings = z.infer<typeof SweepSettings>;

/** Settings checked once per run; the thresholds count business minutes or wall-clock minutes. */
export interface CompiledSweep {
	assignWithinMinutes: number;
	verifyWithinMinutes: number;
	/** `minutes` after `startMs` on the chosen clock. */
	after(startMs: number, minutes: number): number;
}

export function compileSweep(settings: SweepSettings): CompiledSweep {
	const parsed = SweepSettings.safeParse(settings);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InquiryError('SWEEP_SETTINGS_INVALID', `${issue.path.join('.')}: ${issue.message}`);
	}
	const s = parsed.data;
	const where: CompiledCalendar | undefined =
		s.clock === 'business' ? compileCalendar(s.calendar) : undefined;
	return {
		assignWithinMinutes: s.assignWithinMinutes,
		verifyWithinMinutes: s.verifyWithinMinutes,
		after: where
			? (startMs, minutes) => addBusinessMs(startMs, minutes, where)
			: (startMs, minutes) => startMs + minutes * 60_000,
	};
}

/** "45 min", "3 h 5 min", "2 days 4 h". */
export function formatMinutes(minutes: number): string {
	const m = Math.max(0, Math.round(minutes));
	if (m < 60) return `${m} min`;
	if (m < 1440) return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
	const days = Math.floor(m / 1440);
	const hours = Math.floor((m % 1440) / 60);
	return `${days} day${days > 1 ? 's' : ''}${hours ? ` ${hours} h` : ''}`;
}

function describe(row: LedgerRow, reason: StallReason, overdue: string): string {
	const who = `the inquiry from ${row.contactName || row.contactEmail || row.contactPhone || row.inquiryId} (${row.channel || 'unknown channel'})`;
	const owner = row.ownerName || row.ownerId;
	switch (reason) {
		case 'past_escalation':
			return `Nobody has answered ${who}, ${overdue} past its escalation point. Escalate it to a manager now.`;
		case 'not_assigned':
			return `${capitalize(who)} still has no owner, ${overdue} past the time allowed. Escalate so someone takes it.`;
		case 'past_deadline':
			return `${owner} has not answered ${who}, ${overdue} past its response deadline. Reassign it to someone available.`;
		case 'not_verified':
			return `Nothing confirms ${who} reached your system of record (owner ${owner}), ${overdue} after the time allowed. Alert someone to check the handoff.`;
	}
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const timeOf = (iso: string) => (iso ? Date.parse(iso) : NaN);

/** The first stall reason that applies to a row, with the moment it became due. */
function firstStall(
	row: LedgerRow,
	sweep: CompiledSweep,
	nowMs: number,
): { reason: StallReason; dueMs: number } | undefined {
	const received = timeOf(row.receivedAt);
	if (Number.isNaN(received) || row.entryCheck !== 'pass') return undefined;
	const answered = row.contactedAt !== '';
	const escalateAt = timeOf(row.escalateAt);
	if (!answered && escalateAt <= nowMs) return { reason: 'past_escalation', dueMs: escalateAt };
	if (!row.ownerId) {
		const due = sweep.after(received, sweep.assignWithinMinutes);
		return due <= nowMs ? { reason: 'not_assigned', dueMs: due } : undefined;
	}
	const respondBy = timeOf(row.respondBy);
	if (!answered && respondBy <= nowMs) return { reason: 'past_deadline', dueMs: respondBy };
	if (row.visibilityCheck === 'pass' || row.verifiedAt || row.alertedAt) return undefined;
	const assigned = timeOf(row.assignedAt);
	const due = sweep.after(Number.isNaN(assigned) ? received : assigned, sweep.verifyWithinMinutes);
	return due <= nowMs ? { reason: 'not_verified', dueMs: due } : undefined;
}

/** One row's verdict at `now`. Pure: the same row, settings and time always give the same answer. */
export function sweepRow(row: LedgerRow, sweep: CompiledSweep, now: Date): SweepVerdict {
	const nowMs = now.getTime();
	const stall = firstStall(row, sweep, nowMs);
	if (!stall) return { status: 'healthy' };
	const action = RECOMMENDED_ACTION[stall.reason];
	if (row.sweepReason === stall.reason)
		return { status: 'already_flagged', reason: stall.reason, action, flaggedAt: row.sweepAt };
	const overdueMinutes = Math.round((nowMs - stall.dueMs) / 60_000);
	return {
		status: 'stalled',
		reason: stall.reason,
		action,
		dueAt: new Date(stall.dueMs).toISOString(),
		overdueMinutes,
		message: describe(row, stall.reason, formatMinutes(overdueMinutes)),
	};
}

/** The row marked as flagged, ready to write back so the next sweep does not raise it again. */
export function markSwept(
	row: LedgerRow,
	verdict: SweepVerdict & { status: 'stalled' },
	now: Date,
): LedgerRow {
	return {
		...row,
		sweepReason: verdict.reason,
		sweepAction: verdict.action,
		sweepAt: now.toISOString(),
	};
}

export interface StalledRow {
	row: LedgerRow;
	verdict: SweepVerdict & { status: 'stalled' };
}

/** The leak sweep over ledger rows at `now`: stalled rows (marked as flagged) and the rest. */
export function findStalled(
	rows: readonly LedgerRow[],
	options: SweepSettings & { now: Date },
): { stalled: StalledRow[]; healthy: LedgerRow[] } {
	const { now, ...settings } = options;
	const sweep = compileSweep(settings as SweepSettings);
	const stalled: StalledRow[] = [];
	const healthy: LedgerRow[] = [];
	for (const row of rows) {
		const verdict = sweepRow(row, sweep, now);
		if (verdict.status === 'stalled') stalled.push({ row: markSwept(row, verdict, now), verdict });
		else healthy.push(row);
	}
	return { stalled, healthy };
}
