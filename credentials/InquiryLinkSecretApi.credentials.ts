import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The secret the one-click links in owner messages are signed with, and the public address the
 * links point at. The secret never leaves n8n: the Inquiry Claim Links node signs each link with
 * it and checks each click against it, so nobody can claim or pass someone else's inquiry.
 */
export class InquiryLinkSecretApi implements ICredentialType {
	name = 'inquiryLinkSecretApi';

	displayName = 'Inquiry Link Secret API';

	icon: Icon = {
		light: 'file:inquiryLinkSecretApi.svg',
		dark: 'file:inquiryLinkSecretApi.dark.svg',
	};

	documentationUrl =
		'https://github.com/inquiry-continuity/n8n-nodes-inquiry-continuity/blob/main/docs/nodes/inquiry-claim-links.md#the-inquiry-link-secret-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Link Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'At least 32 random characters, e.g. from `openssl rand -base64 32`. Links are signed with it; changing it makes every link already sent invalid.',
		},
		{
			displayName: 'Public Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://n8n.example.com',
			description:
				'Where the people who get the messages reach this n8n: your WEBHOOK_URL behind a reverse proxy or tunnel, or http://127.0.0.1:5678 to try it on this machine. The links go to <base URL>/webhook/<path>.',
		},
	];
}
