import { execFile, execFileSync, spawn } from 'child_process';
import { promisify } from 'util';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PROJECT_ROOT } from './paths';
import { realClockEnv } from '../../harness/realClockEnv';

/**
 * PostgreSQL and Redis for one suite, from Debian's packages, and a local npm registry (Verdaccio)
 * holding this package, each started by scripts/services/*.sh on a free 127.0.0.1 port (installed
 * on first use) and stopped by its PID.
 */
export interface PostgresService {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	pid: number;
	log: string;
	stop(): Promise<void>;
}

export interface RedisService {
	host: string;
	port: number;
	pid: number;
	log: string;
	stop(): Promise<void>;
}

export interface RegistryService {
	/** The registry's address, e.g. http://127.0.0.1:40123/ */
	url: string;
	pid: number;
	log: string;
	stop(): Promise<void>;
}

export interface FrontService {
	/** Where vendors post instead of n8n, e.g. http://127.0.0.1:40124 */
	url: string;
	port: number;
	pid: number;
	stop(): Promise<void>;
}

type ServiceName = 'postgres' | 'redis' | 'registry' | 'haproxy';
const INSTALL_AND_START_TIMEOUT_MS = 10 * 60_000;

const scriptOf = (service: ServiceName) => join(PROJECT_ROOT, 'scripts/services', `${service}.sh`);

/**
 * When this process dies without stopping the service (a crash, Ctrl-C, a suite that never
 * reached afterAll), a detached watchdog runs the script's `stop` for it.
 */
const REAPER = `
const [parent, script, folder] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const { existsSync } = require('fs');
setInterval(() => {
	if (!existsSync(folder)) process.exit(0);
	if (alive(Number(parent))) return;
	try { require('child_process').execFileSync('bash', [script, 'stop', folder], { stdio: 'ignore' }); } catch {}
	require('fs').rmSync(folder, { recursive: true, force: true });
	process.exit(0);
}, 1000);
`;

async function startService<T>(
	service: ServiceName,
	args: string[],
	env: Record<string, string> = {},
): Promise<T & { stop(): Promise<void> }> {
	const folder = mkdtempSync(join(tmpdir(), `inquiry-${service}-`));
	const script = scriptOf(service);
	let printed: string;
	try {
		// Asynchronous, so the services of one stack start side by side. They keep the real clock
		// under scripts/with-clock-ahead.sh (Redis aborts under libfaketime); only n8n's date matters.
		const started = promisify(execFile)('bash', [script, 'start', folder, ...args], {
			encoding: 'utf8',
			timeout: INSTALL_AND_START_TIMEOUT_MS,
			env: { ...realClockEnv(), ...env },
		});
		started.child.stderr?.pipe(process.stderr);
		printed = (await started).stdout;
	} catch (error) {
		execFileSync('bash', [script, 'stop', folder], { stdio: 'ignore' });
		rmSync(folder, { recursive: true, force: true });
		throw error;
	}
	spawn(process.execPath, ['-e', REAPER, String(process.pid), script, folder], {
		detached: true,
		stdio: 'ignore',
	}).unref();
	const lines = printed.trim().split('\n');
	const address = JSON.parse(lines[lines.length - 1]) as T;
	let stopped: Promise<void> | undefined;
	const stop = async () => {
		stopped ??= new Promise<void>((resolve) => {
			spawn('bash', [script, 'stop', folder], { stdio: 'ignore' }).once('exit', () => {
				rmSync(folder, { recursive: true, force: true });
				resolve();
			});
		});
		await stopped;
	};
	return { ...address, stop };
}

export async function startPostgres(): Promise<PostgresService> {
	return await startService<Omit<PostgresService, 'stop'>>('postgres', []);
}

export async function startRedis(): Promise<RedisService> {
	return await startService<Omit<RedisService, 'stop'>>('redis', []);
}

/** A local npm registry on 127.0.0.1 with the given packed tarball published to it. */
export async function startRegistry(tarball: string): Promise<RegistryService> {
	return await startService<Omit<RegistryService, 'stop'>>('registry', [tarball]);
}

/**
 * HAProxy in front of the n8n on `n8nPort`, forwarding only while n8n's readiness is 200 and each
 * entry webhook path is registered (scripts/services/haproxy.sh says why); on `port` when given.
 */
export async function startFront(
	n8nPort: number,
	webhookPaths: string[],
	port?: number,
): Promise<FrontService> {
	return await startService<Omit<FrontService, 'stop'>>(
		'haproxy',
		[String(n8nPort), ...webhookPaths],
		port ? { FRONT_PORT: String(port) } : {},
	);
}
