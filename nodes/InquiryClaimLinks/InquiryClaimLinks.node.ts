import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { checkLinkCredential } from '../../core/loop/links';
import type { Operation } from './inquiryClaimLinks.description';
import {
	inquiryClaimLinksProperties,
	OUTPUTS_EXPRESSION,
	SUBTITLE_EXPRESSION,
} from './inquiryClaimLinks.description';
import { findDueSteps } from './operations/ladder';
import { createOwnerMessages } from './operations/ownerMessage';
import { readClickedLinks } from './operations/readClick';

const OPERATIONS: Record<Operation, (ctx: IExecuteFunctions) => Promise<INodeExecutionData[][]>> = {
	ownerMessage: createOwnerMessages,
	readClick: readClickedLinks,
	ladder: findDueSteps,
};

export class InquiryClaimLinks implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Inquiry Claim Links',
		name: 'inquiryClaimLinks',
		icon: { light: 'file:inquiryClaimLinks.svg', dark: 'file:inquiryClaimLinks.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: SUBTITLE_EXPRESSION,
		description:
			'Tell the owner about their inquiry with one-click "I\'ve got it" and "Pass it on" links, record their click, and remind, reassign or escalate what nobody claims',
		defaults: { name: 'Inquiry Claim Links' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [
			{
				name: 'inquiryLinkSecretApi',
				required: true,
				testedBy: 'inquiryLinkSecretShape',
				displayOptions: { show: { operation: ['ownerMessage', 'readClick'] } },
			},
		],
		properties: inquiryClaimLinksProperties,
	};

	methods = {
		credentialTest: {
			// Nothing remote can confirm a signing secret; this checks what can be checked locally.
			async inquiryLinkSecretShape(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const shape = checkLinkCredential(credential.data?.secret, credential.data?.baseUrl);
				return { status: shape.ok ? 'OK' : 'Error', message: shape.message };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as Operation;
		return await OPERATIONS[operation](this);
	}
}
