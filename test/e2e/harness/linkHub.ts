/**
 * Links entry templates to the hub they call. Each entry's "Run the Hub" (Execute Workflow) node
 * ships unset, naming its hub in `cachedResultName`; a user picks the hub after import, and the
 * local set-up (npm start, the e2e importer) does it here by setting the imported hub's id.
 */

interface LinkableWorkflow {
	nodes: Array<{ type: string; parameters?: object }>;
}

const EXECUTE_WORKFLOW = 'n8n-nodes-base.executeWorkflow';

interface WorkflowLocator {
	__rl?: boolean;
	mode?: string;
	value?: unknown;
	cachedResultName?: string;
}

/** The hubs (by workflow name) a workflow's Execute Workflow nodes call and that are not linked yet. */
export function hubsCalledBy(workflow: LinkableWorkflow): string[] {
	return workflow.nodes.flatMap((node) => {
		const locator = (node.parameters as { workflowId?: WorkflowLocator } | undefined)?.workflowId;
		return node.type === EXECUTE_WORKFLOW && locator?.cachedResultName && !locator.value
			? [locator.cachedResultName]
			: [];
	});
}

/** The workflow with every unlinked Execute Workflow node pointed at the id of the hub it names. */
export function linkHubs<T extends LinkableWorkflow>(
	workflow: T,
	idsByName: ReadonlyMap<string, string>,
): T {
	const nodes = workflow.nodes.map((node) => {
		const locator = (node.parameters as { workflowId?: WorkflowLocator } | undefined)?.workflowId;
		if (node.type !== EXECUTE_WORKFLOW || !locator?.cachedResultName || locator.value) return node;
		const id = idsByName.get(locator.cachedResultName);
		if (!id) return node;
		return {
			...node,
			parameters: { ...node.parameters, workflowId: { ...locator, mode: 'id', value: id } },
		};
	});
	return { ...workflow, nodes };
}
