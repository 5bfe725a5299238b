// The packed-package checks, as pure-ish functions over an unpacked package directory, so a
// test can prove each one fails on purpose (see test/unit/package-check.test.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = join(here, '../..');
const requireFromCli = createRequire(join(PROJECT_ROOT, 'node_modules/@n8n/node-cli/package.json'));

/** The modules an n8n host provides to community packages at runtime. */
export const HOST_MODULES = ['n8n-workflow', 'zod', 'luxon', 'lodash'];

/** Manifest rules of n8n's verified-community-node programme. */
export function checkManifest(pkg) {
	const problems = [];
	if (
		!/^n8n-nodes-[a-z0-9-]+$/.test(pkg.name ?? '') &&
		!/^@[a-z0-9-]+\/n8n-nodes-[a-z0-9-]+$/.test(pkg.name ?? '')
	)
		problems.push(`package name "${pkg.name}" must start with n8n-nodes-`);
	if (!(pkg.keywords ?? []).includes('n8n-community-node-package'))
		problems.push('keywords must include n8n-community-node-package');
	if (pkg.license !== 'MIT') problems.push('license must be MIT');
	if (!pkg.author?.name || !pkg.author?.email) problems.push('author needs a name and an email');
	if (!Array.isArray(pkg.files) || pkg.files.length === 0)
		problems.push('a "files" array is required');
	if (pkg.dependencies && Object.keys(pkg.dependencies).length)
		problems.push(
			`runtime dependencies are not allowed: ${Object.keys(pkg.dependencies).join(', ')}`,
		);
	const peers = pkg.peerDependencies ?? {};
	if (Object.keys(peers).length !== 1 || peers['n8n-workflow'] !== '*')
		problems.push('peerDependencies must be exactly {"n8n-workflow": "*"}');
	if (pkg.n8n?.n8nNodesApiVersion !== 1) problems.push('n8n.n8nNodesApiVersion must be 1');
	if (pkg.n8n?.strict !== true) problems.push('n8n.strict must be true');
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
		if (!file.startsWith('dist/')) problems.push(`${file} must live under dist/`);
	}
	if (!(pkg.n8n?.nodes ?? []).length) problems.push('n8n.nodes lists no node');
	for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
		if (pkg.scripts?.[script])
			problems.push(`lifecycle script "${script}" runs on users' machines; remove it`);
	}
	return problems;
}

/** The files npm always packs besides the "files" list; the tarball holds these and dist/, nothing else. */
export const TOP_LEVEL_FILES = ['package.json', 'README.md', 'LICENSE'];

/**
 * What the tarball may hold: exactly dist/ plus package.json, README.md and LICENSE, with every
 * node and credential file package.json's n8n field names, and each node's codex beside it.
 */
export function checkContents(files, pkg) {
	const problems = [];
	const has = new Set(files);
	for (const file of TOP_LEVEL_FILES)
		if (!has.has(file)) problems.push(`missing from the tarball: ${file}`);
	for (const file of files)
		if (!file.startsWith('dist/') && !TOP_LEVEL_FILES.includes(file))
			problems.push(`unexpected file in the tarball: ${file}`);
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])])
		if (!has.has(file))
			problems.push(`missing from the tarball: ${file} (named in package.json's n8n field)`);
	for (const file of pkg.n8n?.nodes ?? []) {
		const codex = file.replace(/\.js$/, '.json');
		if (!has.has(codex))
			problems.push(
				`missing from the tarball: ${codex} (the node's codex: categories, aliases, docs link)`,
			);
	}
	return problems;
}

/** Loads every node and credential with only the host's modules resolvable. */
export function checkLoads(packageDir) {
	const hostPaths = [join(PROJECT_ROOT, 'node_modules')];
	const result = spawnSync(
		process.execPath,
		['--require', join(here, 'restrict-requires.cjs'), join(here, 'load-package.cjs')],
		{
			env: {
				PATH: process.env.PATH,
				PACKAGE_DIR: packageDir,
				HOST_MODULE_PATHS: hostPaths.join(':'),
				NODE_PATH: '',
			},
			encoding: 'utf8',
		},
	);
	if (result.status !== 0)
		return {
			problems: [
				`loading the package failed: ${(result.stderr || result.stdout).trim().split('\n').slice(0, 5).join(' | ')}`,
			],
		};
	const report = JSON.parse(result.stdout);
	return { report, problems: report.errors };
}

/** The scanner-equivalent lint: n8n's community-node rules over the compiled .js and package.json. */
export async function checkLint(packageDir) {
	const { ESLint } = requireFromCli('eslint');
	const { n8nCommunityNodesPlugin } = await import(
		requireFromCli.resolve('@n8n/eslint-plugin-community-nodes')
	);
	const n8nNodesBase = requireFromCli('eslint-plugin-n8n-nodes-base');
	const { parser } = requireFromCli('typescript-eslint');
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: [
			n8nCommunityNodesPlugin.configs.recommended,
			{ rules: { 'no-console': 'error' } },
			{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
			{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
			{ files: ['**/*.json'], languageOptions: { parser } },
		],
	});
	const results = await eslint.lintFiles(['**/*.js', 'package.json']);
	const problems = [];
	for (const file of results) {
		for (const message of file.messages) {
			if (message.severity === 2)
				problems.push(
					`${file.filePath.slice(packageDir.length + 1)}:${message.line} ${message.ruleId ?? 'parse'}: ${message.message}`,
				);
		}
	}
	return { problems, filesLinted: results.length };
}
