import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { readInquiry } from '../../../core/inquiry/read';
import type { MessageKind } from '../../../core/loop/message';
import { ownerNotice } from '../../../core/loop/notice';
import { clockTime } from '../../../core/loop/parameters';
import { runPerItem } from '../../shared/runner';
import { CREDENTIAL_TYPE } from '../inquiryClaimLinks.description';

/** Create Owner Message: each inquiry leaves with `ownerNotice` (e-mail, SMS, chat and the signed links). */
export async function createOwnerMessages(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Read inside the item loop, once: a missing credential is then an item error that "On Error →
	// Continue (using error output)" routes to the error output, not a node error that n8n would
	// answer by passing the items on unchanged through the Message output.
	let credentials: Promise<ICredentialDataDecryptedObject> | undefined;
	const realNow = new Date();
	return await runPerItem(ctx, 1, async (item, itemIndex) => {
		const { baseUrl, secret } = await (credentials ??= ctx.getCredentials(CREDENTIAL_TYPE));
		const param = <T>(name: string, fallback: T) =>
			ctx.getNodeParameter(name, itemIndex, fallback) as T;
		const notice = ownerNotice(
			readInquiry(item.json),
			{
				baseUrl: String(baseUrl ?? ''),
				secret: String(secret ?? ''),
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
