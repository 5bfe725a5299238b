import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { ScorecardRow } from '../../../core/scorecard/ledger';
import { readScorecardItem } from '../../../core/scorecard/ledger';
import type { ClockParameters } from '../../../core/scorecard/parameters';
import {
	calendarFromParameters,
	readPeriodEnd,
	readReportTimezone,
} from '../../../core/scorecard/parameters';
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
		const clock: ClockParameters = {
			clock: ctx.getNodeParameter('clock', 0, 'business') as ClockParameters['clock'],
			businessTimezone: ctx.getNodeParameter('businessTimezone', 0, '') as string,
			businessHours: ctx.getNodeParameter('businessHours', 0, 'Mon-Fri 09:00-17:00') as string,
			holidays: ctx.getNodeParameter('holidays', 0, '') as string,
		};
		const calendar = calendarFromParameters(clock, ctx.getTimezone());
		const { values, skipped } = readAllItems<ScorecardRow>(ctx, items, (json) =>
			readScorecardItem(json, now),
		);
		const report = periodReport(values, {
			from,
			to,
			now,
			calendar,
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
