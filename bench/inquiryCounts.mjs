// Load-independent counts per inquiry, read from n8n's own execution data through its API: the
// entry's newest successful executions, each followed into the sub-workflow runs it started (the
// hub, the Outbox), node runs and Data table operations added up (bench/executionCounts.ts).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { printTable } from './measure.mjs';

const SAMPLES = 3;

export function inquiryCounter(instance, root) {
	const { addCounts, countExecution } = createRequire(import.meta.url)(
		join(root, 'bench/.build/executionCounts.cjs'),
	);
	const nodeTypes = new Map();
	const typesOf = async (workflowId) => {
		if (!nodeTypes.has(workflowId)) {
			const workflow = await instance.api('GET', `/workflows/${workflowId}`);
			nodeTypes.set(
				workflowId,
				Object.fromEntries(
					workflow.nodes.map((n) => [n.name, { type: n.type, executeOnce: n.executeOnce }]),
				),
			);
		}
		return nodeTypes.get(workflowId);
	};
	/** One execution and every run it started, as a list of per-execution counts. */
	const follow = async (executionId) => {
		const execution = await instance
			.api('GET', `/executions/${executionId}?includeData=true&ignoreDataSizeLimit=true`)
			.catch(() => undefined);
		// A run n8n did not keep: counted as missing, so a short total is never taken as the whole.
		if (!execution?.data) return [{ nodes: 0, dataTableOperations: 0, missing: 1 }];
		const counts = countExecution(
			execution.data.resultData.runData,
			await typesOf(execution.workflowId),
		);
		const below = await Promise.all(counts.subExecutions.map(follow));
		return [counts, ...below.flat()];
	};
	return async (workflowId) => {
		const page = await instance.api(
			'GET',
			`/executions?workflowId=${workflowId}&status=success&limit=${SAMPLES}`,
		);
		if (!page.data.length) throw new Error(`No successful execution of workflow ${workflowId}`);
		const samples = [];
		for (const execution of page.data) {
			const list = await follow(execution.id);
			const missing = list.filter((c) => c.missing).length;
			samples.push({ ...addCounts(list), executions: list.length - missing, missing });
		}
		// Every sample is a new person on the same path: they agree; a disagreement is shown.
		const agree = samples.every((s) => JSON.stringify(s) === JSON.stringify(samples[0]));
		return { ...samples[0], samples: samples.length, agree };
	};
}

export function reportCounts(counts, labels) {
	printTable(
		'Per inquiry, load-independent (from n8n execution data: the entry and the hub and Outbox runs it started)',
		Object.entries(counts).map(([key, c]) => ({
			workflow: labels[key] ?? key,
			executions: c.executions,
			'executed nodes': c.nodes,
			'Data table operations': c.dataTableOperations,
			'samples agree': c.agree ? `yes (${c.samples})` : `NO (${c.samples})`,
			'runs not kept': c.missing,
		})),
	);
}
