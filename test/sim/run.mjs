// `npm run sim [-- --quick]`: bundles the simulator (TypeScript, shared with its tests) with
// esbuild, then runs it. The traffic sender is bundled apart: drive.ts forks it as a second process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '../..');
const out = join(root, 'test/e2e/.runs/sim');
const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node24',
	logLevel: 'warning',
};
await build({
	...common,
	entryPoints: [join(root, 'test/sim/main.ts')],
	outfile: join(out, 'main.cjs'),
});
await build({
	...common,
	entryPoints: [join(root, 'test/sim/sender.ts')],
	outfile: join(out, 'sender.cjs'),
});

const result = spawnSync(process.execPath, [join(out, 'main.cjs'), ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, PROJECT_ROOT: root },
});
process.exit(result.status ?? 1);
