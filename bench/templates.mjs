// Real n8n 2.41.1 running the entry templates as imported (bench/templateSetup.mjs), per
// expression engine:
//  - cost per inquiry: CPU ms of n8n's process and its task runner (from /proc) per
//    execution and executions/s at closed-loop concurrency 1, 4, 16, every entry as a ratio to the
//    bare webhook, the hand-built alternative and its own Set-node variant, measured in rotating
//    rounds on the same instance;
//  - time to the owner: open-loop posts at fixed rates, each inquiry from its POST to the owner's
//    e-mail accepted by the local mail server (bench/smtpSink.mjs, to the millisecond).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixed, note, percentile, phaseClock, printTable, summarize } from './measure.mjs';
import { inquiryCounter, reportCounts } from './inquiryCounts.mjs';
import { freePort, inspectableEnv, profileBurst } from './profile.mjs';
import { treeCpuMs } from './procCpu.mjs';
import { historyBench } from './history.mjs';
import { withSetNodes } from './swap.mjs';
import {
	ENTRIES,
	lastExecution,
	RECORDED_NUMBER,
	startTemplateInstance,
	WEBHOOK_SECRET,
} from './templateSetup.mjs';

const run = promisify(execFile);
const LOAD = join(import.meta.dirname, 'load.mjs');
const sleep = async (ms) => await new Promise((resolve) => setTimeout(resolve, ms));

let nextNumber = 1000;
/** Runs bench/load.mjs against one entry; numbers never repeat, so every request is a new person. */
export async function postLoad(baseUrl, entry, options) {
	const spec = {
		url: `${baseUrl}/webhook/${entry.path}`,
		body: entry.body,
		expect: entry.expect,
		firstNumber: options.firstNumber ?? nextNumber,
		...(entry.twilio ? { twilioSecret: WEBHOOK_SECRET } : {}),
		...options,
	};
	if (options.firstNumber === undefined) nextNumber += options.maxRequests;
	const { stdout } = await run(process.execPath, [LOAD, JSON.stringify(spec)], {
		maxBuffer: 64 * 2 ** 20,
		// An open-loop burst beyond the knee drains for minutes after its last post.
		timeout: (options.maxSeconds + 180 + (options.rate ? options.maxRequests * 3 : 0)) * 1000,
	});
	return JSON.parse(stdout);
}

/**
 * Records one execution of an entry (and the hub run it called), then imports the entry and hub
 * with this package's nodes as Set nodes emitting the recorded items, on the swapped path.
 */
async function importSwapped(setup, key) {
	const { instance, ids } = setup;
	const swappedEntry = ENTRIES[`${key}Swapped`];
	const entry = ENTRIES[key];
	const entryId = ids[entry.template.replace('-', '')];
	const before = (await lastExecution(instance, ids['00']).catch(() => ({ id: 0 }))).id;
	const result = await postLoad(instance.baseUrl, entry, {
		concurrency: 1,
		maxRequests: 1,
		maxSeconds: 120,
		firstNumber: RECORDED_NUMBER,
		record: true,
	});
	if (result.failed) throw new Error(`Recording ${key} failed: ${result.failures.join(' | ')}`);
	const inquiryId = JSON.parse(result.records[0].answer).inquiryId;
	const entryRun = await lastExecution(instance, entryId);
	const hubRun = await lastExecution(instance, ids['00'], Number(before));
	const unique = [
		// Six digits from the execution id, 9xxxxx: never a live request's number (those stay below).
		[String(RECORDED_NUMBER), '{{ String(900000 + Number($execution.id) % 100000) }}'],
		[inquiryId, `${inquiryId}x{{ $execution.id }}`],
		// The owner memory the Assign step read: its compare-and-set names the version it was based on.
		[
			`"basedOnVersion":${basedOnVersion(hubRun)},`,
			`"basedOnVersion":{{ $('Read Owner Memory').item.json.version }},`,
		],
	];
	const server = async (id) => await instance.api('GET', `/workflows/${id}`);
	const hub = withSetNodes(await server(ids['00']), hubRun.data.resultData.runData, {
		name: `Bench: hub with Set nodes (${key})`,
		unique,
	});
	const hubId = await instance.importWorkflow(hub.workflow);
	await instance.publish(hubId);
	const swapped = withSetNodes(await server(entryId), entryRun.data.resultData.runData, {
		name: `Bench: ${entry.template} entry with Set nodes`,
		unique,
	});
	swapped.workflow.nodes = swapped.workflow.nodes.map((node) => {
		if (node.type === 'n8n-nodes-base.webhook')
			return {
				...node,
				webhookId: swappedEntry.path,
				parameters: { ...node.parameters, path: swappedEntry.path },
			};
		if (node.type === 'n8n-nodes-base.executeWorkflow')
			return {
				...node,
				parameters: {
					...node.parameters,
					workflowId: { __rl: true, mode: 'id', value: hubId },
				},
			};
		return node;
	});
	const swappedId = await instance.importWorkflow(swapped.workflow);
	await instance.publish(swappedId);
	ids[`${key}Swapped`] = swappedId;
	return { swappedNodes: [...hub.swapped, ...swapped.swapped] };
}

/** The owner-memory version the recorded Assign step claimed against. */
function basedOnVersion(hubRun) {
	const runData = hubRun.data.resultData.runData;
	for (const runs of Object.values(runData)) {
		const version = (runs[0]?.data?.main ?? []).flat().find(Boolean)?.json
			?.routingMemory?.basedOnVersion;
		if (version !== undefined) return version;
	}
	throw new Error('The recorded hub run has no owner-memory claim');
}

function summarizeRounds(rounds, keys) {
	const rate = (r) => r.completed / r.seconds;
	const perExec = (r) => r.cpuMs / r.completed;
	const latency = (list) => {
		const all = list.flatMap((r) => r.latencies).sort((a, b) => a - b);
		return { requests: all.length, p50: percentile(all, 0.5), p99: percentile(all, 0.99) };
	};
	const ratio = (a, b, f) => summarize(rounds[a].map((r, i) => f(r) / f(rounds[b][i])));
	const out = {
		execPerSecond: {},
		cpuMsPerExecution: {},
		latencyMs: {},
		cpuRatio: {},
		throughputRatio: {},
	};
	for (const k of keys) {
		out.execPerSecond[k] = summarize(rounds[k].map(rate));
		out.cpuMsPerExecution[k] = summarize(rounds[k].map(perExec));
		out.latencyMs[k] = latency(rounds[k]);
	}
	for (const [entry, own] of [
		['form', 'formSwapped'],
		['call', 'callSwapped'],
	]) {
		out.cpuRatio[entry] = {
			vsBare: ratio(entry, 'bare', perExec),
			vsHandBuilt: ratio(entry, 'handBuilt', perExec),
			vsSetNodes: ratio(entry, own, perExec),
		};
		out.throughputRatio[entry] = {
			vsBare: ratio(entry, 'bare', rate),
			vsHandBuilt: ratio(entry, 'handBuilt', rate),
			vsSetNodes: ratio(entry, own, rate),
		};
		/** Our nodes' share of the template's CPU: 1 - swapped/template, per round. */
		out.cpuRatio[entry].ourShare = summarize(
			rounds[entry].map((r, i) => 1 - perExec(rounds[own][i]) / perExec(r)),
		);
	}
	return out;
}

const KEYS = ['bare', 'handBuilt', 'form', 'formSwapped', 'call', 'callSwapped'];

async function costPerInquiry(setup, plan, log, phases, engine) {
	const pid = setup.instance.server?.pid;
	await phases.time(`${engine}: warm-up`, async () => {
		for (const key of KEYS)
			await postLoad(setup.instance.baseUrl, ENTRIES[key], {
				concurrency: 2,
				maxRequests: plan.warmup,
				maxSeconds: 60,
			});
	});
	const byConcurrency = {};
	for (const concurrency of plan.concurrency) {
		const roundsStart = performance.now();
		const rounds = Object.fromEntries(KEYS.map((k) => [k, []]));
		for (let r = 0; r < plan.rounds; r++)
			for (let i = 0; i < KEYS.length; i++) {
				const key = KEYS[(i + r) % KEYS.length];
				const cpuStart = treeCpuMs({ pid }).pid;
				const result = await postLoad(setup.instance.baseUrl, ENTRIES[key], {
					concurrency,
					maxRequests: 5000,
					maxSeconds: plan.maxSeconds,
				});
				// On an overloaded machine a request may time out: counted, not fatal.
				if (result.failed)
					log(`  ${key} at ${concurrency}: ${result.failed} failed, e.g. ${result.failures[0]}`);
				if (!result.completed) throw new Error(`${key} at ${concurrency}: nothing completed`);
				// Everything the requests started (the Outbox's e-mail included) has run once the
				// last answer is in: the entries wait for the hub, the hub for the Outbox.
				result.cpuMs = treeCpuMs({ pid }).pid - cpuStart;
				delete result.records;
				rounds[key].push(result);
			}
		byConcurrency[concurrency] = summarizeRounds(rounds, KEYS);
		phases.since(`${engine}: cost at concurrency ${concurrency}`, roundsStart);
		log(`  concurrency ${concurrency}: done`);
	}
	return byConcurrency;
}

/** When the first e-mail naming each request's unique address was accepted (by request number). */
function ownerMailTimes(messages) {
	const times = new Map();
	for (const message of messages) {
		// Quoted-printable soft line breaks may split the address.
		const match = /jane\.roe\+(\d{6})@example\.com/.exec(message.data.replaceAll('=\r\n', ''));
		if (!match) continue;
		const n = Number(match[1]);
		const at = message.at;
		if (!times.has(n) || times.get(n) > at) times.set(n, at);
	}
	return times;
}

async function timeToOwner(setup, plan, log, phases) {
	const rows = [];
	for (const rate of plan.rates) {
		const started = performance.now();
		// A rate past the knee leaves executions running after its posts: the next rate starts
		// once they are done, so each row is its own rate's.
		await waitForIdle(setup.instance, plan.drainCapMs);
		const firstNumber = nextNumber;
		nextNumber += 10_000;
		// Past the knee more posts only lengthen the backlog, so a rate sends at most 120.
		const seconds = Math.min(plan.openSeconds, 120 / rate);
		const result = await postLoad(setup.instance.baseUrl, ENTRIES.form, {
			rate,
			maxRequests: Math.round(rate * seconds),
			maxSeconds: seconds,
			firstNumber,
			record: true,
		});
		const sent = result.records.filter((r) => r.ok);
		// Every post counts: one whose answer timed out may still have reached its owner.
		const posted = result.records;
		// Every answered post has its e-mail accepted by the time the hub answers; the wait only
		// covers the stragglers, and ends once no new owner e-mail came for plan.mailIdleMs.
		const deadline = Date.now() + plan.mailWaitMs;
		let times = new Map();
		let lastProgress = Date.now();
		while (Date.now() < deadline && Date.now() - lastProgress < plan.mailIdleMs) {
			const seen = times.size;
			times = ownerMailTimes(setup.mail.messages());
			if (posted.every((r) => times.has(r.n % 1e6))) break;
			if (times.size > seen) lastProgress = Date.now();
			await sleep(1000);
		}
		const toOwner = posted
			.filter((r) => times.has(r.n % 1e6))
			.map((r) => times.get(r.n % 1e6) - r.at)
			.sort((a, b) => a - b);
		rows.push({
			rate,
			posted: result.records.length,
			answered: sent.length,
			mailed: toOwner.length,
			p50: percentile(toOwner, 0.5),
			p95: percentile(toOwner, 0.95),
			p99: percentile(toOwner, 0.99),
			answerP99: percentile(
				sent.map((r) => r.ms).sort((a, b) => a - b),
				0.99,
			),
		});
		phases.since(`time to owner at ${rate}/s`, started);
		log(`  time to owner at ${rate}/s: done`);
	}
	return rows;
}

export async function runTemplatesBench({ quick, root, log = console.log }) {
	const harness = createRequire(import.meta.url)(join(root, 'bench/.build/harness.cjs'));
	const plan = quick
		? {
				engines: ['legacy'],
				concurrency: [1, 4],
				rounds: 1,
				maxSeconds: 4,
				warmup: 2,
				rates: [1, 5],
				openSeconds: 6,
				mailWaitMs: 60_000,
				mailIdleMs: 20_000,
				drainCapMs: 120_000,
				historySizes: [1000, 10_000],
				profileRequests: 20,
			}
		: {
				engines: ['legacy', 'vm'],
				concurrency: [1, 4, 16],
				rounds: 2,
				// CPU per inquiry is read from /proc to 10 ms; 3 s of load is 10+ inquiries even at
				// concurrency 1, and the 36 timed loads per engine are most of the section's time.
				maxSeconds: 3,
				warmup: 6,
				rates: [1, 5, 20],
				openSeconds: 12,
				mailWaitMs: 240_000,
				mailIdleMs: 30_000,
				drainCapMs: 300_000,
				historySizes: [1000, 10_000, 100_000],
				profileRequests: 60,
			};
	// BENCH_ENGINES=legacy (or vm) runs one engine, e.g. to run the two side by side.
	if (process.env.BENCH_ENGINES) plan.engines = process.env.BENCH_ENGINES.split(',');
	// BENCH_HISTORY_SIZES=1000,10000,100000 e.g. to give --quick the full run's history rows.
	if (process.env.BENCH_HISTORY_SIZES)
		plan.historySizes = process.env.BENCH_HISTORY_SIZES.split(',').map(Number);
	const phases = phaseClock(log);
	const engines = {};
	let history;
	let counts;
	let profile;
	for (const engine of plan.engines) {
		log(
			`» Entry templates on real n8n, ${engine} expression engine (N8N_EXPRESSION_ENGINE=${engine})`,
		);
		// Time to owner, counts, the profile and history run on n8n's default engine (vm), or the
		// one engine of the plan, on the instance the cost table used: one n8n start per engine.
		const last = (engine === 'vm' || plan.engines.length === 1) && !process.env.BENCH_COST_ONLY;
		const inspectPort = last ? await freePort() : undefined;
		const setup = await phases.time(`${engine}: start n8n and import`, async () =>
			startTemplateInstance(harness, {
				engine,
				label: `bench-templates-${engine}`,
				env: last ? inspectableEnv(inspectPort) : undefined,
			}),
		);
		try {
			const form = await phases.time(`${engine}: record and import Set-node twins`, async () => {
				const recorded = await importSwapped(setup, 'form');
				await importSwapped(setup, 'call');
				return recorded;
			});
			const cost = await costPerInquiry(setup, plan, log, phases, engine);
			engines[engine] = {
				n8n: setup.instance.runtime.version,
				swappedNodes: form.swappedNodes,
				cost,
			};
			if (!last) continue;
			counts = await phases.time(`${engine}: counts per inquiry`, async () => {
				const count = inquiryCounter(setup.instance, root);
				const byKey = {};
				// Three posts one at a time, each a new person: the path every first contact takes,
				// without the retries that concurrent claims on the same owner memory cause.
				for (const key of KEYS) {
					await postLoad(setup.instance.baseUrl, ENTRIES[key], {
						concurrency: 1,
						maxRequests: 3,
						maxSeconds: 120,
					});
					byKey[key] = await count(setup.ids[idKey(key)]);
				}
				return byKey;
			});
			engines[engine].timeToOwner = await timeToOwner(setup, plan, log, phases);
			report(engines, plan);
			reportCounts(counts, LABELS);
			await phases.time('drain after time to owner', async () =>
				waitForIdle(setup.instance, plan.drainCapMs),
			);
			profile = await phases.time(`${engine}: CPU profile`, async () =>
				profileBurst(setup, inspectPort, { requests: plan.profileRequests, engine }),
			);
			history = await historyBench(harness, setup, {
				sizes: plan.historySizes,
				postLoad,
				log,
				phases,
			});
		} catch (error) {
			error.message = `${error.message}\n${setup.instance.logTail(30)}`;
			throw error;
		} finally {
			await setup.stop();
		}
	}
	if (!counts) report(engines, plan);
	return { plan, engines, counts, profile, history, seconds: phases.seconds };
}

/** Waits until n8n runs no execution (the public API's running list is empty), at most capMs. */
async function waitForIdle(instance, capMs) {
	const deadline = Date.now() + capMs;
	while (Date.now() < deadline) {
		const page = await instance
			.api('GET', '/executions?status=running&limit=1')
			.catch(() => ({ data: [{}] }));
		if (!page.data.length) return;
		await sleep(2000);
	}
}

/** Where each measured workflow's id is kept in setup.ids. */
const idKey = (key) => (ENTRIES[key].template ? ENTRIES[key].template.replace('-', '') : key);

const LABELS = {
	bare: 'bare webhook',
	handBuilt: 'hand-built',
	form: '01b web form',
	formSwapped: '01b with Set nodes',
	call: '02 missed call',
	callSwapped: '02 with Set nodes',
};

const x = (s) => `${fixed(2)(s.median)}×`;
const pct = (s) => `${(100 * s.median).toFixed(0)}%`;

function report(engines, plan) {
	for (const [engine, result] of Object.entries(engines)) {
		printTable(
			`Entry templates as imported (01b web form, 02 missed call → hub 00 → Outbox 00c → local SMTP), real n8n ${result.n8n}, ${engine} engine: n8n CPU ms per inquiry (main + task runner) and exec/s; ratios per round, median`,
			Object.entries(result.cost).flatMap(([concurrency, r]) =>
				['form', 'call'].map((entry) => ({
					concurrency,
					entry: entry === 'form' ? '01b web form' : '02 missed call',
					'CPU ms': fixed(0)(r.cpuMsPerExecution[entry].median),
					'exec/s': fixed(1)(r.execPerSecond[entry].median),
					'CPU vs bare': x(r.cpuRatio[entry].vsBare),
					'vs hand-built': x(r.cpuRatio[entry].vsHandBuilt),
					'vs Set nodes': x(r.cpuRatio[entry].vsSetNodes),
					'our share': pct(r.cpuRatio[entry].ourShare),
					'exec/s vs bare': x(r.throughputRatio[entry].vsBare),
					'vs hand-built ': x(r.throughputRatio[entry].vsHandBuilt),
					'bare, hand-built CPU ms': `${fixed(1)(r.cpuMsPerExecution.bare.median)}, ${fixed(1)(r.cpuMsPerExecution.handBuilt.median)}`,
					'p50/p99 ms': `${fixed(0)(r.latencyMs[entry].p50)} / ${fixed(0)(r.latencyMs[entry].p99)}`,
				})),
			),
		);
		if (!result.timeToOwner) continue;
		printTable(
			`Time to the owner (${engine}): vendor POST → owner's e-mail accepted by the local mail server, open loop for ${plan.openSeconds} s per rate (at most 120 posts)`,
			result.timeToOwner.map((r) => ({
				'inquiries/s': r.rate,
				posted: r.posted,
				answered: r.answered,
				'owner mailed': r.mailed,
				'p50 ms': fixed(0)(r.p50),
				'p95 ms': fixed(0)(r.p95),
				'p99 ms': fixed(0)(r.p99),
				'answer p99 ms': fixed(0)(r.answerP99),
			})),
		);
	}
}
