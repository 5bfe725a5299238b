// Sections the scorecard templates (escalation ladder, weekly report, self-audit) share: reading
// and updating the continuity ledger, the scorecard node, and the sender that sits switched off
// beside a notification row until the user connects an account.
import { expr, PACKAGE, table } from './lib.mjs';
import { schemaColumn } from './sections.mjs';

export const LEDGER = 'inquiry_ledger';
/** Who hears about stalled inquiries and reads the reports; the overview notes say to change it. */
export const MANAGER = 'manager@example.com';
/** Every synthetic inquiry of the self-audit carries this name, so the sweep and the report can leave them out. */
export const SELF_AUDIT_NAME = 'Self Audit';

/** One condition of an If, Filter or Switch node (n8n's filter parameter, version 2). */
export const condition = (leftValue, operator, rightValue = '') => ({
	leftValue,
	rightValue,
	operator,
});

export function conditions(list, combinator = 'and') {
	return {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
		conditions: list.map((one, index) => ({ id: `condition-${index + 1}`, ...one })),
		combinator,
	};
}

/** A Data table condition: `{ keyName, condition, keyValue }` as the Data table node stores it. */
export const where = (keyName, op, keyValue) =>
	keyValue === undefined ? { keyName, condition: op } : { keyName, condition: op, keyValue };

/** Reads ledger rows (or another table's: `tableName`), all of them, not the first 50, that meet `conditions`. */
export function readLedger(
	b,
	name,
	at,
	{ matchType = 'allConditions', filters = [], extra = {}, tableName = LEDGER } = {},
) {
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(tableName),
			matchType,
			filters: { conditions: filters },
			returnAll: true,
		},
		at,
		extra,
	);
}

/** Writes some columns of a ledger row, keyed by inquiryId; the other columns keep their values. */
export function updateLedger(b, name, at, values) {
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'upsert',
			dataTableId: table(LEDGER),
			filters: { conditions: [where('inquiryId', 'eq', values.inquiryId)] },
			columns: {
				mappingMode: 'defineBelow',
				value: values,
				matchingColumns: [],
				schema: Object.keys(values).map(schemaColumn),
			},
			options: {},
		},
		at,
	);
}

/** The Inquiry Continuity Scorecard node. */
export function scorecard(b, name, operation, parameters, at, extra) {
	return b.node(
		name,
		`${PACKAGE}.inquiryContinuityScorecard`,
		1,
		{ operation, ...parameters },
		at,
		extra,
	);
}

/** A value a person edits in the node, as opposed to an expression. */
export const literal = (value) => ({ literal: value });

/** A Set node whose fields are `{ name: [type, expression or literal(value)] }`; it keeps only these fields. */
export function setFields(b, name, at, fields, { keepOthers = false, extra } = {}) {
	const assignments = Object.entries(fields).map(([field, [type, code]], index) => ({
		id: `${field}-${index + 1}`,
		name: field,
		value: typeof code === 'object' ? code.literal : expr(code),
		type,
	}));
	return b.node(
		name,
		'n8n-nodes-base.set',
		3.4,
		{
			assignments: { assignments },
			...(keepOthers ? { includeOtherFields: true } : {}),
			options: {},
		},
		at,
		extra,
	);
}
