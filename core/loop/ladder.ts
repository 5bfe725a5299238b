import { z } from 'zod';
import type { CompiledCalendar } from '../ownership/clock';
import { addBusinessMs, compileCalendar } from '../ownership/clock';
import { MINUTE } from '../ownership/hours';
import type { BusinessCalendar } from '../ownership/roster';
import { InquiryError } from '../shared/errors';
import { businessMsBetween } from './businessTime';
import { withPasser } from './decision';

/**
 * The escalation ladder, in place of one sweep: for each open inquiry, the one step now due.
 *   reminder   the owner has not claimed and the claim deadline is near;
 *   reassign   the claim deadline passed: the next eligible person gets it (hop + 1);
 *   manager    the hops ran out, or nobody else is eligible;
 *   contact    claimed, but nobody contacted the person by the deadline: the owner is nudged.
 * Each step is raised once per inquiry, step and hop: the key goes into `stepsRaised`, and the
 * workflow writes it with a compare-and-set on the value it read, so two sweeps never raise twice.
 * A contacted (or closed) inquiry is never escalated.
 */

export const LADDER_STEPS = ['reminder', 'reassign', 'manager', 'contact'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

const cell = z.preprocess(
	(value) =>
		value === null || value === undefined
			? ''
			: typeof value === 'string'
				? value.trim()
				: String(value),
	z.string(),
);
const count = z.preprocess(
	(value) => (value === null || value === undefined || value === '' ? 0 : Number(value)),
	z.number().int().min(0),
);

export const LadderRow = z.object({
	inquiryId: z.string().min(1),
	ownerId: cell,
	assignedAt: cell,
	respondBy: cell,
	acceptedAt: cell,
	contactedAt: cell,
	closedAt: cell,
	/** Comma list of step keys already raised, e.g. "reminder@0,reassign@0". */
	stepsRaised: cell,
	hops: count,
	/** Comma list of owners who passed it or let their deadline go by: never given it again. */
	passedBy: cell,
});
export type LadderRow = z.infer<typeof LadderRow>;

/**
 * The ledger columns the ladder writes besides the Scorecard's row: when each step was raised, so
 * the ledger shows the ladder's story, and the hop state a reassignment moves on.
 */
export const LADDER_COLUMNS = [
	'acceptedAt',
	'hops',
	'passedBy',
	'stepsRaised',
	'remindedAt',
	'reassignedAt',
	'escalatedAt',
] as const;

/** When each step was raised, on the ledger row; the nudge to contact is recorded in stepsRaised only. */
const STEP_TIME: Partial<Record<LadderStep, (typeof LADDER_COLUMNS)[number]>> = {
	reminder: 'remindedAt',
	reassign: 'reassignedAt',
	manager: 'escalatedAt',
};

export interface LadderSettings {
	calendar: BusinessCalendar;
	/** Business minutes before the claim deadline to remind the owner; 0 = no reminder. */
	remindBeforeMinutes: number;
	/** How many times an unclaimed inquiry may move to another owner before the manager is told. */
	maxHops: number;
	/** Active owner ids, when known: with nobody left to try, the manager is told at once. */
	team?: readonly string[];
	/** Missed claims in a row after which an owner is set away; 0 = never. */
	awayAfterMisses: number;
	/** Each owner's missed claims in a row so far (from the team table). */
	missedInARow?: Readonly<Record<string, number>>;
}

export interface DueStep {
	/** The position of the row in the rows given. */
	rowIndex: number;
	inquiryId: string;
	step: LadderStep;
	/** step@hop: what goes into stepsRaised. */
	key: string;
	/** Who is told: the owner (reminder, contact), the owner who missed it (reassign), or '' (manager). */
	ownerId: string;
	dueAt: string;
	/** Owners the reassignment must skip. */
	exclude: string[];
	/** One sentence for the alert and the ledger. */
	reason: string;
	/** Compare-and-set: update the row only where these still hold … */
	where: { inquiryId: string; stepsRaised: string };
	/** … with these values. */
	set: Record<string, string | number>;
}

export interface OwnerMisses {
	ownerId: string;
	missedInARow: number;
	setAway: boolean;
}

export interface LadderResult {
	steps: DueStep[];
	/** Owners who missed a claim in this run, with their new count. */
	owners: OwnerMisses[];
}

export function readLadderRow(value: unknown): LadderRow {
	const parsed = LadderRow.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InquiryError(
			'LADDER_ROW_INVALID',
			`${issue.path.join('.') || 'row'}: ${issue.message}`,
		);
	}
	const row = parsed.data;
	// An owned row is measured against its deadline; without one the ladder cannot place it.
	if (row.ownerId && !Number.isFinite(time(row.respondBy)))
		throw new InquiryError(
			'LADDER_ROW_INVALID',
			`respondBy "${row.respondBy}" of inquiry ${row.inquiryId} is not a date`,
		);
	return row;
}

function checkSettings(settings: LadderSettings): CompiledCalendar {
	const counts = {
		remindBeforeMinutes: settings.remindBeforeMinutes,
		maxHops: settings.maxHops,
		awayAfterMisses: settings.awayAfterMisses,
	};
	for (const [name, value] of Object.entries(counts))
		if (!Number.isFinite(value) || value < 0)
			throw new InquiryError('LADDER_SETTINGS_INVALID', `${name} is ${value}`);
	// The calendar's own error (BUSINESS_HOURS_INVALID) names the field and its fix.
	return compileCalendar(settings.calendar);
}

const list = (text: string) =>
	text
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
const time = (iso: string) => (iso ? Date.parse(iso) : NaN);

function dueStep(
	row: LadderRow,
	calendar: CompiledCalendar,
	settings: LadderSettings,
	nowMs: number,
): Omit<DueStep, 'where' | 'set' | 'key' | 'rowIndex'> | undefined {
	if (row.contactedAt || row.closedAt) return undefined;
	const respondBy = time(row.respondBy);
	const base = { inquiryId: row.inquiryId, ownerId: row.ownerId, exclude: [] as string[] };
	const passed = list(row.passedBy);
	const untried = settings.team?.filter((id) => id !== row.ownerId && !passed.includes(id));
	const reassignOrEscalate = (dueMs: number, why: string) =>
		row.hops < settings.maxHops && (untried === undefined || untried.length > 0)
			? {
					...base,
					step: 'reassign' as const,
					dueAt: new Date(dueMs).toISOString(),
					exclude: [...passed, ...(row.ownerId ? [row.ownerId] : [])].filter(
						(id, i, all) => all.indexOf(id) === i,
					),
					reason: `${why}; it moves to the next eligible person (move ${row.hops + 1} of ${settings.maxHops})`,
				}
			: {
					...base,
					step: 'manager' as const,
					ownerId: '',
					dueAt: new Date(dueMs).toISOString(),
					reason: `${why}; ${row.hops >= settings.maxHops ? `it already moved ${row.hops} time${row.hops === 1 ? '' : 's'}` : 'nobody else is eligible'}, so the manager must step in`,
				};

	if (!row.ownerId) {
		// Passed on or never assigned: it needs an owner now.
		const since = Number.isFinite(respondBy) ? Math.min(respondBy, nowMs) : nowMs;
		return reassignOrEscalate(since, 'Nobody owns this inquiry');
	}
	if (row.acceptedAt)
		return nowMs >= respondBy
			? {
					...base,
					step: 'contact',
					dueAt: row.respondBy,
					reason: `${row.ownerId} claimed it but nobody has contacted the person yet, and the deadline has passed`,
				}
			: undefined;
	if (nowMs >= respondBy)
		return reassignOrEscalate(respondBy, `${row.ownerId} did not claim it by the deadline`);
	if (settings.remindBeforeMinutes <= 0) return undefined;
	const assigned = time(row.assignedAt);
	const start = Number.isFinite(assigned) ? Math.min(assigned, respondBy) : respondBy;
	const window = businessMsBetween(start, respondBy, calendar);
	const remindAt = addBusinessMs(
		start,
		Math.max(0, window / MINUTE - settings.remindBeforeMinutes),
		calendar,
	);
	return nowMs >= remindAt
		? {
				...base,
				step: 'reminder',
				dueAt: new Date(remindAt).toISOString(),
				reason: `${row.ownerId} has not claimed it, and the deadline is ${row.respondBy}`,
			}
		: undefined;
}

export function ladderSteps(
	rows: readonly LadderRow[],
	settings: LadderSettings,
	now: Date,
): LadderResult {
	const calendar = checkSettings(settings);
	const nowMs = now.getTime();
	const steps: DueStep[] = [];
	const misses = new Map<string, number>();
	for (const [rowIndex, row] of rows.entries()) {
		const due = dueStep(row, calendar, settings, nowMs);
		if (!due) continue;
		// The manager is told once per inquiry; the others once per hop (each owner gets their own reminder).
		const key = due.step === 'manager' ? 'manager' : `${due.step}@${row.hops}`;
		const raised = list(row.stepsRaised);
		if (raised.includes(key)) continue;
		const stepsRaised = [...raised, key].join(',');
		const set: Record<string, string | number> = { stepsRaised };
		const raisedAt = STEP_TIME[due.step];
		if (raisedAt) set[raisedAt] = now.toISOString();
		// With the manager told, nothing is left for the ladder to do: the row leaves the open read.
		if (due.step === 'manager') set.open = '';
		if (due.step === 'reassign') {
			Object.assign(set, {
				ownerId: '',
				acceptedAt: '',
				// The next owner gets their own reminder.
				remindedAt: '',
				hops: row.hops + 1,
				passedBy: due.exclude.reduce(withPasser, ''),
			});
			if (row.ownerId)
				misses.set(
					row.ownerId,
					(misses.get(row.ownerId) ?? settings.missedInARow?.[row.ownerId] ?? 0) + 1,
				);
		}
		steps.push({
			rowIndex,
			...due,
			key,
			where: { inquiryId: row.inquiryId, stepsRaised: row.stepsRaised },
			set,
		});
	}
	const owners = [...misses].map(([ownerId, missedInARow]) => ({
		ownerId,
		missedInARow,
		setAway: settings.awayAfterMisses > 0 && missedInARow >= settings.awayAfterMisses,
	}));
	return { steps, owners };
}
