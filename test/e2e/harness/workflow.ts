/** Workflow JSON as the public API takes it, the endpoints it registers, and executions read back. */

export interface WorkflowDefinition {
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters?: Record<string, unknown>;
		disabled?: boolean;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** The fields both n8n 1 and 2 accept when a workflow is created through the public API. */
export function publicWorkflowBody(workflow: WorkflowDefinition): WorkflowDefinition {
	return {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: workflow.settings ?? { executionOrder: 'v1' },
	};
}

/** A production endpoint a published workflow registers: a Webhook node or a Form Trigger. */
export interface WebhookEndpoint {
	node: string;
	/** 'webhook' for the Webhook node, 'form' for the Form Trigger. */
	prefix: 'webhook' | 'form';
	path: string;
	method: string;
}

const TRIGGER_PREFIX: Record<string, WebhookEndpoint['prefix']> = {
	'n8n-nodes-base.webhook': 'webhook',
	'n8n-nodes-base.formTrigger': 'form',
};

/** The production endpoints a workflow registers when published (static paths only). */
export function webhookEndpoints(workflow: WorkflowDefinition): WebhookEndpoint[] {
	return workflow.nodes.flatMap((node) => {
		const prefix = TRIGGER_PREFIX[node.type];
		const path = String(node.parameters?.path ?? node.webhookId ?? '');
		if (!prefix || node.disabled || path === '' || path.includes(':') || path.startsWith('='))
			return [];
		const method = prefix === 'form' ? 'POST' : String(node.parameters?.httpMethod ?? 'GET');
		return [{ node: node.name, prefix, path, method }];
	});
}

interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message?: string };
}

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	data?: { resultData?: { runData?: Record<string, NodeRun[]>; error?: { message?: string } } };
}

/** The json of each item a node emitted on one output, from an execution read with includeData. */
export function nodeOutput(
	execution: Execution,
	nodeName: string,
	outputIndex = 0,
	runIndex = 0,
): Array<Record<string, unknown>> {
	const run = execution.data?.resultData?.runData?.[nodeName]?.[runIndex];
	return (run?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** Whether a node ran in an execution. */
export function nodeRan(execution: Execution, nodeName: string): boolean {
	return (execution.data?.resultData?.runData?.[nodeName]?.length ?? 0) > 0;
}

/** Triggers that run by themselves once published (manual, error and sub-workflow triggers do not). */
const NOT_SELF_STARTING = new Set([
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.errorTrigger',
	'n8n-nodes-base.executeWorkflowTrigger',
]);

/** Whether a workflow has an enabled trigger that starts it once published, so it can be published. */
export function startsByItself(workflow: WorkflowDefinition): boolean {
	return workflow.nodes.some(
		(node) =>
			!node.disabled &&
			!NOT_SELF_STARTING.has(node.type) &&
			(/Trigger$/.test(node.type) || node.type === 'n8n-nodes-base.webhook'),
	);
}
