import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from './runner';

/** Just the parts of IExecuteFunctions the runner touches. */
function fakeContext(items: INodeExecutionData[], continueOnFail: boolean): IExecuteFunctions {
	return {
		getInputData: () => items,
		continueOnFail: () => continueOnFail,
		getNode: () => ({ id: 'n', name: 'Node', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }),
	} as unknown as IExecuteFunctions;
}

describe('runPerItem with several outcomes per item (batched deliveries)', () => {
	const items = [{ json: { events: 3 } }, { json: { events: 1 } }];

	it("emits every outcome of an item, each with that item's pairedItem", async () => {
		const outputs = await runPerItem(fakeContext(items, false), 2, (item) =>
			Array.from({ length: Number(item.json.events) }, (_, event) => ({ output: event % 2, json: { event } })),
		);
		expect(outputs[0]).toEqual([
			{ json: { event: 0 }, pairedItem: { item: 0 } },
			{ json: { event: 2 }, pairedItem: { item: 0 } },
			{ json: { event: 0 }, pairedItem: { item: 1 } },
		]);
		expect(outputs[1]).toEqual([{ json: { event: 1 }, pairedItem: { item: 0 } }]);
	});

	it('never lets an item vanish: no outcome is an error, kept with On Error → Continue', async () => {
		await expect(runPerItem(fakeContext(items, false), 2, () => [])).rejects.toThrow('The item produced no output');
		const outputs = await runPerItem(fakeContext(items, true), 2, () => []);
		expect(outputs[0].map((out) => [out.json.events, out.json.errorCode, out.pairedItem])).toEqual([
			[3, 'UNEXPECTED', { item: 0 }],
			[1, 'UNEXPECTED', { item: 1 }],
		]);
	});
});
