import { existsSync, readFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import type { INodeTypeDescription } from 'n8n-workflow';

/**
 * How each node presents itself in the n8n editor: its codex (categories, aliases, documentation
 * link), its light and dark icons, subtitle, description and output names. Walks every node
 * package.json declares, so a new node is held to the same bar.
 */
const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	homepage: string;
	n8n: { nodes: string[] };
};
const REPOSITORY = pkg.homepage.replace(/#readme$/, '');
/** The categories n8n's own nodes use in the nodes panel; "Logic" and "Flow" are not among them. */
const N8N_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

interface Codex {
	node: string;
	nodeVersion: string;
	codexVersion: string;
	categories: string[];
	subcategories?: Record<string, string[]>;
	alias: string[];
	resources: {
		primaryDocumentation: Array<{ url: string }>;
		credentialDocumentation?: Array<{ url: string }>;
	};
}

interface NodeUnderTest {
	folder: string;
	description: INodeTypeDescription;
	codex: Codex;
}

const nodes: NodeUnderTest[] = pkg.n8n.nodes.map((file) => {
	const source = join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const className = basename(source, '.node.ts');
	const NodeClass = (
		require(source) as Record<string, new () => { description: INodeTypeDescription }>
	)[className];
	const folder = dirname(source);
	return {
		folder,
		description: new NodeClass().description,
		codex: JSON.parse(readFileSync(join(folder, `${className}.node.json`), 'utf8')) as Codex,
	};
});
const kebab = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const iconFile = (node: NodeUnderTest, theme: 'light' | 'dark') => {
	const icon = node.description.icon as { light: string; dark: string };
	return join(node.folder, icon[theme].replace(/^file:/, ''));
};
/** The tile colour: the fill of the first shape, which every icon in the family draws first. */
const tileColour = (svg: string) =>
	/<(?:rect|circle|path)[^>]*\sfill="(#[0-9A-Fa-f]{6})"/.exec(svg)?.[1];

test('package.json declares the six nodes', () => {
	expect(nodes.map((node) => node.description.displayName)).toEqual([
		'Normalize Inquiry',
		'Check Inquiry Context',
		'Assign Inquiry Owner',
		'Verify Inquiry Handoff',
		'Inquiry Continuity Scorecard',
		'Inquiry Claim Links',
	]);
});

describe.each(nodes.map((node) => [node.description.displayName, node] as const))(
	'%s',
	(displayName, node) => {
		const { description, codex } = node;

		test('its codex names the node type n8n registers', () => {
			expect(codex.node).toBe(`${pkg.name}.${description.name}`);
			expect(codex.nodeVersion).toBe('1.0');
			expect(codex.codexVersion).toBe('1.0');
		});

		test('sits in nodes-panel categories n8n uses (not "Logic" or "Flow"), with subcategories under them', () => {
			expect(codex.categories.length).toBeGreaterThan(0);
			for (const category of codex.categories) expect(N8N_CATEGORIES).toContain(category);
			for (const [category, names] of Object.entries(codex.subcategories ?? {})) {
				expect(codex.categories).toContain(category);
				expect(names.length).toBeGreaterThan(0);
			}
		});

		test('has aliases people search for: several, trimmed, no repeats (search ignores case)', () => {
			expect(codex.alias.length).toBeGreaterThanOrEqual(5);
			for (const alias of codex.alias) expect(alias).toMatch(/^\S(.*\S)?$/);
			expect(new Set(codex.alias.map((alias) => alias.toLowerCase())).size).toBe(
				codex.alias.length,
			);
		});

		test('links its documentation page in this repository', () => {
			const [primary] = codex.resources.primaryDocumentation;
			expect(primary.url).toBe(`${REPOSITORY}/blob/main/docs/nodes/${kebab(displayName)}.md`);
			expect(existsSync(join(ROOT, 'docs/nodes', `${kebab(displayName)}.md`))).toBe(true);
		});

		test('links credential set-up help when it uses a credential', () => {
			const credentialDocs = codex.resources.credentialDocumentation ?? [];
			expect(credentialDocs.length > 0).toBe((description.credentials ?? []).length > 0);
			for (const { url } of credentialDocs)
				expect(url.startsWith(`${REPOSITORY}/blob/main/docs/nodes/`)).toBe(true);
		});

		test('has distinct light and dark SVG icons that exist beside it', () => {
			const light = readFileSync(iconFile(node, 'light'), 'utf8');
			const dark = readFileSync(iconFile(node, 'dark'), 'utf8');
			expect(iconFile(node, 'light')).toMatch(/\.svg$/);
			expect(iconFile(node, 'dark')).toMatch(/\.dark\.svg$/);
			for (const svg of [light, dark]) expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 60 60"/);
			expect(dark).not.toBe(light);
		});

		test('has a subtitle, a description in plain words and default name matching its display name', () => {
			expect(description.subtitle).toMatch(/^=\{\{.+\}\}$/);
			expect(description.description.length).toBeGreaterThanOrEqual(40);
			expect(description.description).not.toMatch(/\b(JSON|payload|API|schema|regex)\b/);
			expect(description.defaults.name).toBe(displayName);
		});

		test('its subtitle reads as words for every choice of the options it shows', () => {
			const body = /^=\{\{(.+)\}\}$/s.exec(description.subtitle ?? '')?.[1] ?? '';
			const defaults = Object.fromEntries(
				description.properties.map((property) => [property.name, property.default]),
			);
			const subtitle = new Function('$parameter', `return (${body});`) as (
				parameter: Record<string, unknown>,
			) => unknown;
			const shown = description.properties.filter(
				(property) => property.type === 'options' && body.includes(`$parameter.${property.name}`),
			);
			expect(shown.length).toBeGreaterThan(0);
			for (const property of shown) {
				for (const option of property.options as Array<{ value: string }>) {
					const text = subtitle({ ...defaults, [property.name]: option.value });
					expect({ [property.name]: option.value, text }).toEqual({
						[property.name]: option.value,
						text: expect.stringMatching(/^[A-Za-z0-9][^$]*$/),
					});
					expect(text).not.toMatch(/undefined|null/);
				}
			}
		});

		test('explains at least one choice with a notice or a parameter hint', () => {
			const explained = (properties: INodeTypeDescription['properties']): boolean =>
				properties.some((property) => property.type === 'notice' || Boolean(property.hint));
			expect(explained(description.properties)).toBe(true);
		});

		test('names each of its outputs', () => {
			if (typeof description.outputs === 'string') {
				expect(description.outputs).toMatch(/"displayName"/);
			} else {
				expect(description.outputNames).toHaveLength(description.outputs.length);
				for (const name of description.outputNames ?? []) expect(name).toMatch(/^[A-Z][A-Za-z ]+$/);
			}
		});
	},
);

test('the icons are one family: the same tile colour in light, another in dark', () => {
	const colours = (theme: 'light' | 'dark') =>
		new Set(nodes.map((node) => tileColour(readFileSync(iconFile(node, theme), 'utf8'))));
	expect([...colours('light')]).toHaveLength(1);
	expect([...colours('dark')]).toHaveLength(1);
	expect([...colours('light')][0]).not.toBe([...colours('dark')][0]);
});
