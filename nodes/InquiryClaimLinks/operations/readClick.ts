import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readClick } from '../../../core/loop/click';
import { clockTime } from '../../../core/loop/parameters';
import type { LinkAction } from '../../../core/loop/token';
import { checkLinkSecret } from '../../../core/loop/token';
import { runPerItem } from '../../shared/runner';
import { CREDENTIAL_TYPE } from '../inquiryClaimLinks.description';

const OUTPUT: Record<LinkAction | 'refused', number> = {
	claim: 0,
	pass: 1,
	contacted: 2,
	refused: 3,
};

/**
 * Read Clicked Link: a valid click leaves on its action's output with the ledger change flattened
 * for the Data table node (inquiryId, ownerId, hops, where, set) and both answer pages.
 */
export async function readClickedLinks(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const secret = checkLinkSecret((await ctx.getCredentials(CREDENTIAL_TYPE)).secret);
	const realNow = new Date();
	return await runPerItem(
		ctx,
		4,
		(_item, itemIndex) => {
			const param = <T>(name: string, fallback: T) =>
				ctx.getNodeParameter(name, itemIndex, fallback) as T;
			const expected = param<LinkAction | 'any'>('expectedAction', 'any');
			const now = clockTime(param('now', ''), realNow);
			const outcome = readClick(
				param<unknown>('linkCode', ''),
				secret,
				now,
				expected === 'any' ? undefined : expected,
				{ businessName: param('businessName', '') },
			);
			if (outcome.status === 'refused')
				return {
					output: OUTPUT.refused,
					json: {
						refused: outcome.reason,
						...(outcome.link ?? {}),
						page: outcome.page,
					} as unknown as IDataObject,
				};
			const { link, change, page, unchangedPage } = outcome;
			return {
				output: OUTPUT[link.action],
				json: {
					...link,
					hops: link.hop,
					at: now.toISOString(),
					where: change.where,
					set: change.set,
					exclude: change.exclude,
					page,
					unchangedPage,
				} as unknown as IDataObject,
			};
		},
		{ errorOutput: OUTPUT.refused },
	);
}
