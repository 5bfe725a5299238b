import { readFileSync } from 'fs';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteResponsePromiseData,
	INodeExecutionData,
	IPinData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { HarnessCredentialsHelper } from './credentials';
import type { InMemoryDataTables } from './dataTables';
import { harnessNodeTypes } from './nodeTypes';

export type WorkflowJson = Pick<IWorkflowBase, 'nodes' | 'connections'> &
	Partial<Pick<IWorkflowBase, 'settings' | 'pinData' | 'name'>>;

export interface RunOptions {
	/** Fixed wall-clock time for the run (only Date is faked; timers stay real). */
	now?: string | Date;
	/** Static data as n8n would load it at the start of the execution. */
	staticData?: IDataObject;
	/** 'manual' (the editor's Test), 'trigger' or 'webhook' (production). Static data is saved only outside manual runs. */
	mode?: WorkflowExecuteMode;
	/** Pinned outputs by node name, merged over the workflow's own pinData. */
	pinData?: IPinData;
	/** Decrypted credential values by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The node the run starts from (default: n8n's start node, else the first pinned node). */
	startNode?: string;
	/** Data tables the Data table node reads and writes; keep one instance across runs to keep rows. */
	dataTables?: InMemoryDataTables;
	/** Workflows an Execute Workflow node may call, by workflow id (each runs in process, as n8n runs a sub-workflow). */
	workflows?: Record<string, WorkflowJson>;
}

export interface RunResult {
	run: IRun;
	/** The json of each item a node emitted on one output. */
	output(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
	/** The full items (json, pairedItem, binary) a node emitted on one output. */
	items(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** Whether a node ran at all. */
	ran(nodeName: string): boolean;
	/** The first error a node raised, if any. */
	error?: { node?: string; message: string; description?: string | null };
	/** Static data as n8n would persist it after this run (unchanged after a manual run). */
	staticData: IDataObject;
	/** The sub-workflow executions this run started through Execute Workflow nodes, in order. */
	subRuns: RunResult[];
	/** What Respond to Webhook nodes answered, in order (n8n sends the first to the caller). */
	responses: IExecuteResponsePromiseData[];
}

const DATE_ONLY: Parameters<typeof jest.useFakeTimers>[0] = {
	doNotFake: [
		'hrtime',
		'nextTick',
		'performance',
		'queueMicrotask',
		'requestAnimationFrame',
		'cancelAnimationFrame',
		'requestIdleCallback',
		'cancelIdleCallback',
		'setImmediate',
		'clearImmediate',
		'setInterval',
		'clearInterval',
		'setTimeout',
		'clearTimeout',
	],
};

export function loadWorkflow(path: string): WorkflowJson {
	return JSON.parse(readFileSync(path, 'utf8')) as WorkflowJson;
}

/** Runs real workflow JSON through n8n-core's WorkflowExecute, as n8n does, without a server. */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunOptions = {},
): Promise<RunResult> {
	const nodeTypes = await harnessNodeTypes();
	const mode = options.mode ?? 'manual';
	const staticData = structuredClone(options.staticData ?? {});
	const workflow = new Workflow({
		id: 'harness',
		name: workflowJson.name ?? 'Harness workflow',
		nodes: structuredClone(workflowJson.nodes),
		connections: workflowJson.connections,
		nodeTypes,
		staticData,
		settings: workflowJson.settings ?? {},
		active: mode !== 'manual',
	});

	const subRuns: RunResult[] = [];
	const responses: IExecuteResponsePromiseData[] = [];
	const hooks = new ExecutionLifecycleHooks(mode, 'harness-execution', {
		...workflowJson,
		id: 'harness',
		active: false,
	} as unknown as IWorkflowBase);
	let finished: IRun | undefined;
	hooks.addHandler('sendResponse', (response) => {
		responses.push(response);
	});
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finished = run;
	});

	const additionalData = {
		hooks,
		credentialsHelper: new HarnessCredentialsHelper(
			nodeTypes.credentialTypes,
			options.credentials ?? {},
		),
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		dataTableProjectId: 'harness',
		...(options.dataTables
			? { 'data-table': { dataTableProxyProvider: options.dataTables.provider() } }
			: {}),
		executeWorkflow: async (
			info: { id?: string },
			_data: unknown,
			call: { inputData?: INodeExecutionData[]; doNotWaitToFinish?: boolean },
		) => {
			const child = info.id ? options.workflows?.[info.id] : undefined;
			if (!child)
				throw new Error(
					`Workflow "${info.id ?? ''}" is not among the harness's workflows (pass it in options.workflows)`,
				);
			const trigger = child.nodes.find(
				(node) => node.type === 'n8n-nodes-base.executeWorkflowTrigger',
			);
			if (!trigger) throw new Error(`Workflow "${info.id}" has no Execute Workflow Trigger`);
			const inputs = (call.inputData ?? []).map(({ json, binary }) => ({
				json,
				...(binary ? { binary } : {}),
			}));
			// The parent's fixed clock, tables, credentials and pins carry over; the trigger gets the items.
			const sub = await runWorkflow(child, {
				...options,
				now: undefined,
				staticData: undefined,
				startNode: undefined,
				mode: 'integrated',
				pinData: { ...options.pinData, [trigger.name]: inputs },
			});
			subRuns.push(sub);
			// A caller that does not wait never sees the sub-workflow's error, as in n8n.
			if (sub.run.data.resultData.error && !call.doNotWaitToFinish)
				throw sub.run.data.resultData.error;
			const last = sub.run.data.resultData.lastNodeExecuted;
			const data = last
				? (sub.run.data.resultData.runData[last]?.at(-1)?.data?.main ?? [null])
				: [null];
			return { executionId: `harness-sub-${subRuns.length}`, data };
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('The Code node needs a task runner; pin its output instead');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	// Webhook-started workflows have no "start node" for n8n (a request starts them): the pinned
	// entry node plays the request, as n8n's own test runs do.
	const pinned = Object.keys({ ...(workflowJson.pinData ?? {}), ...(options.pinData ?? {}) });
	const startNode =
		(options.startNode ? workflow.getNode(options.startNode) : undefined) ??
		workflow.getStartNode() ??
		(pinned.length ? workflow.getNode(pinned[0]) : null);
	if (!startNode)
		throw new Error('The workflow has no start node; pin the entry node or pass startNode');
	const runExecutionData = createRunExecutionData({
		resultData: {
			runData: {},
			pinData: { ...(workflowJson.pinData ?? {}), ...(options.pinData ?? {}) },
		},
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	if (options.now) jest.useFakeTimers({ ...DATE_ONLY, now: new Date(options.now) });
	let run: IRun;
	try {
		const returned = await new WorkflowExecute(
			additionalData,
			mode,
			runExecutionData,
		).processRunExecutionData(workflow);
		run = finished ?? returned;
	} finally {
		if (options.now) jest.useRealTimers();
	}

	const runData = run.data.resultData.runData;
	const items = (node: string, outputIndex = 0, runIndex = 0) =>
		runData[node]?.[runIndex]?.data?.main?.[outputIndex] ?? [];
	const failed = Object.entries(runData).find(([, runs]) => runs.some((r) => r.error));
	const topError = run.data.resultData.error;
	const nodeError = failed?.[1].find((r) => r.error)?.error;
	const error = nodeError ?? topError;
	const changed =
		(workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true;
	const persisted =
		mode !== 'manual' && changed
			? stripMarker(workflow.staticData)
			: structuredClone(options.staticData ?? {});

	return {
		run,
		items,
		output: (node, outputIndex, runIndex) =>
			items(node, outputIndex, runIndex).map((item) => item.json),
		ran: (node) => runData[node] !== undefined,
		error: error
			? {
					node: failed?.[0],
					message: error.message,
					description: (error as { description?: string | null }).description,
				}
			: undefined,
		staticData: persisted,
		subRuns,
		responses,
	};
}

function stripMarker(data: IDataObject): IDataObject {
	// Static data is an observable proxy in n8n; a JSON round trip copies what n8n would save.
	const copy = JSON.parse(JSON.stringify(data)) as IDataObject & { __dataChanged?: boolean };
	delete copy.__dataChanged;
	return copy;
}
