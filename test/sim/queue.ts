import { join } from 'path';
import { TEMPLATES_DIR } from '../e2e/harness/paths';
import { createStoreCredential, sqlRows } from '../e2e/harness/postgresStore';
import { freePort } from '../e2e/harness/process';
import type { QueueStack } from '../e2e/harness/queueMode';
import { FAST_STALL_DETECTION, startQueueN8n } from '../e2e/harness/queueMode';
import type { FrontService } from '../e2e/harness/services';
import { startFront } from '../e2e/harness/services';
import type { TemplateFile } from '../e2e/harness/templates';
import { loadTemplates } from '../e2e/harness/templates';
import { postgresLoopTemplates } from '../e2e/queue-mode.loop';
import { withLinkPath } from '../e2e/queue-mode.postgres';
import type { SimN8n } from './n8n';
import type { Row } from './observed';
import type { RetryTally } from './patience';
import { emptyTally, patiently } from './patience';
import { PatientClient } from './patientClient';
import { PATHS } from './vendors';

/**
 * The simulated day on n8n's queue mode as production runs it: PostgreSQL, Redis, one main and 2
 * workers (test/e2e/harness/queueMode.ts), the Postgres hub (template 00p) as the entries' hub,
 * and the readiness-gated HAProxy front (scripts/services/haproxy.sh) where vendors post. The
 * day's restart kills one worker with SIGKILL mid-traffic, then kills the main instance and starts
 * it again: vendors meet the front's 503 and retry.
 */
const HUB = 'Inquiry Continuity Hub';
const POSTGRES_HUB = 'Inquiry Continuity Hub (Postgres)';
/** The Postgres store's tables the day is read from (the rest stay in Data tables). */
const STORE_TABLES = new Set(['inquiry_ledger', 'inquiry_records', 'inquiry_notifications']);
/** Time for the killed worker to hold some of the traffic before main goes down too. */
const WORKER_DOWN_FIRST_MS = 3000;

/** How the queue day is driven and captioned. */
export const QUEUE_SIM = {
	// Vendors retry for minutes to hours (Typeform, Twilio, Meta); 10 tries with doubling delays
	// from 1 s cover about 8.5 minutes, longer than a main restart with its migrations here.
	maxAttempts: 10,
	caption: 'queue mode (main + 2 workers, Postgres store, HAProxy front)',
} as const;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An entry that runs the Data table hub runs the Postgres hub instead, and the Postgres hub's owner
 * links lead to the Postgres owner links (their own path); other templates unchanged.
 */
function onPostgresHub(template: TemplateFile): TemplateFile {
	if (template.workflow.name === POSTGRES_HUB) return withLinkPath(template);
	const text = JSON.stringify(template.workflow);
	const from = `"cachedResultName":"${HUB}"`;
	if (!text.includes(from)) return template;
	return {
		...template,
		workflow: JSON.parse(
			text.split(from).join(`"cachedResultName":"${POSTGRES_HUB}"`),
		) as TemplateFile['workflow'],
	};
}

/**
 * The Postgres hub's loop on its store (workflows-templates/postgres/), imported beside the Data
 * table one that hubs 00 and 00b (entry 01c) still use: the Outbox it hands owner messages to, the
 * owner links its messages point to, and the ladder the day runs after the traffic (the Data table
 * ladder runs too, for the Data table hubs' inquiries). The weekly report and self-audit are not
 * part of the day.
 */
function postgresExtras(): TemplateFile[] {
	const outbox = loadTemplates(join(TEMPLATES_DIR, 'postgres')).find((t) =>
		t.file.startsWith('00c-'),
	)!;
	const { links, ladder } = postgresLoopTemplates();
	return [{ ...outbox, file: `postgres/${outbox.file}` }, links, ladder];
}

/** Rows of a store table (`where`: a condition); none before the hub's first run has created it. */
async function storeRows(
	stack: QueueStack,
	table: string,
	retries: RetryTally,
	where = 'true',
): Promise<Row[]> {
	if (!STORE_TABLES.has(table)) return [];
	const query = async (sql: string) =>
		await patiently(`psql ${sql}`, async () => await sqlRows(stack.postgres, sql), retries, {
			repeatable: true,
		});
	const [exists] = await query(`SELECT to_regclass('${table}') AS name`);
	return exists?.name ? await query(`SELECT * FROM ${table} WHERE ${where} ORDER BY id`) : [];
}

export interface QueueSim extends SimN8n {
	/** What happened to the workers: which was killed, and how many are left. */
	workerNotes(): string[];
}

export async function startQueueSim(): Promise<QueueSim> {
	// Vendors that sign the URL they call (Twilio) sign the front's: n8n must report that one.
	const frontPort = await freePort();
	const stack = await startQueueN8n({
		label: 'sim-queue',
		env: { ...FAST_STALL_DETECTION, WEBHOOK_URL: `http://127.0.0.1:${frontPort}/` },
	});
	let front: FrontService | undefined;
	try {
		const store = await createStoreCredential(stack.main, stack.postgres);
		// Every entry path the day posts to must answer before the front forwards anything.
		front = await startFront(
			Number(new URL(stack.main.baseUrl).port),
			Object.values(PATHS),
			frontPort,
		);
		const retries = emptyTally();
		const client = new PatientClient(stack.main.baseUrl, retries);
		client.apiKey = stack.main.apiKey;
		const killed: number[] = [];
		const alive = () => stack.workers.filter((w) => !killed.includes(w.number));
		return {
			client,
			retries,
			baseUrl: front.url,
			async restart() {
				// The first restart of the day also loses a worker; one always stays.
				if (alive().length > 1) {
					const victim = alive()[alive().length - 1];
					victim.process.kill('SIGKILL');
					killed.push(victim.number);
					await sleep(WORKER_DOWN_FIRST_MS);
				}
				await stack.main.restart();
			},
			async stop() {
				await front?.stop();
				await stack.stop();
			},
			logTail: (lines) => stack.main.logTail(lines),
			store: {
				credentials: { postgres: store },
				adapt: onPostgresHub,
				extraTemplates: postgresExtras(),
				rows: async (table) => await storeRows(stack, table, retries),
				ownerMessagesAfter: async (id) =>
					await storeRows(
						stack,
						'inquiry_notifications',
						retries,
						`kind LIKE 'owner_%' AND id > ${Math.trunc(id)}`,
					),
			},
			workerNotes: () => [
				`queue mode: main + ${stack.workers.length} workers, Postgres store (00p, its Outbox, owner links and ladder), HAProxy front`,
				...killed.map((n) => `worker ${n} killed with SIGKILL at the restart`),
			],
		};
	} catch (error) {
		await front?.stop();
		await stack.stop();
		throw error;
	}
}
