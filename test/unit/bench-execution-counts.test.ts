import { addCounts, countExecution, type RunData } from '../../bench/executionCounts';

const item = (json: Record<string, unknown> = {}, subExecution?: string) => ({
	json,
	...(subExecution ? { metadata: { subExecution: { executionId: subExecution } } } : {}),
});

describe('bench execution counts', () => {
	test('counts node runs and one Data table operation per input item', () => {
		const runData: RunData = {
			Webhook: [{ source: [], data: { main: [[item()]] } }],
			'Read Rows': [
				{
					source: [{ previousNode: 'Webhook' }],
					data: { main: [[item(), item(), item()]] },
				},
			],
			// Three items in from Read Rows: three updates.
			'Update Rows': [
				{ source: [{ previousNode: 'Read Rows' }], data: { main: [[item(), item(), item()]] } },
			],
			Done: [{ source: [{ previousNode: 'Update Rows' }], data: { main: [[item()]] } }],
		};
		const types = {
			Webhook: { type: 'n8n-nodes-base.webhook' },
			'Read Rows': { type: 'n8n-nodes-base.dataTable' },
			'Update Rows': { type: 'n8n-nodes-base.dataTable' },
			Done: { type: 'n8n-nodes-base.noOp' },
		};
		expect(countExecution(runData, types)).toEqual({
			nodes: 4,
			dataTableOperations: 4,
			subExecutions: [],
		});
	});

	test('a node run twice counts twice; the second run reads its own source run and output', () => {
		const runData: RunData = {
			Split: [{ data: { main: [[item()], [item(), item()]] } }],
			Write: [
				{ source: [{ previousNode: 'Split', previousNodeOutput: 0 }], data: { main: [[item()]] } },
				{ source: [{ previousNode: 'Split', previousNodeOutput: 1 }], data: { main: [[item()]] } },
			],
		};
		const counts = countExecution(runData, {
			Split: { type: 'n8n-nodes-base.if' },
			Write: { type: 'n8n-nodes-base.dataTable' },
		});
		expect(counts.nodes).toBe(3);
		expect(counts.dataTableOperations).toBe(3);
	});

	test('a node set to execute once is one operation whatever it receives', () => {
		const runData: RunData = {
			'Read Settings': [{ data: { main: [[item(), item(), item(), item()]] } }],
			'Read Team': [
				{ source: [{ previousNode: 'Read Settings' }], data: { main: [[item(), item()]] } },
			],
		};
		const nodes = {
			'Read Settings': { type: 'n8n-nodes-base.dataTable' },
			'Read Team': { type: 'n8n-nodes-base.dataTable', executeOnce: true },
		};
		expect(countExecution(runData, nodes).dataTableOperations).toBe(2);
	});

	test('finds sub-executions in run metadata (once mode) and item metadata (each mode), once each', () => {
		const runData: RunData = {
			'Run the Hub': [
				{
					source: [null],
					metadata: { subExecution: { executionId: 41, workflowId: 'hub' } },
					data: { main: [[item({ ok: true })]] },
				},
			],
			'Hand to Outbox': [
				{
					source: [{ previousNode: 'Run the Hub' }],
					data: { main: [[item({}, '42'), item({}, '43'), item({}, '42')]] },
				},
			],
		};
		expect(countExecution(runData, {}).subExecutions).toEqual(['41', '42', '43']);
	});

	test('adds the counts of an entry and the runs it started', () => {
		expect(
			addCounts([
				{ nodes: 5, dataTableOperations: 1, subExecutions: ['2'] },
				{ nodes: 30, dataTableOperations: 9, subExecutions: [] },
			]),
		).toEqual({ nodes: 35, dataTableOperations: 10 });
	});
});
