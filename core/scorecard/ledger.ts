import { z } from 'zod';
import { readInquiry } from '../inquiry/read';
import type { Inquiry, TrailEntry } from '../inquiry/schema';
import { Stage } from '../inquiry/schema';
import { InquiryError } from '../shared/errors';
import type { CheckName, ContinuityCheck } from './checks';
import { CHECK_STAGE, CheckStatus, checkInquiry } from './checks';
import type { ClaimFacts, LoopColumns } from './claims';
import { readLoopColumns, withClaimChecks } from './claims';
import { scoreChecks } from './score';
import { AssignmentView, ContextView, HandoffView, readView, SweepView } from './views';

/**
 * One flat row per inquiry, for an n8n Data table keyed by `inquiryId`: strings and numbers only,
 * times as UTC ISO strings, and '' for "not yet" so every column is always written (an upsert then
 * clears a stale value). Period reports and the leak sweep work over these rows.
 * n8n reserves `id`, `createdAt` and `updatedAt` in Data tables, hence `scoredAt`.
 */
const text = z.string().default('');
const check = CheckStatus.default('not_reached');

export const LedgerRow = z.object({
	inquiryId: z.string().min(1),
	receivedAt: z.string().min(1),
	channel: text,
	sourceSystem: text,
	urgency: text,
	contactName: text,
	contactEmail: text,
	contactPhone: text,
	identityKey: text,
	/** The furthest continuity-map stage that ran for it (passed or not). */
	stage: z.union([Stage, z.literal('')]).default(''),
	entryCheck: check,
	transferCheck: check,
	contextCheck: check,
	triggerCheck: check,
	visibilityCheck: check,
	contextOutcome: text,
	ownerId: text,
	ownerName: text,
	assignedAt: text,
	respondBy: text,
	escalateAt: text,
	handoffStatus: text,
	recordId: text,
	verifiedAt: text,
	alertedAt: text,
	/** When someone first answered the person; set by your workflow (see the docs). */
	contactedAt: text,
	/**
	 * "yes" while the inquiry is open (nobody has contacted the person yet): the escalation ladder
	 * reads only these rows, so its read stays as small as the open work. Cleared when the person is
	 * contacted, when there is no way to reach them, or when the ladder hands it to the manager.
	 */
	open: text,
	sweepReason: text,
	sweepAction: text,
	sweepAt: text,
	score: z.number().int().min(1).max(5),
	scoredAt: text,
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export const LEDGER_COLUMNS = Object.keys(LedgerRow.shape) as (keyof LedgerRow)[];

function lastAt(trail: readonly TrailEntry[], match: (entry: TrailEntry) => boolean): string {
	for (let i = trail.length - 1; i >= 0; i--) if (match(trail[i])) return trail[i].at;
	return '';
}

function furthestStage(checks: readonly ContinuityCheck[]): LedgerRow['stage'] {
	for (let i = checks.length - 1; i >= 0; i--)
		if (checks[i].status !== 'not_reached') return CHECK_STAGE[checks[i].check];
	return '';
}

function contactName(name: Inquiry['contact']['name']): string {
	return name.full ?? [name.first, name.last].filter(Boolean).join(' ');
}

const textField = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the loop wrote on a full inquiry: the claim, first contact and escalation times. */
function inquiryClaimFacts(inquiry: Inquiry): ClaimFacts {
	const extra = inquiry as Record<string, unknown>;
	const assignment = readView(AssignmentView, extra.assignment);
	return {
		assigned: assignment.status === 'assigned' && assignment.owner !== undefined,
		respondBy: assignment.respondBy ?? '',
		acceptedAt: textField(extra.acceptedAt),
		contactedAt: textField(extra.contactedAt),
		escalatedAt: textField(extra.escalatedAt),
	};
}

/** The five checks of one inquiry as of `now`: the trail's, with the owner's claim taken into account. */
export function checkInquiryAt(inquiry: Inquiry, now: Date): ContinuityCheck[] {
	return withClaimChecks(checkInquiry(inquiry), inquiryClaimFacts(inquiry), now);
}

/** The ledger row of one inquiry, as of `now`. */
export function toLedgerRow(
	inquiry: Inquiry,
	now: Date,
	checks = checkInquiryAt(inquiry, now),
): LedgerRow {
	const trail = inquiry.continuity.trail;
	const extra = inquiry as Record<string, unknown>;
	const assignment = readView(AssignmentView, extra.assignment);
	const handoff = readView(HandoffView, extra.handoff);
	const context = readView(ContextView, extra.context);
	const sweep = readView(SweepView, extra.sweep);
	const owner = assignment.status === 'assigned' ? assignment.owner : undefined;
	const status = (name: CheckName) => checks.find((c) => c.check === name)?.status ?? 'not_reached';
	const contextEvidence = checks.find((c) => c.check === 'context')?.evidence?.outcome;
	const contextOutcome = context.outcome ?? contextEvidence ?? '';
	const contactedAt = textField(extra.contactedAt);
	return {
		inquiryId: inquiry.id,
		receivedAt: inquiry.receivedAt,
		channel: inquiry.channel,
		sourceSystem: inquiry.source.system,
		urgency: inquiry.request.urgency,
		contactName: contactName(inquiry.contact.name),
		contactEmail: inquiry.contact.email?.address ?? '',
		contactPhone: inquiry.contact.phone?.e164 ?? inquiry.contact.phone?.raw ?? '',
		identityKey: inquiry.identityKeys[0] ?? '',
		// How far it got, whatever the claim: the stages that ran.
		stage: furthestStage(checkInquiry(inquiry)),
		entryCheck: status('entry'),
		transferCheck: status('transfer'),
		contextCheck: status('context'),
		triggerCheck: status('trigger'),
		visibilityCheck: status('visibility'),
		contextOutcome,
		ownerId: owner?.id ?? '',
		ownerName: owner?.name ?? '',
		assignedAt: owner ? (assignment.assignedAt ?? '') : '',
		respondBy: assignment.respondBy ?? '',
		escalateAt: assignment.escalateAt ?? '',
		handoffStatus: handoff.status ?? '',
		recordId: handoff.recordId ?? '',
		verifiedAt: lastAt(trail, (e) => e.stage === 'tracking' && e.outcome === 'verified'),
		alertedAt: lastAt(trail, (e) => e.outcome === 'alerted'),
		contactedAt,
		// Contacted, or with no way to reach the person (the manager was alerted): nothing to escalate.
		open: contactedAt || contextOutcome === 'unreachable' ? '' : 'yes',
		sweepReason: sweep.reason ?? '',
		sweepAction: sweep.action ?? '',
		sweepAt: sweep.at ?? '',
		score: scoreChecks(checks),
		scoredAt: now.toISOString(),
	};
}

/** A row's five check statuses, in checklist order. */
export function rowChecks(row: LedgerRow): { check: CheckName; status: CheckStatus }[] {
	return [
		{ check: 'entry', status: row.entryCheck },
		{ check: 'transfer', status: row.transferCheck },
		{ check: 'context', status: row.contextCheck },
		{ check: 'trigger', status: row.triggerCheck },
		{ check: 'visibility', status: row.visibilityCheck },
	];
}

/**
 * A workflow may record an alert (or a verification) on the row itself after the row was scored,
 * by writing `alertedAt` (or `verifiedAt`): the row then counts as visible, and is rescored.
 */
function withLaterVisibility<R extends LedgerRow>(row: R): R {
	if (row.visibilityCheck === 'pass') return row;
	const later = (at: string) => at !== '' && (row.scoredAt === '' || at > row.scoredAt);
	return later(row.alertedAt) || later(row.verifiedAt) ? { ...row, visibilityCheck: 'pass' } : row;
}

/** A ledger row with the loop's optional columns, as the period report and the sweep read it. */
export type ScorecardRow = LedgerRow & LoopColumns;

/**
 * The row's Trigger and Visibility read again with the claim in view: a claim, first contact or
 * escalation written after the row was scored counts, and (given `now`) so does a claim
 * deadline that passed since. The handoff half of Visibility is read from the row's handoff columns.
 */
function withLaterClaim(row: ScorecardRow, now?: Date): ScorecardRow {
	// "Not reached" with a verification or an alert on the row can only be a claim still awaited.
	const handoffSeen =
		row.visibilityCheck === 'pass' ||
		(row.visibilityCheck === 'not_reached' && (row.verifiedAt !== '' || row.alertedAt !== ''));
	const assigned = row.ownerId !== '';
	const base = rowChecks(row).map((c) => {
		if (assigned && c.check === 'trigger') return { ...c, status: 'pass' as const };
		if (handoffSeen && c.check === 'visibility') return { ...c, status: 'pass' as const };
		return c;
	});
	const facts: ClaimFacts = {
		assigned,
		respondBy: row.respondBy,
		acceptedAt: row.acceptedAt ?? '',
		contactedAt: row.contactedAt,
		escalatedAt: row.escalatedAt ?? '',
	};
	const [, , , trigger, visibility] = withClaimChecks(base, facts, now);
	return trigger.status === row.triggerCheck && visibility.status === row.visibilityCheck
		? row
		: { ...row, triggerCheck: trigger.status, visibilityCheck: visibility.status };
}

/** A row read again as of `now` (see withLaterVisibility and withLaterClaim), rescored when a check changed. */
export function rescoreRow(row: ScorecardRow, now?: Date): ScorecardRow {
	const checked = withLaterClaim(withLaterVisibility(row), now);
	return checked === row ? row : { ...checked, score: scoreChecks(rowChecks(checked)) };
}

/**
 * Data table cells come back as null when never written, and date columns as Date objects; a cell
 * written empty (a sheet, a hand-made row) counts as not written, so `''` is "not reached" too.
 */
function cell(value: unknown): unknown {
	if (value === null || value === '') return undefined;
	if (value instanceof Date) return value.toISOString();
	return value;
}

/**
 * Reads a ledger row as it comes back from a Data table: extra columns such as `id` are dropped
 * (the loop's columns are kept when present), a row without a score gets the score its check
 * columns give, and the checks are read again as of `now` (see rescoreRow).
 */
export function readLedgerRow(value: unknown, now?: Date): ScorecardRow {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw new InquiryError('SCORECARD_INPUT_INVALID', 'the item is empty');
	const cells: Record<string, unknown> = {};
	for (const key of LEDGER_COLUMNS) cells[key] = cell((value as Record<string, unknown>)[key]);
	const scored = cells.score !== undefined && cells.score !== '';
	cells.score = scored ? Number(cells.score) : 1;
	const parsed = LedgerRow.safeParse(cells);
	if (parsed.success) {
		const row: ScorecardRow = {
			...parsed.data,
			...readLoopColumns(value as Record<string, unknown>),
		};
		const checked = rescoreRow(row, now);
		return scored || checked !== row ? checked : { ...row, score: scoreChecks(rowChecks(row)) };
	}
	const first = parsed.error.issues[0];
	throw new InquiryError(
		'SCORECARD_INPUT_INVALID',
		`${first.path.join('.') || 'row'}: ${first.message}`,
	);
}

/** Whether an item is a full inquiry (as opposed to a ledger row). */
export function isInquiryItem(value: unknown): boolean {
	return (
		value !== null && typeof value === 'object' && 'continuity' in value && 'schemaVersion' in value
	);
}

/**
 * A full inquiry as the period report reads it: its ledger row with the loop's times the inquiry
 * carries. (The row Score Inquiry outputs leaves them out, so its upsert never clears them.)
 */
export function inquiryRow(inquiry: Inquiry, now: Date): ScorecardRow {
	return { ...toLedgerRow(inquiry, now), ...readLoopColumns(inquiry as Record<string, unknown>) };
}

/** A full inquiry or a ledger row, as a ledger row as of `now`. */
export function readScorecardItem(value: unknown, now: Date): ScorecardRow {
	return isInquiryItem(value) ? inquiryRow(readInquiry(value), now) : readLedgerRow(value, now);
}
