/**
 * Two small workflows that close the loop around one owner message, used in process (workflow
 * tests) and against a real n8n (e2e):
 *   Tell the Owner:  Webhook → Inquiry (the posted inquiry) → Owner Message → Send Email
 *                    → receipt "sent"; on a send failure → receipt "failed" → Stop and Error.
 *   Owner Link:      Webhook (GET) → Read Link → Claim: ledger update with a compare-and-set on
 *                    empty acceptedAt → Respond (the done page, or the unchanged page when no row
 *                    changed); Refused → Respond with its page.
 */
const PACKAGE = 'n8n-nodes-inquiry-continuity';
export const LEDGER_TABLE = 'loop_ledger';
export const RECEIPTS_TABLE = 'loop_receipts';
export const MESSAGE_PATH = 'loop-owner-message';
export const LINK_PATH = 'loop-owner-link';
/** The clocks are pinned: the message is made at MESSAGE_AT, every click is read at CLICK_AT. */
export const MESSAGE_AT = '2026-03-02T15:05:00Z';
export const CLICK_AT = '2026-03-02T15:10:00Z';
export const SENDER = 'inquiries@loop.test';

type Ref = { id: string; name: string };
interface Node {
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, Ref>;
	[key: string]: unknown;
}

const table = (name: string) => ({ __rl: true, mode: 'name', value: name });
const stringColumns = (names: string[]) =>
	names.map((id) => ({
		id,
		displayName: id,
		required: false,
		defaultMatch: false,
		display: true,
		type: 'string',
		canBeUsedToMatch: true,
	}));
const link = (to: string) => [{ node: to, type: 'main', index: 0 }];

function insertRow(name: string, position: [number, number], values: Record<string, string>): Node {
	return {
		name,
		type: 'n8n-nodes-base.dataTable',
		typeVersion: 1.1,
		position,
		parameters: {
			resource: 'row',
			operation: 'insert',
			dataTableId: table(RECEIPTS_TABLE),
			columns: {
				mappingMode: 'defineBelow',
				value: values,
				matchingColumns: [],
				schema: stringColumns(Object.keys(values)),
			},
			options: {},
		},
	};
}

export function tellOwnerWorkflow(credentials: { link: Ref; smtp: Ref }) {
	const nodes: Node[] = [
		{
			name: 'New Assignment',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			parameters: { httpMethod: 'POST', path: MESSAGE_PATH, options: {} },
			webhookId: 'loop-owner-message',
		},
		{
			name: 'Inquiry',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: { mode: 'raw', jsonOutput: '={{ JSON.stringify($json.body) }}', options: {} },
		},
		{
			name: 'Owner Message',
			type: `${PACKAGE}.inquiryClaimLinks`,
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				operation: 'ownerMessage',
				businessName: 'Rivera Plumbing',
				timezone: 'America/New_York',
				webhookPath: LINK_PATH,
				now: MESSAGE_AT,
			},
			credentials: { inquiryLinkSecretApi: credentials.link },
		},
		{
			name: 'Email the Owner',
			type: 'n8n-nodes-base.emailSend',
			typeVersion: 2.1,
			position: [660, 0],
			parameters: {
				fromEmail: SENDER,
				toEmail: '={{ $json.ownerNotice.message.email.to }}',
				subject: '={{ $json.ownerNotice.message.email.subject }}',
				emailFormat: 'both',
				text: '={{ $json.ownerNotice.message.email.text }}',
				html: '={{ $json.ownerNotice.message.email.html }}',
				options: { appendAttribution: false },
			},
			credentials: { smtp: credentials.smtp },
			onError: 'continueErrorOutput',
			retryOnFail: false,
		},
		insertRow('Receipt: Sent', [880, -100], {
			inquiryId: "={{ $('Owner Message').item.json.id }}",
			status: 'sent',
			providerAnswer: '={{ $json.response ?? "" }}',
		}),
		insertRow('Receipt: Failed', [880, 100], {
			inquiryId: "={{ $('Owner Message').item.json.id }}",
			status: 'failed',
			providerAnswer: '={{ $json.error?.message ?? $json.error ?? "" }}',
		}),
		{
			name: 'Owner Not Told',
			type: 'n8n-nodes-base.stopAndError',
			typeVersion: 1,
			position: [1100, 100],
			parameters: {
				errorMessage:
					"={{ 'The owner message for ' + $('Owner Message').item.json.id + ' was not sent: ' + $('Receipt: Failed').item.json.providerAnswer }}",
			},
		},
	];
	const connections = {
		'New Assignment': { main: [link('Inquiry')] },
		Inquiry: { main: [link('Owner Message')] },
		'Owner Message': { main: [link('Email the Owner')] },
		'Email the Owner': { main: [link('Receipt: Sent'), link('Receipt: Failed')] },
		'Receipt: Failed': { main: [link('Owner Not Told')] },
	};
	return { name: 'Loop: tell the owner', nodes, connections, settings: { executionOrder: 'v1' } };
}

const html = (page: string) => ({
	respondWith: 'text',
	responseBody: `={{ ${page}.html }}`,
	options: {
		responseCode: `={{ ${page}.status }}`,
		responseHeaders: { entries: [{ name: 'content-type', value: 'text/html; charset=utf-8' }] },
	},
});

export function ownerLinkWorkflow(credentials: { link: Ref }) {
	const readLink = "$('Read Link').first().json";
	const nodes: Node[] = [
		{
			name: 'Link Clicked',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			parameters: { httpMethod: 'GET', path: LINK_PATH, responseMode: 'responseNode', options: {} },
			webhookId: 'loop-owner-link',
		},
		{
			name: 'Read Link',
			type: `${PACKAGE}.inquiryClaimLinks`,
			typeVersion: 1,
			position: [220, 0],
			parameters: { operation: 'readClick', businessName: 'Rivera Plumbing', now: CLICK_AT },
			credentials: { inquiryLinkSecretApi: credentials.link },
		},
		{
			name: 'Claim Once',
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1.1,
			position: [440, -100],
			alwaysOutputData: true,
			parameters: {
				resource: 'row',
				operation: 'update',
				dataTableId: table(LEDGER_TABLE),
				matchType: 'allConditions',
				filters: {
					conditions: [
						{ keyName: 'inquiryId', condition: 'eq', keyValue: '={{ $json.where.inquiryId }}' },
						{ keyName: 'ownerId', condition: 'eq', keyValue: '={{ $json.where.ownerId }}' },
						{ keyName: 'hops', condition: 'eq', keyValue: '={{ $json.where.hops }}' },
						{ keyName: 'acceptedAt', condition: 'isEmpty' },
					],
				},
				columns: {
					mappingMode: 'defineBelow',
					value: { acceptedAt: '={{ $json.set.acceptedAt }}' },
					matchingColumns: [],
					schema: stringColumns(['acceptedAt']),
				},
				options: {},
			},
		},
		{
			name: 'Answer Claim',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.5,
			position: [660, -100],
			parameters: html(`($json.inquiryId ? ${readLink}.page : ${readLink}.unchangedPage)`),
		},
		{
			name: 'Answer Refused',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.5,
			position: [440, 200],
			parameters: html('$json.page'),
		},
	];
	const connections = {
		'Link Clicked': { main: [link('Read Link')] },
		'Read Link': { main: [link('Claim Once'), [], [], link('Answer Refused')] },
		'Claim Once': { main: [link('Answer Claim')] },
	};
	return { name: 'Loop: owner link', nodes, connections, settings: { executionOrder: 'v1' } };
}
