// Before/after for hot-path work: `node bench/compare.mjs <git-ref> [seconds]` bundles core/ as it
// is at <git-ref> and as it is in the working tree, loads both into this process and measures the
// core stages of each in interleaved rounds (CPU time per item), so machine noise hits both alike.
// Prints the cost of each stage before and after and the speed-up.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createStages, payloads, stageInputs } from './core.mjs';
import { fixed, formatRate, interleaved, printTable, ratios, summarize } from './measure.mjs';

const root = join(import.meta.dirname, '..');
const [ref = 'HEAD', seconds = '20'] = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'inquiry-compare-'));

async function bundle(coreDir, name) {
	const outfile = join(scratch, `${name}.cjs`);
	await build({
		entryPoints: [join(coreDir, 'index.ts')],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		nodePaths: [join(root, 'node_modules')],
		logLevel: 'warning',
	});
	return createRequire(import.meta.url)(outfile);
}

try {
	const old = join(scratch, 'old');
	mkdirSync(old);
	execFileSync(
		'bash',
		['-c', `git archive ${JSON.stringify(ref)} core | tar -x -C ${JSON.stringify(old)}`],
		{ cwd: root },
	);
	const before = await bundle(join(old, 'core'), 'before');
	const after = await bundle(join(root, 'core'), 'after');

	const inputs = stageInputs();
	const cases = [];
	for (const [label, lib] of [
		['before', before],
		['after', after],
	]) {
		const s = createStages({ lib });
		const each = (fn, items) => () => items.forEach((item) => fn(item));
		const chain = (names) => () => {
			for (const payload of payloads) {
				let items = s.normalize(payload);
				for (const name of names) items = items.map(s[name]);
			}
		};
		cases.push(
			{
				label,
				stage: 'normalize',
				fn: each(s.normalize, inputs.normalize),
				ops: inputs.normalize.length,
			},
			{ label, stage: 'context', fn: each(s.context, inputs.context), ops: inputs.context.length },
			{ label, stage: 'assign (10)', fn: each(s.assign, inputs.assign), ops: inputs.assign.length },
			{ label, stage: 'verify', fn: each(s.verify, inputs.verify), ops: inputs.verify.length },
			{ label, stage: 'score', fn: each(s.score, inputs.score), ops: inputs.score.length },
			{
				label,
				stage: 'normalize + context + assign',
				fn: chain(['context', 'assign']),
				ops: payloads.length,
			},
			{
				label,
				stage: 'whole core',
				fn: chain(['context', 'assign', 'verify', 'score']),
				ops: payloads.length,
			},
		);
	}
	const sampleMs = 80;
	const rounds = Math.max(3, Math.round((Number(seconds) * 1000) / (sampleMs * cases.length)));
	const costs = interleaved(cases, { warmupMs: 800, rounds, sampleMs });
	const half = cases.length / 2;
	const rows = cases.slice(0, half).map((c, i) => {
		const b = summarize(costs[i]);
		const a = summarize(costs[i + half]);
		const speedup = ratios(costs[i], costs[i + half]);
		return {
			stage: c.stage,
			[`before (${ref}) µs`]: fixed(1)(b.median),
			'after µs': fixed(1)(a.median),
			'after ops/s/core': formatRate(1e6 / a.median),
			'speed-up median': `${fixed(2)(speedup.median)}×`,
			'speed-up p95': `${fixed(2)(speedup.p95)}×`,
		};
	});
	printTable(
		`Core before (${ref}) and after (working tree): CPU µs per item, ${rounds} interleaved rounds`,
		rows,
	);
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
