/**
 * Drives n8n 2.41's editor in headless Chromium (Debian's package, via playwright-core; no browser
 * download). Shared by the browser e2e test and `npm run screenshots`, so the README pictures are
 * taken exactly the way the test checks the editor.
 *
 * Selectors are n8n's own `data-test-id` attributes (read from the installed editor-ui bundle), plus
 * `data-node-name` / `data-node-type` on canvas nodes.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { basename, join } from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';
import type { N8nClient, Owner } from '../harness';
import { PACKAGE_NAME, PROJECT_ROOT } from '../harness';
import { realClockEnv } from '../../harness/realClockEnv';

const TIMEOUT_MS = 20_000;

/** A node this package ships, as n8n describes it in /types/nodes.json. */
export interface PackageNode {
	/** e.g. n8n-nodes-inquiry-continuity.assignInquiryOwner */
	type: string;
	displayName: string;
	subtitle?: string;
	alias: string[];
	categories: string[];
	docsUrl?: string;
	iconUrl?: { light?: string; dark?: string };
}

interface NodeTypeJson {
	name: string;
	displayName: string;
	subtitle?: string;
	iconUrl?: { light?: string; dark?: string } | string;
	codex?: {
		alias?: string[];
		categories?: string[];
		resources?: { primaryDocumentation?: Array<{ url: string }> };
	};
}

/** The node types package.json declares, e.g. `n8n-nodes-inquiry-continuity.normalizeInquiry`. */
export function declaredNodeTypes(): string[] {
	const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	return pkg.n8n.nodes.map((file) => {
		const className = basename(file, '.node.js');
		return `${PACKAGE_NAME}.${className[0].toLowerCase()}${className.slice(1)}`;
	});
}

/**
 * This package's nodes as the running n8n loaded them (its AI-tool variants left out), in the
 * order package.json lists them. A declared node n8n did not load is missing from the list.
 */
export async function packageNodes(client: N8nClient): Promise<PackageNode[]> {
	const loaded = new Map(
		(await client.types<NodeTypeJson[]>('nodes')).map((type) => [type.name, type]),
	);
	return declaredNodeTypes().flatMap((name) => {
		const type = loaded.get(name);
		if (!type) return [];
		return [
			{
				type: name,
				displayName: type.displayName,
				subtitle: type.subtitle,
				alias: type.codex?.alias ?? [],
				categories: type.codex?.categories ?? [],
				docsUrl: type.codex?.resources?.primaryDocumentation?.[0]?.url,
				iconUrl: typeof type.iconUrl === 'object' ? type.iconUrl : undefined,
			},
		];
	});
}

/** Debian's Chromium (scripts/ensure-chromium.sh installs it when missing and prints its path). */
export function chromiumPath(): string {
	return execFileSync('bash', [join(PROJECT_ROOT, 'scripts/ensure-chromium.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	}).trim();
}

export async function launchChromium(): Promise<Browser> {
	selectors.setTestIdAttribute('data-test-id');
	return await chromium.launch({
		executablePath: chromiumPath(),
		env: realClockEnv(),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
		],
	});
}

/** A workflow with only a Manual Trigger: a clean canvas to add nodes to. */
export async function createScratchWorkflow(client: N8nClient, name: string): Promise<string> {
	return await client.importWorkflow({
		name,
		nodes: [
			{
				id: 'scratch-trigger',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		],
		connections: {},
	});
}

export interface EditorOptions {
	width?: number;
	height?: number;
	colorScheme?: 'light' | 'dark';
}

/** One browser tab on one n8n editor. */
export class Editor {
	private constructor(
		readonly context: BrowserContext,
		readonly page: Page,
		readonly baseUrl: string,
	) {
		page.setDefaultTimeout(TIMEOUT_MS);
	}

	static async open(
		browser: Browser,
		baseUrl: string,
		options: EditorOptions = {},
	): Promise<Editor> {
		const context = await browser.newContext({
			viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
			colorScheme: options.colorScheme ?? 'light',
			locale: 'en-US',
			timezoneId: 'UTC',
		});
		return new Editor(context, await context.newPage(), baseUrl);
	}

	async close(): Promise<void> {
		await this.context.close();
	}

	async setViewport(width: number, height: number): Promise<void> {
		await this.page.setViewportSize({ width, height });
	}

	/** Signs in through the sign-in page; resolves on the page n8n lands on after it. */
	async signIn(owner: Pick<Owner, 'email' | 'password'>): Promise<string> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.locator('input[name="emailOrLdapLoginId"]').fill(owner.email);
		await this.page.locator('input[name="password"]').fill(owner.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		return new URL(this.page.url()).pathname;
	}

	/** Opens a saved workflow and waits until its nodes are drawn and fitted to the view. */
	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor();
		await this.dismissPopovers();
		await this.page.getByTestId('zoom-to-fit').click();
	}

	/** Closes the production checklist n8n opens beside published workflows, when it is showing. */
	async dismissPopovers(): Promise<void> {
		const close = this.page.getByTestId('suggested-actions-close');
		if (await close.isVisible()) await close.click();
	}

	/** The nodes drawn on the canvas (sticky notes excluded): name and type. */
	async canvasNodes(): Promise<Array<{ name: string; type: string }>> {
		return await this.page
			.locator('[data-test-id="canvas-node"][data-node-type]')
			.evaluateAll((elements) =>
				elements.map((element) => ({
					name: element.getAttribute('data-node-name') ?? '',
					type: element.getAttribute('data-node-type') ?? '',
				})),
			);
	}

	async stickyNoteCount(): Promise<number> {
		return await this.page.getByTestId('sticky').count();
	}

	/** Each icon drawn for canvas nodes of one type: its URL and whether it loaded. */
	async canvasIcons(type: string): Promise<Array<{ src: string; loaded: boolean }>> {
		return await this.page
			.locator(`[data-test-id="canvas-node"][data-node-type="${type}"] img`)
			.evaluateAll((images) =>
				images.map((image) => {
					const img = image as unknown as { src: string; complete: boolean; naturalWidth: number };
					return { src: img.src, loaded: img.complete && img.naturalWidth > 0 };
				}),
			);
	}

	/** Opens the nodes panel ("What happens next?") from the canvas' + button. */
	async openNodesPanel(): Promise<void> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.searchBar().waitFor();
	}

	private searchBar(): Locator {
		return this.page.getByTestId('node-creator-search-bar');
	}

	private resultNamed(displayName: string): Locator {
		return this.page
			.getByTestId('node-creator')
			.getByTestId('node-creator-item-name')
			.filter({ hasText: new RegExp(`^${escapeRegExp(displayName)}$`) });
	}

	/**
	 * Types a query into the nodes panel's search and returns the node names it lists, once
	 * `expected` is among them or the panel has settled without it. The panel updates a moment
	 * after typing, so it is first emptied with a query nothing matches: the names read after that
	 * are this query's, never the previous one's.
	 */
	async search(query: string, expected: string): Promise<string[]> {
		await this.searchBar().fill('zzqx matches no node');
		await this.page.getByTestId('node-creator-no-results').waitFor();
		await this.searchBar().fill(query);
		await this.resultNamed(expected)
			.first()
			.waitFor({ timeout: 5_000 })
			.catch(() => undefined);
		return await this.page
			.getByTestId('node-creator')
			.getByTestId('node-creator-item-name')
			.allInnerTexts();
	}

	/**
	 * Adds a node from the search results and waits for its parameter panel. A community node
	 * first shows its details page: "Add to workflow", or its list of actions (the first is taken).
	 */
	async addNodeFromResults(displayName: string): Promise<void> {
		await this.resultNamed(displayName).first().click();
		const ndv = this.page.getByTestId('ndv');
		const addButton = this.page.getByRole('button', { name: 'Add to workflow' });
		const firstAction = this.page
			.getByTestId('node-creator')
			.locator('[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]')
			.first();
		await ndv.or(addButton).or(firstAction).first().waitFor();
		if (await addButton.isVisible()) await addButton.click();
		else if (await firstAction.isVisible()) await firstAction.click();
		await this.page.getByTestId('node-parameters').waitFor();
	}

	/** What the open parameter panel shows: node name, parameter labels, the Docs link. */
	async parameterPanel(): Promise<{ title: string; parameters: string[]; docsUrl?: string }> {
		const ndv = this.page.getByTestId('ndv');
		const title = await ndv
			.getByTestId('node-title-container')
			.getByTestId('inline-edit-preview')
			.innerText();
		const parameters = await ndv
			.getByTestId('node-parameters')
			.getByTestId('parameter-item')
			.evaluateAll((items) =>
				items.map((item) => (item.textContent ?? '').trim().split('\n')[0].trim()).filter(Boolean),
			);
		const docs = ndv.locator('a', { hasText: 'Docs' }).first();
		const docsUrl =
			(await docs.count()) > 0 ? ((await docs.getAttribute('href')) ?? undefined) : undefined;
		return { title: title.trim(), parameters, docsUrl };
	}

	async closeParameterPanel(): Promise<void> {
		await this.page.getByTestId('ndv-close-button').click();
		await this.page.getByTestId('ndv').waitFor({ state: 'hidden' });
	}

	/** Hides the editor's floating buttons so a canvas picture shows only the workflow. */
	async hideCanvasChrome(): Promise<void> {
		await this.page.addStyleTag({
			content: [
				'execute-workflow-button',
				'canvas-controls',
				'canvas-minimap',
				'node-creator-plus-button',
				'command-bar-button',
				'add-sticky-button',
				'toggle-focus-panel-button',
				'instance-ai-canvas-action-button',
				'canvas-build-with-ai-button',
			]
				.map((id) => `[data-test-id="${id}"]`)
				// The Editor / Executions / Evaluations switch floats over the canvas too, and with
				// several triggers the run button grows a trigger picker beside it.
				.concat(
					'.tab-bar-container',
					'[data-test-id="canvas-wrapper"] > :has([data-test-id="execute-workflow-button"])',
				)
				.join(',')
				.concat('{visibility:hidden!important}'),
		});
	}

	async screenshot(path: string, target?: Locator): Promise<void> {
		await this.dismissPopovers();
		// Let panel transitions and lazy icons finish before the picture.
		await this.page.evaluate(
			'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
		);
		if (target) await target.screenshot({ path, animations: 'disabled' });
		else await this.page.screenshot({ path, animations: 'disabled' });
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
