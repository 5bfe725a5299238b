// Memory over a long stream: `node --expose-gc bench/memory.mjs <count>` pushes <count> distinct
// inquiries (every vendor sample, each copy with its own email address) through the whole core —
// normalize → context → assign → verify → score — in one session, as one long-running node would.
// It prints JSON: heap after a full GC at checkpoints, and the peak heap / RSS seen in between.
import { cpuMicros } from './measure.mjs';
import { createStages, payloads } from './core.mjs';

const count = Number(process.argv[2] ?? 100_000);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const checkpoints = new Set([1_000, 10_000, 25_000, 50_000, 75_000, 100_000, count]);
const texts = payloads.map((p) => JSON.stringify(p));
const stages = createStages({ owners: 10, now: new Date() });
const MB = 2 ** 20;

const samples = [];
let peakHeap = 0;
let peakRss = 0;
let delivered = 0;
const cpuStart = cpuMicros();
for (let i = 0; i < count; i++) {
	// A distinct contact per item: identity keys, sticky memory and dedupe keys see new people.
	const payload = JSON.parse(texts[i % texts.length].replaceAll('@', `+${i}@`));
	for (const inquiry of stages.normalize(payload)) {
		stages.score(stages.verify(stages.assign(stages.context(inquiry))));
		delivered++;
	}
	if ((i + 1) % 1000 === 0) {
		const { heapUsed, rss } = process.memoryUsage();
		peakHeap = Math.max(peakHeap, heapUsed);
		peakRss = Math.max(peakRss, rss);
	}
	if (checkpoints.has(i + 1)) {
		globalThis.gc();
		const { heapUsed, rss } = process.memoryUsage();
		samples.push({ items: i + 1, heapMb: heapUsed / MB, rssMb: rss / MB });
	}
}
const cpuSeconds = (cpuMicros() - cpuStart) / 1e6;
const at = (items) => samples.find((s) => s.items === items);
const first = at(10_000) ?? samples[0];
const last = samples[samples.length - 1];
console.log(
	JSON.stringify({
		payloads: count,
		inquiries: delivered,
		samples,
		peakHeapMb: peakHeap / MB,
		peakRssMb: peakRss / MB,
		heapGrowthMb: last.heapMb - first.heapMb,
		inquiriesPerCoreSecond: delivered / cpuSeconds,
	}),
);
