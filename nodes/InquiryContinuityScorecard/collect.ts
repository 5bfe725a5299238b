import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { InquiryError } from '../../core/shared/errors';
import { toNodeError } from '../shared/runner';

/**
 * The all-items counterpart of runPerItem, for operations that turn every input item into one
 * result: each item is read on its own, so a bad one names its index and fix hint; with
 * "On Error → Continue" it is left out and listed under `skipped` instead of stopping the report.
 */
export function readAllItems<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (json: IDataObject, itemIndex: number) => T,
): { values: T[]; skipped: IDataObject[] } {
	const values: T[] = [];
	const skipped: IDataObject[] = [];
	items.forEach((item, itemIndex) => {
		try {
			values.push(read(item.json, itemIndex));
		} catch (error) {
			const nodeError = toNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			skipped.push({
				item: itemIndex,
				error: nodeError.message,
				errorCode: error instanceof InquiryError ? error.code : 'UNEXPECTED',
			});
		}
	});
	return { values, skipped };
}

/** One item made from all inputs: its pairedItem lists every input, so `$('Node').item` resolves. */
export function oneItemFromAll(
	items: INodeExecutionData[],
	json: IDataObject,
): INodeExecutionData[][] {
	return [[{ json, pairedItem: items.map((_, item) => ({ item })) }]];
}
