import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { Editor, launchChromium } from './browser/editor';
import type { N8nInstance, RegistryService } from './harness';
import { PACKAGE_NAME, packedTarball, startN8n, startRegistry } from './harness';

/**
 * Settings → Community Nodes → Install, in a real browser, on a fresh n8n 2.41.1 pointed at a
 * local npm registry (Verdaccio on 127.0.0.1) that serves this package's packed tarball.
 *
 * n8n 2.41.1 installs community packages only from registry.npmjs.org unless its licence has the
 * custom-registry feature (CommunityPackagesService.getNpmRegistry → FeatureNotLicensedError), and
 * this package is not on the public registry from here. So the install ends in n8n's licence
 * message, and this suite pins exactly that: the day n8n lets an unlicensed instance use another
 * registry, it fails, and the install can be carried through to running a template
 * (docs/queue-mode.md, "Installing the package on every process").
 */
jest.setTimeout(180_000);
const LICENCE_MESSAGE = /Your license does not allow for feat:communityNodes:customRegistry/;

let registry: RegistryService;
let n8n: N8nInstance;
let browser: Browser;
let editor: Editor;
const shots = mkdtempSync(join(tmpdir(), 'inquiry-community-install-'));

beforeAll(async () => {
	registry = await startRegistry(packedTarball());
	n8n = await startN8n({
		version: '2.41.1',
		label: 'community-install',
		installPack: false,
		env: { N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url },
	});
	browser = await launchChromium();
	editor = await Editor.open(browser, n8n.baseUrl);
}, 20 * 60_000);

afterAll(async () => {
	await editor?.close();
	await browser?.close();
	await n8n?.stop();
	await registry?.stop();
	process.stdout.write(`Community install screenshots: ${shots}\n`);
});

test('the local registry serves the packed package by name', async () => {
	const manifest = (await (await fetch(`${registry.url}${PACKAGE_NAME}`)).json()) as {
		'dist-tags'?: { latest?: string };
	};
	expect(manifest['dist-tags']?.latest).toMatch(/^\d+\.\d+\.\d+/);
});

test('Settings → Community Nodes → Install from the local registry ends in n8n 2.41.1’s licence message, and nothing is installed', async () => {
	await editor.signIn(n8n.owner);
	const page = editor.page;
	await page.goto(`${n8n.baseUrl}/settings/community-nodes`);
	await page
		.getByRole('button', { name: /install/i })
		.first()
		.click();
	await editor.screenshot(join(shots, 'install-dialog.png'));
	await page
		.locator('input[data-test-id="package-name-input"], [data-test-id="package-name-input"] input')
		.fill(PACKAGE_NAME);
	await page.getByTestId('user-agreement-checkbox').click();
	const answer = page.waitForResponse(
		(response) =>
			response.url().endsWith('/rest/community-packages') && response.request().method() === 'POST',
	);
	await page.getByTestId('install-community-package-button').click();
	const response = await answer;
	const body = await response.text();
	// The editor shows the same words in its "Error installing new package" notice.
	await page.getByText(LICENCE_MESSAGE).first().waitFor();
	await editor.screenshot(join(shots, 'install-from-local-registry.png'));

	expect([response.status(), LICENCE_MESSAGE.test(body)]).toEqual([500, true]);
	expect(await n8n.rest<unknown[]>('GET', '/community-packages')).toEqual([]);
});
