import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { readInquiryParameter } from '../../core/handoff/inquiryInput';
import { readInquiry } from '../../core/inquiry/read';
import type { LedgerRow } from '../../core/scorecard/ledger';
import { readScorecardItem } from '../../core/scorecard/ledger';
import type { SweepParameters } from '../../core/scorecard/parameters';
import { readPeriodEnd, readReportTimezone, sweepSettingsFromParameters } from '../../core/scorecard/parameters';
import { periodReport } from '../../core/scorecard/report';
import type { ScoreOutput } from '../../core/scorecard/scoreInquiry';
import { scoreInquiryItem } from '../../core/scorecard/scoreInquiry';
import { compileSweep } from '../../core/scorecard/sweep';
import { sweepItem } from '../../core/scorecard/sweepItem';
import { runPerItem, toNodeError } from '../shared/runner';
import { oneItemFromAll, readAllItems } from './collect';
import { OPERATIONS, OUTPUTS_EXPRESSION, scorecardProperties, SWEEP_OUTPUT } from './inquiryContinuityScorecard.description';

/** Each sweep setting with the value a hidden parameter stands for. */
const SWEEP_SETTINGS: Required<SweepParameters> = {
	clock: 'business',
	assignWithinMinutes: 15,
	verifyWithinMinutes: 30,
	businessTimezone: '',
	businessHours: 'Mon-Fri 09:00-17:00',
	holidays: '',
};

function readSweepParameters(ctx: IExecuteFunctions): SweepParameters {
	return Object.fromEntries(
		Object.entries(SWEEP_SETTINGS).map(([name, hidden]) => [name, ctx.getNodeParameter(name, 0, hidden)]),
	) as SweepParameters;
}

export class InquiryContinuityScorecard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inquiry Continuity Scorecard',
		name: 'inquiryContinuityScorecard',
		icon: { light: 'file:inquiryContinuityScorecard.svg', dark: 'file:inquiryContinuityScorecard.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { scoreInquiry: "Score inquiry", summarizePeriod: "Summarize period", findStalled: "Find stalled inquiries" }[$parameter.operation] }}',
		description:
			'Score each inquiry on the five continuity checks, send a period report with charts, and sweep for inquiries that stalled',
		defaults: { name: 'Inquiry Continuity Scorecard' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		properties: scorecardProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const now = new Date();
		const operation = this.getNodeParameter('operation', 0) as string;

		if (operation === OPERATIONS.summarize) {
			const items = this.getInputData();
			try {
				const timezone = readReportTimezone(this.getNodeParameter('reportTimezone', 0, ''), this.getTimezone());
				const from = readPeriodEnd(this.getNodeParameter('periodStart', 0, ''), timezone, 'start');
				const to = readPeriodEnd(this.getNodeParameter('periodEnd', 0, ''), timezone, 'end');
				const { values, skipped } = readAllItems<LedgerRow>(this, items, (json) => readScorecardItem(json, now));
				const report = periodReport(values, {
					from,
					to,
					now,
					timezone,
					title: this.getNodeParameter('reportTitle', 0, 'Inquiry continuity report') as string,
					businessName: (this.getNodeParameter('businessName', 0, '') as string) || undefined,
				});
				return oneItemFromAll(items, { ...report, ...(skipped.length ? { skipped } : {}) } as unknown as IDataObject);
			} catch (error) {
				throw toNodeError(this, error, 0);
			}
		}

		if (operation === OPERATIONS.findStalled) {
			const node = this.getNode().name;
			let sweep: ReturnType<typeof compileSweep> | undefined;
			return await runPerItem(
				this,
				2,
				(item) => {
					// Thresholds and hours are a setup choice: read and checked once, from the first item.
					sweep ??= compileSweep(sweepSettingsFromParameters(readSweepParameters(this), this.getTimezone()));
					const result = sweepItem(item.json, sweep, now, node);
					return { output: result.stalled ? SWEEP_OUTPUT.stalled : SWEEP_OUTPUT.healthy, json: result.json as IDataObject };
				},
				{ errorOutput: SWEEP_OUTPUT.stalled },
			);
		}

		const node = this.getNode().name;
		const output = this.getNodeParameter('output', 0, 'inquiry') as ScoreOutput;
		// The default ({{ $json }}) is the item itself: read it directly, with the hint for input items.
		const fromInput = [undefined, '', '={{ $json }}'].includes(this.getNode().parameters.inquiry as string | undefined);
		return await runPerItem(this, 1, (item, itemIndex) => {
			const inquiry = fromInput ? readInquiry(item.json) : readInquiryParameter(this.getNodeParameter('inquiry', itemIndex));
			const alertSent = this.getNodeParameter('alertSent', itemIndex, false) as boolean;
			return {
				output: 0,
				json: scoreInquiryItem(inquiry, now, { output, alertSentBy: alertSent ? node : undefined }) as IDataObject,
			};
		});
	}
}
