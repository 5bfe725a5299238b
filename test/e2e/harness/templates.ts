import { createHmac, randomBytes } from 'crypto';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { N8nClient } from './client';
import type { DataTableSpec, EnsuredTable } from './dataTables';
import { dataTablesNeeded, ensureDataTables, listDataTables } from './dataTables';
import { hubsCalledBy, linkHubs } from './linkHub';
import { PACKAGE_NAME, TEMPLATES_DIR } from './paths';
import { addSampleRows } from './sampleRows';
import type { WebhookEndpoint, WorkflowDefinition } from './workflow';
import { webhookEndpoints } from './workflow';

/** workflows-templates/data-tables.json: the tables the templates need, declared once. */
const TABLES_MANIFEST = 'data-tables.json';

export interface TemplateFile {
	file: string;
	workflow: WorkflowDefinition;
}

export interface TemplateResult {
	file: string;
	name: string;
	id: string;
	published: boolean;
	/** Why it is not published (e.g. it has no trigger, or needs a credential first). */
	note?: string;
	endpoints: WebhookEndpoint[];
	/** The body of the entry node's first pinned item, a ready sample to post. */
	sample?: unknown;
	/** Whether its entry checks webhook signatures (a curl must then be signed). */
	signed?: boolean;
}

export interface TemplateSetup {
	tables: EnsuredTable[];
	templates: TemplateResult[];
}

const isWorkflow = (value: unknown): value is WorkflowDefinition =>
	typeof value === 'object' &&
	value !== null &&
	Array.isArray((value as WorkflowDefinition).nodes) &&
	typeof (value as WorkflowDefinition).connections === 'object';

/** Every importable workflow in workflows-templates/ (JSON files holding nodes and connections). */
export function loadTemplates(dir = TEMPLATES_DIR): TemplateFile[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json') && file !== TABLES_MANIFEST)
		.sort()
		.flatMap((file) => {
			const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
			return isWorkflow(workflow) ? [{ file, workflow }] : [];
		});
}

/**
 * A scheduled template started on call instead: its schedule trigger becomes a webhook of the same
 * name on `path`, so every node reference still holds (tests and benchmarks pick the moment).
 */
export function scheduleAsWebhook(
	workflow: WorkflowDefinition,
	path: string,
	httpMethod: 'GET' | 'POST',
): WorkflowDefinition {
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-base.scheduleTrigger'
			? {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2.1,
					webhookId: path,
					parameters: { httpMethod, path, responseMode: 'onReceived', options: {} },
				}
			: node,
	);
	return { ...workflow, nodes };
}

/**
 * The tables workflows-templates/data-tables.json declares. A table whose `columns` is not a list
 * is still created; it gets the columns the templates' Data table nodes map.
 */
export function declaredTables(dir = TEMPLATES_DIR): DataTableSpec[] {
	const path = join(dir, TABLES_MANIFEST);
	if (!existsSync(path)) return [];
	const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
		tables?: Array<{ name: string; columns?: unknown }>;
	};
	return (manifest.tables ?? []).map((table) => ({
		name: table.name,
		columns: Array.isArray(table.columns) ? (table.columns as DataTableSpec['columns']) : [],
	}));
}

/** Points Data table nodes that picked a table from a list (by id) at this instance's table of that name. */
function withLocalTableIds(
	workflow: WorkflowDefinition,
	idsByName: Map<string, string>,
): WorkflowDefinition {
	const nodes = workflow.nodes.map((node) => {
		const locator = node.parameters?.dataTableId as
			| { mode?: string; cachedResultName?: string }
			| undefined;
		if (node.type !== 'n8n-nodes-base.dataTable' || !locator || locator.mode === 'name')
			return node;
		const id = locator.cachedResultName ? idsByName.get(locator.cachedResultName) : undefined;
		return id
			? { ...node, parameters: { ...node.parameters, dataTableId: { ...locator, value: id } } }
			: node;
	});
	return { ...workflow, nodes };
}

function pinnedSample(workflow: WorkflowDefinition, endpoints: WebhookEndpoint[]): unknown {
	const pinData = workflow.pinData as
		| Record<string, Array<{ json?: Record<string, unknown> } & Record<string, unknown>>>
		| undefined;
	for (const endpoint of endpoints) {
		const [first] = pinData?.[endpoint.node] ?? [];
		const json = (first?.json ?? first) as Record<string, unknown> | undefined;
		if (json) return endpoint.prefix === 'webhook' && 'body' in json ? json.body : json;
	}
	return undefined;
}

/** The message n8n gave for a failed API call, without the request line around it. */
function reasonOf(error: unknown): string {
	const line = (error as Error).message.split('\n')[0];
	const answer = /^\w+ \S+ answered (\d+): (.*)$/.exec(line);
	if (!answer) return line;
	try {
		return String((JSON.parse(answer[2]) as { message?: string }).message ?? answer[2]);
	} catch {
		return `${answer[1]} ${answer[2]}`;
	}
}

/** A credential to attach to the nodes that need its type, e.g. `{ inquiryWebhookSecretApi: { id, name } }`. */
export type CredentialRefs = Record<string, { id: string; name: string }>;

/**
 * Templates ship without credentials. A Normalize Inquiry node that checks signatures cannot be
 * published without its secret, so the local set-up attaches the instance's own secret to it.
 */
function withLocalCredentials(
	workflow: WorkflowDefinition,
	refs: CredentialRefs,
): WorkflowDefinition {
	const secret = refs.inquiryWebhookSecretApi;
	const destination = refs.handoffDestinationApi;
	const store = refs.postgres;
	const nodes = workflow.nodes.map((node) => {
		if (node.credentials) return node;
		if (store && node.type === 'n8n-nodes-base.postgres')
			return { ...node, credentials: { postgres: store } };
		// The Outbox e-mails through the local inbox; owner messages and clicks use the link secret.
		// Without a mail server the Send Email step is switched off here: its rows say not_sent.
		if (node.type === 'n8n-nodes-base.emailSend')
			return refs[SMTP]
				? { ...node, credentials: { [SMTP]: refs[SMTP] } }
				: { ...node, disabled: true };
		if (refs.inquiryLinkSecretApi && node.type === `${PACKAGE_NAME}.inquiryClaimLinks`)
			return { ...node, credentials: { inquiryLinkSecretApi: refs.inquiryLinkSecretApi } };
		if (
			secret &&
			node.type === `${PACKAGE_NAME}.normalizeInquiry` &&
			node.parameters?.checkSignature === true
		)
			return { ...node, credentials: { inquiryWebhookSecretApi: secret } };
		if (
			destination &&
			node.type === `${PACKAGE_NAME}.verifyInquiryHandoff` &&
			node.parameters?.mode === 'readBack'
		)
			return { ...node, credentials: { handoffDestinationApi: destination } };
		return node;
	});
	return { ...workflow, nodes };
}

/** The workflows already on the instance by name (e.g. an Outbox imported before), oldest first wins. */
async function workflowIdsByName(client: N8nClient): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	let cursor: string | undefined;
	do {
		const page = await client.api<{
			data: Array<{ id: string; name: string }>;
			nextCursor?: string | null;
		}>('GET', `/workflows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
		for (const workflow of page.data)
			if (!ids.has(workflow.name)) ids.set(workflow.name, workflow.id);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return ids;
}

/** The type of n8n's own SMTP credential, which the Outbox's Send Email step uses. */
const SMTP = 'smtp';

/**
 * n8n publishes no workflow whose active step lacks its credential. Owner messages and clicks
 * need the link secret: made here (random, pointing at this instance) when the caller has none.
 */
async function withLinkSecret(
	client: N8nClient,
	templates: TemplateFile[],
	refs: CredentialRefs,
): Promise<CredentialRefs> {
	const needed = templates.some((t) =>
		t.workflow.nodes.some((node) => node.type === `${PACKAGE_NAME}.inquiryClaimLinks`),
	);
	if (!needed || refs.inquiryLinkSecretApi) return refs;
	const name = 'Inquiry Link Secret (local)';
	const id = await client.createCredential('inquiryLinkSecretApi', name, {
		secret: randomBytes(32).toString('base64url'),
		baseUrl: client.baseUrl,
	});
	return { ...refs, inquiryLinkSecretApi: { id, name } };
}

/** Where the templates expect the local n8n (the demo CRM's address); rewritten to this instance's. */
const TEMPLATE_LOCAL_URL = 'http://127.0.0.1:5678/';

function onThisInstance(workflow: WorkflowDefinition, baseUrl: string): WorkflowDefinition {
	const here = `${baseUrl.replace(/\/$/, '')}/`;
	if (here === TEMPLATE_LOCAL_URL) return workflow;
	return JSON.parse(
		JSON.stringify(workflow).split(TEMPLATE_LOCAL_URL).join(here),
	) as WorkflowDefinition;
}

export const DEMO_CRM_CREDENTIAL = 'Handoff Destination API (demo CRM, local)';

/** The credential template 01c reads its demo CRM back with: this instance's demo CRM webhooks, no sign-in. */
export async function createDemoCrmCredential(
	client: N8nClient,
): Promise<{ id: string; name: string }> {
	const data = {
		baseUrl: `${client.baseUrl}/webhook/inquiry-demo-crm`,
		authentication: 'none',
		testPath: '/health',
	};
	return {
		id: await client.createCredential('handoffDestinationApi', DEMO_CRM_CREDENTIAL, data),
		name: DEMO_CRM_CREDENTIAL,
	};
}

/** Imports each template (updating the one of the same name) and publishes it when it can run on its own. */
export async function importTemplates(
	client: N8nClient,
	templates: TemplateFile[],
	given: CredentialRefs = {},
): Promise<TemplateResult[]> {
	// The sample team, settings and owner memory the templates run with as imported (empty tables only).
	await addSampleRows(client, TEMPLATES_DIR, TABLES_MANIFEST);
	const credentials = await withLinkSecret(client, templates, given);
	const idsByName = new Map((await listDataTables(client)).map((table) => [table.name, table.id]));
	// Workflows that call none (the Outbox) first, then in file order (hubs 00-… before entries):
	// each Execute Workflow node is then linked to a workflow imported here.
	const workflowIds = await workflowIdsByName(client);
	const results: TemplateResult[] = [];
	const calledFirst = [...templates].sort(
		(a, b) =>
			Number(hubsCalledBy(a.workflow).length > 0) - Number(hubsCalledBy(b.workflow).length > 0),
	);
	for (const { file, workflow } of calledFirst) {
		const endpoints = webhookEndpoints(workflow);
		const result: TemplateResult = {
			file,
			name: workflow.name,
			id: '',
			published: false,
			endpoints,
			sample: pinnedSample(workflow, endpoints),
			signed: workflow.nodes.some(
				(node) =>
					node.type === `${PACKAGE_NAME}.normalizeInquiry` &&
					node.parameters?.checkSignature === true,
			),
		};
		try {
			const local = onThisInstance(
				withLocalCredentials(
					withLocalTableIds(linkHubs(workflow, workflowIds), idsByName),
					credentials,
				),
				client.baseUrl,
			);
			result.id = await client.upsertWorkflow(local);
			workflowIds.set(workflow.name, result.id);
			await client.publish(result.id);
			result.published = true;
		} catch (error) {
			result.note = reasonOf(error);
		}
		results.push(result);
	}
	return templates.map(({ file }) => results.find((result) => result.file === file)!);
}

/**
 * What `npm start` does to a running n8n, and what the template e2e tests reuse: the Data tables
 * the templates need (created through the public API when absent), then every template imported
 * and published.
 */
export async function setUpTemplates(
	client: N8nClient,
	dir = TEMPLATES_DIR,
	credentials: CredentialRefs = {},
): Promise<TemplateSetup> {
	const templates = loadTemplates(dir);
	const tables = await ensureDataTables(
		client,
		dataTablesNeeded(
			templates.map((template) => template.workflow),
			declaredTables(dir),
		),
	);
	const needsDestination = templates.some((t) =>
		t.workflow.nodes.some(
			(n) => n.type === `${PACKAGE_NAME}.verifyInquiryHandoff` && n.parameters?.mode === 'readBack',
		),
	);
	const refs =
		needsDestination && !credentials.handoffDestinationApi
			? { ...credentials, handoffDestinationApi: await createDemoCrmCredential(client) }
			: credentials;
	return { tables, templates: await importTemplates(client, templates, refs) };
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A command to try each published entry point: a curl for webhooks, the URL for forms. */
export function tryItCommands(
	baseUrl: string,
	results: TemplateResult[],
	options: { secret?: string } = {},
): string[] {
	return results
		.filter((result) => result.published)
		.flatMap((result) =>
			result.endpoints
				// The demo CRM's webhooks are called by template 01c itself, and the owner links (00d)
				// only by the signed links in an owner's message: neither is tried by hand.
				.filter(
					(endpoint) => !endpoint.node.startsWith('Demo CRM') && !result.file.startsWith('00d-'),
				)
				.map((endpoint) => {
					const url = `${baseUrl}/${endpoint.prefix}/${endpoint.path}`;
					if (endpoint.prefix === 'form') return `# ${result.name}: open the form\n${url}`;
					if (endpoint.method === 'GET') {
						// Meta checks a webhook by asking it to echo hub.challenge back.
						const handshake = endpoint.node.includes('Meta')
							? '?hub.mode=subscribe&hub.verify_token=your-verify-token&hub.challenge=1234'
							: '';
						return `# ${result.name}${handshake ? " (Meta's subscription check)" : ''}\ncurl -sS ${shellQuote(url + handshake)}`;
					}
					if (result.signed && options.secret)
						return signedCallCurl(result.name, url, options.secret);
					const body = result.sample ?? TRY_IT_INQUIRY;
					return `# ${result.name}\ncurl -sS -X ${endpoint.method} ${shellQuote(url)} -H 'content-type: application/json' -d ${shellQuote(JSON.stringify(body))}`;
				}),
		);
}

const TRY_IT_INQUIRY = {
	name: 'Jane Doe',
	email: 'jane@example.com',
	phone: '+1 415 555 0134',
	message: 'Hi, I need a quote for a leaking water heater',
};

/**
 * A missed call as Twilio posts it, signed with the local secret the way Twilio signs (HMAC-SHA1
 * over the URL and the sorted fields), so the signature check lets it in.
 */
function signedCallCurl(name: string, url: string, secret: string): string {
	const fields: Record<string, string> = {
		AccountSid: 'AC00000000000000000000000000000000',
		CallSid: 'CA00000000000000000000000000000001',
		CallStatus: 'no-answer',
		Direction: 'inbound',
		From: '+14155550134',
		To: '+14155550100',
	};
	const signed = Object.keys(fields)
		.sort()
		.reduce((text, key) => text + key + fields[key], url);
	const signature = createHmac('sha1', secret).update(signed).digest('base64');
	return `# ${name} (a missed call, signed like Twilio signs it)\ncurl -sS -X POST ${shellQuote(url)} -H ${shellQuote(`x-twilio-signature: ${signature}`)} --data ${shellQuote(new URLSearchParams(fields).toString())}`;
}
