import { z } from 'zod';

/** Small statistics over minutes; inputs need not be sorted and are never mutated. */

/** The middle value; for an even count, the mean of the two middle values. Null when empty. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0–100): the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

/** Milliseconds between two ISO times, in minutes with one decimal; null when either is missing. */
export function minutesBetween(from: string, to: string): number | null {
	if (!from || !to) return null;
	const ms = Date.parse(to) - Date.parse(from);
	if (Number.isNaN(ms)) return null;
	return Math.round(Math.max(0, ms) / 6000) / 10;
}

export const round = (value: number, digits: number) => {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
};

export const Timing = z.object({
	/** How many inquiries reached the moment at all. */
	count: z.number(),
	medianMinutes: z.number().nullable(),
	p90Minutes: z.number().nullable(),
});
export type Timing = z.infer<typeof Timing>;

export function timing(values: readonly number[]): Timing {
	return {
		count: values.length,
		medianMinutes: median(values),
		p90Minutes: percentile(values, 90),
	};
}
