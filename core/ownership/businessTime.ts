import type { Availability } from './hours';
import { MINUTE, openInterval } from './hours';

/** Business time between two instants, in ms: only the open minutes of `where` count. 0 when `to` is not after `from`. */
export function businessMsBetween(fromMs: number, toMs: number, where: Availability): number {
	let total = 0;
	let t = fromMs;
	while (t < toMs) {
		const open = openInterval(t, where);
		if (!open || open.from >= toMs) break;
		total += Math.min(toMs, open.to) - Math.max(t, open.from);
		t = open.to;
	}
	return total;
}

export const businessMinutesBetween = (fromMs: number, toMs: number, where: Availability) =>
	businessMsBetween(fromMs, toMs, where) / MINUTE;
