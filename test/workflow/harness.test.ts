import { InMemoryDataTables, manualTriggerWorkflow, runWorkflow } from '../harness';

describe('in-process harness', () => {
	it('runs real n8n-nodes-base nodes with expressions and returns their output', async () => {
		const workflow = manualTriggerWorkflow(
			[{ n: 1 }, { n: 2 }],
			[
				{
					name: 'Edit Fields',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					parameters: {
						assignments: {
							assignments: [
								{ id: 'a', name: 'double', type: 'number', value: '={{ $json.n * 2 }}' },
							],
						},
						options: {},
					},
				},
			],
		);
		const result = await runWorkflow(workflow);
		expect(result.error).toBeUndefined();
		expect(result.output('Edit Fields')).toEqual([{ double: 2 }, { double: 4 }]);
	});

	// Nodes read the clock in the main process (expressions may run in an isolate with its own clock).
	it('fakes the main-process clock when asked, with timers left real', async () => {
		const workflow = manualTriggerWorkflow(
			[{}],
			[
				{
					name: 'Now',
					type: 'n8n-nodes-base.dateTime',
					typeVersion: 2,
					parameters: {
						operation: 'getCurrentDate',
						includeTime: true,
						outputFieldName: 'at',
						options: { timezone: 'UTC' },
					},
				},
			],
		);
		const result = await runWorkflow(workflow, { now: '2026-05-04T10:00:00.000Z' });
		expect(String(result.output('Now')[0].at)).toMatch(/^2026-05-04T10:00:00(\.000)?(Z|\+00:00)$/);
	});
});

describe('in-memory Data tables', () => {
	it('lets the real Data table node upsert by key, referencing the table by name', async () => {
		const tables = new InMemoryDataTables();
		tables.create('records', [
			{ name: 'key', type: 'string' },
			{ name: 'n', type: 'number' },
		]);
		const workflow = manualTriggerWorkflow(
			[
				{ key: 'a', n: 1 },
				{ key: 'b', n: 2 },
				{ key: 'a', n: 3 },
			],
			[
				{
					name: 'Upsert',
					type: 'n8n-nodes-base.dataTable',
					typeVersion: 1,
					parameters: {
						resource: 'row',
						operation: 'upsert',
						dataTableId: { __rl: true, mode: 'name', value: 'records' },
						filters: {
							conditions: [{ keyName: 'key', condition: 'eq', keyValue: '={{ $json.key }}' }],
						},
						columns: {
							mappingMode: 'defineBelow',
							value: { key: '={{ $json.key }}', n: '={{ $json.n }}' },
							matchingColumns: [],
							schema: [],
						},
						options: {},
					},
				},
			],
		);
		const result = await runWorkflow(workflow, { dataTables: tables });
		expect(result.error).toBeUndefined();
		expect(tables.rows('records').map((r) => [r.key, r.n])).toEqual([
			['a', 3],
			['b', 2],
		]);
	});
});
