import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';
import type { WorkflowJson } from '../../test/harness';
import { harnessNodeTypes } from '../../test/harness';
import { LADDER_COLUMNS } from '../../core/loop/ladder';
import { LEDGER_COLUMNS } from '../../core/scorecard/ledger';
import { JOIN_COLUMNS } from '../../core/scorecard/repeat';

const DIR = join(__dirname, '..');
/** Ledger columns the link webhook (template 00d) writes, not the Scorecard's ledger row. */
const templates = readdirSync(DIR)
	.filter((file) => file.endsWith('.json') && file !== 'data-tables.json')
	.map((file) => ({
		file,
		workflow: JSON.parse(readFileSync(join(DIR, file), 'utf8')) as WorkflowJson,
	}));

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
			const choices = properties
				.filter((p) => p.name === name && p.type === 'options')
				.flatMap((p) => (p.options ?? []).map((o) => ('value' in o ? o.value : undefined)));
			if (choices.length && !choices.includes(value)) wrong.push(`${node.name}.${name} = ${value}`);
		}
	}
	return wrong;
}

describe('templates (static checks)', () => {
	it('finds the templates', () => {
		expect(templates.length).toBeGreaterThanOrEqual(3);
	});

	it('declares the ledger Data table with the columns a ledger row has, those joining writes, then the escalation ladder columns; counts, score and hops as numbers', () => {
		const manifest = JSON.parse(readFileSync(join(DIR, 'data-tables.json'), 'utf8')) as {
			tables: Array<{ name: string; columns: Array<{ name: string; type: string }> }>;
		};
		const ledger = manifest.tables.find((table) => table.name === 'inquiry_ledger');
		const names = ledger?.columns.map((column) => column.name) ?? [];
		const joined: readonly string[] = JOIN_COLUMNS;
		// The escalation ladder's columns, then the one only a "Pass it on" click writes.
		expect(names.filter((name) => !joined.includes(name))).toEqual([
			...LEDGER_COLUMNS,
			...LADDER_COLUMNS,
			'passedAt',
		]);
		expect(names.filter((name) => joined.includes(name))).toEqual(JOIN_COLUMNS);
		expect(ledger?.columns.filter((column) => column.type !== 'string')).toEqual([
			{ name: 'contactCount', type: 'number' },
			{ name: 'score', type: 'number' },
			{ name: 'hops', type: 'number' },
		]);
	});

	it.each(templates.map((t) => [t.file, t.workflow] as const))(
		'%s uses only node types and versions that exist',
		async (_file, workflow) => {
			const nodeTypes = await harnessNodeTypes();
			for (const node of workflow.nodes) {
				const type = nodeTypes.getByName(node.type) as IVersionedNodeType;
				expect({ node: node.name, ok: versionsOf(type).includes(node.typeVersion) }).toEqual({
					node: node.name,
					ok: true,
				});
			}
		},
	);

	it.each(templates.map((t) => [t.file, t.workflow] as const))(
		'%s sets only option values the nodes offer',
		async (_file, workflow) => {
			expect(await wrongOptions(workflow)).toEqual([]);
		},
	);

	it('catches an option value a node does not offer', async () => {
		const node = {
			id: 'x',
			name: 'N',
			type: 'n8n-nodes-inquiry-continuity.normalizeInquiry',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: { payloadFrom: 'whole' },
		};
		expect(await wrongOptions({ nodes: [node], connections: {} })).toEqual([
			'N.payloadFrom = whole',
		]);
	});

	it.each(templates.map((t) => [t.file, t.workflow] as const))(
		'%s connects only real nodes, with unique names and ids',
		(_file, workflow) => {
			const names = new Set(workflow.nodes.map((n) => n.name));
			expect(names.size).toBe(workflow.nodes.length);
			expect(new Set(workflow.nodes.map((n) => n.id)).size).toBe(workflow.nodes.length);
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				expect(names.has(from)).toBe(true);
				for (const target of (outputs.main ?? []).flat())
					expect(names.has(target?.node ?? '')).toBe(true);
			}
		},
	);

	it.each(templates.map((t) => [t.file, t.workflow] as const))(
		'%s embeds no credentials and opens with an overview note',
		(_file, workflow) => {
			expect(workflow.nodes.filter((n) => n.credentials !== undefined)).toEqual([]);
			expect(JSON.stringify(workflow)).not.toMatch(
				/"(password|apiKey|accessToken|authToken)"\s*:\s*"[^"]+"/i,
			);
			const overview = workflow.nodes.find(
				(n) =>
					n.type === 'n8n-nodes-base.stickyNote' &&
					String(n.parameters.content).includes('### How it works'),
			);
			expect(String(overview?.parameters.content)).toContain('### Setup');
		},
	);

	it.each(templates.map((t) => [t.file, t.workflow] as const))(
		'%s is tidy: no two nodes on one spot, nothing under the overview, notes side by side',
		(_file, workflow) => {
			const isNote = (node: (typeof workflow.nodes)[number]) =>
				node.type === 'n8n-nodes-base.stickyNote';
			const nodes = workflow.nodes.filter((node) => !isNote(node));
			const notes = workflow.nodes.filter(isNote);
			const box = (node: (typeof workflow.nodes)[number]) => {
				const [x, y] = node.position;
				const { width = 100, height = 100 } = isNote(node)
					? (node.parameters as { width?: number; height?: number })
					: {};
				return { x, y, right: x + width, bottom: y + height };
			};
			const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
				a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
			const crowded: string[] = [];
			for (const [i, a] of nodes.entries())
				for (const b of nodes.slice(i + 1))
					if (
						Math.abs(a.position[0] - b.position[0]) < 160 &&
						Math.abs(a.position[1] - b.position[1]) < 120
					)
						crowded.push(`${a.name} ~ ${b.name}`);
			const overview = notes.find((note) => note.name === 'Note: How it works');
			expect(overview).toBeDefined();
			for (const node of nodes)
				if (overlap(box(node), box(overview!))) crowded.push(`${node.name} under the overview`);
			for (const [i, a] of notes.entries())
				for (const b of notes.slice(i + 1))
					if (overlap(box(a), box(b))) crowded.push(`${a.name} over ${b.name}`);
			expect(crowded).toEqual([]);
		},
	);
});

/** The hub templates and the entry templates that call them (everything that handles an inquiry). */
const hubFiles = templates
	.filter((t) => t.workflow.nodes.some((n) => n.type.endsWith('.checkInquiryContext')))
	.filter((t) => t.workflow.nodes.some((n) => n.type === 'n8n-nodes-base.executeWorkflowTrigger'))
	.map((t) => t.file);
const hubNames = templates.filter((t) => hubFiles.includes(t.file)).map((t) => t.workflow.name);
const calledName = (node: WorkflowJson['nodes'][number]) =>
	(node.parameters.workflowId as { cachedResultName?: string } | undefined)?.cachedResultName ?? '';
const entryFiles = templates
	.filter((t) =>
		t.workflow.nodes.some(
			(n) => n.type === 'n8n-nodes-base.executeWorkflow' && hubNames.includes(calledName(n)),
		),
	)
	.map((t) => t.file);
const isNote = (node: WorkflowJson['nodes'][number]) => node.type === 'n8n-nodes-base.stickyNote';

/**
 * Every template is scanned. The leak sweep (06) and the weekly report (07) still address the
 * manager and the report's time zone with samples of their own, until they read inquiry_settings
 * like the hub: they are listed here until then, so the exception stays visible.
 */
const placeholderFiles = templates.map((t) => t.file);

/** Values a business would have to notice and replace: none may reach a customer or an owner. */
const PLACEHOLDERS: Array<[string, RegExp]> = [
	['an example.com address', /@example\.com/i],
	['the placeholder business name', /your business name/i],
	['the placeholder sender number', /\+1?0{9,}/],
	['a fixed time zone', /\b(America|Europe|Asia|Africa|Australia|Pacific)\/[A-Z][A-Za-z_]+/],
];

/** Every text and default in the working nodes (sticky notes are instructions to the user, not sent). */
function placeholdersIn(workflow: WorkflowJson): string[] {
	const found: string[] = [];
	const visit = (value: unknown, path: string) => {
		if (typeof value === 'string') {
			for (const [what, pattern] of PLACEHOLDERS)
				if (pattern.test(value)) found.push(`${path}: ${what}`);
		} else if (value && typeof value === 'object') {
			for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
		}
	};
	for (const node of workflow.nodes)
		if (!isNote(node)) visit({ parameters: node.parameters, notes: node.notes }, node.name);
	return found;
}

describe('one hub, set up in one place', () => {
	it('finds the hubs and five or more entries calling them', () => {
		expect(hubFiles).toEqual([
			'00-inquiry-continuity-hub.json',
			'00b-inquiry-continuity-hub-http-crm.json',
			'00p-inquiry-continuity-hub-postgres.json',
		]);
		expect(entryFiles.length).toBeGreaterThanOrEqual(7);
	});

	it.each(entryFiles)(
		'%s keeps at most 12 working nodes and hands every inquiry to a hub that exists',
		(file) => {
			const { workflow } = templates.find((t) => t.file === file)!;
			const working = workflow.nodes.filter((node) => !isNote(node));
			expect(working.length).toBeLessThanOrEqual(12);
			const calls = working.filter((node) => node.type === 'n8n-nodes-base.executeWorkflow');
			expect(calls).toHaveLength(1);
			const hubNames = templates
				.filter((t) => hubFiles.includes(t.file))
				.map((t) => t.workflow.name);
			expect(hubNames).toContain(
				(calls[0].parameters.workflowId as { cachedResultName: string }).cachedResultName,
			);
			// One hub execution per inquiry: the shared owner memory is written once per execution.
			expect(calls[0].parameters.mode).toBe('each');
			expect(
				working.filter(
					(node) =>
						node.type.endsWith('.assignInquiryOwner') || node.type === 'n8n-nodes-base.dataTable',
				),
			).toEqual([]);
		},
	);

	it.each(placeholderFiles)('%s sends no placeholder to a customer or an owner', (file) => {
		expect(placeholdersIn(templates.find((t) => t.file === file)!.workflow)).toEqual([]);
	});

	it('finds each kind of placeholder when one is planted', () => {
		const planted = {
			nodes: [
				{
					id: 'x',
					name: 'N',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [0, 0] as [number, number],
					parameters: {
						a: 'manager@example.com',
						b: '={{ "Thanks for reaching out to Your business name!" }}',
						c: '+10000000000',
						d: 'America/New_York',
					},
				},
			],
			connections: {},
		};
		expect(placeholdersIn(planted)).toEqual([
			'N.parameters.a: an example.com address',
			'N.parameters.b: the placeholder business name',
			'N.parameters.c: the placeholder sender number',
			'N.parameters.d: a fixed time zone',
		]);
	});

	it('ships settings with no placeholder values and a sample team the templates run with as imported', () => {
		const manifest = JSON.parse(readFileSync(join(DIR, 'data-tables.json'), 'utf8')) as {
			tables: Array<{ name: string; rows?: Array<Record<string, unknown>> }>;
		};
		const rowsOf = (name: string) =>
			manifest.tables.find((table) => table.name === name)?.rows ?? [];
		const settings = Object.fromEntries(
			rowsOf('inquiry_settings').map((row) => [row.setting, row.value]),
		);
		for (const [what, pattern] of PLACEHOLDERS)
			expect({
				what,
				values: Object.values(settings).filter((value) => pattern.test(String(value))),
			}).toEqual({ what, values: [] });
		expect(settings).toMatchObject({
			businessName: '',
			timeZone: '',
			managerEmail: '',
			textBackSender: '',
			emailFrom: '',
		});
		expect(rowsOf('inquiry_team').map((row) => [row.ownerId, row.active])).toEqual([
			['owner-1', true],
			['owner-2', true],
			['owner-3', true],
		]);
		expect(rowsOf('inquiry_owner_memory')).toEqual([{ scope: 'business', state: '', version: 0 }]);
	});
});

/** The overview note's Setup steps of every template: the setup notes a user reads. */
const setupNotes = templates.map(({ workflow }) => {
	const overview = workflow.nodes.find((n) => n.name === 'Note: How it works');
	return String(overview?.parameters.content).split('### Setup')[1] ?? '';
});

describe('where a new business edits to go live', () => {
	const readme = readFileSync(join(DIR, '../README.md'), 'utf8');
	const list = readme.split('**Where a new business edits to go live')[1]?.split('\n\n')[1] ?? '';
	const places = [...list.matchAll(/^\d+\. .*?\*\*(.+?)\*\*/gm)].map((match) => match[1]);

	it('the README lists at most 5 places, each with its name in bold', () => {
		expect(places.length).toBeGreaterThan(0);
		expect(places.length).toBeLessThanOrEqual(5);
		expect(list.match(/^\d+\. /gm)).toHaveLength(places.length);
	});

	it('names each place in a template setup note', () => {
		expect(places.map((place) => [place, setupNotes.some((note) => note.includes(place))])).toEqual(
			places.map((place) => [place, true]),
		);
	});
});

describe('every message is delivered by the Inquiry Outbox', () => {
	const OUTBOX = 'Inquiry Outbox';
	const writesMessages = templates.filter((t) =>
		['00-', '00b-', '00d-', '06-', '07-'].some((prefix) => t.file.startsWith(prefix)),
	);
	const notificationRows = (workflow: WorkflowJson) =>
		workflow.nodes.filter(
			(n) =>
				n.type === 'n8n-nodes-base.dataTable' &&
				n.parameters.operation === 'upsert' &&
				(n.parameters.dataTableId as { value?: string }).value === 'inquiry_notifications',
		);

	it.each(writesMessages.map((t) => [t.file, t.workflow] as const))(
		'%s hands every notification row it writes to the Outbox',
		(_file, workflow) => {
			const rows = notificationRows(workflow);
			expect(rows.length).toBeGreaterThan(0);
			const next = (name: string) =>
				(workflow.connections[name]?.main ?? []).flat().map((c) => c!.node);
			const toOutbox = (name: string) =>
				next(name).some((to) => {
					const node = workflow.nodes.find((n) => n.name === to)!;
					return node.type === 'n8n-nodes-base.executeWorkflow' && calledName(node) === OUTBOX;
				});
			expect(rows.filter((row) => !toOutbox(row.name)).map((row) => row.name)).toEqual([]);
		},
	);

	it.each(
		templates
			.filter((t) => ['00-', '00b-', '00c-', '00d-'].some((prefix) => t.file.startsWith(prefix)))
			.map((t) => [t.file, t.workflow] as const),
	)(
		'%s ships no switched-off step but the Twilio and Slack ones n8n cannot publish without a credential',
		(file, workflow) => {
			expect(workflow.nodes.filter((n) => n.disabled).map((n) => n.name)).toEqual(
				file.startsWith('00c-')
					? ['Send Text (Twilio)', 'Send Slack Message', 'Alert by Text (Twilio)', 'Alert by Slack']
					: [],
			);
		},
	);
});
