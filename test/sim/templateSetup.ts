import type { N8nClient } from '../e2e/harness/client';
import type { TemplateFile } from '../e2e/harness/templates';

/**
 * How the simulated day (and the end-to-end fault tests) set the published templates up: as their
 * setup notes tell a user to, plus the leak sweep made callable on demand.
 */
export const SECRET_CREDENTIAL = 'inquiryWebhookSecretApi';
export const DESTINATION_CREDENTIAL = 'handoffDestinationApi';
const PACKAGE = 'n8n-nodes-inquiry-continuity';
/** Where template 01c posts new contacts as shipped (its demo CRM); a CRM of the test's takes its place. */
const SHIPPED_CRM_CONTACTS = 'http://127.0.0.1:5678/webhook/inquiry-demo-crm/contacts';
export const SWEEP_PATH = 'inquiry-leak-sweep';
/** The sweep's shortest thresholds (1 minute); an inquiry needs this long before it can stall. */
export const SWEEP_MINUTE_MS = 60_000;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sets a template up as its own setup notes tell a user to, for this day's senders:
 * - Check Signature on, with the simulation's secret, in the entry Normalize Inquiry node of every
 *   template that receives signing vendors (templates ship with a slot, not a credential id);
 * - template 01c's record writes go to the day's CRM, and it reads back through a Handoff
 *   Destination API credential pointing there.
 */
export function configure(
	template: TemplateFile,
	setup: { secret: Ref; destination: Ref; signedPaths: ReadonlySet<string>; crmUrl: string },
): TemplateFile {
	const receivesSigned = template.workflow.nodes.some(
		(node) =>
			node.type === 'n8n-nodes-base.webhook' &&
			setup.signedPaths.has(String(node.parameters?.path ?? '')),
	);
	const nodes = template.workflow.nodes.map((node) => {
		const credentials = node.credentials as Record<string, Ref> | undefined;
		if (node.type === `${PACKAGE}.normalizeInquiry` && node.name === 'Normalize Inquiry') {
			const checks = receivesSigned || node.parameters?.checkSignature === true;
			if (!checks) return node;
			return {
				...node,
				parameters: { ...node.parameters, checkSignature: true },
				credentials: { ...credentials, [SECRET_CREDENTIAL]: setup.secret },
			};
		}
		if (node.type === `${PACKAGE}.verifyInquiryHandoff` && node.parameters?.mode === 'readBack')
			return {
				...node,
				credentials: { ...credentials, [DESTINATION_CREDENTIAL]: setup.destination },
			};
		if (node.type === 'n8n-nodes-base.httpRequest' && node.parameters?.url === SHIPPED_CRM_CONTACTS)
			return { ...node, parameters: { ...node.parameters, url: `${setup.crmUrl}/contacts` } };
		return node;
	});
	return { ...template, workflow: { ...template.workflow, nodes } };
}

export type Ref = { id: string; name: string };

/**
 * The leak sweep (template 06) as the day runs it: the day is compressed about a thousandfold, so
 * instead of every 15 minutes it runs once the traffic is over, called through a webhook, and its
 * thresholds are its shortest, 1 wall-clock minute (an hour of the compressed day), instead of
 * 15 and 30 business minutes.
 */
export function sweepOnCall(template: TemplateFile): TemplateFile {
	if (!isSweep(template)) return template;
	const nodes = template.workflow.nodes.map((node) => {
		if (node.type === 'n8n-nodes-base.scheduleTrigger')
			return {
				...node,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				webhookId: SWEEP_PATH,
				parameters: {
					httpMethod: 'POST',
					path: SWEEP_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			};
		if (
			node.type === `${PACKAGE}.inquiryContinuityScorecard` &&
			node.parameters?.operation === 'findStalled'
		)
			return {
				...node,
				parameters: {
					...node.parameters,
					clock: 'wall',
					assignWithinMinutes: 1,
					verifyWithinMinutes: 1,
				},
			};
		return node;
	});
	return { ...template, workflow: { ...template.workflow, nodes } };
}

export const isSweep = (template: TemplateFile) =>
	template.workflow.nodes.some(
		(node) =>
			node.type === `${PACKAGE}.inquiryContinuityScorecard` &&
			node.parameters?.operation === 'findStalled',
	);

/** Waits until the workflow has a finished execution newer than `afterId`. */
export async function waitForRun(
	client: N8nClient,
	workflowId: string,
	afterId: number,
	maxMs = 300_000,
): Promise<boolean> {
	const deadline = Date.now() + maxMs;
	while (Date.now() < deadline) {
		const page = await client.api<{ data: Array<{ id: string; status: string }> }>(
			'GET',
			`/executions?workflowId=${workflowId}&limit=5`,
		);
		if (
			page.data.some(
				(run) => Number(run.id) > afterId && !['running', 'new', 'waiting'].includes(run.status),
			)
		)
			return true;
		await sleep(1000);
	}
	return false;
}

export async function lastExecutionId(client: N8nClient, workflowId: string): Promise<number> {
	const page = await client.api<{ data: Array<{ id: string }> }>(
		'GET',
		`/executions?workflowId=${workflowId}&limit=1`,
	);
	return Number(page.data[0]?.id ?? 0);
}
