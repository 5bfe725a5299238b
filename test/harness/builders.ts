import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { WorkflowJson } from './runWorkflow';

export interface ChainNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters?: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
	/** Which output of the previous node feeds this one (default 0). */
	fromOutput?: number;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

/**
 * A Manual Trigger pinned to `items`, followed by a straight chain of nodes. For property tests
 * and one-off cases; reviewed scenarios live in *.workflow.json fixtures.
 */
export function manualTriggerWorkflow(items: IDataObject[], chain: ChainNode[]): WorkflowJson {
	const trigger = {
		id: 'trigger',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const nodes = [
		trigger,
		...chain.map((node, i) => ({
			id: `n${i}`,
			position: [(i + 1) * 220, 0] as [number, number],
			typeVersion: 1,
			parameters: {},
			...node,
		})),
	];
	const connections: WorkflowJson['connections'] = {};
	nodes.forEach((node, i) => {
		const next = chain[i];
		if (!next) return;
		const fromOutput = next.fromOutput ?? 0;
		const main: { node: string; type: 'main'; index: number }[][] = [];
		for (let o = 0; o <= fromOutput; o++)
			main.push(o === fromOutput ? [{ node: next.name, type: 'main', index: 0 }] : []);
		connections[node.name] = { main };
	});
	for (const node of nodes) delete (node as { fromOutput?: number }).fromOutput;
	return {
		nodes,
		connections,
		pinData: { Start: items.map((json) => ({ json })) },
	} as WorkflowJson;
}
