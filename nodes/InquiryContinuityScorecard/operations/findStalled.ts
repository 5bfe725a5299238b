import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { SweepParameters } from '../../../core/scorecard/parameters';
import { compileSweepParameters } from '../../../core/scorecard/parameters';
import type { CompiledSweep } from '../../../core/scorecard/sweep';
import { sweepItem } from '../../../core/scorecard/sweepItem';
import { runPerItem } from '../../shared/runner';
import { runSettingsReader } from '../../shared/settings';
import { scorecardProperties, SWEEP_OUTPUT } from '../inquiryContinuityScorecard.description';

/** Each sweep setting with the value a hidden parameter stands for. */
const SWEEP_SETTINGS: Required<SweepParameters> = {
	clock: 'business',
	assignWithinMinutes: 15,
	verifyWithinMinutes: 30,
	businessTimezone: '',
	businessHours: 'Mon-Fri 09:00-17:00',
	holidays: '',
};

/** Find Stalled Inquiries: each ledger row or inquiry to Stalled (with why and what to do) or Healthy. */
export async function findStalled(
	ctx: IExecuteFunctions,
	now: Date,
): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode().name;
	const readSettings = runSettingsReader<Required<SweepParameters>>(
		ctx,
		SWEEP_SETTINGS,
		scorecardProperties,
	);
	let sweep: CompiledSweep | undefined;
	return await runPerItem(
		ctx,
		2,
		(item, itemIndex) => {
			const settings = readSettings(itemIndex);
			sweep ??= compileSweepParameters(settings, ctx.getTimezone());
			const result = sweepItem(item.json, sweep, now, node);
			return {
				output: result.stalled ? SWEEP_OUTPUT.stalled : SWEEP_OUTPUT.healthy,
				json: result.json as IDataObject,
			};
		},
		{ errorOutput: SWEEP_OUTPUT.stalled },
	);
}
