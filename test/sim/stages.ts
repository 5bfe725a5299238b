import {
	dataTableRows,
	dataTablesNeeded,
	ensureDataTables,
	listDataTables,
} from '../e2e/harness/dataTables';
import { declaredTables, importTemplates, loadTemplates } from '../e2e/harness/templates';
import type { WorkflowDefinition } from '../e2e/harness/workflow';
import { TemplateControls } from './controls';
import {
	configure,
	DESTINATION_CREDENTIAL,
	isSweep,
	SECRET_CREDENTIAL,
	sweepOnCall,
} from './templateSetup';
import { ladderUntilDone, startTheLoop } from './loopDay';
import type { PeopleActivity } from './peopleAtWork';
import type { SimCrm } from './crm';
import { startSimCrm } from './crm';
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
const NAIVE_PATH = 'naive-inquiry';

export interface StageResult extends DriveResult {
	notes: string[];
}

/** The templates' day also has the people's side: what they clicked, and the ladder's passes after the traffic. */
export interface TemplatesDay extends StageResult {
	tables: TablesAfter;
	people: PeopleActivity;
	ladderPasses: number;
	/** From the end of the traffic to the tables read: the ladder's passes and the last clicks. */
	afterTrafficSeconds: number;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Rows of a table, or none when the table does not exist; in queue mode the store's rows too. */
async function rowsOf(sim: SimN8n, table: string): Promise<Row[]> {
	const exists = (await listDataTables(sim.client)).some((candidate) => candidate.name === table);
	const stored = sim.store ? await sim.store.rows(table) : [];
	return [...(exists ? await dataTableRows(sim.client, table) : []), ...stored];
}

/** Waits until the tables stop growing (executions finish after their webhook answers). */
async function settle(
	sim: SimN8n,
	tables: string[],
	quietMs = 4000,
	maxMs = 90_000,
): Promise<void> {
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
 * The published templates take the day: a webhook-secret credential holding the simulation's
 * secret, the templates' Data tables, every template imported and published, then the traffic
 * with its faults, then the tables read back.
 */
export async function runTemplates(
	sim: SimN8n,
	day: SimDay,
	options: Omit<DriveOptions, 'onControl' | 'pathOverride'>,
): Promise<TemplatesDay> {
	const crm = await startSimCrm();
	try {
		return await takeTheDay(sim, day, options, crm);
	} finally {
		await crm.close();
	}
}

async function takeTheDay(
	sim: SimN8n,
	day: SimDay,
	options: Omit<DriveOptions, 'onControl' | 'pathOverride'>,
	crm: SimCrm,
): Promise<TemplatesDay> {
	const notes: string[] = [];
	const secretName = 'Inquiry Webhook Secret (simulated day)';
	const secret = {
		id: await sim.client.createCredential(SECRET_CREDENTIAL, secretName, {
			secret: SIM_SECRET,
			publicUrl: '',
		}),
		name: secretName,
	};
	const destinationName = 'Handoff Destination API (simulated CRM)';
	const destination = {
		id: await sim.client.createCredential(DESTINATION_CREDENTIAL, destinationName, {
			baseUrl: crm.url,
			authentication: 'none',
			testPath: '/contacts',
		}),
		name: destinationName,
	};
	const signedPaths = new Set(
		day.events.filter((event) => event.scheme !== 'none').map((event) => event.path),
	);
	const templates = [...loadTemplates(), ...(sim.store?.extraTemplates ?? [])].map((template) =>
		sweepOnCall(
			configure(sim.store?.adapt(template) ?? template, {
				secret,
				destination,
				signedPaths,
				crmUrl: crm.url,
			}),
		),
	);
	await ensureDataTables(
		sim.client,
		dataTablesNeeded(
			templates.map((template) => template.workflow),
			declaredTables(),
		),
	);
	const imported = await importTemplates(sim.client, templates, sim.store?.credentials);
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
		crm,
	);
	const onControl = async (control: SimControl) => await controls.apply(control);
	// The Data table ladder, and in queue mode the Postgres one for the store's inquiries.
	const ladders = imported.filter((result, at) => isSweep(templates[at]) && result.published);
	if (ladders.length === 0) notes.push('escalation ladder not run: no published ladder template');
	const people = await startTheLoop(sim, day.seed);
	const drive = await driveDay(day, sim.baseUrl, { ...options, onControl });
	const trafficOver = Date.now();
	await settle(sim, [TABLES.ledger, TABLES.records, TABLES.notifications]);
	const ladderPasses = ladders.length
		? await ladderUntilDone(
				sim,
				ladders,
				notes,
				600_000,
				async () => await rowsOf(sim, TABLES.ledger),
			)
		: 0;
	const activity = await people.finish(15_000);
	await settle(sim, [TABLES.ledger, TABLES.notifications]);
	const tables = {
		readAtMs: Date.now(),
		ledger: await rowsOf(sim, TABLES.ledger),
		records: await rowsOf(sim, TABLES.records),
		notifications: await rowsOf(sim, TABLES.notifications),
		crm: crm.contacts(),
	};
	const afterTrafficSeconds = (Date.now() - trafficOver) / 1000;
	return { ...drive, notes, tables, people: activity, ladderPasses, afterTrafficSeconds };
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
