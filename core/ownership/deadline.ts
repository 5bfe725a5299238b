import { addBusinessMs } from './clock';
import type { CompiledAssignConfig } from './compile';
import type { Urgency } from '../inquiry/schema';

export interface Deadline {
	minutes: number;
	respondByMs: number;
	escalateAtMs: number;
}

/**
 * The clock starts when the inquiry arrived (never later than now, never before a held owner's
 * opening) and counts business minutes for its urgency; escalation is a later checkpoint.
 */
export function deadlineOf(
	compiled: CompiledAssignConfig,
	urgency: Urgency,
	receivedAt: string,
	nowMs: number,
	heldUntilMs?: number,
): Deadline {
	const { deadlines } = compiled.config;
	const received = Date.parse(receivedAt);
	const start = Math.max(
		Math.min(Number.isFinite(received) ? received : nowMs, nowMs),
		heldUntilMs ?? -Infinity,
	);
	const clock =
		urgency === 'emergency' && deadlines.emergencyAroundTheClock
			? compiled.aroundTheClock
			: compiled.calendar;
	const minutes = deadlines[urgency];
	const respondByMs = addBusinessMs(start, minutes, clock);
	return {
		minutes,
		respondByMs,
		escalateAtMs: addBusinessMs(respondByMs, deadlines.escalateAfter, clock),
	};
}

/**
 * The latest opening an inquiry may be held for: `maxHoldMinutes` business minutes after it
 * arrived, or else the escalation deadline it would have without a hold.
 */
export function holdLimitOf(
	compiled: CompiledAssignConfig,
	urgency: Urgency,
	receivedAt: string,
	nowMs: number,
): number {
	const { maxHoldMinutes } = compiled.config;
	if (maxHoldMinutes === undefined)
		return deadlineOf(compiled, urgency, receivedAt, nowMs).escalateAtMs;
	const received = Date.parse(receivedAt);
	const start = Math.min(Number.isFinite(received) ? received : nowMs, nowMs);
	return addBusinessMs(start, maxHoldMinutes, compiled.calendar);
}
