import { mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import type { PackageNode } from './browser/editor';
import {
	createScratchWorkflow,
	declaredNodeTypes,
	Editor,
	launchChromium,
	packageNodes,
} from './browser/editor';
import type { N8nInstance, TemplateSetup, WorkflowDefinition } from './harness';
import { PACKAGE_NAME, setUpTemplates, startN8n } from './harness';

/**
 * The pack as a user meets it in a real browser: headless Chromium against a fresh n8n 2.41.1
 * with the packed package and every template installed. Signs in as the owner, finds each node in
 * the nodes panel by name and by the words people search for, opens each node's parameter panel,
 * and opens every template on the canvas. Each step is photographed into a temp folder (printed
 * at the end) or EDITOR_SCREENSHOTS_DIR; `npm run screenshots` takes the README pictures the same
 * way.
 */
const START_TIMEOUT_MS = 25 * 60_000;
jest.setTimeout(180_000);

/** Searches people make (named in the issue that asked for the pack), and the node each must find. */
const PEOPLE_SEARCH: Array<[query: string, node: string]> = [
	['lead', 'Normalize Inquiry'],
	['missed call', 'Normalize Inquiry'],
	['phone format', 'Normalize Inquiry'],
	['dedupe', 'Normalize Inquiry'],
	['follow up question', 'Check Inquiry Context'],
	['round robin', 'Assign Inquiry Owner'],
	['SLA', 'Assign Inquiry Owner'],
	['SLA', 'Verify Inquiry Handoff'],
	['read back', 'Verify Inquiry Handoff'],
	['weekly report', 'Inquiry Continuity Scorecard'],
	['leak', 'Inquiry Continuity Scorecard'],
];

let n8n: N8nInstance;
let setup: TemplateSetup;
let nodes: PackageNode[];
let browser: Browser;
let editor: Editor;
/** CI sets EDITOR_SCREENSHOTS_DIR to keep the pictures as an artifact; otherwise a temp folder. */
const shots =
	process.env.EDITOR_SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'inquiry-editor-shots-'));
mkdirSync(shots, { recursive: true });
const shot = (name: string) => join(shots, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);

beforeAll(async () => {
	n8n = await startN8n({ version: '2.41.1', label: 'browser' });
	const name = 'Inquiry Webhook Secret (browser e2e)';
	const id = await n8n.createCredential('inquiryWebhookSecretApi', name, {
		secret: 'browser-e2e-secret',
		publicUrl: '',
	});
	setup = await setUpTemplates(n8n, undefined, { inquiryWebhookSecretApi: { id, name } });
	nodes = await packageNodes(n8n);
	browser = await launchChromium();
	editor = await Editor.open(browser, n8n.baseUrl);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await editor?.close();
	await browser?.close();
	await n8n?.stop();
	process.stdout.write(`Editor screenshots: ${shots}\n`);
});

test('n8n loaded every node package.json declares', () => {
	expect(nodes.map((node) => node.type)).toEqual(declaredNodeTypes());
	expect(nodes).toHaveLength(6);
});

test('the owner signs in through the sign-in page and lands on the workflows overview', async () => {
	const landed = await editor.signIn(n8n.owner);
	await editor.screenshot(shot('signed-in'));

	expect(landed).toBe('/home/workflows');
});

describe('the nodes panel', () => {
	beforeAll(async () => {
		await editor.openWorkflow(await createScratchWorkflow(n8n, 'Browser test: nodes panel'));
		await editor.openNodesPanel();
	});

	test('finds each node by its name', async () => {
		for (const node of nodes) {
			const listed = await editor.search(node.displayName, node.displayName);
			await editor.screenshot(shot(`search ${node.displayName}`));
			expect({ query: node.displayName, listed }).toEqual({
				query: node.displayName,
				listed: expect.arrayContaining([node.displayName]),
			});
		}
	});

	test.each(PEOPLE_SEARCH)('a search for "%s" lists %s', async (query, displayName) => {
		const listed = await editor.search(query, displayName);
		await editor.screenshot(shot(`search ${query} ${displayName}`));

		expect(listed).toContain(displayName);
	});

	test('lists none of the pack’s nodes for an unrelated word (the control case)', async () => {
		const listed = await editor.search('spreadsheet', 'Google Sheets');

		expect(listed).toContain('Google Sheets');
		expect(listed.filter((name) => nodes.some((node) => node.displayName === name))).toEqual([]);
	});

	test('finds each node by every alias in its codex', async () => {
		const missed: string[] = [];
		for (const node of nodes) {
			expect({ node: node.displayName, aliases: node.alias.length > 0 }).toEqual({
				node: node.displayName,
				aliases: true,
			});
			for (const alias of node.alias) {
				const listed = await editor.search(alias, node.displayName);
				if (!listed.includes(node.displayName))
					missed.push(
						`"${alias}" → ${node.displayName} (listed: ${listed.slice(0, 8).join(', ')})`,
					);
			}
		}
		expect(missed).toEqual([]);
	});
});

describe('each node’s parameter panel', () => {
	beforeAll(async () => {
		await editor.openWorkflow(await createScratchWorkflow(n8n, 'Browser test: parameter panels'));
	});

	test('opens from the nodes panel with its parameters and its documentation link', async () => {
		for (const node of nodes) {
			await editor.openNodesPanel();
			await editor.search(node.displayName, node.displayName);
			await editor.addNodeFromResults(node.displayName);
			const panel = await editor.parameterPanel();
			await editor.screenshot(
				shot(`parameters ${node.displayName}`),
				editor.page.getByTestId('ndv'),
			);

			expect(panel.title).toBe(node.displayName);
			expect(panel.parameters.length).toBeGreaterThan(0);
			expect(node.docsUrl).toMatch(/^https:\/\/github\.com\/.+\/docs\/nodes\/[a-z-]+\.md$/);
			expect(panel.docsUrl?.split('?')[0]).toBe(node.docsUrl);
			await editor.closeParameterPanel();
		}
	});
});

describe('the templates on the canvas', () => {
	test('every template was imported', () => {
		expect(
			setup.templates
				.filter((template) => !template.id)
				.map((template) => `${template.file}: ${template.note}`),
		).toEqual([]);
		expect(setup.templates.length).toBeGreaterThan(0);
	});

	test('each opens with every node and note drawn, and this pack’s icons loaded', async () => {
		for (const template of setup.templates) {
			// As n8n stored it at import (the file may have changed since).
			const workflow = await n8n.api<WorkflowDefinition>('GET', `/workflows/${template.id}`);
			await editor.openWorkflow(template.id);
			const drawn = await editor.canvasNodes();
			await editor.screenshot(shot(`template ${template.file}`));

			const isNote = (type: string) => type === 'n8n-nodes-base.stickyNote';
			const expected = workflow.nodes
				.filter((node) => !isNote(node.type))
				.map(({ name, type }) => ({ name, type }));
			const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
			expect({ template: template.file, nodes: drawn.sort(byName) }).toEqual({
				template: template.file,
				nodes: expected.sort(byName),
			});
			expect(await editor.stickyNoteCount()).toBe(
				workflow.nodes.filter((node) => isNote(node.type)).length,
			);

			const ourTypes = new Set(
				expected.map((node) => node.type).filter((type) => type.startsWith(`${PACKAGE_NAME}.`)),
			);
			// The Outbox (00c) is built from n8n's own nodes only; every other template uses ours.
			expect(ourTypes.size > 0).toBe(!template.file.startsWith('00c-'));
			for (const type of ourTypes) {
				const icons = await editor.canvasIcons(type);
				expect({ type, icons }).toEqual({
					type,
					icons: expect.arrayContaining([
						{
							src: expect.stringMatching(
								/\/icons\/n8n-nodes-inquiry-continuity\/dist\/nodes\/.+\.svg$/,
							),
							loaded: true,
						},
					]),
				});
				expect(icons.every((icon) => icon.loaded)).toBe(true);
			}
		}
	});
});
