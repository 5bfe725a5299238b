import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { DueStep, LadderRow, LadderStep } from '../../../core/loop/ladder';
import { ladderSteps, readLadderRow } from '../../../core/loop/ladder';
import type { LadderParameters } from '../../../core/loop/parameters';
import { clockTime, ladderSettingsFromParameters } from '../../../core/loop/parameters';
import { runPerItem } from '../../shared/runner';

const OUTPUT: Record<LadderStep | 'none', number> = {
	reminder: 0,
	reassign: 1,
	manager: 2,
	contact: 3,
	none: 4,
};

/** Settings read once per run, from the first item. */
const SETTINGS: Array<keyof LadderParameters> = [
	'businessTimezone',
	'businessHours',
	'holidays',
	'remindBeforeMinutes',
	'maxHops',
	'team',
	'awayAfterMisses',
	'missedInARow',
];

/**
 * Find Due Escalation Steps: all rows are read first (an owner's missed claims count across
 * rows), then each row leaves once, on its step's output or on Nothing Due. With "On Error →
 * Continue", a row that cannot be read goes to Tell Manager: someone must look at it.
 */
export async function findDueSteps(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const parameters = Object.fromEntries(
		SETTINGS.map((name) => [name, ctx.getNodeParameter(name, 0, undefined)]),
	) as LadderParameters;
	const settings = ladderSettingsFromParameters(parameters, ctx.getTimezone());
	const now = clockTime(ctx.getNodeParameter('now', 0, ''), new Date());
	const items = ctx.getInputData();
	const rows = items.map((item): LadderRow | Error => {
		try {
			return readLadderRow(item.json);
		} catch (error) {
			return error as Error;
		}
	});
	const valid = rows.flatMap((row, itemIndex) =>
		row instanceof Error ? [] : [{ row, itemIndex }],
	);
	const { steps, owners } = ladderSteps(
		valid.map(({ row }) => row),
		settings,
		now,
	);
	const stepOf = new Map<number, DueStep>(
		steps.map((step) => [valid[step.rowIndex].itemIndex, step]),
	);
	const ownerOf = new Map(owners.map((owner) => [owner.ownerId, owner]));
	return await runPerItem(
		ctx,
		5,
		(item, itemIndex) => {
			const row = rows[itemIndex];
			if (row instanceof Error) throw row;
			const step = stepOf.get(itemIndex);
			if (!step) return { output: OUTPUT.none, json: item.json };
			const misses = step.step === 'reassign' ? ownerOf.get(step.ownerId) : undefined;
			const json = {
				...item.json,
				ladder: step as unknown as IDataObject,
				...(misses ? { ownerMissedInARow: misses.missedInARow, setOwnerAway: misses.setAway } : {}),
			};
			return { output: OUTPUT[step.step], json };
		},
		{ errorOutput: OUTPUT.manager },
	);
}
