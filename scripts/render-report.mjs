// Renders the period report of a realistic, seeded sample week and screenshots it with headless
// Chromium (Debian's package, installed by scripts/ensure-chromium.sh when missing):
//   docs/images/continuity-report.png   the picture shown in the README
//   docs/images/continuity-report.html  the same e-mail, to open in a browser or a mail client
// The report code is bundled from the TypeScript sources, so no build is needed first.
// Usage: npm run render-report   (or: node scripts/render-report.mjs [--out <dir>])
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'docs/images');
const work = mkdtempSync(join(tmpdir(), 'continuity-report-'));

try {
	const bundle = join(work, 'report.cjs');
	await build({
		stdin: {
			contents:
				"export { periodReport } from './core/scorecard/report'; export { sampleWeek, SAMPLE_WEEK } from './core/scorecard/test/sampleWeek';",
			resolveDir: root,
			loader: 'ts',
		},
		bundle: true,
		platform: 'node',
		format: 'cjs',
		outfile: bundle,
		logLevel: 'warning',
	});
	const { periodReport, sampleWeek, SAMPLE_WEEK } = createRequire(import.meta.url)(bundle);
	const report = periodReport(sampleWeek(), {
		...SAMPLE_WEEK,
		title: 'Weekly inquiry continuity',
		businessName: 'Acme Plumbing',
	});

	mkdirSync(outDir, { recursive: true });
	const htmlPath = join(outDir, 'continuity-report.html');
	writeFileSync(htmlPath, report.html);

	const chromium = execFileSync('bash', [join(root, 'scripts/ensure-chromium.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
	const { chromium: browserType } = createRequire(import.meta.url)('playwright-core');
	const browser = await browserType.launch({
		executablePath: chromium,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
	const problems = [];
	try {
		const page = await browser.newPage({
			viewport: { width: 720, height: 900 },
			deviceScaleFactor: 2,
		});
		page.on(
			'console',
			(message) =>
				['error', 'warning'].includes(message.type()) &&
				problems.push(`console ${message.type()}: ${message.text()}`),
		);
		page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		page.on('request', (request) => problems.push(`external request: ${request.url()}`));
		await page.setContent(report.html, { waitUntil: 'load' });
		await page.screenshot({ path: join(outDir, 'continuity-report.png'), fullPage: true });
	} finally {
		await browser.close();
	}
	if (problems.length) {
		console.error(`The report did not render cleanly:\n${problems.join('\n')}`);
		process.exitCode = 1;
	} else {
		console.log(
			`${report.text}\nWrote ${join(outDir, 'continuity-report.png')} and continuity-report.html`,
		);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
