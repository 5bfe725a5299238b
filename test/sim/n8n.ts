import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { N8nClient } from '../e2e/harness/client';
import { installPack } from '../e2e/harness/communityPackage';
import { packedTarball } from '../e2e/harness/pack';
import type { N8nProcess } from '../e2e/harness/process';
import { freePort, launchN8n } from '../e2e/harness/process';
import { ensureRuntime } from '../e2e/harness/runtime';
import type { CredentialRefs, TemplateFile } from '../e2e/harness/templates';
import type { Row } from './observed';
import type { RetryTally } from './patience';
import { emptyTally } from './patience';
import { PatientClient } from './patientClient';

/**
 * A fresh local n8n for the simulated day, built from the e2e harness's parts, that can also be
 * killed and started again on the same database and port: the day's "n8n restart" moment.
 */
export interface SimN8n {
	/** Retries reads and API calls through restarts and load; counts them in `retries`. */
	client: N8nClient;
	retries: RetryTally;
	baseUrl: string;
	/** Kills n8n (SIGKILL: no graceful shutdown, in-flight executions die) and starts it again. */
	restart(): Promise<void>;
	stop(): Promise<void>;
	logTail(lines?: number): string;
	/** Set in queue mode (queue.ts): the hub's store is Postgres, not only Data tables. */
	store?: SimStore;
}

/** How the day's templates are pointed at a store outside Data tables, and how its tables are read. */
export interface SimStore {
	credentials: CredentialRefs;
	adapt(template: TemplateFile): TemplateFile;
	/** Templates the store needs beside the shipped ones (imported with them). */
	extraTemplates: TemplateFile[];
	/** The store's rows of a table (the Data table of the same name is read as well). */
	rows(table: string): Promise<Row[]>;
	/** The owners' messages (kind owner_…) the store holds with an id above `id`, oldest first. */
	ownerMessagesAfter(id: number): Promise<Row[]>;
}

export async function startSimN8n(options: { installPack: boolean }): Promise<SimN8n> {
	const runtime = ensureRuntime('2.41.1');
	const userFolder = mkdtempSync(join(tmpdir(), 'inquiry-sim-'));
	if (options.installPack) installPack(userFolder, packedTarball(), runtime);
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const launch = async () =>
		await launchN8n({
			runtime,
			userFolder,
			port,
			brokerPort,
			engine: 'vm',
			logFile: join(userFolder, 'n8n.log'),
			scratchFolder: true,
		});

	let server: N8nProcess = await launch();
	const retries = emptyTally();
	const client = new PatientClient(server.baseUrl, retries);
	const owner = {
		email: 'owner@example.com',
		password: `Sim-${randomBytes(9).toString('base64url')}-9Q`,
		firstName: 'Sim',
		lastName: 'Owner',
	};
	await client.setupOwner(owner);
	await client.createApiKey('simulated day');

	return {
		client,
		retries,
		baseUrl: server.baseUrl,
		async restart() {
			process.kill(-server.pid, 'SIGKILL');
			await server.exited;
			await server.stop();
			server = await launch();
		},
		async stop() {
			await server.stop();
			rmSync(userFolder, { recursive: true, force: true });
		},
		logTail: (lines) => server.logTail(lines),
	};
}
