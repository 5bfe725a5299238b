// `npm run screenshots [-- --loop]`: regenerates the editor pictures in docs/images/ and
// workflows-templates/images/ from a real n8n (see test/e2e/browser/screenshots.ts). The code is
// TypeScript shared with the browser e2e test; esbuild (a dev dependency) bundles it first.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'test/e2e/.runs/screenshots.cjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({
	entryPoints: [join(root, 'test/e2e/browser/screenshots.ts')],
	outfile: bundle,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node24',
	packages: 'external',
	logLevel: 'warning',
});

const { takeScreenshots } = createRequire(import.meta.url)(bundle);
try {
	const written = await takeScreenshots({ loopOnly: process.argv.includes('--loop') });
	console.log(`Wrote ${written.length} pictures`);
} catch (error) {
	console.error(`\nnpm run screenshots failed: ${error.message}`);
	process.exitCode = 1;
}
