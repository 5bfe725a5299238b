import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { PACKAGE_NAME } from './paths';
import type { N8nRuntime } from './runtime';

/** Where n8n looks for community packages: <N8N_USER_FOLDER>/.n8n/nodes/node_modules. */
export function communityNodesFolder(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}

const INSTALLED_MARKER = '.inquiry-continuity-tarball';

/**
 * Installs the packed tarball as a community package, the way n8n's own installer lays it out
 * (peer n8n-workflow comes from the host). Skipped when this exact tarball is already installed.
 * The tarball is copied beside package.json first, so the `file:` dependency npm records stays
 * valid for n8n's own installer later. Returns whether it installed anything.
 */
export function installPack(userFolder: string, tarball: string, runtime: N8nRuntime): boolean {
	const folder = preparedNodesFolder(userFolder);
	const marker = join(folder, INSTALLED_MARKER);
	const wanted = `${basename(dirname(tarball))}/${basename(tarball)}`;
	if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return false;
	const localCopy = join(folder, `${PACKAGE_NAME}.tgz`);
	copyFileSync(tarball, localCopy);
	npmInstall(folder, runtime, [`./${PACKAGE_NAME}.tgz`]);
	writeFileSync(marker, wanted);
	return true;
}

/**
 * Installs this package by name and version from an npm registry, as n8n's manual-install
 * instructions do on each queue-mode worker (`cd ~/.n8n/nodes && npm install <package>`).
 */
export function installPackFromRegistry(
	userFolder: string,
	registryUrl: string,
	version: string,
	runtime: N8nRuntime,
): void {
	npmInstall(preparedNodesFolder(userFolder), runtime, [
		`${PACKAGE_NAME}@${version}`,
		`--registry=${registryUrl}`,
	]);
}

function preparedNodesFolder(userFolder: string): string {
	const folder = communityNodesFolder(userFolder);
	mkdirSync(folder, { recursive: true });
	if (!existsSync(join(folder, 'package.json')))
		writeFileSync(
			join(folder, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }, null, 2),
		);
	return folder;
}

function npmInstall(folder: string, runtime: N8nRuntime, what: string[]): void {
	// --legacy-peer-deps: the peer (n8n-workflow "*") is the host's, so npm need not resolve it
	// from the registry (7 s → under 1 s, and no network).
	execFileSync(
		'npm',
		[
			'install',
			...what,
			'--omit=peer',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{
			cwd: folder,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, PATH: `${dirname(runtime.node)}:${process.env.PATH ?? ''}` },
		},
	);
}
