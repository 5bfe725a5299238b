// 5. Ad lead → owner (Meta Lead Ads with the Graph lookup and hub.challenge handshake; Google Ads lead forms).
import { expr, TemplateBuilder } from '../lib.mjs';
import { addContinuityChain } from '../chain.mjs';
import { overview } from '../notes.mjs';
import { notificationRow, webhookEntry } from '../sections.mjs';

export const file = '05-ad-lead-to-owner.json';

export function build() {
	const b = new TemplateBuilder('Inquiry continuity: Meta and Google ad leads → owner', { tags: ['inquiry-continuity'] });
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
			'Fill in your team in **Assign Inquiry Owner**, then **Publish**.',
		],
	});

	webhookEntry(b, 'Meta Handshake', 'inquiry-ad-lead', [0, -2.2], { method: 'GET' });
	b.node('Meta Verification', 'n8n-nodes-base.respondToWebhook', 1.5, {
		respondWith: 'text',
		responseBody: expr("$json.query['hub.mode'] === 'subscribe' && $json.query['hub.verify_token'] === 'your-verify-token' ? $json.query['hub.challenge'] : 'verify token mismatch'"),
		options: { responseCode: expr("$json.query['hub.verify_token'] === 'your-verify-token' ? 200 : 403") },
	}, [1, -2.2]);
	b.connect('Meta Handshake', 'Meta Verification');

	webhookEntry(b, 'Lead Webhook', 'inquiry-ad-lead', [0, 1]);
	addContinuityChain(b, 'Lead Webhook', 1, {
		respond: true,
		followUpChannel: 'email',
		profile: 'routeReady',
		afterNormalizeColumns: 4,
		afterNormalize: (builder, from, [column, row]) => {
			builder.node('Needs Lookup?', 'n8n-nodes-base.if', 2.2, {
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
					conditions: [{ id: 'lookup', leftValue: expr('$json.needsLookup?.system ?? ""'), rightValue: 'meta_lead_ads', operator: { type: 'string', operation: 'equals' } }],
					combinator: 'and',
				},
				options: {},
			}, [column, row]);
			builder.connect(from, 'Needs Lookup?');
			builder.node('Fetch Lead (Graph API)', 'n8n-nodes-base.httpRequest', 4.2, {
				url: expr('"https://graph.facebook.com/v21.0/" + $json.needsLookup.ids.leadgenId'),
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'facebookGraphApi',
				options: {},
			}, [column + 1, row - 1], { onError: 'continueErrorOutput' });
			builder.connect('Needs Lookup?', 'Fetch Lead (Graph API)', 0);
			builder.ours('Normalize Lead Details', 'normalizeInquiry', { source: 'meta_lead', defaultCountry: 'US', payloadFrom: 'wholeItem' }, [column + 2, row - 1]);
			builder.connect('Fetch Lead (Graph API)', 'Normalize Lead Details', 0);
			const failed = notificationRow(builder, 'Alert: Lead Lookup Failed', [column + 3, row - 1], {
				kind: 'alert',
				channel: 'email',
				recipient: '"manager@example.com"',
				subject: '"A Meta lead could not be fetched"',
				body: '"Lead " + ($(\'Needs Lookup?\').item.json.needsLookup?.ids?.leadgenId ?? "") + " arrived but its details could not be fetched: " + ($json.error?.message ?? $json.error ?? "unknown error") + ". Open Meta Leads Center to follow up."',
				dedupeKey: '"lookup:" + ($(\'Needs Lookup?\').item.json.id ?? $execution.id)',
			});
			builder.connect('Fetch Lead (Graph API)', failed, 1);
			builder.connect('Normalize Lead Details', failed, 1);
			// Both the looked-up lead and a complete Google lead continue to the context check.
			builder.node('Lead Ready', 'n8n-nodes-base.noOp', 1, {}, [column + 3, row]);
			builder.connect('Needs Lookup?', 'Lead Ready', 1);
			builder.connect('Normalize Lead Details', 'Lead Ready', 0);
			return 'Lead Ready';
		},
	});
	return b;
}
