// Real n8n: the cached n8n runtime of the e2e harness, a fresh instance per expression engine
// (own temp user folder, free ports on 127.0.0.1, this package installed from its packed
// tarball), the template workflow against a bare webhook on the same instance, driven by
// bench/load.mjs in a second process. Rounds alternate bare and template so load from other
// processes hits both alike.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixed, note, percentile, printTable, summarize } from './measure.mjs';
import { BARE_PATH, bareWorkflow, FORM_POST, TEMPLATE_PATH, templateWorkflow } from './workflows.mjs';

const run = promisify(execFile);
const LOAD = join(import.meta.dirname, 'load.mjs');

let requestNumber = 0;
async function load(baseUrl, path, { concurrency, maxRequests, maxSeconds, expect }) {
	const spec = { url: `${baseUrl}/webhook/${path}`, body: FORM_POST, concurrency, maxRequests, maxSeconds, expect, firstNumber: requestNumber };
	requestNumber += maxRequests;
	const { stdout } = await run(process.execPath, [LOAD, JSON.stringify(spec)], { maxBuffer: 64 * 2 ** 20, timeout: (maxSeconds + 60) * 1000 });
	const result = JSON.parse(stdout);
	if (result.failed > 0) throw new Error(`${path}: ${result.failed} requests failed, e.g. ${result.failures.join(' | ')}`);
	return result;
}

/** One engine: start n8n, set up both workflows, measure each concurrency in alternating rounds. */
async function benchEngine(harness, engine, plan, log) {
	const instance = await harness.startN8n({ engine, label: `bench-${engine}` });
	try {
		const template = templateWorkflow();
		await harness.ensureDataTables(instance, harness.dataTablesNeeded([template], harness.declaredTables()));
		for (const workflow of [bareWorkflow(), template]) await instance.publish(await instance.importWorkflow(workflow));
		// Warm-up: n8n compiles, caches node types and fills its connection pools on first use.
		await load(instance.baseUrl, BARE_PATH, { concurrency: 4, maxRequests: plan.warmup, maxSeconds: 30 });
		await load(instance.baseUrl, TEMPLATE_PATH, { concurrency: 4, maxRequests: plan.warmup, maxSeconds: 30, expect: 'verified' });

		const byConcurrency = {};
		for (const concurrency of plan.concurrency) {
			const rounds = { bare: [], template: [] };
			for (let r = 0; r < plan.rounds; r++) {
				const order = r % 2 === 0 ? ['bare', 'template'] : ['template', 'bare'];
				for (const which of order) {
					const path = which === 'bare' ? BARE_PATH : TEMPLATE_PATH;
					rounds[which].push(await load(instance.baseUrl, path, { concurrency, maxRequests: plan.maxRequests, maxSeconds: plan.maxSeconds, expect: which === 'template' ? 'verified' : 'received' }));
				}
			}
			byConcurrency[concurrency] = summarizeRounds(rounds);
			log(`  ${engine}, concurrency ${concurrency}: done`);
		}
		return { n8n: instance.runtime.version, byConcurrency };
	} catch (error) {
		error.message = `${error.message}\n${instance.logTail(30)}`;
		throw error;
	} finally {
		await instance.stop();
	}
}

function summarizeRounds({ bare, template }) {
	const rate = (r) => r.completed / r.seconds;
	const pooled = (list) => list.flatMap((r) => r.latencies).sort((a, b) => a - b);
	const bareAll = pooled(bare);
	const templateAll = pooled(template);
	const sortedOf = (r) => [...r.latencies].sort((a, b) => a - b);
	const added = (q) => summarize(template.map((r, i) => percentile(sortedOf(r), q) - percentile(sortedOf(bare[i]), q)));
	return {
		requests: { bare: bareAll.length, template: templateAll.length },
		execPerSecond: { bare: summarize(bare.map(rate)), template: summarize(template.map(rate)) },
		/** template / bare executions per second, per round. */
		throughputRatio: summarize(template.map((r, i) => rate(r) / rate(bare[i]))),
		latencyMs: {
			bare: { p50: percentile(bareAll, 0.5), p99: percentile(bareAll, 0.99), max: bareAll[bareAll.length - 1] },
			template: { p50: percentile(templateAll, 0.5), p99: percentile(templateAll, 0.99), max: templateAll[templateAll.length - 1] },
		},
		/** Template minus bare, over all requests pooled, and per round (median/p95/max of rounds). */
		addedMs: { p50: percentile(templateAll, 0.5) - percentile(bareAll, 0.5), p99: percentile(templateAll, 0.99) - percentile(bareAll, 0.99), perRoundP50: added(0.5), perRoundP99: added(0.99) },
	};
}

export async function runN8nBench({ quick, root, log = console.log }) {
	const harness = createRequire(import.meta.url)(join(root, 'bench/.build/harness.cjs'));
	const plan = quick
		? { engines: ['legacy'], concurrency: [1, 16], rounds: 2, maxSeconds: 2, maxRequests: 400, warmup: 20 }
		: { engines: ['legacy', 'vm'], concurrency: [1, 4, 16], rounds: 4, maxSeconds: 5, maxRequests: 2000, warmup: 60 };
	const engines = {};
	for (const engine of plan.engines) {
		log(`» Real n8n, ${engine} expression engine (N8N_EXPRESSION_ENGINE=${engine})`);
		engines[engine] = await benchEngine(harness, engine, plan, log);
	}
	for (const [engine, result] of Object.entries(engines)) {
		const rows = Object.entries(result.byConcurrency).map(([concurrency, r]) => ({
			concurrency,
			'bare exec/s': fixed(0)(r.execPerSecond.bare.median),
			'template exec/s': fixed(0)(r.execPerSecond.template.median),
			'template/bare median': `${(100 * r.throughputRatio.median).toFixed(0)}%`,
			'p95': `${(100 * r.throughputRatio.p95).toFixed(0)}%`,
			'max': `${(100 * r.throughputRatio.max).toFixed(0)}%`,
			'bare p50/p99 ms': `${fixed(1)(r.latencyMs.bare.p50)} / ${fixed(1)(r.latencyMs.bare.p99)}`,
			'template p50/p99 ms': `${fixed(1)(r.latencyMs.template.p50)} / ${fixed(1)(r.latencyMs.template.p99)}`,
			'added p50 ms': fixed(1)(r.addedMs.p50),
			'added p99 ms': fixed(1)(r.addedMs.p99),
			requests: `${r.requests.bare}+${r.requests.template}`,
		}));
		printTable(`Real n8n ${result.n8n}, ${engine} expression engine: template (Webhook → Normalize → Context → Assign → Data table upsert → Verify → Respond) vs bare Webhook → Respond, ${plan.rounds} alternating rounds of ≤ ${plan.maxSeconds} s per concurrency`, rows);
		if (engine === 'legacy') {
			const worst = Object.values(result.byConcurrency);
			const ratioOk = worst.every((r) => r.throughputRatio.median >= 0.7);
			const p99Ok = worst.every((r) => r.addedMs.p99 <= 25);
			note(`target (legacy): template ≥ 70% of bare exec/s at every concurrency — ${ratioOk ? 'met' : 'MISSED'}; p99 added ≤ 25 ms — ${p99Ok ? 'met' : 'MISSED'}`);
		}
	}
	if (quick) note('--quick: legacy engine only, concurrency 1 and 16, 2 short rounds each; the full run adds the vm engine, concurrency 4 and longer rounds.');
	return { plan, engines };
}
