import { execFileSync } from 'child_process';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { externalReferences } from '../../../core/scorecard/test/externalReferences';
import { SAMPLE_WEEK, sampleWeek } from '../../../core/scorecard/test/sampleWeek';
import { manualTriggerWorkflow, runWorkflow } from '../../../test/harness';
import { realClockEnv } from '../../../test/harness/realClockEnv';

/**
 * The e-mailed report, as Summarize Period produces it for a realistic week, rendered in headless
 * Chromium (Debian's package, installed by scripts/ensure-chromium.sh): it must load nothing from
 * outside, run nothing, and log no console errors or warnings.
 */

const ROOT = join(__dirname, '../../..');
let browser: Browser;

beforeAll(async () => {
	const executablePath = execFileSync('bash', [join(ROOT, 'scripts/ensure-chromium.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	}).trim();
	browser = await chromium.launch({
		executablePath,
		env: realClockEnv(),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
}, 600_000);

afterAll(async () => {
	await browser?.close();
});

/** Renders HTML and returns every console error or warning, page error and network request it caused. */
async function render(html: string) {
	const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning')
			problems.push(`console ${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('request', (request) => problems.push(`request: ${request.url()}`));
	await page.setContent(html, { waitUntil: 'load' });
	const charts = await page.$$eval('svg', (svgs) =>
		svgs.map((svg) => [
			Math.round(svg.getBoundingClientRect().width),
			Math.round(svg.getBoundingClientRect().height),
		]),
	);
	const text = await page.locator('body').innerText();
	await page.close();
	return { problems, charts, text };
}

describe('the period report in a real browser', () => {
	it('renders the report of a realistic week with no external requests and no console errors', async () => {
		const items = sampleWeek() as unknown as IDataObject[];
		const workflow = manualTriggerWorkflow(items, [
			{
				name: 'Weekly Report',
				type: 'n8n-nodes-inquiry-continuity.inquiryContinuityScorecard',
				parameters: {
					operation: 'summarizePeriod',
					periodStart: '2026-05-04',
					periodEnd: '2026-05-11',
					reportTimezone: SAMPLE_WEEK.timezone,
					reportTitle: 'Weekly inquiry continuity',
					businessName: 'Acme Plumbing',
				},
			},
		]);
		const result = await runWorkflow(workflow, { now: SAMPLE_WEEK.now });
		expect(result.error).toBeUndefined();
		const html = result.output('Weekly Report')[0].html as string;

		expect(externalReferences(html)).toEqual([]);
		const { problems, charts, text } = await render(html);
		expect(problems).toEqual([]);
		expect(charts).toHaveLength(3);
		for (const [width, height] of charts) {
			expect(width).toBe(592);
			expect(height).toBeGreaterThan(60);
		}
		expect(text).toContain('Weekly inquiry continuity');
		expect(text).toContain('Acme Plumbing · 4–10 May 2026');
		expect(text).toContain('160');
	}, 60_000);

	it('would catch an external image and a console error (the probe itself can fail)', async () => {
		const { problems } = await render(
			'<html><body><img src="https://example.invalid/x.png"><script>console.error("boom")</script></body></html>',
		);
		expect(problems).toEqual(
			expect.arrayContaining(['request: https://example.invalid/x.png', 'console error: boom']),
		);
	}, 60_000);
});
