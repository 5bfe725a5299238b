import { randomBytes } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Owner } from './client';
import { N8nClient } from './client';
import { installPack } from './communityPackage';
import { packedTarball } from './pack';
import { RUNS_DIR } from './paths';
import type { ExpressionEngine, N8nProcess } from './process';
import { freePort, launchN8n } from './process';
import type { N8nRuntime, N8nVersion } from './runtime';
import { ensureRuntime } from './runtime';
import type { Execution } from './workflow';

export interface StartOptions {
	version?: N8nVersion;
	/** n8n's expression engine; 'vm' (n8n 2's default) needs Node 24, so 1.x runs 'legacy'. */
	engine?: ExpressionEngine;
	/** Extra n8n environment variables. */
	env?: Record<string, string>;
	/** Whether to install this package's packed tarball (default true). */
	installPack?: boolean;
	/** Names the copy of n8n's log kept in test/e2e/.runs/logs after the instance stops. */
	label?: string;
}

/** One running n8n with an owner and an API key, and the client calls logged in as that owner. */
export class N8nInstance extends N8nClient {
	constructor(
		private server: N8nProcess,
		readonly runtime: N8nRuntime,
		readonly userFolder: string,
		readonly owner: Owner,
		private readonly cleanup: () => Promise<void>,
		private readonly relaunch: () => Promise<N8nProcess>,
	) {
		super(server.baseUrl);
	}

	/**
	 * Kills n8n with SIGKILL (no graceful shutdown: in-flight requests die) and starts it again on
	 * the same folder, database and port; resolves once it is ready.
	 */
	async restart(): Promise<void> {
		this.server.kill('SIGKILL');
		await this.server.exited;
		await this.server.stop();
		this.server = await this.relaunch();
	}

	logTail(lines?: number): string {
		return this.server.logTail(lines);
	}

	/** Stops n8n and deletes its folder; safe to call twice. */
	async stop(): Promise<void> {
		await this.cleanup();
	}

	async publish(id: string, timeoutMs?: number): Promise<void> {
		await super.publish(id, timeoutMs).catch((error: Error) => this.withLog(error));
	}

	async waitForExecutions(
		workflowId: string,
		options?: { count?: number; timeoutMs?: number },
	): Promise<Execution[]> {
		return await super
			.waitForExecutions(workflowId, options)
			.catch((error: Error) => this.withLog(error));
	}

	private withLog(error: Error): never {
		error.message = `${error.message}\n${this.logTail(40)}`;
		throw error;
	}
}

function testOwner(): Owner {
	return {
		email: 'owner@example.com',
		password: `E2e-${randomBytes(9).toString('base64url')}-9Q`,
		firstName: 'Test',
		lastName: 'Owner',
	};
}

async function twoFreePorts(): Promise<[number, number]> {
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	return [port, brokerPort];
}

/**
 * A fresh n8n for one suite: cached runtime, isolated user folder in a temp dir, free ports on
 * 127.0.0.1, this package installed from its packed tarball, owner and API key created headless.
 * Call `stop()` in afterAll; if this process dies first, a reaper kills n8n and deletes the folder.
 */
export async function startN8n(options: StartOptions = {}): Promise<N8nInstance> {
	const version = options.version ?? '2.41.1';
	const runtime = ensureRuntime(version);
	const tarball = options.installPack === false ? undefined : packedTarball();
	const userFolder = mkdtempSync(join(tmpdir(), 'inquiry-e2e-'));
	const logFile = join(userFolder, 'n8n.log');

	let launched: N8nProcess | undefined;
	let cleanedUp: Promise<void> | undefined;
	const cleanup = async () => {
		cleanedUp ??= (async () => {
			await launched?.stop();
			if (existsSync(logFile)) {
				mkdirSync(join(RUNS_DIR, 'logs'), { recursive: true });
				copyFileSync(logFile, join(RUNS_DIR, 'logs', `${options.label ?? `n8n-${version}`}.log`));
			}
			rmSync(userFolder, { recursive: true, force: true });
		})();
		await cleanedUp;
	};

	try {
		if (tarball) installPack(userFolder, tarball, runtime);
		const [port, brokerPort] = await twoFreePorts();
		const launch = async () =>
			(launched = await launchN8n({
				runtime,
				userFolder,
				port,
				brokerPort,
				engine: options.engine ?? (version.startsWith('1.') ? 'legacy' : 'vm'),
				logFile,
				scratchFolder: true,
				env: options.env,
			}));
		const owner = testOwner();
		const instance = new N8nInstance(await launch(), runtime, userFolder, owner, cleanup, launch);
		await instance.setupOwner(owner);
		await instance.createApiKey('e2e tests');
		return instance;
	} catch (error) {
		const tail = launched?.logTail(40) ?? '';
		await cleanup();
		if (error instanceof Error && tail && !error.message.includes(tail))
			error.message = `${error.message}\n${tail}`;
		throw error;
	}
}
