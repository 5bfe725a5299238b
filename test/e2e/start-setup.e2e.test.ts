import { execFileSync } from 'child_process';
import { join } from 'path';
import type { N8nInstance, TemplateSetup, WorkflowDefinition } from './harness';
import {
	dataTableRows,
	publicWorkflowBody,
	setUpLocalTemplates,
	declaredTables,
	listDataTables,
	loadTemplates,
	setUpTemplates,
	startsByItself,
	startN8n,
	tryItCommands,
} from './harness';

/**
 * The template set-up against a fresh n8n 2.41.1: Data tables created through the public API,
 * templates imported and published, the printed curl works. `npm start`'s own path
 * (setUpLocalTemplates) imports only what is missing, so a user's edit survives the next start,
 * and `--reset` reloads. Runs on a fixture folder, then on workflows-templates/.
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

	test('a second setUpTemplates run (as the template tests use it) updates in place and keeps everything published', async () => {
		const again = await setUpTemplates(n8n, FIXTURE_DIR);

		expect(summary(again)).toEqual(summary(first));
		expect(again.tables.map(({ created, addedColumns }) => ({ created, addedColumns }))).toEqual([
			{ created: false, addedColumns: [] },
		]);
	});
});

describe("npm start keeps the user's work", () => {
	const EDIT = 'Changed in the editor: our own sheet';
	const byFile = (file: string) => async () => {
		const { templates } = await setUpLocalTemplates(n8n, { dir: FIXTURE_DIR });
		return templates.find((template) => template.file === file)!;
	};
	const workflow = async (id: string) =>
		await n8n.api<WorkflowDefinition & { id: string }>('GET', `/workflows/${id}`);
	const noteOf = async (id: string) =>
		(await workflow(id)).nodes.find((node) => node.name === 'Note: Overview')?.parameters?.content;

	test('a user edit to a template workflow survives npm start restarting; --reset reloads it and says so', async () => {
		const start = byFile('web-inquiry-to-record.json');
		const before = await start();
		expect(before).toMatchObject({ state: 'kept', published: true });
		const edited = await workflow(before.id);
		const nodes = edited.nodes.map((node) =>
			node.name === 'Note: Overview'
				? { ...node, parameters: { ...node.parameters, content: EDIT } }
				: node,
		);
		await n8n.api('PUT', `/workflows/${before.id}`, publicWorkflowBody({ ...edited, nodes }));

		const restarted = await start();
		expect({ state: restarted.state, id: restarted.id, note: await noteOf(before.id) }).toEqual({
			state: 'kept',
			id: before.id,
			note: EDIT,
		});

		const reset = await setUpLocalTemplates(n8n, { dir: FIXTURE_DIR, reset: true });
		expect(reset.reset).toBe(true);
		expect(
			reset.templates.find((template) => template.file === 'web-inquiry-to-record.json'),
		).toMatchObject({ state: 'reloaded', id: before.id, published: true });
		expect(await noteOf(before.id)).not.toBe(EDIT);
	});

	test('a template whose workflow was deleted is imported again, the others kept', async () => {
		const before = await byFile('manual-only.json')();
		await n8n.api('DELETE', `/workflows/${before.id}`);
		const { templates } = await setUpLocalTemplates(n8n, { dir: FIXTURE_DIR });
		expect(templates.map(({ file, state }) => ({ file, state }))).toEqual([
			{ file: 'manual-only.json', state: 'imported' },
			{ file: 'web-inquiry-to-record.json', state: 'kept' },
		]);
	});
});

describe('on workflows-templates/', () => {
	let setup: TemplateSetup;

	beforeAll(async () => {
		const secret = {
			id: await n8n.createCredential('inquiryWebhookSecretApi', 'Inquiry Webhook Secret (e2e)', {
				secret: 'e2e-secret',
				publicUrl: '',
			}),
			name: 'Inquiry Webhook Secret (e2e)',
		};
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

	test("npm start's curls post each channel's own recorded delivery, and each is answered 2xx", async () => {
		// Runs before the long curl test below: a client socket idle past n8n's keep-alive is closed under it.
		const local = await setUpLocalTemplates(n8n);
		const commands = tryItCommands(n8n.baseUrl, local.templates, { secret: 'e2e-secret' });
		const curlFor = (path: string) =>
			commands.find(
				(command) => command.includes(`/webhook/${path}'`) && command.includes(' -X POST '),
			) ?? '';
		expect(curlFor('inquiry-chat')).toContain('"messaging_product":"whatsapp"');
		expect(curlFor('inquiry-booking')).toContain('"event":"invitee.created"');
		expect(curlFor('inquiry-ad-lead')).toContain('"user_column_data"');
		expect(curlFor('inquiry-form')).toContain('"triggerType":"form_submission"');
		expect(curlFor('inquiry-form-crm')).toContain('"form_id":"1"');
		// A workflow kept from an earlier start still gets the signed missed-call curl its signature check needs.
		expect(local.templates.every((template) => template.state === 'kept')).toBe(true);
		expect(commands.find((command) => command.includes('/webhook/inquiry-missed-call'))).toContain(
			"-H 'x-twilio-signature: ",
		);
		for (const path of [
			'inquiry-chat',
			'inquiry-booking',
			'inquiry-ad-lead',
			'inquiry-form',
			'inquiry-form-crm',
			'inquiry-missed-call',
		]) {
			const status = execFileSync(
				'sh',
				['-c', `${curlFor(path).split('\n').slice(1).join('\n')} -o /dev/null -w '%{http_code}'`],
				{ encoding: 'utf8' },
			);
			expect({ path, status }).toEqual({ path, status: expect.stringMatching(/^20\d$/) });
		}
	});

	test('every printed curl is answered 2xx by its published template', () => {
		const commands = tryItCommands(n8n.baseUrl, setup.templates, { secret: 'e2e-secret' }).filter(
			(command) => command.includes('\ncurl '),
		);
		expect(commands.length).toBeGreaterThanOrEqual(6);
		const answers = commands.map((command) => {
			const curl = command.split('\n').slice(1).join('\n');
			const status = execFileSync('sh', ['-c', `${curl} -o /dev/null -w '%{http_code}'`], {
				encoding: 'utf8',
			});
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
