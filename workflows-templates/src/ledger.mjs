// The continuity ledger: one row per inquiry in the `inquiry_ledger` Data table, written by the
// Scorecard node's "Ledger Row Only" output so the Data table node maps it automatically. The leak
// sweep and the weekly report read it.
import { expr, table } from './lib.mjs';

const LEDGER = 'inquiry_ledger';
/** The entry row's write: it runs only for an inquiry not on the ledger yet. */
export const SAVE_LEDGER_RECEIVED = 'Save Ledger: Received';
const byInquiryId = {
	conditions: [{ keyName: 'inquiryId', condition: 'eq', keyValue: expr('$json.inquiryId') }],
};

function ledgerRow(b, name, inquiryNode, at, { alertSent = false } = {}) {
	return b.ours(
		name,
		'inquiryContinuityScorecard',
		{
			operation: 'scoreInquiry',
			inquiry: expr(inquiryNode ? `$('${inquiryNode}').item.json` : '$json'),
			output: 'ledgerRow',
			alertSent,
		},
		at,
	);
}

function upsertLedger(b, name, at) {
	return b.node(
		name,
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'upsert',
			dataTableId: table(LEDGER),
			filters: byInquiryId,
			columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [] },
			options: {},
		},
		at,
	);
}

/**
 * The entry row, written only when the inquiry has no row yet: whichever branch n8n runs first, a
 * later stage's row is never overwritten by this one. It sits above the chain, so n8n (which runs
 * the topmost branch first) writes it before the sender is answered.
 */
export function ledgerAtEntry(b, from, [column, row], fromOutput = 0) {
	const row1 = ledgerRow(b, 'Ledger Row: Received', null, [column, row]);
	b.connect(from, row1, fromOutput);
	b.node(
		'New on the Ledger?',
		'n8n-nodes-base.dataTable',
		1.1,
		{
			resource: 'row',
			operation: 'rowNotExists',
			dataTableId: table(LEDGER),
			matchType: 'allConditions',
			filters: byInquiryId,
		},
		[column + 1, row],
	);
	b.connect(row1, 'New on the Ledger?');
	upsertLedger(b, SAVE_LEDGER_RECEIVED, [column + 2, row]);
	b.connect('New on the Ledger?', SAVE_LEDGER_RECEIVED);
}

/**
 * The row after a final step (`after`, e.g. the owner notification or an alert), scored from the
 * inquiry as `inquiryNode` left it; `alertSent` records that a person was alerted.
 */
export function ledgerAfter(b, after, inquiryNode, label, [column, row], options = {}) {
	const name = ledgerRow(b, `Ledger Row: ${label}`, inquiryNode, [column, row], options);
	b.connect(after, name);
	upsertLedger(b, `Save Ledger: ${label}`, [column + 1, row]);
	b.connect(name, `Save Ledger: ${label}`);
}
