import type { ChildProcess } from 'child_process';
import { spawn } from 'child_process';
import { closeSync, openSync, readFileSync } from 'fs';
import { createServer } from 'net';
import { dirname } from 'path';
import type { N8nRuntime } from './runtime';

export type ExpressionEngine = 'vm' | 'legacy';

export interface LaunchOptions {
	runtime: N8nRuntime;
	/** `start` (the main instance, the default) or `worker` (queue mode: runs jobs from Redis). */
	command?: 'start' | 'worker';
	/** N8N_USER_FOLDER: n8n keeps everything (SQLite, settings, community packages) below <folder>/.n8n. */
	userFolder: string;
	/** The editor and webhook port; for a worker, its health server's port (/healthz/readiness). */
	port: number;
	/** Task-broker port; two instances on the default 5679 clash. */
	brokerPort: number;
	engine: ExpressionEngine;
	/** The file n8n's stdout and stderr go to. */
	logFile: string;
	/** Whether the user folder is scratch, to delete if this process dies without stopping n8n. */
	scratchFolder?: boolean;
	env?: Record<string, string>;
	readinessTimeoutMs?: number;
}

export interface N8nProcess {
	pid: number;
	baseUrl: string;
	/** Resolves when n8n has exited. */
	exited: Promise<number | null>;
	/** The last lines of n8n's log. */
	logTail(lines?: number): string;
	/** Stops n8n's whole process group (n8n and its task runner): SIGTERM, then SIGKILL. */
	stop(): Promise<void>;
	/** Sends a signal to n8n's whole process group at once (SIGKILL: a crash, nothing flushed). */
	kill(signal: NodeJS.Signals): void;
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('No port')),
			);
		});
	});
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

/**
 * A watchdog in its own process group: once a second it checks that this process is alive, and
 * when it is not (Ctrl-C, a crash, SIGKILL, a suite that never reached afterAll) it kills n8n's
 * group and deletes the scratch folder. It leaves as soon as n8n's group is gone. In-process
 * exit or signal handlers cannot do this: jest gives each test file its own `process` object,
 * whose handlers never fire.
 */
const REAPER = `
const [parent, group, folder] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
setInterval(() => {
	if (!alive(-Number(group))) process.exit(0);
	if (alive(Number(parent))) return;
	try { process.kill(-Number(group), 'SIGKILL'); } catch {}
	if (folder) require('fs').rmSync(folder, { recursive: true, force: true });
	process.exit(0);
}, 1000);
`;

export function startReaper(node: string, group: number, folder: string): void {
	spawn(node, ['-e', REAPER, String(process.pid), String(group), folder], {
		detached: true,
		stdio: 'ignore',
	}).unref();
}

/** n8n's settings for a private, quiet, local instance. */
function n8nEnvironment(options: LaunchOptions): Record<string, string> {
	return {
		PATH: `${dirname(options.runtime.node)}:${process.env.PATH ?? ''}`,
		HOME: process.env.HOME ?? options.userFolder,
		LANG: process.env.LANG ?? 'C.UTF-8',
		TZ: process.env.TZ ?? 'UTC',
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_EXPRESSION_ENGINE: options.engine,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		DB_TYPE: 'sqlite',
		...clockShift(),
		...(options.command === 'worker' ? workerEnvironment(options.port) : {}),
		...options.env,
	};
}

/** scripts/with-clock-ahead.sh's shifted clock, passed on so n8n sees the same date as the test. */
function clockShift(): Record<string, string> {
	const shift: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env))
		if (
			value !== undefined &&
			(name === 'LD_PRELOAD' || name === 'NO_FAKE_STAT' || name.startsWith('FAKETIME'))
		)
			shift[name] = value;
	return shift;
}

/** A worker has no editor: its health server (readiness = database and Redis connected) is on `port`. */
function workerEnvironment(port: number): Record<string, string> {
	return {
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		// Its health server listens on every interface unless told otherwise.
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
}

async function waitUntilReady(
	baseUrl: string,
	child: ChildProcess,
	timeoutMs: number,
	tail: () => string,
	command: LaunchOptions['command'] = 'start',
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`n8n exited (${child.exitCode ?? child.signalCode}) before it was ready.\n${tail()}`,
			);
		}
		try {
			const readiness = await fetch(`${baseUrl}/healthz/readiness`, {
				signal: AbortSignal.timeout(2000),
			});
			const migrated =
				readiness.ok && ((await readiness.json()) as { status?: string }).status === 'ok';
			// Readiness means "database migrated"; the REST routes (owner setup, login) are mounted a
			// moment later, so wait for one of them too (n8n 1.x answers 404 in between).
			if (migrated && command === 'worker') return;
			if (migrated) {
				const settings = await fetch(`${baseUrl}/rest/settings`, {
					signal: AbortSignal.timeout(2000),
				});
				await settings.arrayBuffer();
				if (settings.ok) return;
			}
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n was not ready after ${timeoutMs / 1000} s.\n${tail()}`);
}

/**
 * Starts `n8n start` in its own process group on 127.0.0.1, watched by a reaper, and waits until
 * it is ready and serving. On any failure the group is killed before the error is thrown.
 */
export async function launchN8n(options: LaunchOptions): Promise<N8nProcess> {
	const baseUrl = `http://127.0.0.1:${options.port}`;
	const logFd = openSync(options.logFile, 'a');
	const child = spawn(options.runtime.node, [options.runtime.bin, options.command ?? 'start'], {
		cwd: options.userFolder,
		env: n8nEnvironment(options),
		detached: true,
		stdio: ['ignore', logFd, logFd],
	});
	closeSync(logFd);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`Could not start n8n with ${options.runtime.node}`);
	startReaper(options.runtime.node, pid, options.scratchFolder ? options.userFolder : '');
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code)),
	);

	const logTail = (lines = 60) => {
		const text = readFileSync(options.logFile, 'utf8').trimEnd().split('\n');
		return `--- last ${Math.min(lines, text.length)} lines of ${options.logFile} ---\n${text.slice(-lines).join('\n')}`;
	};
	let stopped: Promise<void> | undefined;
	const stop = async () => {
		stopped ??= (async () => {
			killGroup(pid, 'SIGTERM');
			const gone = await Promise.race([
				exited.then(() => true),
				new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref()),
			]);
			// The group may hold a task runner that outlives n8n itself.
			killGroup(pid, 'SIGKILL');
			if (!gone) await exited;
		})();
		await stopped;
	};

	try {
		await waitUntilReady(
			baseUrl,
			child,
			options.readinessTimeoutMs ?? 120_000,
			logTail,
			options.command,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { pid, baseUrl, exited, logTail, stop, kill: (signal) => killGroup(pid, signal) };
}
