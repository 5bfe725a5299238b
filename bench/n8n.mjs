// Real n8n: the cached n8n runtime of the e2e harness, a fresh instance per expression engine
// (own temp user folder, free ports on 127.0.0.1, this package installed from its packed
// tarball), the template workflow against a bare webhook on the same instance, driven by
// bench/load.mjs in a second process. A third workflow of the template's shape built from n8n's
// own nodes shows what n8n itself costs for seven nodes and a Data table write. Rounds rotate the
// order of the three so load from other processes hits all alike.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixed, note, percentile, printTable, summarize } from './measure.mjs';
import { createStages } from './core.mjs';
import {
	BARE_PATH,
	bareWorkflow,
	FORM_POST,
	SHAPE_PATH,
	shapeWorkflow,
	TEMPLATE_PATH,
	templateWorkflow,
} from './workflows.mjs';

const run = promisify(execFile);
const pct = (x) => `${(100 * x).toFixed(0)}%`;
const LOAD = join(import.meta.dirname, 'load.mjs');

/** CPU ms used so far by a process (Linux /proc; NaN elsewhere). */
function cpuMsOf(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
	} catch {
		return NaN;
	}
}
const CLOCK_TICKS = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
	} catch {
		return 100;
	}
})();

let requestNumber = 0;
async function load(baseUrl, path, { concurrency, maxRequests, maxSeconds, expect, pid }) {
	const cpuStart = cpuMsOf(pid);
	const spec = {
		url: `${baseUrl}/webhook/${path}`,
		body: FORM_POST,
		concurrency,
		maxRequests,
		maxSeconds,
		expect,
		firstNumber: requestNumber,
	};
	requestNumber += maxRequests;
	const { stdout } = await run(process.execPath, [LOAD, JSON.stringify(spec)], {
		maxBuffer: 64 * 2 ** 20,
		timeout: (maxSeconds + 60) * 1000,
	});
	const result = JSON.parse(stdout);
	if (result.failed > 0)
		throw new Error(
			`${path}: ${result.failed} requests failed, e.g. ${result.failures.join(' | ')}`,
		);
	result.n8nCpuMs = cpuMsOf(pid) - cpuStart;
	return result;
}

const WORKFLOWS = [
	{ key: 'bare', path: BARE_PATH, expect: 'received' },
	{ key: 'shape', path: SHAPE_PATH, expect: 'written' },
	{ key: 'template', path: TEMPLATE_PATH, expect: 'verified' },
];

/** The item the template's Save Record node receives for the benchmark's form post. */
function savedItem() {
	const stages = createStages({ owners: 2, now: new Date() });
	const [inquiry] = stages.normalize(JSON.parse(FORM_POST.replaceAll('{n6}', '000000')));
	return stages.assign(stages.context(inquiry));
}

/** One engine: start n8n, set up the three workflows, measure each concurrency in rotating rounds. */
async function benchEngine(harness, engine, plan, log) {
	const instance = await harness.startN8n({ engine, label: `bench-${engine}` });
	// The n8n main process (the harness keeps it as `server`); its CPU time is read from /proc.
	const pid = instance.server?.pid;
	try {
		const template = templateWorkflow();
		await harness.ensureDataTables(
			instance,
			harness.dataTablesNeeded([template], harness.declaredTables()),
		);
		const ids = {};
		for (const [key, workflow] of [
			['bare', bareWorkflow()],
			['template', template],
			['shape', shapeWorkflow(savedItem())],
		]) {
			ids[key] = await instance.importWorkflow(workflow);
			await instance.publish(ids[key]);
		}
		// Warm-up: n8n compiles, caches node types and fills its connection pools on first use.
		for (const w of WORKFLOWS)
			await load(instance.baseUrl, w.path, {
				concurrency: 4,
				maxRequests: plan.warmup,
				maxSeconds: 30,
				expect: w.expect,
				pid,
			});

		const byConcurrency = {};
		for (const concurrency of plan.concurrency) {
			const rounds = { bare: [], shape: [], template: [] };
			for (let r = 0; r < plan.rounds; r++) {
				for (let k = 0; k < WORKFLOWS.length; k++) {
					const w = WORKFLOWS[(k + r) % WORKFLOWS.length];
					rounds[w.key].push(
						await load(instance.baseUrl, w.path, {
							concurrency,
							maxRequests: plan.maxRequests,
							maxSeconds: plan.maxSeconds,
							expect: w.expect,
							pid,
						}),
					);
				}
			}
			byConcurrency[concurrency] = summarizeRounds(rounds);
			log(`  ${engine}, concurrency ${concurrency}: done`);
		}
		return {
			n8n: instance.runtime.version,
			byConcurrency,
			executionDataBytes: await executionDataBytes(instance, ids),
		};
	} catch (error) {
		error.message = `${error.message}\n${instance.logTail(30)}`;
		throw error;
	} finally {
		await instance.stop();
	}
}

/** The average size of what n8n stores per execution (its run data as the public API returns it). */
async function executionDataBytes(instance, ids) {
	const sizes = {};
	for (const [key, id] of Object.entries(ids)) {
		const page = await instance.api('GET', `/executions?workflowId=${id}&includeData=true&limit=5`);
		const lengths = page.data.map((execution) => JSON.stringify(execution.data ?? {}).length);
		sizes[key] = Math.round(lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length));
	}
	return sizes;
}

function summarizeRounds(rounds) {
	const rate = (r) => r.completed / r.seconds;
	const pooled = (list) => list.flatMap((r) => r.latencies).sort((a, b) => a - b);
	const sortedOf = (r) => [...r.latencies].sort((a, b) => a - b);
	const latency = (list) => {
		const all = pooled(list);
		return {
			requests: all.length,
			p50: percentile(all, 0.5),
			p99: percentile(all, 0.99),
			max: all[all.length - 1],
		};
	};
	const versus = (a, b) => ({
		/** a / b executions per second, per round (median/p95/max over rounds). */
		throughputRatio: summarize(rounds[a].map((r, i) => rate(r) / rate(rounds[b][i]))),
		/** a minus b latency: over all requests pooled, and per round. */
		addedMs: {
			p50: latency(rounds[a]).p50 - latency(rounds[b]).p50,
			p99: latency(rounds[a]).p99 - latency(rounds[b]).p99,
			perRoundP50: summarize(
				rounds[a].map(
					(r, i) => percentile(sortedOf(r), 0.5) - percentile(sortedOf(rounds[b][i]), 0.5),
				),
			),
			perRoundP99: summarize(
				rounds[a].map(
					(r, i) => percentile(sortedOf(r), 0.99) - percentile(sortedOf(rounds[b][i]), 0.99),
				),
			),
		},
	});
	return {
		execPerSecond: Object.fromEntries(
			Object.entries(rounds).map(([k, list]) => [k, summarize(list.map(rate))]),
		),
		/** CPU time of n8n's process per execution: unlike exec/s, barely moved by other processes. */
		cpuMsPerExecution: Object.fromEntries(
			Object.entries(rounds).map(([k, list]) => [
				k,
				summarize(list.map((r) => r.n8nCpuMs / r.completed)),
			]),
		),
		latencyMs: Object.fromEntries(Object.entries(rounds).map(([k, list]) => [k, latency(list)])),
		/** Executions per CPU second relative to bare: the throughput ratio once n8n is CPU-bound. */
		cpuCapacity: Object.fromEntries(
			['shape', 'template'].map((k) => [
				k,
				summarize(
					rounds.bare.map(
						(r, i) => r.n8nCpuMs / r.completed / (rounds[k][i].n8nCpuMs / rounds[k][i].completed),
					),
				),
			]),
		),
		templateVsBare: versus('template', 'bare'),
		shapeVsBare: versus('shape', 'bare'),
		templateVsShape: versus('template', 'shape'),
	};
}

export async function runN8nBench({ quick, root, log = console.log }) {
	const harness = createRequire(import.meta.url)(join(root, 'bench/.build/harness.cjs'));
	const plan = quick
		? {
				engines: ['legacy'],
				concurrency: [1, 16],
				rounds: 2,
				maxSeconds: 2,
				maxRequests: 400,
				warmup: 20,
			}
		: {
				engines: ['legacy', 'vm'],
				concurrency: [1, 4, 16],
				rounds: 3,
				maxSeconds: 4,
				maxRequests: 2000,
				warmup: 60,
			};
	const engines = {};
	for (const engine of plan.engines) {
		log(`» Real n8n, ${engine} expression engine (N8N_EXPRESSION_ENGINE=${engine})`);
		engines[engine] = await benchEngine(harness, engine, plan, log);
	}
	for (const [engine, result] of Object.entries(engines)) {
		const rows = Object.entries(result.byConcurrency).map(([concurrency, r]) => ({
			concurrency,
			'exec/s bare': fixed(0)(r.execPerSecond.bare.median),
			'n8n-only shape': fixed(0)(r.execPerSecond.shape.median),
			template: fixed(0)(r.execPerSecond.template.median),
			'template/bare median (p95, max)': `${pct(r.templateVsBare.throughputRatio.median)} (${pct(r.templateVsBare.throughputRatio.p95)}, ${pct(r.templateVsBare.throughputRatio.max)})`,
			'shape/bare': pct(r.shapeVsBare.throughputRatio.median),
			'by CPU: template/bare, shape/bare': `${pct(r.cpuCapacity.template.median)}, ${pct(r.cpuCapacity.shape.median)}`,
			'template/shape': pct(r.templateVsShape.throughputRatio.median),
			'bare p50/p99 ms': `${fixed(1)(r.latencyMs.bare.p50)} / ${fixed(1)(r.latencyMs.bare.p99)}`,
			'template p50/p99': `${fixed(1)(r.latencyMs.template.p50)} / ${fixed(1)(r.latencyMs.template.p99)}`,
			'added vs bare p50/p99': `${fixed(1)(r.templateVsBare.addedMs.p50)} / ${fixed(1)(r.templateVsBare.addedMs.p99)}`,
			'added vs shape p50/p99': `${fixed(1)(r.templateVsShape.addedMs.p50)} / ${fixed(1)(r.templateVsShape.addedMs.p99)}`,
			'n8n CPU ms/exec bare, shape, template': ['bare', 'shape', 'template']
				.map((k) => fixed(1)(r.cpuMsPerExecution[k]?.median))
				.join(', '),
			requests: r.latencyMs.template.requests,
		}));
		printTable(
			`Real n8n ${result.n8n}, ${engine} expression engine (N8N_EXPRESSION_ENGINE=${engine}): template (Webhook → Normalize → Context → Assign → Data table upsert → Verify → Respond) vs bare Webhook → Respond and vs the same shape built from n8n's own nodes; ${plan.rounds} rotating rounds of ≤ ${plan.maxSeconds} s per concurrency`,
			rows,
		);
		const one = result.byConcurrency[plan.concurrency[0]];
		const bytes = result.executionDataBytes;
		note(
			`at concurrency ${plan.concurrency[0]}: n8n's own 7-node shape costs ${fixed(1)(one.cpuMsPerExecution.shape.median)} ms CPU per execution against the bare webhook's ${fixed(1)(one.cpuMsPerExecution.bare.median)} ms (ceiling for any node pack in this shape: ${pct(one.cpuMsPerExecution.bare.median / one.cpuMsPerExecution.shape.median)} of bare); this package's four nodes add ${fixed(1)(one.cpuMsPerExecution.template.median - one.cpuMsPerExecution.shape.median)} ms`,
		);
		note(
			`run data n8n stores per execution (API JSON): bare ${bytes.bare} B, shape ${bytes.shape} B, template ${bytes.template} B; the template also saves the round-robin state after every execution`,
		);
		if (engine === 'legacy') {
			const all = Object.values(result.byConcurrency);
			const ratioOk = all.every((r) => r.templateVsBare.throughputRatio.median >= 0.7);
			const p99Ok = all.every((r) => r.templateVsBare.addedMs.p99 <= 25);
			note(
				`target (legacy): template ≥ 70% of bare exec/s at every concurrency — ${ratioOk ? 'met' : 'MISSED'}; p99 added ≤ 25 ms — ${p99Ok ? 'met' : 'MISSED'}`,
			);
		}
	}
	if (quick)
		note(
			'--quick (with --only=n8n): legacy engine only, concurrency 1 and 16, 2 short rounds each; the full run adds the vm engine, concurrency 4 and longer rounds.',
		);
	return { plan, engines };
}
