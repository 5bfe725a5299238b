import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readInquiryParameter } from '../../../core/inquiry/parameter';
import {
	DEFAULT_REPEAT_WINDOW_HOURS,
	matchOpenInquiryItem,
	readEarlierRows,
	readRepeatWindow,
} from '../../../core/scorecard/repeat';
import { runPerItem } from '../../shared/runner';
import { MATCH_OUTPUT } from '../inquiryContinuityScorecard.description';

/** Match Open Inquiry: each contact to Repeat (joins the person's open inquiry) or New. */
export async function matchOpenInquiry(
	ctx: IExecuteFunctions,
	now: Date,
): Promise<INodeExecutionData[][]> {
	return await runPerItem(
		ctx,
		2,
		(_item, itemIndex) => {
			const inquiry = readInquiryParameter(() => ctx.getNodeParameter('inquiry', itemIndex));
			const rows = readEarlierRows(ctx.getNodeParameter('earlierInquiries', itemIndex, []));
			const windowHours = readRepeatWindow(
				ctx.getNodeParameter('repeatWindowHours', itemIndex, DEFAULT_REPEAT_WINDOW_HOURS),
			);
			const result = matchOpenInquiryItem(inquiry, rows, { now, windowHours });
			return {
				output: result.repeat ? MATCH_OUTPUT.repeat : MATCH_OUTPUT.new,
				json: result.json as IDataObject,
			};
		},
		// A contact that could not be matched goes on as new: the chain then handles (and alerts) it.
		{ errorOutput: MATCH_OUTPUT.new },
	);
}
