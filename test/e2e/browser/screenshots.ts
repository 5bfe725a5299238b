/**
 * `npm run screenshots`: the README and docs pictures, taken from a real n8n 2.41.1 the way the
 * browser e2e test drives it (a fresh instance in a temp folder on a free port, the packed package,
 * every template imported through `npm start`'s set-up path). Generic over package.json's nodes
 * and workflows-templates/*.json, so re-running it picks up new nodes and templates.
 *
 *   docs/images/editor-nodes-panel.png          the nodes panel searching "inquiry"
 *   docs/images/editor-search-<alias>.png       a search by a word people use
 *   docs/images/editor-<node-name>.png          each node's parameter panel
 *   workflows-templates/images/<template>.png   each template on the canvas
 *   docs/images/loop-*.png                      the README's first screen (see loopPictures.ts)
 *
 * `npm run screenshots -- --loop` takes only the first screen's two pictures.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'fs';
import { basename, join, relative } from 'path';
import type { MailDev, N8nInstance } from '../harness';
import {
	mailDevSmtpCredential,
	PROJECT_ROOT,
	setUpTemplates,
	startMailDev,
	startN8n,
	TEMPLATES_DIR,
} from '../harness';
import { createScratchWorkflow, Editor, launchChromium, packageNodes } from './editor';
import { takeLoopPictures } from './loopPictures';

export const DOCS_IMAGES = join(PROJECT_ROOT, 'docs/images');
export const TEMPLATE_IMAGES = join(TEMPLATES_DIR, 'images');

/** Searches shown in the docs: the query, and the node that must be listed for the picture to be right. */
const SEARCH_PICTURES: Array<{ file: string; query: string; expect: string[] }> = [
	{ file: 'editor-nodes-panel.png', query: 'inquiry', expect: [] },
	{ file: 'editor-search-round-robin.png', query: 'round robin', expect: ['Assign Inquiry Owner'] },
];

export const kebab = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Deletes pictures in a folder that this run did not write (a node or template that is gone). */
function removeStale(
	folder: string,
	written: Set<string>,
	matches: (file: string) => boolean,
): void {
	if (!existsSync(folder)) return;
	for (const file of readdirSync(folder)) {
		if (!matches(file) || written.has(join(folder, file))) continue;
		rmSync(join(folder, file));
		say(`  removed stale ${relative(PROJECT_ROOT, join(folder, file))}`);
	}
}

export async function takeScreenshots(options: { loopOnly?: boolean } = {}): Promise<string[]> {
	const written = new Set<string>();
	const wrote = (path: string) => {
		written.add(path);
		say(`  ${relative(PROJECT_ROOT, path)}`);
	};
	say('» Starting a fresh n8n 2.41.1 with the packed package');
	let n8n: N8nInstance | undefined;
	let mail: MailDev | undefined;
	const browser = await launchChromium();
	try {
		n8n = await startN8n({ version: '2.41.1', label: 'screenshots' });
		mail = await startMailDev({
			node: n8n.runtime.node,
			folder: join(n8n.userFolder, 'maildev'),
		});
		// The credentials npm start creates: a webhook secret, the local inbox, the link secret.
		const credential = async (type: string, name: string, data: Record<string, unknown>) => ({
			id: await n8n!.createCredential(type, name, data),
			name,
		});
		const setup = await setUpTemplates(n8n, undefined, {
			inquiryWebhookSecretApi: await credential(
				'inquiryWebhookSecretApi',
				'Inquiry Webhook Secret',
				{
					secret: 'screenshot-secret',
					publicUrl: '',
				},
			),
			smtp: await credential('smtp', 'Local inbox (MailDev)', mailDevSmtpCredential(mail)),
			inquiryLinkSecretApi: await credential('inquiryLinkSecretApi', 'Inquiry Link Secret', {
				secret: 'screenshot-link-secret-0123456789abcdef',
				baseUrl: n8n.baseUrl,
			}),
		});
		mkdirSync(DOCS_IMAGES, { recursive: true });
		say('» The loop: the owner e-mail in the local inbox, the weekly report');
		for (const path of await takeLoopPictures({
			n8n,
			browser,
			mail,
			templates: setup.templates,
			folder: DOCS_IMAGES,
		}))
			wrote(path);
		if (options.loopOnly) return [...written];
		const nodes = await packageNodes(n8n);
		mkdirSync(TEMPLATE_IMAGES, { recursive: true });

		const editor = await Editor.open(browser, n8n.baseUrl, { width: 1200, height: 760 });
		await editor.signIn(n8n.owner);

		say('» The nodes panel');
		await editor.openWorkflow(
			await createScratchWorkflow(n8n, 'Inquiry continuity: try the nodes'),
		);
		await editor.openNodesPanel();
		for (const picture of [...SEARCH_PICTURES]) {
			const wanted =
				picture.expect.length > 0 ? picture.expect : nodes.map((node) => node.displayName);
			const listed = await editor.search(picture.query, wanted[wanted.length - 1]);
			const missing = wanted.filter((node) => !listed.includes(node));
			if (missing.length > 0)
				throw new Error(`Searching "${picture.query}" did not list ${missing.join(', ')}`);
			const path = join(DOCS_IMAGES, picture.file);
			await editor.screenshot(path);
			wrote(path);
		}

		say('» Each node’s parameter panel');
		await editor.setViewport(1280, 900);
		await editor.page.reload();
		await editor.page.getByTestId('canvas-node').first().waitFor();
		for (const node of nodes) {
			await editor.openNodesPanel();
			await editor.search(node.displayName, node.displayName);
			await editor.addNodeFromResults(node.displayName);
			const path = join(DOCS_IMAGES, `editor-${kebab(node.displayName)}.png`);
			await editor.screenshot(path, editor.page.getByTestId('ndv'));
			wrote(path);
			await editor.closeParameterPanel();
		}

		say('» Each template on the canvas');
		await editor.setViewport(1600, 1000);
		for (const template of setup.templates) {
			if (!template.id) throw new Error(`${template.file} did not import: ${template.note}`);
			await editor.openWorkflow(template.id);
			await editor.hideCanvasChrome();
			const path = join(TEMPLATE_IMAGES, `${basename(template.file, '.json')}.png`);
			await editor.screenshot(path, editor.page.getByTestId('canvas-wrapper'));
			wrote(path);
		}
		await editor.close();

		removeStale(
			DOCS_IMAGES,
			written,
			(file) => file.startsWith('editor-') && file.endsWith('.png'),
		);
		removeStale(TEMPLATE_IMAGES, written, (file) => file.endsWith('.png'));
		return [...written];
	} finally {
		await browser.close();
		await mail?.stop();
		await n8n?.stop();
	}
}
