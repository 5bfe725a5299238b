import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ERROR_CATALOG, InquiryError } from '../../core/shared/errors';
import { runPerItem } from './runner';

/** Just the parts of IExecuteFunctions the runner touches. */
function fakeContext(items: INodeExecutionData[], continueOnFail: boolean): IExecuteFunctions {
	return {
		getInputData: () => items,
		continueOnFail: () => continueOnFail,
		getNode: () => ({
			id: 'n',
			name: 'Node',
			type: 'x',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	} as unknown as IExecuteFunctions;
}

describe('runPerItem with several outcomes per item (batched deliveries)', () => {
	const items = [{ json: { events: 3 } }, { json: { events: 1 } }];

	it("emits every outcome of an item, each with that item's pairedItem", async () => {
		const outputs = await runPerItem(fakeContext(items, false), 2, (item) =>
			Array.from({ length: Number(item.json.events) }, (_, event) => ({
				output: event % 2,
				json: { event },
			})),
		);
		expect(outputs[0]).toEqual([
			{ json: { event: 0 }, pairedItem: { item: 0 } },
			{ json: { event: 2 }, pairedItem: { item: 0 } },
			{ json: { event: 0 }, pairedItem: { item: 1 } },
		]);
		expect(outputs[1]).toEqual([{ json: { event: 1 }, pairedItem: { item: 0 } }]);
	});

	it('never lets an item vanish: no outcome is an error, kept with On Error → Continue', async () => {
		await expect(runPerItem(fakeContext(items, false), 2, () => [])).rejects.toThrow(
			'The item produced no output',
		);
		const outputs = await runPerItem(fakeContext(items, true), 2, () => []);
		expect(outputs[0].map((out) => [out.json.events, out.json.errorCode, out.pairedItem])).toEqual([
			[3, 'UNEXPECTED', { item: 0 }],
			[1, 'UNEXPECTED', { item: 1 }],
		]);
	});
});

describe('runPerItem error routing', () => {
	const items = [{ json: { ok: true } }, { json: { ok: false } }];
	const handle = (item: INodeExecutionData) => {
		if (!item.json.ok) throw new InquiryError('NOT_AN_INQUIRY');
		return { output: 0, json: { done: true } };
	};

	it('sends a failed item to the chosen alerting output with its hint, and keeps the others flowing', async () => {
		const outputs = await runPerItem(fakeContext(items, true), 3, handle, { errorOutput: 2 });
		expect(outputs[0]).toEqual([{ json: { done: true }, pairedItem: { item: 0 } }]);
		expect(outputs[1]).toEqual([]);
		expect(outputs[2]).toEqual([
			{
				json: {
					ok: false,
					error: ERROR_CATALOG.NOT_AN_INQUIRY.message,
					errorCode: 'NOT_AN_INQUIRY',
					errorHint: ERROR_CATALOG.NOT_AN_INQUIRY.hint,
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('throws a NodeOperationError with the item index and hint when not continuing', async () => {
		const failure = runPerItem(fakeContext(items, false), 3, handle, { errorOutput: 2 });
		await expect(failure).rejects.toBeInstanceOf(NodeOperationError);
		await expect(failure).rejects.toMatchObject({
			context: { itemIndex: 1 },
			description: ERROR_CATALOG.NOT_AN_INQUIRY.hint,
		});
	});
});
