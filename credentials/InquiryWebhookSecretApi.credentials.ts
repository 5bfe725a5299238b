import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret a vendor signs its webhooks with. It is never sent anywhere: the Normalize
 * Inquiry node uses it to recompute each delivery's signature and reject forged posts.
 */
export class InquiryWebhookSecretApi implements ICredentialType {
	name = 'inquiryWebhookSecretApi';

	displayName = 'Inquiry Webhook Secret API';

	icon: Icon = {
		light: 'file:inquiryWebhookSecretApi.svg',
		dark: 'file:inquiryWebhookSecretApi.dark.svg',
	};

	documentationUrl =
		'https://github.com/inquiry-continuity/n8n-nodes-inquiry-continuity/blob/main/docs/nodes/normalize-inquiry.md#signature-check';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The secret from the vendor's webhook settings: the signing secret (Typeform, Calendly, Cal.com, Tally, Webflow, Crisp, tawk.to, OpenPhone), the app secret (Meta, WhatsApp, Intercom, HubSpot, Jobber), the Auth Token (Twilio), the webhook signing key (Mailgun, CallRail), the lead form key (Google Ads) or the webhook token (Aircall)",
		},
		{
			displayName: 'Public Webhook URL',
			name: 'publicUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/inbound-sms',
			description:
				"Only for Twilio and HubSpot, which sign the URL they call: the exact URL entered in the vendor's settings, including any ?query. Leave empty to use the URL the Webhook node reports.",
		},
	];
}
