import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { declaredNodeTypes, Editor, launchChromium } from './browser/editor';
import type { N8nInstance, RegistryInterception, RegistryService } from './harness';
import {
	dataTableRows,
	dataTablesNeeded,
	declaredTables,
	ensureDataTables,
	importTemplates,
	interceptPublicRegistry,
	loadTemplates,
	PACKAGE_NAME,
	packedTarball,
	PROJECT_ROOT,
	startN8n,
	startRegistry,
	webhookEndpoints,
} from './harness';

/**
 * Settings → Community Nodes → Install, in a real browser, on a fresh n8n 2.41.1 with nothing
 * installed, then a template run with the installed pack.
 *
 * n8n 2.41.1 installs community packages only from https://registry.npmjs.org unless its licence
 * has the custom-registry feature (CommunityPackagesService.getNpmRegistry throws
 * FeatureNotLicensedError for N8N_COMMUNITY_PACKAGES_REGISTRY=<anything else>). So n8n keeps its
 * default registry here, and the test answers registry.npmjs.org itself: n8n runs with HTTPS_PROXY
 * at an intercepting proxy the test starts on 127.0.0.1 (harness/registryInterception.ts), which
 * answers CONNECT registry.npmjs.org:443 with a certificate from a throwaway CA (trusted through
 * NODE_EXTRA_CA_CERTS and npm_config_cafile) and forwards each request to a local Verdaccio
 * holding this package's packed tarball. Every other destination is refused (n8n's package-status
 * check at api.n8n.io fails open). What is intercepted is only where the bytes come from: n8n's
 * version check, `npm pack` and `npm install` run unchanged, and a real install reaches the real
 * npm registry the same way (docs/queue-mode.md, "Installing the package on every process").
 */
jest.setTimeout(180_000);
const FORM = 'inquiry-form';
const VERSION = (
	JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		version: string;
	}
).version;

let registry: RegistryService;
let interception: RegistryInterception;
let n8n: N8nInstance;
let browser: Browser;
let editor: Editor;
const shots = mkdtempSync(join(tmpdir(), 'inquiry-community-install-'));

beforeAll(async () => {
	registry = await startRegistry(packedTarball());
	interception = await interceptPublicRegistry(registry.url);
	n8n = await startN8n({
		version: '2.41.1',
		label: 'community-install',
		installPack: false,
		env: interception.env,
	});
	browser = await launchChromium();
	editor = await Editor.open(browser, n8n.baseUrl);
}, 20 * 60_000);

afterAll(async () => {
	await editor?.close();
	await browser?.close();
	await n8n?.stop();
	await interception?.stop();
	await registry?.stop();
	process.stdout.write(`Community install screenshots: ${shots}\n`);
});

test('the local registry serves the packed package by name', async () => {
	const manifest = (await (await fetch(`${registry.url}${PACKAGE_NAME}`)).json()) as {
		'dist-tags'?: { latest?: string };
	};
	expect(manifest['dist-tags']?.latest).toBe(VERSION);
});

test('Settings → Community Nodes → Install fetches the package from registry.npmjs.org (answered locally) and loads its nodes', async () => {
	expect(await n8n.rest<unknown[]>('GET', '/community-packages')).toEqual([]);
	const page = editor.page;
	// Each editor page load fetches some 470 files; on a busy machine one load can pass the
	// editor's 20 s step timeout, so page loads (and only they) get a longer allowance here.
	page.setDefaultNavigationTimeout(90_000);
	await editor.signIn(n8n.owner);
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
		{ timeout: 120_000 },
	);
	await page.getByTestId('install-community-package-button').click();
	const response = await answer;
	const body = await response.text();
	expect({ status: response.status(), body }).toEqual({
		status: 200,
		body: expect.stringContaining(`"packageName":"${PACKAGE_NAME}"`),
	});
	// The dialog closes and the settings page lists the installed package.
	await page.getByTestId('install-community-package-button').waitFor({ state: 'hidden' });
	await page.getByTestId('community-package-card').filter({ hasText: PACKAGE_NAME }).waitFor();
	await editor.screenshot(join(shots, 'installed-from-registry.png'));

	const installed = await n8n.rest<
		Array<{
			packageName: string;
			installedVersion: string;
			installedNodes: Array<{ type: string }>;
		}>
	>('GET', '/community-packages');
	expect(
		installed.map((p) => [
			p.packageName,
			p.installedVersion,
			p.installedNodes.map((n) => n.type).sort(),
		]),
	).toEqual([[PACKAGE_NAME, VERSION, [...declaredNodeTypes()].sort()]]);
	console.log(
		JSON.stringify({
			measured: 'Settings → Community Nodes → Install through the interception',
			served: interception.served,
			refused: interception.refused,
		}),
	);
	// The bytes came through the interception: npm fetched the tarball from "registry.npmjs.org".
	expect(interception.served).toContain(`GET /${PACKAGE_NAME}/-/${PACKAGE_NAME}-${VERSION}.tgz`);
	expect(interception.refused.filter((target) => target.includes('registry.npmjs.org'))).toEqual(
		[],
	);
});

test('the form entry and the hub, imported after the install, run an inquiry to the ledger', async () => {
	// The form entry, the hub it runs and the Outbox the hub hands its messages to (each is linked
	// on import to the workflows it calls).
	const templates = loadTemplates().filter(
		(t) =>
			t.file.startsWith('00-') ||
			t.file.startsWith('00c-') ||
			webhookEndpoints(t.workflow).some((e) => e.path === FORM),
	);
	await ensureDataTables(
		n8n,
		dataTablesNeeded(
			templates.map((t) => t.workflow),
			declaredTables(),
		),
	);
	const published = await importTemplates(n8n, templates);
	expect(published.map((t) => [t.file, t.published, t.note])).toEqual(
		templates.map((t) => [t.file, true, undefined]),
	);
	await n8n.waitForWebhook(FORM);

	const answer = await n8n.postWebhook(FORM, {
		body: {
			name: 'Installed Pack',
			email: 'installed.pack@example.com',
			phone: '(415) 555-2674',
			message: 'A leaking water heater',
			postal_code: '94110',
		},
	});
	const inquiryId = String((answer.json as { inquiryId?: unknown } | undefined)?.inquiryId);
	expect([answer.status, /^inq_/.test(inquiryId)]).toEqual([200, true]);

	const entry = published.find((t) => t.endpoints.some((e) => e.path === FORM))!;
	const [execution] = await n8n.waitForExecutions(entry.id);
	expect(execution.status).toBe('success');
	const ledger = await dataTableRows(n8n, 'inquiry_ledger');
	expect(ledger.filter((row) => row.inquiryId === inquiryId)).toHaveLength(1);
});
