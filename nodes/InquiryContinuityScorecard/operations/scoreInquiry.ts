import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readInquiryParameter } from '../../../core/inquiry/parameter';
import type { ScoreOutput } from '../../../core/scorecard/scoreInquiry';
import { scoreInquiryItem } from '../../../core/scorecard/scoreInquiry';
import { runPerItem } from '../../shared/runner';

/** Score Inquiry: each item's inquiry (the Inquiry parameter, `{{ $json }}` by default) with its scorecard. */
export async function scoreInquiry(
	ctx: IExecuteFunctions,
	now: Date,
): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode().name;
	const output = ctx.getNodeParameter('output', 0, 'inquiry') as ScoreOutput;
	return await runPerItem(ctx, 1, (_item, itemIndex) => {
		const inquiry = readInquiryParameter(() => ctx.getNodeParameter('inquiry', itemIndex));
		const alertSent = ctx.getNodeParameter('alertSent', itemIndex, false) as boolean;
		return {
			output: 0,
			json: scoreInquiryItem(inquiry, now, {
				output,
				alertSentBy: alertSent ? node : undefined,
			}) as IDataObject,
		};
	});
}
