import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { InquiryError } from '../../core/shared/errors';

/** Where one input item goes, and what it carries. */
export interface ItemOutcome {
	/** Index into the node's outputs (0 = first output). */
	output: number;
	json: IDataObject;
}

/**
 * One outcome per item, or several when one input item carries several events (a batched
 * webhook delivery): each leaves as its own item with the same pairedItem. Never empty.
 */
export type ItemOutcomes = ItemOutcome | ItemOutcome[];

export interface RunOptions {
	/**
	 * With "On Error → Continue (regular output)", the output a failed item leaves through. Nodes
	 * point it at their alerting branch (Invalid, Unreachable, Unassigned, Failed), so an item that
	 * failed never travels on as if it were fine. "Continue (using error output)" is unaffected.
	 */
	errorOutput?: number;
}

/**
 * The one per-item loop every node uses. It guarantees the package's conservation rule: each
 * input item leaves through exactly one output with `pairedItem` (a batch: once per event, each
 * with the same `pairedItem`), a bad item never stops the others when "On Error → Continue" is
 * set, and every error carries a fix hint.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	outputCount: number,
	handle: (item: INodeExecutionData, itemIndex: number) => ItemOutcomes | Promise<ItemOutcomes>,
	options: RunOptions = {},
): Promise<INodeExecutionData[][]> {
	const errorOutput = options.errorOutput ?? 0;
	const usesErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const items = ctx.getInputData();
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const outcome = await handle(items[itemIndex], itemIndex);
			const outcomes = Array.isArray(outcome) ? outcome : [outcome];
			if (outcomes.length === 0) throw new Error('The item produced no output');
			for (const one of outcomes)
				outputs[one.output].push({ json: one.json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			// With "Continue (using error output)" n8n routes an item by its `error`: the json alone
			// (which keeps the input's fields for the alerting branch) would stay on a main output.
			outputs[errorOutput].push({
				json: errorJson(items[itemIndex], nodeError, error),
				...(usesErrorOutput ? { error: nodeError } : {}),
				pairedItem: { item: itemIndex },
			});
		}
	}
	return outputs;
}

/** Maps any thrown value to a NodeOperationError with the item index and a fix hint. */
export function toNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeOperationError {
	if (error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof InquiryError) {
		return new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: error.hint,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description:
			'This is unexpected. Turn on "On Error → Continue" to keep other items flowing, and report the item that caused it.',
	});
}

function errorJson(
	item: INodeExecutionData,
	nodeError: NodeOperationError,
	cause: unknown,
): IDataObject {
	const code = cause instanceof InquiryError ? cause.code : 'UNEXPECTED';
	// The original item stays in the output, so continuing never loses the inquiry.
	return {
		...item.json,
		error: nodeError.message,
		errorCode: code,
		errorHint: nodeError.description ?? '',
	};
}
