// `npm run bench [-- --quick] [-- --only=core,memory,nodes,n8n]`
// Builds what is stale, runs each benchmark section in its own process (so one section's heap and
// JIT state never colour the next), prints a table per section and writes bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixed, note, printTable } from './measure.mjs';
import { reapedChildrenCpuSeconds } from './procCpu.mjs';

const root = join(import.meta.dirname, '..');
const SECTIONS = ['core', 'memory', 'nodes', 'n8n', 'templates', 'profile', 'queue'];
// The seven-node shape on real n8n (n8n) predates the hub; the templates section measures what
// people run, so the shape runs only when asked for (--only=n8n).
// The templates section profiles its own vm-engine n8n, so profile runs alone only with --only=profile.
const DEFAULT = ['core', 'memory', 'nodes', 'templates', 'queue'];
// Starting one real n8n takes 1–2 minutes here, so --quick runs none of it.
const QUICK = ['core', 'memory', 'nodes'];
// Issue 20: the full run on a fresh clone in under 20 minutes, --quick under 2.
const FULL_BUDGET_S = 20 * 60;
const QUICK_BUDGET_S = 2 * 60;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
process.env.PROJECT_ROOT ??= root;

if (flag('section')) {
	await runSection(flag('section'), flag('out'));
} else {
	await main();
}

async function main() {
	const only = (flag('only') ?? (quick ? QUICK : DEFAULT).join(',')).split(',');
	const started = Date.now();
	await buildBundles();
	const { ensureBuilt } = await import(join(root, 'bench/.build/harness.cjs'));
	ensureBuilt();

	const results = {
		startedAt: new Date(started).toISOString(),
		quick,
		machine: {
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model,
			memoryGb: Math.round(totalmem() / 2 ** 30),
			kernel: release(),
			loadAverageAtStart: loadavg(),
		},
		node: process.version,
		n8n: {
			inProcess: {
				'n8n-core': versionOf('n8n-core'),
				'n8n-workflow': versionOf('n8n-workflow'),
				'n8n-nodes-base': versionOf('n8n-nodes-base'),
			},
		},
		expressionEngine: {
			note: 'N8N_EXPRESSION_ENGINE: "vm" (isolated-vm, n8n 2 default) or "legacy"; each figure below names the one it ran',
		},
		sections: {},
		/** Wall seconds of each section (phases inside a section are in its own `seconds`). */
		sectionSeconds: {},
	};
	const scratch = mkdtempSync(join(tmpdir(), 'inquiry-bench-'));
	try {
		for (const section of SECTIONS.filter((s) => only.includes(s))) {
			const out = join(scratch, `${section}.json`);
			const sectionArgs = [
				join(root, 'bench/run.mjs'),
				`--section=${section}`,
				`--out=${out}`,
				...(quick ? ['--quick'] : []),
			];
			const sectionStart = {
				at: Date.now(),
				load: loadavg()[0],
				cpu: reapedChildrenCpuSeconds(),
			};
			try {
				execFileSync(process.execPath, sectionArgs, { stdio: 'inherit', env: process.env });
			} catch {
				console.error(`\nThe ${section} benchmark failed (its error is above).`);
				process.exit(1);
			}
			results.sections[section] = JSON.parse(readFileSync(out, 'utf8'));
			results.sectionSeconds[section] = {
				wall: Math.round((Date.now() - sectionStart.at) / 1000),
				// CPU seconds of the section's whole process tree (n8n, its runner, load generators).
				cpu: Math.round(reapedChildrenCpuSeconds() - sectionStart.cpu),
				loadAverageAtStart: sectionStart.load,
				loadAverageAtEnd: loadavg()[0],
			};
			console.log(
				`\n[${section}: ${results.sectionSeconds[section].wall} s wall, ${results.sectionSeconds[section].cpu} s CPU, load average ${sectionStart.load.toFixed(1)} → ${loadavg()[0].toFixed(1)}]`,
			);
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	if (quick && !flag('only'))
		console.log(
			'\nReal n8n (templates, profile, queue mode): skipped with --quick (run `npm run bench` for them, or add --only=templates).',
		);
	if (results.sections.n8n)
		results.n8n.server = Object.values(results.sections.n8n.engines)[0]?.n8n;
	results.machine.loadAverageAtEnd = loadavg();
	results.seconds = Math.round((Date.now() - started) / 1000);
	results.budgetSeconds = quick ? QUICK_BUDGET_S : FULL_BUDGET_S;
	mkdirSync(join(root, 'bench/results'), { recursive: true });
	writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
	printTable(
		'Wall time per section',
		Object.entries(results.sectionSeconds).map(([section, s]) => ({
			section,
			'wall s': s.wall,
			'CPU s (section tree)': s.cpu,
			'load average start → end': `${s.loadAverageAtStart.toFixed(1)} → ${s.loadAverageAtEnd.toFixed(1)}`,
		})),
	);
	const within = results.seconds <= results.budgetSeconds;
	// The budget is for the whole default run; a run of chosen sections only reports its time.
	const verdict = flag('only')
		? '--only: the budget applies to the whole run'
		: `budget ${results.budgetSeconds} s: ${within ? 'within' : 'OVER'}`;
	console.log(
		`\nWrote bench/results/latest.json: ${results.seconds} s in total${quick ? ' (--quick)' : ''}, ${verdict} (load average ${loadavg()[0].toFixed(1)}; other load on the machine inflates every wall time)`,
	);
}

function versionOf(name) {
	return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The TypeScript parts (the in-process harness, the e2e harness) bundled once with esbuild. */
async function buildBundles() {
	const { build } = await import('esbuild');
	const common = {
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		packages: 'external',
		logLevel: 'warning',
	};
	await build({
		...common,
		entryPoints: [join(root, 'bench/nodes.ts')],
		outfile: join(root, 'bench/.build/nodes.cjs'),
	});
	await build({
		...common,
		entryPoints: [join(root, 'bench/harness.ts')],
		outfile: join(root, 'bench/.build/harness.cjs'),
	});
	await build({
		...common,
		entryPoints: [join(root, 'bench/executionCounts.ts')],
		outfile: join(root, 'bench/.build/executionCounts.cjs'),
	});
}

async function runSection(section, out) {
	let result;
	if (section === 'core') {
		const { runCoreBench } = await import('./core.mjs');
		result = runCoreBench({ quick });
	} else if (section === 'memory') {
		result = memorySection();
	} else if (section === 'nodes') {
		result = await nodesSection();
	} else if (section === 'n8n') {
		const { runN8nBench } = await import('./n8n.mjs');
		result = await runN8nBench({ quick, root });
	} else if (section === 'templates') {
		const { runTemplatesBench } = await import('./templates.mjs');
		result = await runTemplatesBench({ quick, root });
	} else if (section === 'profile') {
		const { runProfileBench } = await import('./profile.mjs');
		result = await runProfileBench({ root, quick });
	} else if (section === 'queue') {
		const { runQueueBench } = await import('./queue.mjs');
		result = await runQueueBench({ root });
	} else {
		throw new Error(`Unknown section "${section}" (use ${SECTIONS.join(', ')})`);
	}
	writeFileSync(out, JSON.stringify(result));
}

function memorySection() {
	const count = quick ? 20_000 : 100_000;
	const stdout = execFileSync(
		process.execPath,
		['--expose-gc', join(root, 'bench/memory.mjs'), String(count)],
		{ encoding: 'utf8' },
	);
	const result = JSON.parse(stdout.trim().split('\n').pop());
	printTable(
		`Memory: ${result.payloads.toLocaleString('en')} payloads (${result.inquiries.toLocaleString('en')} inquiries, each a new contact) streamed through normalize → context → assign → verify → score in one session; heap after a full GC`,
		result.samples.map((s) => ({
			'items streamed': s.items.toLocaleString('en'),
			'heap MB': fixed(1)(s.heapMb),
			'RSS MB': fixed(0)(s.rssMb),
		})),
	);
	note(
		`peak heap between GCs ${fixed(1)(result.peakHeapMb)} MB, peak RSS ${fixed(0)(result.peakRssMb)} MB; heap growth from 10k to ${result.payloads.toLocaleString('en')}: ${fixed(2)(result.heapGrowthMb)} MB (${Math.abs(result.heapGrowthMb) < 2 ? 'flat' : 'GROWING'}); whole core incl. JSON.parse of each payload: ${fixed(0)(result.inquiriesPerCoreSecond)} inquiries/s/core`,
	);
	return result;
}

async function nodesSection() {
	process.env.HARNESS_NODES_FROM = 'dist';
	const { createRequire } = await import('node:module');
	const { runNodesBench } = createRequire(import.meta.url)(join(root, 'bench/.build/nodes.cjs'));
	const engines = quick ? ['legacy'] : ['legacy', 'vm'];
	const result = {};
	for (const engine of engines) {
		// The vm engine makes the Set node ~5× slower: 3,000 items and five pairs of runs keep the
		// full run in budget (the ratio is per item, so the item count sets the time, not the figure).
		const vm = engine === 'vm' && !quick;
		const rows = await runNodesBench({
			quick,
			engine,
			runs: vm ? 5 : undefined,
			items: vm ? 3000 : undefined,
		});
		result[engine] = rows;
		printTable(
			`Nodes in process (n8n-core WorkflowExecute, ${engine} expression engine): CPU ms per run over the same items, node vs the Set node mapping one field with an expression`,
			rows.map((r) => ({
				node: r.node,
				items: r.items,
				'node ms': fixed(0)(r.nodeMs.median),
				'Set node ms': fixed(0)(r.setNodeMs.median),
				'ratio median': fixed(2)(r.ratio.median),
				p95: fixed(2)(r.ratio.p95),
				max: fixed(2)(r.ratio.max),
				'≤ 1.5×': r.ratio.median <= 1.5 ? 'yes' : 'NO',
			})),
		);
	}
	if (quick)
		note(
			'--quick: 2,000 items and the legacy engine only; the full run uses 10,000 items (3,000 on the vm engine) and both engines.',
		);
	return result;
}
