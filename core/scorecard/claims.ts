import type { CheckName, CheckStatus } from './checks';

/**
 * What the loop records after assignment, as the checks read it. The columns come from the claim
 * links and the escalation ladder (`acceptedAt`, `hops`, `passedBy`, `reassignedAt`,
 * `escalatedAt`); a ledger without them reads as "nothing recorded yet".
 */
export interface ClaimFacts {
	/** Whether an owner was assigned: without one there is no claim to wait for. */
	assigned: boolean;
	/** The claim deadline (Assign Inquiry Owner's `respondBy`), '' when unknown. */
	respondBy: string;
	acceptedAt: string;
	contactedAt: string;
	escalatedAt: string;
}

/** The loop's ledger columns; every one optional, since other templates may not write them. */
export interface LoopColumns {
	acceptedAt?: string;
	/** How many times the inquiry moved to another owner. */
	hops?: number;
	/** Comma list of owners who passed it or let their deadline go by. */
	passedBy?: string;
	reassignedAt?: string;
	escalatedAt?: string;
}

const LOOP_TIMES = ['acceptedAt', 'reassignedAt', 'escalatedAt'] as const;

/** The loop's columns of a raw Data-table row or sheet row; empty or unreadable cells are left out. */
export function readLoopColumns(value: Record<string, unknown>): LoopColumns {
	const columns: LoopColumns = {};
	for (const name of LOOP_TIMES) {
		const cell = value[name];
		const iso = cell instanceof Date ? cell.toISOString() : typeof cell === 'string' ? cell : '';
		if (iso.trim() !== '') columns[name] = iso.trim();
	}
	const hops = Number(value.hops);
	if (value.hops !== null && value.hops !== '' && Number.isInteger(hops) && hops > 0)
		columns.hops = hops;
	if (typeof value.passedBy === 'string' && value.passedBy.trim() !== '')
		columns.passedBy = value.passedBy.trim();
	return columns;
}

/** Whether the owner acted on it: claimed it, or contacted the person (which implies a claim). */
export const ownerActed = (facts: Pick<ClaimFacts, 'acceptedAt' | 'contactedAt'>) =>
	facts.acceptedAt !== '' || facts.contactedAt !== '';

/** Whether the claim deadline passed with nobody acting, as of `now`. */
export function claimMissed(facts: ClaimFacts, now: Date | undefined): boolean {
	if (!facts.assigned || ownerActed(facts) || !now) return false;
	const due = Date.parse(facts.respondBy);
	return Number.isFinite(due) && now.getTime() > due;
}

interface Check {
	check: CheckName;
	status: CheckStatus;
	why?: string;
}

const TRIGGER_MISSED =
	'An owner was assigned, but nobody claimed it or contacted the person by the deadline.';
const VISIBILITY_WHY = {
	escalated: 'The missed claim was escalated to the manager.',
	missed: 'Nobody claimed it or contacted the person by the deadline, and no manager was told.',
	waiting: 'Nobody has claimed it or contacted the person yet.',
};

/**
 * The checklist's Trigger and Visibility with the owner's claim taken into account: an owner
 * being assigned is not yet an action taken, so an inquiry assigned but never claimed or contacted
 * cannot score 5.
 * - Trigger fails when the claim deadline passed and nobody claimed or contacted (as of `now`).
 * - Visibility passes only when the handoff is confirmed (or its failure alerted) and the owner
 *   acted, or the missed claim was escalated; otherwise it is "not reached": nothing shows that a
 *   person has it. (Its "fail" stays reserved for a failed handoff nobody was told about, so a
 *   ledger row can be read again later.)
 * Unassigned inquiries are left as they are: their Trigger already fails.
 */
export function withClaimChecks<C extends Check>(
	checks: readonly C[],
	facts: ClaimFacts,
	now?: Date,
): C[] {
	if (!facts.assigned) return [...checks];
	const missed = claimMissed(facts, now);
	return checks.map((c) => {
		if (c.check === 'trigger' && c.status === 'pass' && missed)
			return { ...c, status: 'fail', why: TRIGGER_MISSED };
		if (c.check !== 'visibility' || c.status !== 'pass') return c;
		if (ownerActed(facts)) return c;
		if (facts.escalatedAt !== '')
			return { ...c, why: [c.why, VISIBILITY_WHY.escalated].filter(Boolean).join(' ') };
		return {
			...c,
			status: 'not_reached',
			why: missed ? VISIBILITY_WHY.missed : VISIBILITY_WHY.waiting,
		};
	});
}
