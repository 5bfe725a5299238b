import { execFileSync } from 'child_process';
import { join } from 'path';
import { PROJECT_ROOT } from './paths';

export const N8N_VERSIONS = ['2.41.1', '1.123.81'] as const;
export type N8nVersion = (typeof N8N_VERSIONS)[number];

export interface N8nRuntime {
	version: N8nVersion;
	/** The cached install folder (outside the source tree). */
	dir: string;
	/** The node binary this n8n runs on: Node 24 for 2.x, Node 20 for 1.x. */
	node: string;
	/** n8n's CLI entry, run as `node <bin> start`. */
	bin: string;
}

const INSTALL_TIMEOUT_MS = 20 * 60_000;

/**
 * The cached n8n runtime, installed by scripts/n8n-runtime.sh on first use (minutes, cold) and
 * reused afterwards (instant). The shell script is the one recipe `npm start` uses too.
 */
export function ensureRuntime(version: N8nVersion = '2.41.1'): N8nRuntime {
	const stdout = execFileSync(
		'bash',
		[join(PROJECT_ROOT, 'scripts/n8n-runtime.sh'), version, '--json'],
		{
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
			timeout: INSTALL_TIMEOUT_MS,
		},
	);
	const lines = stdout.trim().split('\n');
	return JSON.parse(lines[lines.length - 1]) as N8nRuntime;
}
