import type { DataTableRow } from 'n8n-workflow';
import type { InMemoryDataTables, WorkflowJson } from '../../test/harness';
import type { LedgerRow } from '../../core/scorecard/ledger';
import { LEDGER_COLUMNS } from '../../core/scorecard/ledger';

/** A ledger row as the entry templates write it: every column, '' for "not yet". */
export function ledgerRow(
	values: Partial<LedgerRow> & Pick<LedgerRow, 'inquiryId' | 'receivedAt'>,
): DataTableRow {
	const row: DataTableRow = {};
	for (const column of LEDGER_COLUMNS)
		row[column] = column === 'score' ? 1 : column.endsWith('Check') ? 'not_reached' : '';
	return {
		...row,
		channel: 'form',
		sourceSystem: 'typeform',
		urgency: 'normal',
		entryCheck: 'pass',
		stage: 'entry',
		...values,
	};
}

/** Puts rows into a Data table of the in-memory set, as earlier executions would have. */
export async function seed(
	tables: InMemoryDataTables,
	name: string,
	rows: DataTableRow[],
): Promise<void> {
	const proxy = await tables.provider().getDataTableProxy(null, null, name);
	await proxy.insertRows(rows, 'count');
}

/**
 * Every `={{ … }}` parameter of a workflow whose code holds a `}}` before its end: n8n's template
 * parser would end the expression there, so an object literal must be written `{ a: { b } }`.
 */
export function brokenExpressions(workflow: WorkflowJson): string[] {
	const broken: string[] = [];
	const visit = (value: unknown, path: string) => {
		if (typeof value === 'string') {
			if (!value.startsWith('=')) return;
			for (const match of value.matchAll(/\{\{([\s\S]*?)\}\}/g))
				if (match[1].includes('{{')) broken.push(path);
			const opened = (value.match(/\{\{/g) ?? []).length;
			const closed = (value.match(/\}\}/g) ?? []).length;
			if (opened !== closed) broken.push(path);
		} else if (value && typeof value === 'object') {
			for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
		}
	};
	for (const node of workflow.nodes) visit(node.parameters, node.name);
	return broken;
}
