// n8n 2.41.1 in queue mode (the e2e harness's stack: PostgreSQL and Redis from Debian, a main
// instance and workers), the web-form entry calling the Postgres hub (00p) as on main, the
// Outbox's e-mail to bench/smtpSink.mjs. Executions/s at closed-loop concurrency 16 with 2
// workers, then with 1 (the second stopped), and the CPU ms per inquiry of every process tree:
// main, each worker, PostgreSQL (postmaster and backends), Redis. From those, a projection for
// 8 and 32 cores, naming what limits first.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fixed, note, printTable } from './measure.mjs';
import { treeCpuMs } from './procCpu.mjs';
import { startSmtpSink } from './smtpSink.mjs';
import { postLoad } from './templates.mjs';
import { FORM_POST } from './workflows.mjs';

const HUB = 'Inquiry Continuity Hub (Postgres)';
const PATH = 'inquiry-form-pg';
const TEMPLATES = ['00p-', '01b-'];

/** Template 01b on its own path, its Run the Hub naming the Postgres hub. */
function formOnPostgres(template) {
	const text = JSON.stringify(template.workflow)
		.split('"inquiry-form"')
		.join(`"${PATH}"`)
		.split('"cachedResultName":"Inquiry Continuity Hub"')
		.join(`"cachedResultName":"${HUB}"`);
	const workflow = JSON.parse(text);
	return {
		file: '01b-on-postgres',
		workflow: { ...workflow, name: `${workflow.name} (Postgres)` },
	};
}

async function measure(stack, workerCount, plan) {
	const roots = {
		main: stack.main.server.pid,
		...Object.fromEntries(
			stack.workers.slice(0, workerCount).map((w) => [`worker ${w.number}`, w.process.pid]),
		),
		postgres: stack.postgres.pid,
		redis: stack.redis.pid,
	};
	const before = treeCpuMs(roots);
	const result = await postLoad(
		stack.main.baseUrl,
		{ path: PATH, body: FORM_POST, expect: 'received' },
		{
			concurrency: plan.concurrency,
			maxRequests: plan.maxRequests,
			maxSeconds: plan.seconds,
		},
	);
	if (result.failed) throw new Error(`queue mode: ${result.failures.join(' | ')}`);
	const after = treeCpuMs(roots);
	const cpuMsPerInquiry = Object.fromEntries(
		Object.keys(roots).map((name) => [name, (after[name] - before[name]) / result.completed]),
	);
	return {
		workers: workerCount,
		completed: result.completed,
		execPerSecond: result.completed / result.seconds,
		cpuMsPerInquiry,
	};
}

/**
 * Throughput on `cores` cores from per-process CPU per inquiry: all processes share the cores,
 * and main and Redis are each one thread, so each caps alone at 1000 / its ms.
 */
export function project(cpu, cores) {
	const worker = Object.entries(cpu)
		.filter(([name]) => name.startsWith('worker'))
		.reduce((sum, [, ms]) => sum + ms, 0);
	const total = worker + cpu.main + cpu.postgres + cpu.redis;
	const limits = {
		'all cores busy': (cores * 1000) / total,
		'main (one thread)': 1000 / cpu.main,
		'Redis (one thread)': 1000 / cpu.redis,
	};
	const [first, rate] = Object.entries(limits).sort((a, b) => a[1] - b[1])[0];
	return {
		cores,
		inquiriesPerSecond: rate,
		limitedBy: first,
		workersToRun: Math.ceil((rate * worker) / 1000),
		limits,
	};
}

export async function runQueueBench({ root, log = console.log }) {
	const harness = createRequire(import.meta.url)(join(root, 'bench/.build/harness.cjs'));
	const plan = { concurrency: 16, seconds: 30, maxRequests: 2000, warmup: 20 };
	log('» Queue mode: main + 2 workers, PostgreSQL, Redis (n8n 2.41.1, vm engine)');
	const stack = await harness.startQueueN8n({ workers: 2, label: 'bench-queue' });
	const mail = await startSmtpSink();
	try {
		const main = stack.main;
		const smtp = {
			id: await main.createCredential(
				'smtp',
				'Local mail server (bench)',
				harness.mailDevSmtpCredential(mail),
			),
			name: 'Local mail server (bench)',
		};
		const store = await harness.createStoreCredential(main, stack.postgres);
		const loaded = harness
			.loadTemplates()
			.filter((t) => TEMPLATES.some((p) => t.file.startsWith(p)));
		// 00p hands its owner messages to the Outbox on its own store.
		const outbox = harness
			.loadTemplates(join(root, 'workflows-templates', 'postgres'))
			.find((t) => t.file.startsWith('00c-'));
		const templates = [
			...loaded.map((t) => (t.file.startsWith('01b-') ? formOnPostgres(t) : t)),
			{ ...outbox, file: `postgres/${outbox.file}` },
		];
		await harness.ensureDataTables(
			main,
			harness.dataTablesNeeded(
				templates.map((t) => t.workflow),
				harness.declaredTables(),
			),
		);
		const published = await harness.importTemplates(main, templates, { smtp, postgres: store });
		const unpublished = published.filter((t) => !t.published);
		if (unpublished.length)
			throw new Error(
				`Not published: ${unpublished.map((t) => `${t.file}: ${t.note}`).join('; ')}`,
			);
		await harness.updateDataTableRows(
			main,
			'inquiry_settings',
			{ setting: 'emailFrom' },
			{ value: 'inquiries@bench.test' },
		);
		// The first run creates the hub's tables; the warm-up also fills the connection pools.
		await postLoad(
			main.baseUrl,
			{ path: PATH, body: FORM_POST, expect: 'received' },
			{ concurrency: 1, maxRequests: 1, maxSeconds: 120 },
		);
		await postLoad(
			main.baseUrl,
			{ path: PATH, body: FORM_POST, expect: 'received' },
			{ concurrency: 4, maxRequests: plan.warmup, maxSeconds: 120 },
		);
		const two = await measure(stack, 2, plan);
		log('  2 workers: done');
		await stack.workers[1].process.stop();
		const one = await measure(stack, 1, plan);
		log('  1 worker: done');
		const projections = [8, 32].map((cores) => project(two.cpuMsPerInquiry, cores));
		report([one, two], projections, plan);
		return { plan, runs: [one, two], projections };
	} catch (error) {
		error.message = `${error.message}\n${stack.main.logTail(30)}`;
		throw error;
	} finally {
		await mail.stop();
		await stack.stop();
	}
}

function report(runs, projections, plan) {
	const rows = runs.map((r) => ({
		workers: r.workers,
		inquiries: r.completed,
		'exec/s': fixed(1)(r.execPerSecond),
		...Object.fromEntries(
			Object.entries(r.cpuMsPerInquiry).map(([k, v]) => [`${k} ms`, fixed(0)(v)]),
		),
	}));
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	printTable(
		`Queue mode, web form → Postgres hub (00p) → Outbox, closed loop at concurrency ${plan.concurrency} for ${plan.seconds} s: exec/s and CPU ms per inquiry per process`,
		rows.map((row) => ({ ...Object.fromEntries(columns.map((c) => [c, '–'])), ...row })),
		columns,
	);
	printTable(
		'Projection from the 2-worker per-process costs',
		projections.map((p) => ({
			cores: p.cores,
			'inquiries/s': fixed(0)(p.inquiriesPerSecond),
			'limited first by': p.limitedBy,
			'workers to run': p.workersToRun,
			'main cap /s': fixed(0)(p.limits['main (one thread)']),
			'Redis cap /s': fixed(0)(p.limits['Redis (one thread)']),
		})),
	);
	note(
		'Postgres is counted as sharing the cores; a separate database host moves its share off them.',
	);
}
