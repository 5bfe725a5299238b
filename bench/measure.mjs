// Measurement helpers: repeated timed samples after a warm-up, summarized as median / p95 / max.
// Figures are reported as ratios against a baseline measured in the same process and run.
// Throughput is counted per CPU second of this process (user + system): on a shared machine a
// descheduled process loses wall time but not CPU time, so "per core" figures stay comparable.

/** median / p95 / max of a list (nearest rank); for costs and latencies p95 and max are the slow tail. */
export function summarize(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		median: percentile(sorted, 0.5),
		p95: percentile(sorted, 0.95),
		max: sorted[sorted.length - 1],
		runs: sorted.length,
	};
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted, q) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function cpuMicros() {
	const { user, system } = process.cpuUsage();
	return user + system;
}

/**
 * Runs each case's `fn` (which does `ops` operations) in interleaved rounds: every round gives
 * every case one sample of ~`sampleMs`, so load from other processes hits all cases alike.
 * Returns per case the CPU microseconds per operation of each sample.
 */
export function interleaved(cases, { warmupMs = 1000, rounds = 15, sampleMs = 100 } = {}) {
	for (const c of cases) {
		const end = performance.now() + warmupMs;
		while (performance.now() < end) c.fn();
	}
	const costs = cases.map(() => []);
	for (let r = 0; r < rounds; r++) {
		cases.forEach((c, i) => {
			let calls = 0;
			const wallStart = performance.now();
			const cpuStart = cpuMicros();
			do {
				c.fn();
				calls++;
			} while (performance.now() - wallStart < sampleMs);
			costs[i].push((cpuMicros() - cpuStart) / (calls * c.ops));
		});
	}
	return costs;
}

/** CPU microseconds of one call of an async function, repeated `runs` times after `warmup` calls. */
export async function cpuCostAsync(fn, { warmup = 1, runs = 5 } = {}) {
	for (let i = 0; i < warmup; i++) await fn();
	const costs = [];
	for (let i = 0; i < runs; i++) {
		const start = cpuMicros();
		await fn();
		costs.push(cpuMicros() - start);
	}
	return costs;
}

/** Element-wise a / b of two equally long sample lists (same round), summarized. */
export function ratios(a, b) {
	return summarize(a.map((value, i) => value / b[i]));
}

export function formatRate(n) {
	return n >= 1e6
		? `${(n / 1e6).toFixed(2)}M`
		: n >= 1e3
			? `${(n / 1e3).toFixed(1)}k`
			: n.toFixed(0);
}

export const fixed = (digits) => (n) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export function printTable(title, rows, columns = Object.keys(rows[0] ?? {})) {
	console.log(`\n${title}`);
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
	console.log(columns.map((c, i) => c.padEnd(widths[i])).join('  '));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of rows)
		console.log(columns.map((c, i) => String(row[c]).padEnd(widths[i])).join('  '));
}

/** Prints a note under a table (target verdicts, what a figure means). */
export function note(line) {
	console.log(`  ${line}`);
}

/**
 * Wall seconds per named phase of a section: `await phases.time('cost vm', () => …)`; `seconds`
 * is what latest.json keeps, so a slow run shows where its time went.
 */
export function phaseClock(log = () => {}) {
	const seconds = {};
	/** Records a phase that began at `start` (performance.now()) and ends now. */
	const since = (name, start) => {
		seconds[name] = Math.round((performance.now() - start) / 100) / 10;
		log(`  [${name}: ${seconds[name]} s]`);
	};
	return {
		seconds,
		since,
		async time(name, fn) {
			const start = performance.now();
			try {
				return await fn();
			} finally {
				since(name, start);
			}
		},
	};
}
