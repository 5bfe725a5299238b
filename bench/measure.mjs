// Measurement helpers: repeated timed runs after a warm-up, summarized as median / p95 / max.
// Figures are reported as ratios against a baseline measured in the same process and run.

export function summarize(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], runs: sorted.length };
}

/**
 * Runs `fn` (which processes `opsPerCall` operations) until each sample lasts ~`sampleMs`, and
 * returns operations per second per sample.
 */
export function throughput(fn, { opsPerCall = 1, warmupMs = 300, samples = 15, sampleMs = 100 } = {}) {
	const warmupEnd = performance.now() + warmupMs;
	while (performance.now() < warmupEnd) fn();
	const rates = [];
	for (let s = 0; s < samples; s++) {
		let calls = 0;
		const start = performance.now();
		let elapsed = 0;
		do {
			fn();
			calls++;
			elapsed = performance.now() - start;
		} while (elapsed < sampleMs);
		rates.push((calls * opsPerCall * 1000) / elapsed);
	}
	return summarize(rates);
}

/** The same, for async work. */
export async function throughputAsync(fn, { opsPerCall = 1, warmupRuns = 2, samples = 7 } = {}) {
	for (let i = 0; i < warmupRuns; i++) await fn();
	const rates = [];
	for (let s = 0; s < samples; s++) {
		const start = performance.now();
		await fn();
		rates.push((opsPerCall * 1000) / (performance.now() - start));
	}
	return summarize(rates);
}

export function formatRate(n) {
	return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0);
}

export function printTable(title, rows, columns) {
	console.log(`\n${title}`);
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
	console.log(columns.map((c, i) => c.padEnd(widths[i])).join('  '));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of rows) console.log(columns.map((c, i) => String(row[c]).padEnd(widths[i])).join('  '));
}
