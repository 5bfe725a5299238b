import type { Inquiry } from '../inquiry/schema';
import { appendTrail } from '../shared/trail';
import type { CompiledAssignConfig } from './compile';
import { compileAssignConfig } from './compile';
import type { AssignConfigInput } from './config';
import type { CompiledOwner } from './eligibility';
import { EligibilityContext } from './eligibility';
import type { Choice, Considered, TooLateToHold } from './choose';
import type { OwnerClaim } from './claim';
import { claimOf, isTurn, reasonsNaming } from './claim';
import { consider, holdFor, pickIn } from './choose';
import { deadlineOf, holdLimitOf } from './deadline';
import {
	assignedSentence,
	formatLocal,
	Trace,
	unassignedReasonOf,
	unassignedSentence,
} from './explain';
import type { InquiryFacts } from './facts';
import { factsOf } from './facts';
import { isoDateOfDay } from './hours';
import type { OpenLoad } from './load';
import type { AssignmentResult } from './result';
import { routeOf } from './route';
import type { RoutingState } from './state';
import { emptyRoutingState, RoutingMemory } from './state';

export interface AssignOptions {
	now: Date;
	/** Open inquiries per owner id at the start of the run; this run's own assignments are added. */
	openLoad?: OpenLoad;
	/** Marks the result as a dry run; the caller simply does not save the returned state. */
	dryRun?: boolean;
}

/**
 * One run of the stage: settings compiled once, the routing state copied once, then any number
 * of inquiries assigned in order, each seeing the previous ones' effect (rotation, caps, loads).
 */
export class AssignmentSession {
	readonly compiled: CompiledAssignConfig;
	private readonly memory: RoutingMemory;
	private readonly runLoad = new Map<string, number>();
	private stateWasReset: boolean;

	constructor(
		config: AssignConfigInput | CompiledAssignConfig,
		state?: RoutingState,
		options: { stateWasReset?: boolean } = {},
	) {
		this.compiled = compileAssignConfig(config);
		this.memory = new RoutingMemory(state ?? emptyRoutingState());
		this.stateWasReset = options.stateWasReset ?? false;
	}

	/** The state to persist after this run (bounded, pruned to the current roster). */
	state(now: Date): RoutingState {
		return this.memory.toState(this.compiled.ownerKeys, this.compiled.poolKeys, now);
	}

	assign(inquiry: Inquiry, options: AssignOptions): AssignmentResult {
		return this.decide(inquiry, options, false).result;
	}

	/**
	 * Assigns like `assign`, and for an assigned inquiry also says what a shared store may claim
	 * instead of the pick made from this session's memory (see claim.ts).
	 */
	assignForClaim(
		inquiry: Inquiry,
		options: AssignOptions,
	): { result: AssignmentResult; claim?: OwnerClaim } {
		return this.decide(inquiry, options, true);
	}

	private decide(
		inquiry: Inquiry,
		options: AssignOptions,
		withClaim: boolean,
	): { result: AssignmentResult; claim?: OwnerClaim } {
		const { config, calendar } = this.compiled;
		const nowMs = options.now.getTime();
		const facts = factsOf(inquiry);
		const today = isoDateOfDay(calendar.clock.toLocal(nowMs).day);
		const load = (owner: CompiledOwner) =>
			(options.openLoad?.get(owner.key) ?? 0) + (this.runLoad.get(owner.key) ?? 0);
		const ctx = new EligibilityContext(
			nowMs,
			facts,
			config.filters,
			(owner) => this.memory.dailyCount(today, owner.key),
			(owner) => (options.openLoad ? load(owner) : undefined),
		);
		const trace = new Trace();
		if (this.stateWasReset) {
			trace.add(
				'state_reset',
				'the saved routing state could not be read, so rotation and sticky memory started fresh',
			);
			this.stateWasReset = false;
		}
		const route = routeOf(this.compiled, facts, trace);
		const considered: Considered[] = [];
		let pick: Choice | undefined;
		for (const pool of route.pools) {
			const one = consider(pool, ctx, trace);
			considered.push(one);
			if (one.eligible.length) {
				const loadOf = options.openLoad
					? load
					: (o: CompiledOwner) => this.memory.dailyCount(today, o.key);
				pick = pickIn(one, facts, this.compiled, this.memory, trace, loadOf);
				break;
			}
		}
		let tooLate: TooLateToHold | undefined;
		if (!pick && config.holdUntilAvailable) {
			const limitMs = holdLimitOf(
				this.compiled,
				inquiry.request.urgency,
				inquiry.receivedAt,
				nowMs,
			);
			const held = holdFor(considered, nowMs, limitMs, facts, this.compiled, this.memory, trace);
			pick = held.choice;
			tooLate = held.tooLate;
		}
		if (options.openLoad === undefined && this.compiled.hasOpenCaps) {
			trace.add(
				'open_load_unknown',
				'some owners have an open-inquiry cap, but no open-load counts were given, so those caps were not checked',
			);
		}

		const { minutes, respondByMs, escalateAtMs } = deadlineOf(
			this.compiled,
			inquiry.request.urgency,
			inquiry.receivedAt,
			nowMs,
			pick?.heldUntilMs,
		);
		const respondByText = `${formatLocal(respondByMs, calendar.clock)} (${calendar.clock.name})`;

		const base = {
			reasons: [] as AssignmentResult['reasons'],
			respondBy: new Date(respondByMs).toISOString(),
			escalateAt: new Date(escalateAtMs).toISOString(),
			deadlineMinutes: minutes,
			dryRun: options.dryRun ?? false,
			assignedAt: options.now.toISOString(),
		};
		if (!pick) {
			const excluded = considered.flatMap((c) => c.excluded);
			const unassignedReason = this.compiled.owners.length
				? unassignedReasonOf(excluded)
				: 'empty_roster';
			trace.add('unassigned', unassignedReason);
			const result: AssignmentResult = {
				...base,
				status: 'unassigned',
				strategy: 'none',
				...(route.rule ? { rule: route.rule.name } : {}),
				unassignedReason,
				reason: unassignedSentence(
					considered.map((c) => ({ pool: c.pool, excluded: c.excluded })),
					respondByText,
					tooLate && `${tooLate.owner.owner.name}, ${localText(tooLate.atMs, tooLate.owner, true)}`,
				),
				reasons: trace.reasons(),
				fallbackUsed: considered.length > 1,
				...(tooLate
					? {
							nextAvailable: {
								ownerId: tooLate.owner.owner.id,
								name: tooLate.owner.owner.name,
								at: new Date(tooLate.atMs).toISOString(),
							},
						}
					: {}),
			};
			return { result };
		}

		this.record(pick.owner, today, facts);
		const chosen = pick;
		const { pool } = chosen.considered;
		const heldUntil =
			chosen.heldUntilMs === undefined ? undefined : new Date(chosen.heldUntilMs).toISOString();
		const reasons = trace.reasons();
		const resultFor = (picked: CompiledOwner): AssignmentResult => {
			const owner = picked.owner;
			const reason = assignedSentence({
				name: owner.name,
				strategy: chosen.strategy,
				pool,
				available: chosen.considered.eligible.length,
				excluded: chosen.considered.excluded,
				skipped: considered
					.filter((c) => c !== chosen.considered)
					.map((c) => ({ pool: c.pool, excluded: c.excluded })),
				rule: route.rule,
				heldUntil:
					chosen.heldUntilMs === undefined ? undefined : localText(chosen.heldUntilMs, picked),
				respondBy: respondByText,
			});
			return {
				...base,
				status: 'assigned',
				owner: {
					id: owner.id,
					name: owner.name,
					...pickDefined(owner, ['email', 'phone', 'chat']),
				},
				...(pool.team ? { team: pool.team } : {}),
				strategy: chosen.strategy,
				...(route.rule ? { rule: route.rule.name } : {}),
				reason,
				reasons: picked === chosen.owner ? reasons : reasonsNaming(reasons, picked),
				fallbackUsed: pool.kind !== 'primary',
				...(heldUntil ? { heldUntil } : {}),
			};
		};
		const result = resultFor(chosen.owner);
		if (!withClaim) return { result };
		// As in choose.ts: a rule's named owner, the fallback owner and a hash keep no turns.
		const stateless = pool.kind === 'fallback_owner' || pool.named || config.strategy === 'hash';
		return {
			result,
			claim: claimOf(
				today,
				pool.key,
				isTurn(chosen.strategy, stateless),
				chosen.owner,
				chosen.considered.eligible,
				chosen.strategy === 'weighted',
				resultFor,
			),
		};
	}

	private record(owner: CompiledOwner, today: string, facts: InquiryFacts): void {
		this.memory.countAssignment(today, owner.key);
		this.runLoad.set(owner.key, (this.runLoad.get(owner.key) ?? 0) + 1);
		if (this.compiled.config.sticky && facts.identityKeys.length)
			this.memory.remember(facts.identityKeys, owner.key, this.compiled.config.stickyMemorySize);
	}
}

/** "Mon 9 Mar 09:00 (Europe/London)": an instant on the owner's own clock. */
function localText(ms: number, owner: CompiledOwner, withYear = false): string {
	const { clock } = owner.availability;
	return `${formatLocal(ms, clock, withYear)} (${clock.name})`;
}

function pickDefined<T extends object, K extends keyof T>(
	value: T,
	keys: K[],
): Partial<Pick<T, K>> {
	const out: Partial<Pick<T, K>> = {};
	for (const key of keys) if (value[key] !== undefined && value[key] !== '') out[key] = value[key];
	return out;
}

/**
 * Assigns one inquiry. Pure: the input state is never changed; the returned state holds the
 * rotation, caps and sticky memory after this assignment. A dry run is simply not saving it.
 */
export function assignOwner(
	inquiry: Inquiry,
	config: AssignConfigInput | CompiledAssignConfig,
	state: RoutingState | undefined,
	options: AssignOptions,
): { result: AssignmentResult; state: RoutingState } {
	const session = new AssignmentSession(config, state);
	const result = session.assign(inquiry, options);
	return { result, state: session.state(options.now) };
}

/** The inquiry with its assignment under `assignment` and one trail entry for the trigger stage. */
export function withAssignment<T extends Inquiry>(
	inquiry: T,
	result: AssignmentResult,
	node: string,
): T & { assignment: AssignmentResult } {
	const detail =
		result.status === 'assigned'
			? `${result.owner?.id} (${result.strategy})`
			: result.unassignedReason;
	const trailed = appendTrail(inquiry, {
		stage: 'trigger',
		node,
		at: result.assignedAt,
		outcome: result.status,
		detail,
	});
	return { ...trailed, assignment: result };
}
