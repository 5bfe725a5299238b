// 5. Ad lead → owner (Meta Lead Ads with the Graph lookup and hub.challenge handshake; Google Ads lead forms).
import { expr, TemplateBuilder } from '../lib.mjs';
import { addEntry } from '../entry.mjs';
import { ENTRY_SETUP, overview } from '../notes.mjs';
import { webhookEntry } from '../sections.mjs';

export const file = '05-ad-lead-to-owner.json';

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: Meta and Google ad leads → owner', {
		tags: ['inquiry-continuity'],
	});
	overview(b, {
		closes: 'Ad leads that sit in an ads dashboard until someone remembers to download them.',
		how: [
			'Meta first checks the webhook with a GET handshake: **Meta Verification** answers it with `hub.challenge`.',
			'Google Ads lead forms post the whole lead; Meta posts only the lead id, so **Fetch Lead (Graph API)** looks it up and **Normalize Lead Details** reads it.',
			'Then context, owner, record, read-back and verification run as for every inquiry; a lookup that fails raises an alert with the lead id.',
		],
		setup: [
			'Meta: subscribe your Page to *leadgen* with the callback …/webhook/inquiry-ad-lead and the verify token you put in **Meta Verification**; add a Facebook Graph API credential (Page token with *leads_retrieval*) to **Fetch Lead (Graph API)**.',
			'Google Ads: in the lead form asset, set the webhook URL to …/webhook/inquiry-ad-lead and a key; enter the same key in an *Inquiry Webhook Secret API* credential and turn on **Check Signature**.',
			...ENTRY_SETUP,
			'Press **Publish**.',
		],
	});

	webhookEntry(b, 'Meta Handshake', 'inquiry-ad-lead', [0, -2.2], { method: 'GET' });
	b.node(
		'Meta Verification',
		'n8n-nodes-base.respondToWebhook',
		1.5,
		{
			respondWith: 'text',
			responseBody: expr(
				"$json.query['hub.mode'] === 'subscribe' && $json.query['hub.verify_token'] === 'your-verify-token' ? $json.query['hub.challenge'] : 'verify token mismatch'",
			),
			options: {
				responseCode: expr("$json.query['hub.verify_token'] === 'your-verify-token' ? 200 : 403"),
			},
		},
		[1, -2.2],
	);
	b.connect('Meta Handshake', 'Meta Verification');

	webhookEntry(b, 'Lead Webhook', 'inquiry-ad-lead', [0, 1]);
	addEntry(b, 'Lead Webhook', 1, {
		respond: true,
		afterNormalize: (builder, from, [column, row]) => {
			builder.node(
				'Needs Lookup?',
				'n8n-nodes-base.if',
				2.2,
				{
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
						conditions: [
							{
								id: 'lookup',
								leftValue: expr('$json.needsLookup?.system ?? ""'),
								rightValue: 'meta_lead_ads',
								operator: { type: 'string', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
				[column, row],
			);
			builder.connect(from.node, 'Needs Lookup?', from.output);
			builder.node(
				'Fetch Lead (Graph API)',
				'n8n-nodes-base.httpRequest',
				4.2,
				{
					url: expr('"https://graph.facebook.com/v21.0/" + $json.needsLookup.ids.leadgenId'),
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'facebookGraphApi',
					options: {},
				},
				[column + 1, row - 1],
				{ onError: 'continueErrorOutput' },
			);
			builder.connect('Needs Lookup?', 'Fetch Lead (Graph API)', 0);
			builder.ours(
				'Normalize Lead Details',
				'normalizeInquiry',
				{ source: 'meta_lead', defaultCountry: 'US', payloadFrom: 'wholeItem' },
				[column + 2, row - 1],
			);
			builder.connect('Fetch Lead (Graph API)', 'Normalize Lead Details', 0);
			// A complete Google lead goes straight on; a looked-up Meta lead, and any lookup that
			// failed (the hub raises the alert with the reason), follow it.
			return {
				node: 'Needs Lookup?',
				output: 1,
				columns: 3,
				alsoToHub: [
					['Normalize Lead Details', 0],
					['Normalize Lead Details', 1],
					['Fetch Lead (Graph API)', 1],
				],
			};
		},
	});
	return b;
}
