import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'fs';
import { join, relative } from 'path';
import { PROJECT_ROOT, RUNS_DIR } from './paths';

/** What `scripts/build.mjs` turns into dist/: when any is newer than dist/, dist/ is stale. */
const BUILD_INPUTS = [
	'core',
	'nodes',
	'credentials',
	'package.json',
	'tsconfig.build.json',
	'scripts/build.mjs',
];
const SKIPPED = /(^|\/)(test|__tests__|node_modules)(\/|$)|\.test\.ts$/;

function filesBelow(path: string): string[] {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => {
			const child = join(path, name);
			return SKIPPED.test(relative(PROJECT_ROOT, child)) ? [] : filesBelow(child);
		});
}

function newestChange(files: string[]): number {
	return files.reduce((newest, file) => Math.max(newest, statSync(file).mtimeMs), 0);
}

function oldestChange(files: string[]): number {
	return files.reduce((oldest, file) => Math.min(oldest, statSync(file).mtimeMs), Infinity);
}

/** Builds dist/ unless it is already newer than every file it is built from. */
export function ensureBuilt(): void {
	const dist = filesBelow(join(PROJECT_ROOT, 'dist'));
	const inputs = BUILD_INPUTS.flatMap((path) => filesBelow(join(PROJECT_ROOT, path)));
	if (dist.length > 0 && oldestChange(dist) >= newestChange(inputs)) return;
	const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/build.mjs')], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
	});
	if (build.status !== 0)
		throw new Error(`Building dist/ failed (scripts/build.mjs):\n${build.stdout}${build.stderr}`);
}

/** A hash of what `npm pack` would put in the tarball: dist/ plus the package manifest. */
export function packContentHash(): string {
	const hash = createHash('sha256');
	for (const file of [
		...filesBelow(join(PROJECT_ROOT, 'dist')),
		join(PROJECT_ROOT, 'package.json'),
	]) {
		hash.update(relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
	}
	return hash.digest('hex').slice(0, 16);
}

/**
 * The package as `npm pack` publishes it, built when sources changed and packed once per content
 * hash (so every suite in a run, and `npm start`, share one tarball). Returns the .tgz path.
 */
export function packedTarball(): string {
	ensureBuilt();
	const folder = join(RUNS_DIR, `pack-${packContentHash()}`);
	const existing = existsSync(folder)
		? readdirSync(folder).find((name) => name.endsWith('.tgz'))
		: undefined;
	if (existing) return join(folder, existing);

	const staging = `${folder}.partial-${process.pid}`;
	mkdirSync(staging, { recursive: true });
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', staging], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	) as Array<{ filename: string }>;
	rmSync(folder, { recursive: true, force: true });
	renameSync(staging, folder);
	for (const name of readdirSync(RUNS_DIR)) {
		if (name.startsWith('pack-') && join(RUNS_DIR, name) !== folder && !name.includes('.partial-'))
			rmSync(join(RUNS_DIR, name), { recursive: true, force: true });
	}
	return join(folder, packed[0].filename);
}
