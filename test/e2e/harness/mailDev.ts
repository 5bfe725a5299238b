import { spawn } from 'child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'fs';
import { join } from 'path';
import { PROJECT_ROOT } from './paths';
import { freePort, startReaper } from './process';

/**
 * MailDev (npm `maildev`, a dev dependency): a real SMTP server with a web inbox and a REST API,
 * on 127.0.0.1 only. n8n's Send Email node delivers to it; tests read the messages back through
 * its API (GET /api/email), and people read them in the browser at `webUrl`.
 */
const MAILDEV_BIN = join(PROJECT_ROOT, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');

export interface MailMessage {
	id: string;
	subject: string;
	from: Array<{ address: string; name: string }>;
	to: Array<{ address: string; name: string }>;
	text?: string;
	html?: string;
	time: string;
}

export interface MailDevOptions {
	/** The Node binary to run it with (MailDev 3 needs Node 20+). */
	node: string;
	/** Where it keeps the received messages (one .eml each) and its log. */
	folder: string;
	smtpPort?: number;
	webPort?: number;
	/** Whether `folder` is scratch, deleted by the reaper if this process dies without stopping MailDev. */
	scratchFolder?: boolean;
}

export interface MailDev {
	pid: number;
	smtpPort: number;
	webPort: number;
	/** The web inbox, e.g. http://127.0.0.1:1080/. */
	webUrl: string;
	exited: Promise<number | null>;
	messages(): Promise<MailMessage[]>;
	/** The first message `match` accepts, waiting for it to arrive. */
	waitForMessage(
		match: (message: MailMessage) => boolean,
		timeoutMs?: number,
	): Promise<MailMessage>;
	logTail(lines?: number): string;
	stop(): Promise<void>;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export async function startMailDev(options: MailDevOptions): Promise<MailDev> {
	const smtpPort = options.smtpPort ?? (await freePort());
	let webPort = options.webPort ?? (await freePort());
	while (webPort === smtpPort) webPort = await freePort();
	const mailFolder = join(options.folder, 'mail');
	mkdirSync(mailFolder, { recursive: true });
	const logFile = join(options.folder, 'maildev.log');
	const logFd = openSync(logFile, 'a');
	const args = [
		MAILDEV_BIN,
		'--smtp',
		String(smtpPort),
		'--ip',
		'127.0.0.1',
		'--web',
		String(webPort),
		'--web-ip',
		'127.0.0.1',
		'--mail-directory',
		mailFolder,
	];
	const child = spawn(options.node, args, { detached: true, stdio: ['ignore', logFd, logFd] });
	closeSync(logFd);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`Could not start MailDev with ${options.node}`);
	startReaper(options.node, pid, options.scratchFolder ? options.folder : '');
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code)),
	);
	const api = `http://127.0.0.1:${webPort}/api`;
	const logTail = (lines = 30) =>
		readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');

	let stopped: Promise<void> | undefined;
	const stop = async () => {
		stopped ??= (async () => {
			try {
				process.kill(-pid, 'SIGTERM');
			} catch {
				return;
			}
			const gone = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
			if (!gone) {
				try {
					process.kill(-pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
				await exited;
			}
		})();
		await stopped;
	};

	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`MailDev exited (${child.exitCode}) before it was ready.\n${logTail()}`);
		const ready = await fetch(`${api}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
			(response) => response.ok,
			() => false,
		);
		if (ready) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`MailDev was not ready after 30 s.\n${logTail()}`);
		}
		await sleep(150);
	}

	const messages = async () => {
		const response = await fetch(`${api}/email`, { signal: AbortSignal.timeout(5000) });
		if (!response.ok) throw new Error(`MailDev GET /api/email answered ${response.status}`);
		return (await response.json()) as MailMessage[];
	};
	const waitForMessage = async (match: (message: MailMessage) => boolean, timeoutMs = 15_000) => {
		const until = Date.now() + timeoutMs;
		for (;;) {
			const found = (await messages()).find(match);
			if (found) return found;
			if (Date.now() > until)
				throw new Error(`No matching message in MailDev after ${timeoutMs} ms`);
			await sleep(150);
		}
	};
	return {
		pid,
		smtpPort,
		webPort,
		webUrl: `http://127.0.0.1:${webPort}/`,
		exited,
		messages,
		waitForMessage,
		logTail,
		stop,
	};
}

/** n8n's SMTP credential data for a MailDev on this machine: no TLS, no login. */
export function mailDevSmtpCredential(mailDev: Pick<MailDev, 'smtpPort'>): Record<string, unknown> {
	return {
		host: '127.0.0.1',
		port: mailDev.smtpPort,
		secure: false,
		disableStartTls: true,
		user: '',
		password: '',
		hostName: '',
	};
}
