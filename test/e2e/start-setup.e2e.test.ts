import { execFileSync } from 'child_process';
import { join } from 'path';
import type { N8nInstance, TemplateSetup } from './harness';
import {
	dataTableRows,
	declaredTables,
	listDataTables,
	loadTemplates,
	setUpTemplates,
	startsByItself,
	startN8n,
	tryItCommands,
} from './harness';

/**
 * `npm start`'s own set-up path (setUpTemplates) against a fresh n8n 2.41.1: Data tables created
 * through the public API, templates imported and published, the printed curl works, and a second
 * run (the next `npm start`) changes nothing. Runs on a fixture folder, then on workflows-templates/.
 */
const START_TIMEOUT_MS = 25 * 60_000;
const FIXTURE_DIR = join(__dirname, 'workflows', 'templates-fixture');
jest.setTimeout(120_000);


const summary = (setup: TemplateSetup) => ({
	templates: setup.templates.map(({ file, id, published }) => ({ file, id, published })),
	tables: setup.tables.map(({ name, id }) => ({ name, id })),
});

let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await startN8n({ version: '2.41.1', label: 'start-setup' });
}, START_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
});

describe('on a fixture templates folder', () => {
	let first: TemplateSetup;

	beforeAll(async () => {
		first = await setUpTemplates(n8n, FIXTURE_DIR);
	});

	test('creates the tables from the manifest plus the columns the workflows map, minus n8n’s own', async () => {
		expect(first.tables).toEqual([
			{
				name: 'e2e_records',
				id: expect.any(String),
				created: true,
				addedColumns: ['inquiryId', 'email', 'score'],
				systemColumns: ['createdAt'],
			},
		]);
		const [table] = (await listDataTables(n8n)).filter(
			(candidate) => candidate.name === 'e2e_records',
		);
		const columns = await n8n.api<Array<{ name: string; type: string }>>(
			'GET',
			`/data-tables/${table.id}/columns`,
		);
		expect(columns.map(({ name, type }) => ({ name, type }))).toEqual([
			{ name: 'inquiryId', type: 'string' },
			{ name: 'email', type: 'string' },
			{ name: 'score', type: 'number' },
		]);
	});

	test('publishes what starts by itself and explains what cannot be published', () => {
		expect(first.templates.map(({ file, published, note }) => ({ file, published, note }))).toEqual(
			[
				{ file: 'manual-only.json', published: false, note: expect.stringContaining('no trigger') },
				{ file: 'web-inquiry-to-record.json', published: true, note: undefined },
			],
		);
	});

	test('the printed curl posts the pinned sample, and the record lands in the Data table', async () => {
		const [command] = tryItCommands(n8n.baseUrl, first.templates);
		expect(command).toContain(`${n8n.baseUrl}/webhook/e2e-fixture-inquiry`);

		const answer = execFileSync('sh', ['-c', command.split('\n').slice(1).join('\n')], {
			encoding: 'utf8',
		});

		expect(JSON.parse(answer)).toEqual({ message: 'Workflow was started' });
		const workflowId = first.templates.find((template) => template.published)!.id;
		const [execution] = await n8n.waitForExecutions(workflowId);
		expect(execution.status).toBe('success');
		const rows = await dataTableRows(n8n, 'e2e_records');
		expect(rows).toEqual([
			expect.objectContaining({
				email: 'jamie.rivera@example.com',
				score: 3,
				inquiryId: expect.stringMatching(/^inq_/),
			}),
		]);
	});

	test('a second run (the next npm start) updates in place and keeps everything published', async () => {
		const again = await setUpTemplates(n8n, FIXTURE_DIR);

		expect(summary(again)).toEqual(summary(first));
		expect(again.tables.map(({ created, addedColumns }) => ({ created, addedColumns }))).toEqual([
			{ created: false, addedColumns: [] },
		]);
	});
});

describe('on workflows-templates/', () => {
	let setup: TemplateSetup;

	beforeAll(async () => {
		const secret = { id: await n8n.createCredential('inquiryWebhookSecretApi', 'Inquiry Webhook Secret (e2e)', { secret: 'e2e-secret', publicUrl: '' }), name: 'Inquiry Webhook Secret (e2e)' };
		setup = await setUpTemplates(n8n, undefined, { inquiryWebhookSecretApi: secret });
	});

	test('every declared Data table exists with its columns', async () => {
		const tables = new Map((await listDataTables(n8n)).map((table) => [table.name, table.id]));
		for (const spec of declaredTables()) {
			const id = tables.get(spec.name);
			expect({ table: spec.name, exists: id !== undefined }).toEqual({
				table: spec.name,
				exists: true,
			});
			const columns = (
				await n8n.api<Array<{ name: string }>>('GET', `/data-tables/${id}/columns`)
			).map((column) => column.name);
			const wanted = spec.columns
				.map((column) => column.name)
				.filter((name) => !['id', 'createdAt', 'updatedAt'].includes(name));
			expect(columns).toEqual(expect.arrayContaining(wanted));
		}
	});

	test('every printed curl is answered 2xx by its published template', () => {
		const commands = tryItCommands(n8n.baseUrl, setup.templates, { secret: 'e2e-secret' }).filter((command) => command.includes('\ncurl '));
		expect(commands.length).toBeGreaterThanOrEqual(6);
		const answers = commands.map((command) => {
			const curl = command.split('\n').slice(1).join('\n');
			const status = execFileSync('sh', ['-c', `${curl} -o /dev/null -w '%{http_code}'`], { encoding: 'utf8' });
			return `${command.split('\n')[0]} → ${status}`;
		});
		expect(answers.filter((answer) => !/→ 20\d$/.test(answer))).toEqual([]);
	});

	test('every template is imported, and each one that starts by itself is published', () => {
		const templates = loadTemplates();
		expect(setup.templates.map((result) => result.file)).toEqual(
			templates.map((template) => template.file),
		);
		for (const [index, { file, id, published, note }] of setup.templates.entries()) {
			expect({ file, imported: id !== '' }).toEqual({ file, imported: true });
			if (startsByItself(templates[index].workflow))
				expect({ file, published, note }).toEqual({ file, published: true, note: undefined });
		}
	});
});
