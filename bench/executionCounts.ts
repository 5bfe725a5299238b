/**
 * Load-independent counts of one n8n execution, from its run data: how many node runs it took and
 * how many Data table operations its Data table nodes did (one per input item), and which
 * sub-executions (Execute Workflow calls) it started, so a caller can follow the hub and the Outbox.
 * Wall-clock and CPU figures move with the machine's load; these do not.
 */

interface SourceRef {
	previousNode: string;
	previousNodeOutput?: number;
	previousNodeRun?: number;
}

interface SubExecutionRef {
	executionId: string | number;
	workflowId?: string;
}

interface RunItem {
	metadata?: { subExecution?: SubExecutionRef };
}

export interface TaskRun {
	source?: Array<SourceRef | null> | null;
	data?: { main?: Array<RunItem[] | null> };
	metadata?: { subExecution?: SubExecutionRef };
}

export type RunData = Record<string, TaskRun[]>;

export interface ExecutionCounts {
	/** Node runs (a node run twice counts twice). */
	nodes: number;
	/** Input items through Data table nodes: each item is one read, insert, update, upsert or delete. */
	dataTableOperations: number;
	/** Execution ids of the sub-workflow runs it started, in run order. */
	subExecutions: string[];
}

const DATA_TABLE = 'n8n-nodes-base.dataTable';

/** Items a run received: the items of the output its first source emitted (1 when it has no source, as a trigger). */
function inputItems(runData: RunData, run: TaskRun): number {
	const source = run.source?.[0];
	if (!source) return 1;
	const previous = runData[source.previousNode]?.[source.previousNodeRun ?? 0];
	return previous?.data?.main?.[source.previousNodeOutput ?? 0]?.length ?? 1;
}

/** What the counts need of a workflow's node: its type, and whether it runs once whatever its input. */
export interface NodeInfo {
	type: string;
	executeOnce?: boolean;
}

/** `nodes`: node name → its type and settings, from the workflow the execution ran. */
export function countExecution(runData: RunData, nodes: Record<string, NodeInfo>): ExecutionCounts {
	const counts: ExecutionCounts = { nodes: 0, dataTableOperations: 0, subExecutions: [] };
	const seen = new Set<string>();
	const addSub = (ref: SubExecutionRef | undefined) => {
		const id = ref?.executionId === undefined ? undefined : String(ref.executionId);
		if (id === undefined || seen.has(id)) return;
		seen.add(id);
		counts.subExecutions.push(id);
	};
	for (const [name, runs] of Object.entries(runData)) {
		for (const run of runs) {
			counts.nodes++;
			const node = nodes[name];
			if (node?.type === DATA_TABLE)
				counts.dataTableOperations += node.executeOnce ? 1 : inputItems(runData, run);
			addSub(run.metadata?.subExecution);
			for (const output of run.data?.main ?? [])
				for (const item of output ?? []) addSub(item.metadata?.subExecution);
		}
	}
	return counts;
}

/** The counts of several executions (an entry and the runs it started) added up. */
export function addCounts(list: ExecutionCounts[]): Omit<ExecutionCounts, 'subExecutions'> {
	return {
		nodes: list.reduce((sum, c) => sum + c.nodes, 0),
		dataTableOperations: list.reduce((sum, c) => sum + c.dataTableOperations, 0),
	};
}
