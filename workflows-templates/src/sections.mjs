// The sections every inquiry template shares: one place defines how a stage is wired, so the
// templates differ only in where the inquiry enters and what happens around it.
import { expr, table } from './lib.mjs';

export const BUSINESS = {
	name: 'Your business name',
	timezone: 'America/New_York',
	hours: 'Mon-Fri 08:00-17:00',
};

/** Two example owners; the overview note tells the user to replace them. */
export const SAMPLE_OWNERS = [
	{
		id: 'owner-1',
		name: 'First team member',
		email: 'first@example.com',
		phone: '+14155550101',
		active: true,
		weight: 1,
		hours: '',
	},
	{
		id: 'owner-2',
		name: 'Second team member',
		email: 'second@example.com',
		phone: '+14155550102',
		active: true,
		weight: 1,
		hours: '',
	},
];

/**
 * A row in `inquiry_notifications`: the message to send, keyed by dedupeKey. It leaves with its
 * row id for the Inquiry Outbox, which delivers it and writes the receipt (status, sentAt,
 * answer). The row is written without a status (empty = pending): a replay that upserts the same
 * row again never resets a receipt, so the Outbox never sends it twice. `html` (an e-mail body)
 * and `inquiry` (the inquiry as JSON, kept for a later pass) are written only when given.
 */
export function notificationRow(
	b,
	name,
	at,
	{
		kind,
		channel,
		recipient,
		subject = "''",
		body,
		dedupeKey,
		inquiryId = '$json.id ?? $json.inquiryId ?? ""',
		html,
		inquiry,
	},
) {
	const value = {
		inquiryId: expr(inquiryId),
		kind,
		channel,
		recipient: expr(recipient),
		subject: expr(subject),
		body: expr(body),
		dedupeKey: expr(dedupeKey ?? `$json.id + ":${kind}"`),
		notifiedAt: expr('$now.toISO()'),
		...(html ? { html: expr(html) } : {}),
		...(inquiry ? { inquiry: expr(inquiry) } : {}),
	};
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'upsert',
			dataTableId: table('inquiry_notifications'),
			// Keyed by dedupeKey: a replayed inquiry never sends (or records) the same message twice.
			filters: {
				conditions: [{ keyName: 'dedupeKey', condition: 'eq', keyValue: value.dedupeKey }],
			},
			columns: {
				mappingMode: 'defineBelow',
				value,
				matchingColumns: [],
				schema: Object.keys(value).map(schemaColumn),
			},
			options: {},
		},
		at,
	);
}

/** Passes an item on only while no notification row has its dedupe key: the row is the memory. */
export function notSentYet(b, name, dedupeKey, at) {
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'rowNotExists',
			dataTableId: table('inquiry_notifications'),
			matchType: 'allConditions',
			filters: {
				conditions: [{ keyName: 'dedupeKey', condition: 'eq', keyValue: expr(dedupeKey) }],
			},
		},
		at,
	);
}

/**
 * A Data table update: `value` on the rows of `tableName` that match every condition (with
 * `alwaysOutputData` by default, so "matched nothing" reaches the next node as an empty item, the
 * sign a compare-and-set lost). Columns named in `numbers` are mapped as numbers, fixed true/false
 * values as booleans.
 */
export function updateRows(
	b,
	name,
	at,
	{ tableName, conditions, value, numbers = [], extra = { alwaysOutputData: true } },
) {
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'update',
			dataTableId: table(tableName),
			matchType: 'allConditions',
			filters: { conditions },
			columns: {
				mappingMode: 'defineBelow',
				value,
				matchingColumns: [],
				schema: Object.keys(value).map((id) => ({
					...schemaColumn(id),
					type: numbers.includes(id)
						? 'number'
						: typeof value[id] === 'boolean'
							? 'boolean'
							: 'string',
				})),
			},
			options: {},
		},
		at,
		extra,
	);
}

export function schemaColumn(id) {
	return {
		id,
		displayName: id,
		required: false,
		defaultMatch: false,
		display: true,
		type: 'string',
		canBeUsedToMatch: true,
	};
}

const RECORD_VALUES = {
	inquiryId: '$json.id',
	receivedAt: '$json.receivedAt',
	channel: '$json.channel',
	sourceSystem: '$json.source.system',
	name: '$json.contact.name.full ?? ""',
	email: '$json.contact.email?.address ?? ""',
	phone: '$json.contact.phone?.e164 ?? $json.contact.phone?.raw ?? ""',
	company: '$json.contact.company ?? ""',
	message: '$json.request.message ?? ""',
	service: '$json.request.service ?? ""',
	urgency: '$json.request.urgency',
	postalCode: '$json.request.location.postalCode ?? ""',
	city: '$json.request.location.city ?? ""',
	preferredTime: '$json.request.preferredTime ?? ""',
	contextOutcome: '$json.context?.outcome ?? ""',
	followUpQuestion: '$json.context?.followUp?.email?.body ?? ""',
	ownerId: '$json.assignment?.owner?.id ?? ""',
	ownerName: '$json.assignment?.owner?.name ?? ""',
	respondBy: '$json.assignment?.respondBy',
	status: '"new"',
};

/** The system of record (embedded default): upsert keyed by inquiryId, so a replay never duplicates. */
export function saveRecord(b, name, at, extra = {}, tableName = 'inquiry_records') {
	const value = Object.fromEntries(
		Object.entries(RECORD_VALUES).map(([column, code]) => [column, expr(code)]),
	);
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'upsert',
			dataTableId: table(tableName),
			filters: {
				conditions: [{ keyName: 'inquiryId', condition: 'eq', keyValue: expr('$json.id') }],
			},
			columns: {
				mappingMode: 'defineBelow',
				value,
				matchingColumns: [],
				schema: Object.keys(RECORD_VALUES).map(schemaColumn),
			},
			options: {},
		},
		at,
		extra,
	);
}

/** Reads the record back from the system of record, so verification sees what was really stored. */
export function readRecordBack(
	b,
	name,
	at,
	inquiryNode,
	extra = {},
	tableName = 'inquiry_records',
) {
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(tableName),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{
						keyName: 'inquiryId',
						condition: 'eq',
						keyValue: expr(`$('${inquiryNode}').item.json.id`),
					},
				],
			},
			limit: 1,
		},
		at,
		{ alwaysOutputData: true, ...extra },
	);
}

/** A production webhook that keeps the exact posted bytes (signatures need them) and answers from a Respond node. */
export function webhookEntry(b, name, path, at, { method = 'POST' } = {}) {
	return b.node(
		name,
		'n8n-nodes-base.webhook',
		2.1,
		{
			httpMethod: method,
			path,
			responseMode: 'responseNode',
			options: { rawBody: true },
		},
		at,
		{ webhookId: path },
	);
}

/** Answers the sender once the inquiry is on the ledger: a 2xx means it can no longer be lost silently. */
export function respondReceipt(
	b,
	name,
	at,
	{ code = 200, body = '{ inquiryId: $json.id ?? $json.inquiryId, status: "received" }' } = {},
) {
	return b.node(
		name,
		'n8n-nodes-base.respondToWebhook',
		1.5,
		{
			respondWith: 'json',
			responseBody: expr(`JSON.stringify(${body})`),
			options: { responseCode: code },
		},
		at,
	);
}
