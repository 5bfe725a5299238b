// Builds the publishable package into dist/: tsc for our code, esbuild for the one vendored
// library (libphonenumber-js), and the icons and codex files n8n reads beside each node.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
	cwd: root,
	stdio: 'inherit',
});

// Replace tsc's thin re-export with a self-contained bundle: the published package must not
// require libphonenumber-js at runtime (n8n provides only n8n-workflow, zod, luxon, lodash, crypto).
await build({
	entryPoints: [join(root, 'core/vendor/libphonenumber.ts')],
	outfile: join(dist, 'core/vendor/libphonenumber.js'),
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	minify: true,
	legalComments: 'eof',
	logLevel: 'warning',
});

const ASSETS = /\.(svg|png|node\.json)$/;
function copyAssets(dir) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (name !== 'test' && name !== 'node_modules') copyAssets(path);
		} else if (ASSETS.test(name)) {
			const target = join(dist, relative(root, path));
			mkdirSync(dirname(target), { recursive: true });
			cpSync(path, target);
		}
	}
}
copyAssets(join(root, 'nodes'));
copyAssets(join(root, 'credentials'));
console.log('Built dist/');
