// `npm run bench [-- --quick]`: builds, then runs every benchmark and writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

const { runCoreBench } = await import('./core.mjs');
const { build } = await import('esbuild');
const { printTable } = await import('./measure.mjs');
const { createRequire } = await import('node:module');

/** The in-process node bench uses the TypeScript test harness: bundle it once, load nodes from dist. */
async function runNodesBench(engine) {
	const outfile = join(root, 'bench/.build/nodes.cjs');
	await build({ entryPoints: [join(root, 'bench/nodes.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
	process.env.HARNESS_NODES_FROM = 'dist';
	const rows = await createRequire(import.meta.url)(outfile).runNodesBench({ quick, engine });
	printTable(`Nodes in process (${engine} expression engine): median ms per run, ratio to the Set node over the same items`, rows.map((r) => ({ node: r.node, items: r.items, 'node ms': r.nodeMs.toFixed(0), 'Set node ms': r.setNodeMs.toFixed(0), ratio: r.ratio.toFixed(2) })), ['node', 'items', 'node ms', 'Set node ms', 'ratio']);
	return rows;
}
const started = Date.now();
const results = {
	machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
	node: process.version,
	n8n: JSON.parse(readFileSync(join(root, 'node_modules/n8n-core/package.json'), 'utf8')).version,
	quick,
	core: runCoreBench({ quick }),
};
results.nodes = { legacy: await runNodesBench('legacy') };
results.seconds = Math.round((Date.now() - started) / 1000);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2));
console.log(`\nWrote bench/results/latest.json (${results.seconds} s)`);
