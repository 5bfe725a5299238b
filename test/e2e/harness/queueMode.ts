import { randomBytes } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { communityNodesFolder, installPackFromRegistry } from './communityPackage';
import { packedTarball } from './pack';
import { PACKAGE_NAME, PROJECT_ROOT, RUNS_DIR } from './paths';
import type { N8nProcess } from './process';
import { freePort, launchN8n } from './process';
import type { RegistryInterception } from './registryInterception';
import { interceptPublicRegistry } from './registryInterception';
import { ensureRuntime } from './runtime';
import type { PostgresService, RedisService, RegistryService } from './services';
import { startPostgres, startRedis, startRegistry } from './services';
import type { N8nInstance } from './startN8n';
import { startN8n } from './startN8n';

/**
 * n8n's queue mode as a production install runs it: PostgreSQL, Redis, one main instance (editor,
 * API, webhooks; it enqueues each execution) and workers that run them, every process with the
 * same encryption key and this package in its own nodes folder, installed one of two ways:
 * - 'manual': the main from the packed tarball, each worker by name and version from a local npm
 *   registry serving that tarball, as n8n's manual-install steps for workers do;
 * - 'environment': n8n installs it itself. The main reads N8N_COMMUNITY_PACKAGES (with
 *   N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV) at start; each worker, started after it with
 *   N8N_REINSTALL_MISSING_PACKAGES, installs the version the shared database lists. n8n fetches
 *   only from registry.npmjs.org unless licensed for another registry, so that name is answered by
 *   the local registry through an intercepting proxy (registryInterception.ts, as the browser test
 *   does); n8n's checks, npm pack and npm install run as in production (docs/queue-mode.md).
 */
export interface QueueStackOptions {
	/** How many `n8n worker` processes (default 2). */
	workers?: number;
	/** Names the copies of the logs kept in test/e2e/.runs/logs. */
	label?: string;
	/** Extra environment for every process. */
	env?: Record<string, string>;
	/** How each process gets this package (default 'manual'). */
	install?: 'manual' | 'environment';
}

export interface QueueWorker {
	/** 1, 2, …: the order the workers were started in. */
	number: number;
	userFolder: string;
	process: N8nProcess;
	/** The worker's whole log so far. */
	log(): string;
}

export interface QueueStack {
	main: N8nInstance;
	workers: QueueWorker[];
	postgres: PostgresService;
	redis: RedisService;
	/** The local npm registry the workers installed this package from. */
	registry: RegistryService;
	/** The version of this package in each process's nodes folder: main first, then each worker. */
	installedVersions(): Array<string | undefined>;
	/** Stops the workers, main, Redis and PostgreSQL, each by its PID; safe to call twice. */
	stop(): Promise<void>;
}

/**
 * A worker killed with SIGKILL leaves its jobs locked until the lock expires (60 s) and the next
 * stalled-job check (30 s) runs; stacks that kill workers shorten both so a kill costs seconds,
 * not a minute and a half. Nothing else differs from n8n's defaults.
 */
export const FAST_STALL_DETECTION = {
	QUEUE_WORKER_LOCK_DURATION: '15000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

/** How many workers a stack runs unless told otherwise (docs/docker-compose.queue.yml runs as many). */
export const DEFAULT_WORKERS = 2;

/** What every process of one queue-mode install shares. */
export function queueEnvironment(
	postgres: PostgresService,
	redis: RedisService,
	encryptionKey: string,
): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: encryptionKey,
		// The MCP registry module looks something up online at start; there is no network here.
		N8N_DISABLED_MODULES: 'mcp-registry',
	};
}

async function distinctFreePorts(count: number): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

const packageVersion = () =>
	(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
		.version;

/**
 * What the main and the workers add to the shared environment to install this package by
 * themselves (`proxy`: how they reach registry.npmjs.org).
 */
export function environmentInstall(proxy: Record<string, string> = {}) {
	const pinned = JSON.stringify([{ name: PACKAGE_NAME, version: packageVersion() }]);
	return {
		main: {
			...proxy,
			N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
			N8N_COMMUNITY_PACKAGES: pinned,
		},
		worker: { ...proxy, N8N_REINSTALL_MISSING_PACKAGES: 'true' },
	};
}

function installedVersion(userFolder: string): string | undefined {
	const manifest = join(
		communityNodesFolder(userFolder),
		'node_modules',
		PACKAGE_NAME,
		'package.json',
	);
	return existsSync(manifest)
		? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
		: undefined;
}

async function startWorker(
	number: number,
	env: Record<string, string>,
	label: string,
	registry: RegistryService | undefined,
): Promise<QueueWorker & { cleanup(): Promise<void> }> {
	const runtime = ensureRuntime('2.41.1');
	const userFolder = mkdtempSync(join(tmpdir(), `inquiry-worker-${number}-`));
	const logFile = join(userFolder, 'n8n.log');
	let launched: N8nProcess | undefined;
	const cleanup = async () => {
		await launched?.stop();
		if (existsSync(logFile)) {
			mkdirSync(join(RUNS_DIR, 'logs'), { recursive: true });
			copyFileSync(logFile, join(RUNS_DIR, 'logs', `${label}-worker-${number}.log`));
		}
		rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		if (registry) installPackFromRegistry(userFolder, registry.url, packageVersion(), runtime);
		const [healthPort, brokerPort] = await distinctFreePorts(2);
		launched = await launchN8n({
			runtime,
			command: 'worker',
			userFolder,
			port: healthPort,
			brokerPort,
			engine: 'vm',
			logFile,
			scratchFolder: true,
			env,
		});
		return {
			number,
			userFolder,
			process: launched,
			log: () => readFileSync(logFile, 'utf8'),
			cleanup,
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}

/** Starts PostgreSQL, Redis, the registry, the main instance (owner and API key set up) and the workers. */
export async function startQueueN8n(options: QueueStackOptions = {}): Promise<QueueStack> {
	const label = options.label ?? 'queue';
	const [postgres, redis, registry] = await Promise.all([
		startPostgres(),
		startRedis(),
		startRegistry(packedTarball()),
	]);
	const env = {
		...queueEnvironment(postgres, redis, randomBytes(24).toString('hex')),
		...options.env,
	};
	const workers: Array<Awaited<ReturnType<typeof startWorker>>> = [];
	let main: N8nInstance | undefined;
	let interception: RegistryInterception | undefined;
	const stop = async () => {
		await Promise.all(workers.map(async (worker) => await worker.cleanup()));
		await main?.stop();
		await interception?.stop();
		await Promise.all([redis.stop(), postgres.stop(), registry.stop()]);
	};
	try {
		const byEnvironment = options.install === 'environment';
		interception = byEnvironment ? await interceptPublicRegistry(registry.url) : undefined;
		const extra = interception ? environmentInstall(interception.env) : { main: {}, worker: {} };
		// The main instance migrates the database (and, installing by environment, records the
		// package there); workers started after it find both.
		main = await startN8n({
			version: '2.41.1',
			engine: 'vm',
			label: `${label}-main`,
			env: { ...env, ...extra.main },
			installPack: !byEnvironment,
		});
		const count = options.workers ?? DEFAULT_WORKERS;
		await Promise.all(
			Array.from({ length: count }, async (_, i) => {
				workers.push(
					await startWorker(
						i + 1,
						{ ...env, ...extra.worker },
						label,
						byEnvironment ? undefined : registry,
					),
				);
			}),
		);
		workers.sort((a, b) => a.number - b.number);
		const started = main;
		const installedVersions = () =>
			[started.userFolder, ...workers.map((w) => w.userFolder)].map(installedVersion);
		return { main, workers, postgres, redis, registry, installedVersions, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
