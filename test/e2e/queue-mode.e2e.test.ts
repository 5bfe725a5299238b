import { readFileSync } from 'fs';
import { join } from 'path';
import type { QueueStack, TemplateResult } from './harness';
import {
	createDemoCrmCredential,
	createStoreCredential,
	deliverLikeAVendor,
	dataTableRows,
	FAST_STALL_DETECTION,
	dataTablesNeeded,
	declaredTables,
	ensureDataTables,
	importTemplates,
	loadTemplates,
	startQueueN8n,
	startsByItself,
} from './harness';
import {
	countBy,
	describePostgresStore,
	importPostgresHub,
	perInquiry,
	POSTGRES_FORM,
	postgresClosed,
	postgresOpen,
	postgresOutcomes,
	postgresSwept,
	stopPostgresInbox,
} from './queue-mode.postgres';
import { describePostgresLoop, importPostgresLoop, POSTGRES_SWEEP_PATH } from './queue-mode.loop';
import {
	lastExecutionId,
	SECRET_CREDENTIAL,
	SWEEP_MINUTE_MS,
	SWEEP_PATH,
	sweepOnCall,
	waitForRun,
} from '../sim/templateSetup';

/**
 * n8n 2.41.1 in queue mode, as a production install runs it: PostgreSQL 15 and Redis from Debian,
 * one main instance and 2 workers, this package on each. The current templates and their Data
 * tables are imported through the same functions `npm start` uses, so the suite follows the
 * templates when they change. Stall detection is shortened (FAST_STALL_DETECTION) so the kill
 * test takes seconds, not a minute and a half.
 */
const FORM = 'inquiry-form';
const INQUIRIES = 40;
const CONCURRENCY = 8;
jest.setTimeout(5 * 60_000);

type Row = Record<string, unknown>;
let stack: QueueStack;
let published: TemplateResult[];
let store: { id: string; name: string };
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const rows = async (table: string): Promise<Row[]> => await dataTableRows(stack.main, table);

beforeAll(async () => {
	stack = await startQueueN8n({
		label: 'queue-mode',
		env: FAST_STALL_DETECTION,
		install: 'environment',
	});
	const secret = {
		id: await stack.main.createCredential(SECRET_CREDENTIAL, 'Webhook secret (queue mode)', {
			secret: 'queue-mode-secret',
			publicUrl: '',
		}),
		name: 'Webhook secret (queue mode)',
	};
	const templates = loadTemplates().map(sweepOnCall);
	await ensureDataTables(
		stack.main,
		dataTablesNeeded(
			templates.map((t) => t.workflow),
			declaredTables(),
		),
	);
	published = await importTemplates(stack.main, templates, {
		[SECRET_CREDENTIAL]: secret,
		handoffDestinationApi: await createDemoCrmCredential(stack.main),
		postgres: (store = await createStoreCredential(stack.main, stack.postgres)),
	});
	await importPostgresHub(stack, store);
	await importPostgresLoop(stack);
}, 20 * 60_000);

afterAll(async () => {
	await stopPostgresInbox();
	await stack?.stop();
});

/** How many executions each worker has started so far, from its own log. */
const startedPerWorker = () =>
	stack.workers.map((worker) => (worker.log().match(/Worker started execution \d+/g) ?? []).length);

const formBody = (n: number, tag: string) =>
	JSON.stringify({
		name: `Queue Caller ${tag} ${n}`,
		email: `queue.${tag}.${n}@example.com`,
		// Another person each time: one person's second contact would join the first inquiry.
		phone: `(415) 555-${(tag === 'kill' ? 7000 : 4000) + n}`,
		service: 'Repair',
		message: `Heater ${tag} ${n} makes a noise`,
		postal_code: '94110',
	});

async function inBatches<T>(
	count: number,
	size: number,
	send: (n: number) => Promise<T>,
): Promise<T[]> {
	const results: T[] = [];
	for (let start = 0; start < count; start += size)
		results.push(
			...(await Promise.all(
				Array.from(
					{ length: Math.min(size, count - start) },
					async (_, i) => await send(start + i),
				),
			)),
		);
	return results;
}

/** The ledger once every given inquiry is closed (verified or alerted), or as it is after `waitMs`. */
async function ledgerOnceClosed(ids: string[], waitMs = 120_000): Promise<Row[]> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const ledger = await rows('inquiry_ledger');
		const closed = ids.every((id) =>
			ledger.some((row) => row.inquiryId === id && (row.verifiedAt || row.alertedAt)),
		);
		if (closed || Date.now() > deadline) return ledger;
		await sleep(500);
	}
}

test('n8n installed the package on main from N8N_COMMUNITY_PACKAGES, and each worker the same version from the shared database', () => {
	const version = (
		JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }
	).version;
	expect(stack.installedVersions()).toEqual([version, version, version]);
	for (const worker of stack.workers)
		expect(worker.log()).toContain('Attempting to reinstall missing packages');
});

test('every template that starts by itself is published on the queue-mode main', () => {
	const templates = new Map(loadTemplates().map((template) => [template.file, template.workflow]));
	expect(
		published
			.filter((t) => !t.published && startsByItself(templates.get(t.file)!))
			.map((t) => `${t.file}: ${t.note}`),
	).toEqual([]);
	expect(published.some((t) => t.published && t.endpoints.some((e) => e.path === FORM))).toBe(true);
});

describe(`${INQUIRIES} distinct inquiries, ${CONCURRENCY} at a time, through the form entry`, () => {
	let ids: string[] = [];
	let ledger: Row[] = [];
	let owners: Record<string, number> = {};
	let answers: Array<{ status: number; attempts: number }> = [];
	let started: number[] = [];

	beforeAll(async () => {
		const before = startedPerWorker();
		const posted = await inBatches(
			INQUIRIES,
			CONCURRENCY,
			async (n) => await deliverLikeAVendor(stack.main, FORM, formBody(n, 'spread'), 20),
		);
		answers = posted;
		ids = posted.map((a) => a.inquiryId);
		ledger = await ledgerOnceClosed(ids);
		started = startedPerWorker().map((count, i) => count - before[i]);
		owners = countBy(
			ledger.filter((row) => ids.includes(String(row.inquiryId))).map((row) => row.ownerId),
		);
		console.log(
			JSON.stringify({
				measured: 'queue mode, 2 workers',
				executionsPerWorker: started,
				ownersByRoundRobin: owners,
			}),
		);
	});

	test('each post is answered 200 at the first attempt', () => {
		expect(answers.map((a) => [a.status, a.attempts])).toEqual(answers.map(() => [200, 1]));
	});

	test("the executions are spread over both workers (counted in each worker's own log)", () => {
		expect(started).toHaveLength(2);
		expect(started.every((count) => count > 0)).toBe(true);
		expect(started.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(INQUIRIES);
	});

	test('every inquiry reaches exactly one verified ledger row, one record and one owner notice', async () => {
		expect(new Set(ids).size).toBe(INQUIRIES);
		const outcomes = perInquiry(
			ids,
			ledger,
			await rows('inquiry_records'),
			await rows('inquiry_notifications'),
		);
		expect(outcomes).toEqual(ids.map(() => [1, 'verified', 1, 1]));
	});

	// The hub keeps owner memory in the inquiry_owner_memory Data table and writes it back with a
	// compare-and-set (on Postgres an UPDATE … WHERE version = read RETURNING the changed row), so
	// the two workers take turns from one memory; static data could not (see the next test).
	test('round robin spreads the inquiries over the 3 owners within 1, across both workers', () => {
		const counts = Object.values(owners);
		expect(counts).toHaveLength(3);
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	});
});

// The hub on its Postgres store (template 00p), on this same stack, before a worker is killed.
describePostgresStore(() => stack);
// The owner links, ladder, weekly report and self-audit on that store, by what people receive.
describePostgresLoop(() => stack);

test('n8n 2.41.1 queue mode starts every execution with empty static data: a static-data round robin gives each inquiry the first owner', async () => {
	const text = readFileSync(join(__dirname, 'workflows/assign-round-robin.json'), 'utf8')
		.split('{{STRATEGY}}')
		.join('round_robin')
		.split('e2e-assign')
		.join('queue-static-data');
	const id = await stack.main.importWorkflow({
		...JSON.parse(text),
		name: 'Queue mode: static-data round robin',
	});
	await stack.main.publish(id);
	const owners: string[] = [];
	// One at a time, each finished (and its static data saved) before the next is posted.
	for (let n = 0; n < 6; n++) {
		const response = await stack.main.postWebhook('queue-static-data', {
			body: { name: `Person ${n}`, email: `static.${n}@example.com` },
		});
		owners.push((response.json as { owner: string }).owner);
		await stack.main.waitForExecutions(id, { count: n + 1, timeoutMs: 30_000 });
	}
	// In regular mode the same workflow answers ana, ben, cara, ana, ben, cara (assign-fairness.e2e).
	expect(owners).toEqual(['ana', 'ana', 'ana', 'ana', 'ana', 'ana']);
});

test(
	'a worker killed with SIGKILL mid-burst, vendors retrying on 5xx: every inquiry, on Data tables or on the Postgres store, completes exactly once or the leak sweep finds it',
	async () => {
		const burst = 16;
		// Even posts go to the Data table hub's form, odd ones to the Postgres hub's (00p).
		const formOf = (n: number) => (n % 2 === 0 ? FORM : POSTGRES_FORM);
		// The Postgres hub's first run creates its tables; that happens before the burst, not in it.
		const warmUp = await deliverLikeAVendor(stack.main, POSTGRES_FORM, formBody(99, 'warm'));
		expect(warmUp.status).toBe(200);
		const victim = stack.workers[1];
		const startedBefore = startedPerWorker();
		const senders = Array.from(
			{ length: burst },
			async (_, n) => await deliverLikeAVendor(stack.main, formOf(n), formBody(n, 'kill')),
		);
		// Kill the worker once it is running some of the burst.
		const deadline = Date.now() + 60_000;
		while (startedPerWorker()[1] - startedBefore[1] < 3 && Date.now() < deadline) await sleep(20);
		victim.process.kill('SIGKILL');
		const began = Date.now();
		const phases: Record<string, number> = {};
		const phase = (name: string) => (phases[name] = Math.round((Date.now() - began) / 1000));
		const answers = await Promise.all(senders);
		phase('answered');
		const ids = answers.map((a) => a.inquiryId);
		expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
		expect(new Set(ids).size).toBe(burst);
		const onDataTables = ids.filter((_, n) => formOf(n) === FORM);
		const onPostgres = ids.filter((_, n) => formOf(n) === POSTGRES_FORM);

		const ledger = await ledgerOnceClosed(onDataTables, 60_000);
		phase('Data table ledger closed');
		await postgresClosed(stack, onPostgres, 30_000);
		phase('Postgres ledger closed');
		const open = ledger.filter(
			(row) => onDataTables.includes(String(row.inquiryId)) && !row.verifiedAt && !row.alertedAt,
		);
		const openOnPostgres = await postgresOpen(stack, onPostgres);
		if (open.length + openOnPostgres.length > 0) {
			// The sweep takes an inquiry as stalled once it is a minute old without a verified handoff.
			const newest = Math.max(
				...[...open, ...openOnPostgres].map((row) => Date.parse(String(row.receivedAt))),
			);
			await sleep(Math.max(0, newest + SWEEP_MINUTE_MS + 5000 - Date.now()));
			const sweep = published.find((t) => t.endpoints.some((e) => e.path === SWEEP_PATH));
			const before = await lastExecutionId(stack.main, String(sweep?.id));
			expect((await stack.main.postWebhook(SWEEP_PATH, { body: {} })).status).toBe(200);
			// The Postgres store's own ladder (template 06 on Postgres) on the wall clock.
			const postgresSweep = await stack.main.postWebhook(POSTGRES_SWEEP_PATH, { method: 'GET' });
			expect(postgresSweep.status).toBe(200);
			expect(await waitForRun(stack.main, String(sweep?.id), before, 120_000)).toBe(true);
			await postgresSwept(
				stack,
				openOnPostgres.map((row) => String(row.inquiryId)),
				120_000,
			);
			phase('swept');
		}
		const after = await rows('inquiry_ledger');
		const raised = new Set(
			(await rows('inquiry_notifications'))
				.filter((row) => ['alert', 'escalation'].includes(String(row.kind)))
				.map((row) => row.inquiryId),
		);
		const outcome = (id: string) => {
			const mine = after.filter((row) => row.inquiryId === id);
			if (mine.length !== 1) return `${mine.length} ledger rows`;
			if (mine[0].verifiedAt) return 'completed';
			return mine[0].sweepReason && raised.has(id) ? 'found by the sweep' : 'silent';
		};
		const outcomes = [...onDataTables.map(outcome), ...(await postgresOutcomes(stack, onPostgres))];
		const retried = (form: string) =>
			answers.filter((a, n) => formOf(n) === form && a.attempts > 1).length;
		console.log(
			JSON.stringify({
				measured: 'worker SIGKILL mid-burst',
				secondsAfterTheKill: phases,
				retried: { dataTables: retried(FORM), postgres: retried(POSTGRES_FORM) },
				dataTables: countBy(outcomes.slice(0, onDataTables.length)),
				postgres: countBy(outcomes.slice(onDataTables.length)),
			}),
		);
		expect(outcomes.filter((o) => o !== 'completed' && o !== 'found by the sweep')).toEqual([]);
		// The kill did cut executions off: some senders had to retry, or some inquiries needed the sweep.
		expect(
			retried(FORM) + retried(POSTGRES_FORM) + outcomes.filter((o) => o !== 'completed').length,
		).toBeGreaterThan(0);
	},
	10 * 60_000,
);
