import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import type { WorkflowJson } from '../../test/harness';
import { harnessNodeTypes } from '../../test/harness';
import { LEDGER_COLUMNS } from '../../core/scorecard/ledger';

const DIR = join(__dirname, '..');
const templates = readdirSync(DIR)
	.filter((file) => file.endsWith('.json') && file !== 'data-tables.json')
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as WorkflowJson }));

/** Every version a node type offers, as n8n 2.41.1 (or this package) defines it. */
function versionsOf(type: IVersionedNodeType | { description: INodeTypeDescription }): number[] {
	if ('nodeVersions' in type) return Object.keys(type.nodeVersions).map(Number);
	const version = type.description.version;
	return Array.isArray(version) ? version : [version];
}

/** Top-level "options" parameters whose fixed value is not one the node offers. */
async function wrongOptions(workflow: WorkflowJson): Promise<string[]> {
	const nodeTypes = await harnessNodeTypes();
	const wrong: string[] = [];
	for (const node of workflow.nodes) {
		const { properties } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
		for (const [name, value] of Object.entries(node.parameters)) {
			if (typeof value !== 'string' || value.startsWith('=')) continue;
			const choices = properties.filter((p) => p.name === name && p.type === 'options').flatMap((p) => (p.options ?? []).map((o) => ('value' in o ? o.value : undefined)));
			if (choices.length && !choices.includes(value)) wrong.push(`${node.name}.${name} = ${value}`);
		}
	}
	return wrong;
}

describe('templates (static checks)', () => {
	it('finds the templates', () => {
		expect(templates.length).toBeGreaterThanOrEqual(3);
	});

	it('declares the ledger Data table with exactly the columns a ledger row has, score as a number', () => {
		const manifest = JSON.parse(readFileSync(join(DIR, 'data-tables.json'), 'utf8')) as {
			tables: Array<{ name: string; columns: Array<{ name: string; type: string }> }>;
		};
		const ledger = manifest.tables.find((table) => table.name === 'inquiry_ledger');
		expect(ledger?.columns.map((column) => column.name)).toEqual(LEDGER_COLUMNS);
		expect(ledger?.columns.filter((column) => column.type !== 'string')).toEqual([{ name: 'score', type: 'number' }]);
	});

	it.each(templates.map((t) => [t.file, t.workflow] as const))('%s uses only node types and versions that exist', async (_file, workflow) => {
		const nodeTypes = await harnessNodeTypes();
		for (const node of workflow.nodes) {
			const type = nodeTypes.getByName(node.type) as IVersionedNodeType;
			expect({ node: node.name, ok: versionsOf(type).includes(node.typeVersion) }).toEqual({ node: node.name, ok: true });
		}
	});

	it.each(templates.map((t) => [t.file, t.workflow] as const))('%s sets only option values the nodes offer', async (_file, workflow) => {
		expect(await wrongOptions(workflow)).toEqual([]);
	});

	it('catches an option value a node does not offer', async () => {
		const node = { id: 'x', name: 'N', type: 'n8n-nodes-inquiry-continuity.normalizeInquiry', typeVersion: 1, position: [0, 0] as [number, number], parameters: { payloadFrom: 'whole' } };
		expect(await wrongOptions({ nodes: [node], connections: {} })).toEqual(['N.payloadFrom = whole']);
	});

	it.each(templates.map((t) => [t.file, t.workflow] as const))('%s connects only real nodes, with unique names and ids', (_file, workflow) => {
		const names = new Set(workflow.nodes.map((n) => n.name));
		expect(names.size).toBe(workflow.nodes.length);
		expect(new Set(workflow.nodes.map((n) => n.id)).size).toBe(workflow.nodes.length);
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of (outputs.main ?? []).flat()) expect(names.has(target?.node ?? '')).toBe(true);
		}
	});

	it.each(templates.map((t) => [t.file, t.workflow] as const))('%s embeds no credentials and opens with an overview note', (_file, workflow) => {
		expect(workflow.nodes.filter((n) => n.credentials !== undefined)).toEqual([]);
		expect(JSON.stringify(workflow)).not.toMatch(/"(password|apiKey|accessToken|authToken)"\s*:\s*"[^"]+"/i);
		const overview = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote' && String(n.parameters.content).includes('### How it works'));
		expect(String(overview?.parameters.content)).toContain('### Setup');
	});

	it.each(templates.map((t) => [t.file, t.workflow] as const))('%s is tidy: no two nodes on one spot, nothing under the overview, notes side by side', (_file, workflow) => {
		const isNote = (node: (typeof workflow.nodes)[number]) => node.type === 'n8n-nodes-base.stickyNote';
		const nodes = workflow.nodes.filter((node) => !isNote(node));
		const notes = workflow.nodes.filter(isNote);
		const box = (node: (typeof workflow.nodes)[number]) => {
			const [x, y] = node.position;
			const { width = 100, height = 100 } = isNote(node) ? (node.parameters as { width?: number; height?: number }) : {};
			return { x, y, right: x + width, bottom: y + height };
		};
		const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
		const crowded: string[] = [];
		for (const [i, a] of nodes.entries())
			for (const b of nodes.slice(i + 1))
				if (Math.abs(a.position[0] - b.position[0]) < 160 && Math.abs(a.position[1] - b.position[1]) < 120) crowded.push(`${a.name} ~ ${b.name}`);
		const overview = notes.find((note) => note.name === 'Note: How it works');
		expect(overview).toBeDefined();
		for (const node of nodes) if (overlap(box(node), box(overview!))) crowded.push(`${node.name} under the overview`);
		for (const [i, a] of notes.entries()) for (const b of notes.slice(i + 1)) if (overlap(box(a), box(b))) crowded.push(`${a.name} over ${b.name}`);
		expect(crowded).toEqual([]);
	});
});
