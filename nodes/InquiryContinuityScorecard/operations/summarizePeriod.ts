import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { LedgerRow } from '../../../core/scorecard/ledger';
import { readScorecardItem } from '../../../core/scorecard/ledger';
import { readPeriodEnd, readReportTimezone } from '../../../core/scorecard/parameters';
import { periodReport } from '../../../core/scorecard/report';
import { toNodeError } from '../../shared/runner';
import { oneItemFromAll, readAllItems } from '../collect';

/**
 * Summarize Period: every input item into one report item. Like n8n's Summarize node, its
 * settings are read once, for the first item: the report is about all of them.
 */
export async function summarizePeriod(
	ctx: IExecuteFunctions,
	now: Date,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	try {
		const timezone = readReportTimezone(
			ctx.getNodeParameter('reportTimezone', 0, ''),
			ctx.getTimezone(),
		);
		const from = readPeriodEnd(ctx.getNodeParameter('periodStart', 0, ''), timezone, 'start');
		const to = readPeriodEnd(ctx.getNodeParameter('periodEnd', 0, ''), timezone, 'end');
		const { values, skipped } = readAllItems<LedgerRow>(ctx, items, (json) =>
			readScorecardItem(json, now),
		);
		const report = periodReport(values, {
			from,
			to,
			now,
			timezone,
			title: ctx.getNodeParameter('reportTitle', 0, 'Inquiry continuity report') as string,
			businessName: (ctx.getNodeParameter('businessName', 0, '') as string) || undefined,
		});
		return oneItemFromAll(items, {
			...report,
			...(skipped.length ? { skipped } : {}),
		} as unknown as IDataObject);
	} catch (error) {
		throw toNodeError(ctx, error, 0);
	}
}
