import { join } from 'path';
import type { RunOptions, RunResult, WorkflowJson } from '../../test/harness';
import { loadWorkflow, runWorkflow } from '../../test/harness';
import { linkHubs } from '../../test/e2e/harness/linkHub';

const DIR = join(__dirname, '..');
export const HUB_FILE = '00-inquiry-continuity-hub.json';
export const HUB_HTTP_CRM_FILE = '00b-inquiry-continuity-hub-http-crm.json';

export const OUTBOX_FILE = '00c-inquiry-outbox.json';

export const HUB_IDS = {
	dataTable: 'hub-data-table',
	httpCrm: 'hub-http-crm',
	outbox: 'inquiry-outbox',
} as const;
const outbox = loadWorkflow(join(DIR, OUTBOX_FILE));
const idsByName = new Map([
	[String(loadWorkflow(join(DIR, HUB_FILE)).name), HUB_IDS.dataTable],
	[String(loadWorkflow(join(DIR, HUB_HTTP_CRM_FILE)).name), HUB_IDS.httpCrm],
	[String(outbox.name), HUB_IDS.outbox],
]);

/** The link secret the owner messages are signed with in process (npm start creates a random one). */
export const LINK_CREDENTIAL = {
	secret: 'in-process-link-secret-0123456789abcdef',
	baseUrl: 'https://n8n.hub.test',
};

/** A template as npm start imports it: its Inquiry Claim Links nodes given the link credential. */
export function withLinkCredential(workflow: WorkflowJson): WorkflowJson {
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-inquiry-continuity.inquiryClaimLinks'
			? { ...node, credentials: { inquiryLinkSecretApi: { id: 'link', name: 'Link secret' } } }
			: node,
	);
	return { ...workflow, nodes };
}

/** The hubs as imported and linked to the Outbox, which runs in process too. */
const hubs: Record<string, WorkflowJson> = {
	[HUB_IDS.dataTable]: withLinkCredential(linkHubs(loadWorkflow(join(DIR, HUB_FILE)), idsByName)),
	[HUB_IDS.httpCrm]: withLinkCredential(
		linkHubs(loadWorkflow(join(DIR, HUB_HTTP_CRM_FILE)), idsByName),
	),
	[HUB_IDS.outbox]: outbox,
};

/** A template as imported, its Hand to the Outbox linked; pass OUTBOX_WORKFLOWS to run the Outbox too. */
export function withOutbox(workflow: WorkflowJson): WorkflowJson {
	return linkHubs(workflow, idsByName);
}
export const OUTBOX_WORKFLOWS: Record<string, WorkflowJson> = { [HUB_IDS.outbox]: outbox };

/** An entry template as imported, with Run the Hub linked the way a user (or npm start) links it. */
export function entryTemplate(file: string): WorkflowJson {
	return linkHubs(loadWorkflow(join(DIR, file)), idsByName);
}

/** A hub as imported, to change as a user would (e.g. point it at their CRM) and pass to runEntry. */
export function hubTemplate(id: string): WorkflowJson {
	return structuredClone(hubs[id]);
}

/** Runs an entry; its hub runs in process as the sub-workflow n8n would start (`changedHubs` replace hubs by id). */
export async function runEntry(
	workflow: WorkflowJson,
	options: RunOptions,
	changedHubs: Record<string, WorkflowJson> = {},
): Promise<RunResult & { hub: RunResult }> {
	const result = await runWorkflow(workflow, {
		...options,
		credentials: { inquiryLinkSecretApi: LINK_CREDENTIAL, ...options.credentials },
		workflows: { ...hubs, ...changedHubs },
	});
	const empty = {
		output: () => [],
		items: () => [],
		ran: () => false,
		subRuns: [],
	} as unknown as RunResult;
	return Object.assign(result, {
		hub:
			result.subRuns.find((run) => run.ran('Check Inquiry Context')) ?? result.subRuns[0] ?? empty,
	});
}
