import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readInquiry } from '../../../core/inquiry/read';
import type { MessageKind } from '../../../core/loop/message';
import { ownerNotice } from '../../../core/loop/notice';
import { clockTime } from '../../../core/loop/parameters';
import { runPerItem } from '../../shared/runner';
import { CREDENTIAL_TYPE } from '../inquiryClaimLinks.description';

/** Create Owner Message: each inquiry leaves with `ownerNotice` (e-mail, SMS, chat and the signed links). */
export async function createOwnerMessages(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const realNow = new Date();
	return await runPerItem(ctx, 1, (item, itemIndex) => {
		const param = <T>(name: string, fallback: T) =>
			ctx.getNodeParameter(name, itemIndex, fallback) as T;
		const notice = ownerNotice(
			readInquiry(item.json),
			{
				baseUrl: String(credentials.baseUrl ?? ''),
				secret: String(credentials.secret ?? ''),
				path: param('webhookPath', 'inquiry-link'),
				lifetimeHours: param('lifetimeHours', 72),
				businessName: param('businessName', ''),
				timezone: param('timezone', '') || ctx.getTimezone(),
				kind: param<MessageKind>('messageKind', 'new'),
				hop: param('hop', 0),
			},
			clockTime(param('now', ''), realNow),
		);
		return { output: 0, json: { ...item.json, ownerNotice: notice as unknown as IDataObject } };
	});
}
