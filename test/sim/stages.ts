import {
	dataTableRows,
	dataTablesNeeded,
	ensureDataTables,
	listDataTables,
} from '../e2e/harness/dataTables';
import type { TemplateFile } from '../e2e/harness/templates';
import { declaredTables, importTemplates, loadTemplates } from '../e2e/harness/templates';
import type { WorkflowDefinition } from '../e2e/harness/workflow';
import { TemplateControls } from './controls';
import type { DriveOptions, DriveResult } from './drive';
import { driveDay } from './drive';
import naiveWorkflow from './naive.workflow.json';
import type { SimN8n } from './n8n';
import type { Row, TablesAfter } from './observed';
import { SIM_SECRET } from './sign';
import type { SimControl, SimDay } from './types';

/** The templates' tables (workflows-templates/data-tables.json) and the naive workflow's one. */
export const TABLES = {
	ledger: 'inquiry_ledger',
	records: 'inquiry_records',
	notifications: 'inquiry_notifications',
	naive: 'naive_records',
} as const;
const SECRET_CREDENTIAL = 'inquiryWebhookSecretApi';
const NAIVE_PATH = 'naive-inquiry';

export interface StageResult extends DriveResult {
	notes: string[];
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Rows of a table, or none when the table does not exist. */
async function rowsOf(sim: SimN8n, table: string): Promise<Row[]> {
	const exists = (await listDataTables(sim.client)).some((candidate) => candidate.name === table);
	return exists ? await dataTableRows(sim.client, table) : [];
}

/** Waits until the tables stop growing (executions finish after their webhook answers). */
async function settle(sim: SimN8n, tables: string[], quietMs = 4000, maxMs = 90_000): Promise<void> {
	const deadline = Date.now() + maxMs;
	let last = -1;
	let stableSince = Date.now();
	while (Date.now() < deadline) {
		let count = 0;
		for (const table of tables) count += (await rowsOf(sim, table)).length;
		if (count !== last) [last, stableSince] = [count, Date.now()];
		else if (Date.now() - stableSince >= quietMs) return;
		await sleep(1000);
	}
}

/**
 * Points the templates at the simulation's webhook-secret credential: every slot of that type, and
 * every Normalize Inquiry node that checks signatures (a template ships without a credential id,
 * since ids belong to the instance it is imported into).
 */
function withCredential(template: TemplateFile, id: string, name: string): TemplateFile {
	const nodes = template.workflow.nodes.map((node) => {
		const credentials = node.credentials as
			| Record<string, { id: string; name: string }>
			| undefined;
		const checksSignatures =
			node.type.endsWith('.normalizeInquiry') && node.parameters?.checkSignature === true;
		if (!credentials?.[SECRET_CREDENTIAL] && !checksSignatures) return node;
		return { ...node, credentials: { ...credentials, [SECRET_CREDENTIAL]: { id, name } } };
	});
	return { ...template, workflow: { ...template.workflow, nodes } };
}

/**
 * The published templates take the day: a webhook-secret credential holding the simulation's
 * secret, the templates' Data tables, every template imported and published, then the traffic
 * with its faults, then the tables read back.
 */
export async function runTemplates(
	sim: SimN8n,
	day: SimDay,
	options: Omit<DriveOptions, 'onControl' | 'pathOverride'>,
): Promise<StageResult & { tables: TablesAfter }> {
	const notes: string[] = [];
	const credentialName = 'Inquiry Webhook Secret (simulated day)';
	const credentialId = await sim.client.createCredential(SECRET_CREDENTIAL, credentialName, {
		secret: SIM_SECRET,
		publicUrl: '',
	});
	const templates = loadTemplates().map((template) =>
		withCredential(template, credentialId, credentialName),
	);
	await ensureDataTables(
		sim.client,
		dataTablesNeeded(
			templates.map((template) => template.workflow),
			declaredTables(),
		),
	);
	const imported = await importTemplates(sim.client, templates);
	for (const template of imported)
		if (!template.published)
			notes.push(`template "${template.name}" not published: ${template.note ?? 'unknown reason'}`);
	const published = new Set(
		imported
			.filter((t) => t.published)
			.flatMap((t) => t.endpoints.filter((e) => e.prefix === 'webhook').map((e) => e.path)),
	);
	for (const path of new Set(day.events.map((event) => event.path)))
		if (!published.has(path))
			notes.push(`no published template listens on /webhook/${path}: its deliveries cannot enter`);

	const controls = new TemplateControls(
		sim,
		imported.filter((template) => template.published).map((template) => template.id),
	);
	const onControl = async (control: SimControl) => await controls.apply(control);
	const drive = await driveDay(day, sim.baseUrl, { ...options, onControl });
	await settle(sim, [TABLES.ledger, TABLES.records, TABLES.notifications]);
	const sweep = imported
		.find((t) => t.published && /sweep/i.test(t.name))
		?.endpoints.find((e) => e.prefix === 'webhook');
	if (sweep) {
		await sim.client.postWebhook(sweep.path, { method: sweep.method, body: {} });
		await settle(sim, [TABLES.ledger, TABLES.notifications]);
	} else notes.push('leak sweep not run: no published sweep template with a webhook');
	const tables = {
		ledger: await rowsOf(sim, TABLES.ledger),
		records: await rowsOf(sim, TABLES.records),
		notifications: await rowsOf(sim, TABLES.notifications),
	};
	return { ...drive, notes, tables };
}

/** The naive "webhook → write record" workflow takes the same traffic. */
export async function runNaive(
	sim: SimN8n,
	day: SimDay,
	options: Omit<DriveOptions, 'onControl' | 'pathOverride'>,
): Promise<StageResult & { rows: Row[] }> {
	const workflow = naiveWorkflow as WorkflowDefinition;
	await ensureDataTables(sim.client, dataTablesNeeded([workflow]));
	await sim.client.publish(await sim.client.importWorkflow(workflow));
	const onControl = async (control: SimControl): Promise<string | undefined> => {
		if (control.kind !== 'restart')
			return `${control.kind}: the naive workflow has no destination or roster to break`;
		await sim.restart();
		return undefined;
	};
	const drive = await driveDay(day, sim.baseUrl, {
		...options,
		onControl,
		pathOverride: NAIVE_PATH,
	});
	await settle(sim, [TABLES.naive]);
	return { ...drive, notes: [], rows: await rowsOf(sim, TABLES.naive) };
}
