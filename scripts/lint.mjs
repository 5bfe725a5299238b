// `n8n-node lint` (strict mode, the template's eslint.config.mjs unchanged) over exactly what the
// package ships: package.json plus the non-test sources of core/, nodes/ and credentials/.
// Tests and dev scripts use Node APIs (fs, process) that the community-node rules rightly forbid
// in shipped code, so they are linted by TypeScript and the test run instead.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stage = mkdtempSync(join(tmpdir(), 'inquiry-lint-'));
const shipped = (path) => !/(^|\/)(test|__tests__)(\/|$)|\.test\.ts$/.test(path);

try {
	for (const file of ['package.json', 'eslint.config.mjs', 'tsconfig.json', '.prettierrc.js'])
		cpSync(join(root, file), join(stage, file));
	for (const folder of ['core', 'nodes', 'credentials']) {
		cpSync(join(root, folder), join(stage, folder), {
			recursive: true,
			filter: (src) => shipped(src.slice(root.length + 1)),
		});
	}
	symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
	const count = (dir) =>
		readdirSync(dir).reduce(
			(n, name) =>
				n +
				(statSync(join(dir, name)).isDirectory()
					? count(join(dir, name))
					: name.endsWith('.ts')
						? 1
						: 0),
			0,
		);
	console.log(
		`n8n-node lint over ${['core', 'nodes', 'credentials'].map((f) => `${count(join(stage, f))} ${f}`).join(', ')} source files + package.json`,
	);
	const run = spawnSync(join(root, 'node_modules/.bin/n8n-node'), ['lint'], {
		cwd: stage,
		stdio: 'inherit',
		env: { ...process.env, CI: 'true' },
	});
	// Every source file, shipped or not, in the one format .prettierrc.js sets (`npx prettier --write .` fixes it).
	console.log(
		'prettier --check (every TypeScript and script source; .prettierignore lists what is generated)',
	);
	const format = spawnSync(
		join(root, 'node_modules/.bin/prettier'),
		['--check', '--log-level', 'warn', '.'],
		{ cwd: root, stdio: 'inherit' },
	);
	process.exitCode = run.status || format.status || 0;
} finally {
	rmSync(stage, { recursive: true, force: true });
}
