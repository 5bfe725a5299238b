import type { Prng } from './prng';

const HOUR = 3_600_000;

/**
 * How busy each hour of the business day is, relative to the peak: a slow start, a morning peak,
 * a lunch dip, an afternoon peak and a tail. Hours count from opening (08:00 to 18:00).
 */
export const INTENSITY: readonly (readonly [fromHour: number, toHour: number, relative: number])[] =
	[
		[0, 1, 0.6],
		[1, 4, 1],
		[4, 5, 0.45],
		[5, 8, 1],
		[8, 9, 0.8],
		[9, 10, 0.5],
	];

export const DAY_LENGTH_MS = 10 * HOUR;

/**
 * `count` arrival times (ms after opening), sorted. Given how many arrive, a Poisson process's
 * arrival times are independent draws from its intensity, so this is a Poisson day with exactly
 * `count` arrivals: gaps are exponential-like, bursts and lulls happen, lunch is quieter.
 */
export function arrivalTimes(random: Prng, count: number): number[] {
	const weights = INTENSITY.map(
		([from, to, relative]) => [[from, to], (to - from) * relative] as const,
	);
	const times = new Array<number>(count);
	for (let i = 0; i < count; i++) {
		const [from, to] = random.weighted(weights);
		times[i] = Math.floor((from + random.next() * (to - from)) * HOUR);
	}
	return times.sort((a, b) => a - b);
}

/** Arrivals per hour of the day, for checks and the report. */
export function perHour(times: readonly number[]): number[] {
	const hours = new Array<number>(Math.ceil(DAY_LENGTH_MS / HOUR)).fill(0);
	for (const time of times) hours[Math.min(hours.length - 1, Math.floor(time / HOUR))]++;
	return hours;
}
