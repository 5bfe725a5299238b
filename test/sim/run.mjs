// `npm run sim [-- --quick] [--picture]`: bundles the simulator (TypeScript, shared with its tests) with
// esbuild, then runs it. The traffic sender is bundled apart: drive.ts forks it as a second process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '../..');
// SIM_OUT keeps a run's bundles and results apart (two runs at once would overwrite each other's).
const out = process.env.SIM_OUT ?? join(root, 'test/e2e/.runs/sim');
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

rmSync(join(out, 'day-report.html'), { force: true });
const result = spawnSync(process.execPath, [join(out, 'main.cjs'), ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, PROJECT_ROOT: root, SIM_OUT: out },
});
// --picture: the day's continuity report as a PNG for the README (Debian's Chromium, headless).
if (process.argv.includes('--picture') && existsSync(join(out, 'day-report.html'))) {
	const picture = join(root, 'docs/images/simulated-day-report.png');
	const chromium = execFileSync('bash', [join(root, 'scripts/ensure-chromium.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
	const { chromium: browserType } = createRequire(import.meta.url)('playwright-core');
	const browser = await browserType.launch({
		executablePath: chromium,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
	});
	try {
		const page = await browser.newPage({
			viewport: { width: 720, height: 900 },
			deviceScaleFactor: 2,
		});
		await page.setContent(readFileSync(join(out, 'day-report.html'), 'utf8'), {
			waitUntil: 'load',
		});
		await page.screenshot({ path: picture, fullPage: true });
	} finally {
		await browser.close();
	}
	console.log(`Wrote ${picture}`);
}
process.exit(result.status ?? 1);
