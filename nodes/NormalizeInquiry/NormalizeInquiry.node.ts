import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { CustomMappingRow } from '../../core/inquiry/receive/customDraft';
import { customDraftFrom } from '../../core/inquiry/receive/customDraft';
import type { PayloadSource } from '../../core/inquiry/receive/delivery';
import type { ReceiveResult, SignatureCheck } from '../../core/inquiry/receive/receiveInquiry';
import { receiveInquiry } from '../../core/inquiry/receive/receiveInquiry';
import { checkSecretShape } from '../../core/inquiry/signatures/secret';
import type { SignatureScheme } from '../../core/inquiry/signatures/types';
import type { ItemOutcome } from '../shared/runner';
import { runPerItem } from '../shared/runner';
import {
	normalizeInquiryProperties,
	OUTPUT,
	OUTPUTS_EXPRESSION,
	SUBTITLE_EXPRESSION,
} from './normalizeInquiry.description';

export class NormalizeInquiry implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Normalize Inquiry',
		name: 'normalizeInquiry',
		icon: { light: 'file:normalizeInquiry.svg', dark: 'file:normalizeInquiry.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: SUBTITLE_EXPRESSION,
		description:
			'Turn a new lead from any form, call, text, chat, email, booking or ad into one clean inquiry record, and reject forged webhook posts',
		defaults: { name: 'Normalize Inquiry' },
		// An AI agent can call it with a lead's details: Custom Mapping rows take them through $fromAI().
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [
			{
				name: 'inquiryWebhookSecretApi',
				required: true,
				testedBy: 'inquiryWebhookSecretShape',
				displayOptions: { show: { checkSignature: [true] } },
			},
		],
		properties: normalizeInquiryProperties,
	};

	methods = {
		credentialTest: {
			// No vendor can confirm a signing secret on request; this checks what can be checked locally.
			async inquiryWebhookSecretShape(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const shape = checkSecretShape(credential.data?.secret, credential.data?.publicUrl);
				return { status: shape.ok ? 'OK' : 'Error', message: shape.message };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const checkSignature = this.getNodeParameter('checkSignature', 0, false) as boolean;
		const now = new Date();
		let credentials: Promise<IDataObject> | undefined;
		const secret = () => (credentials ??= this.getCredentials('inquiryWebhookSecretApi'));

		return await runPerItem(
			this,
			checkSignature ? 3 : 2,
			async (item, itemIndex) => {
				const param = <T>(name: string, fallback: T) =>
					this.getNodeParameter(name, itemIndex, fallback) as T;
				const source = param<string>('source', 'auto');
				let signature: SignatureCheck | undefined;
				let rawBody: Buffer | undefined;
				if (checkSignature) {
					const credential = await secret();
					signature = {
						scheme: param<SignatureScheme | 'auto'>('signatureScheme', 'auto'),
						secret: String(credential.secret ?? ''),
						publicUrl: String(credential.publicUrl ?? ''),
						toleranceSeconds: param<{ toleranceSeconds?: number }>('signatureOptions', {})
							.toleranceSeconds,
					};
					// The Webhook node's "Raw Body" option puts the exact posted bytes in binary "data".
					if (item.binary?.data)
						rawBody = await this.helpers.getBinaryDataBuffer(itemIndex, 'data');
				}
				const result = receiveInquiry(item.json, {
					source,
					defaultCountry: param('defaultCountry', 'US'),
					payloadFrom: param<PayloadSource>('payloadFrom', 'auto'),
					payloadField: param('payloadField', ''),
					keepRaw: param('keepRaw', true),
					customDraft:
						source === 'custom'
							? customDraftFrom(
									param<{ mappings?: CustomMappingRow[] }>('customMapping', {}).mappings ?? [],
								)
							: undefined,
					signature,
					rawBody,
					now,
					nodeName: this.getNode().name,
				});
				return toOutcomes(item.json, result);
			},
			{ errorOutput: OUTPUT.invalid },
		);
	}
}

/** Normalized inquiries leave as themselves; Invalid and Rejected items keep the original data. */
function toOutcomes(original: IDataObject, result: ReceiveResult): ItemOutcome | ItemOutcome[] {
	if (result.status === 'rejected') {
		return { output: OUTPUT.rejected, json: { ...original, rejected: result.rejected } };
	}
	return result.results.map((one) =>
		one.status === 'invalid'
			? {
					output: OUTPUT.invalid,
					json: {
						...original,
						invalid: { reasons: one.reasons, hint: one.hint, preset: one.preset },
					},
				}
			: { output: OUTPUT.normalized, json: one.inquiry as unknown as IDataObject },
	);
}
