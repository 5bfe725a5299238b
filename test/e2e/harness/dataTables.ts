import type { N8nClient } from './client';
import type { WorkflowDefinition } from './workflow';

/** Column types n8n's Data tables know (public API names). */
export type DataTableColumnType = 'string' | 'number' | 'boolean' | 'date';

export interface DataTableSpec {
	name: string;
	columns: Array<{ name: string; type: DataTableColumnType }>;
}

export interface DataTableInfo {
	id: string;
	name: string;
	columns?: Array<{ id: string; name: string; type: DataTableColumnType }>;
}

export interface EnsuredTable {
	name: string;
	id: string;
	created: boolean;
	addedColumns: string[];
	/** Asked-for columns n8n reserves (id, createdAt, updatedAt): every table has them already. */
	systemColumns: string[];
}

const DATA_TABLE_NODE = 'n8n-nodes-base.dataTable';
/** Columns every Data table has; never created by hand. */
const SYSTEM_COLUMNS = new Set(['id', 'createdAt', 'updatedAt']);
const MAPPER_TYPES: Record<string, DataTableColumnType> = {
	string: 'string',
	number: 'number',
	boolean: 'boolean',
	dateTime: 'date',
	date: 'date',
};

interface ResourceLocator {
	mode?: string;
	value?: unknown;
	cachedResultName?: string;
}

/** The table a Data table node points at, by name: "By Name" mode, or the name cached with a list/ID pick. */
export function referencedTableName(
	parameters: Record<string, unknown> | undefined,
): string | undefined {
	const locator = parameters?.dataTableId as ResourceLocator | undefined;
	if (!locator || typeof locator !== 'object') return undefined;
	if (
		locator.mode === 'name' &&
		typeof locator.value === 'string' &&
		!locator.value.startsWith('=')
	)
		return locator.value;
	return typeof locator.cachedResultName === 'string' ? locator.cachedResultName : undefined;
}

/** Columns a Data table node writes (its column mapper) or filters on, with their types. */
function columnsUsedBy(parameters: Record<string, unknown>): DataTableSpec['columns'] {
	const found = new Map<string, DataTableColumnType>();
	const mapper = parameters.columns as
		| { value?: Record<string, unknown> | null; schema?: Array<{ id: string; type?: string }> }
		| undefined;
	for (const column of mapper?.schema ?? [])
		found.set(column.id, MAPPER_TYPES[column.type ?? 'string'] ?? 'string');
	for (const name of Object.keys(mapper?.value ?? {}))
		if (!found.has(name)) found.set(name, 'string');
	const conditions =
		(parameters.filters as { conditions?: Array<{ keyName?: string }> } | undefined)?.conditions ??
		[];
	// A column chosen by expression is one of the columns named elsewhere, not a column to create.
	for (const { keyName } of conditions)
		if (keyName && !keyName.startsWith('=') && !found.has(keyName)) found.set(keyName, 'string');
	return [...found].map(([name, type]) => ({ name, type }));
}

/**
 * Every Data table the workflows read or write, with the columns they use. Tables the manifest
 * declares keep its columns (and order); columns only the workflows use are added after them.
 */
export function dataTablesNeeded(
	workflows: WorkflowDefinition[],
	declared: DataTableSpec[] = [],
): DataTableSpec[] {
	const tables = new Map<string, Map<string, DataTableColumnType>>();
	const tableFor = (name: string) => {
		let columns = tables.get(name);
		if (!columns) tables.set(name, (columns = new Map()));
		return columns;
	};
	for (const spec of declared) {
		const columns = tableFor(spec.name);
		for (const column of spec.columns) columns.set(column.name, column.type);
	}
	for (const workflow of workflows) {
		for (const node of workflow.nodes) {
			if (node.type !== DATA_TABLE_NODE || node.parameters?.resource === 'table') continue;
			const name = referencedTableName(node.parameters);
			if (!name) continue;
			const columns = tableFor(name);
			for (const column of columnsUsedBy(node.parameters ?? {}))
				if (!columns.has(column.name)) columns.set(column.name, column.type);
		}
	}
	return [...tables].map(([name, columns]) => ({
		name,
		columns: [...columns].map(([column, type]) => ({ name: column, type })),
	}));
}

export async function listDataTables(client: N8nClient): Promise<DataTableInfo[]> {
	const tables: DataTableInfo[] = [];
	let cursor: string | undefined;
	do {
		const page = await client.api<{ data: DataTableInfo[]; nextCursor?: string | null }>(
			'GET',
			`/data-tables?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		tables.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return tables;
}

/** Creates each table that does not exist yet, and adds the columns an existing one lacks. */
export async function ensureDataTables(
	client: N8nClient,
	specs: DataTableSpec[],
): Promise<EnsuredTable[]> {
	const existing = new Map((await listDataTables(client)).map((table) => [table.name, table]));
	const ensured: EnsuredTable[] = [];
	for (const spec of specs) {
		const wanted = spec.columns.filter((column) => !SYSTEM_COLUMNS.has(column.name));
		const systemColumns = spec.columns
			.filter((column) => SYSTEM_COLUMNS.has(column.name))
			.map((column) => column.name);
		const table = existing.get(spec.name);
		if (!table) {
			const created = await client.api<DataTableInfo>('POST', '/data-tables', {
				name: spec.name,
				columns: wanted,
			});
			ensured.push({
				name: spec.name,
				id: created.id,
				created: true,
				addedColumns: wanted.map((column) => column.name),
				systemColumns,
			});
			continue;
		}
		const columns = new Set(
			(await client.api<Array<{ name: string }>>('GET', `/data-tables/${table.id}/columns`)).map(
				(column) => column.name,
			),
		);
		const missing = wanted.filter((column) => !columns.has(column.name));
		for (const column of missing)
			await client.api('POST', `/data-tables/${table.id}/columns`, column);
		ensured.push({
			name: spec.name,
			id: table.id,
			created: false,
			addedColumns: missing.map((column) => column.name),
			systemColumns,
		});
	}
	return ensured;
}

/** Every row of a Data table, by name, oldest first. */
export async function dataTableRows(
	client: N8nClient,
	name: string,
): Promise<Array<Record<string, unknown>>> {
	const table = (await listDataTables(client)).find((candidate) => candidate.name === name);
	if (!table) throw new Error(`No Data table named "${name}"`);
	const rows: Array<Record<string, unknown>> = [];
	let cursor: string | undefined;
	do {
		const page = await client.api<{
			data: Array<Record<string, unknown>>;
			nextCursor?: string | null;
		}>(
			'GET',
			`/data-tables/${table.id}/rows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		rows.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Adds rows to a Data table by name through the public API (e.g. to seed a ledger). */
export async function insertDataTableRows(
	client: N8nClient,
	name: string,
	rows: Array<Record<string, unknown>>,
): Promise<void> {
	const table = (await listDataTables(client)).find((candidate) => candidate.name === name);
	if (!table) throw new Error(`No Data table named "${name}"`);
	await client.api('POST', `/data-tables/${table.id}/rows`, { data: rows, returnType: 'count' });
}

/** Sets `data` on the rows of a Data table (by name) whose columns equal `where`, as an edit in the table view would. */
export async function updateDataTableRows(
	client: N8nClient,
	name: string,
	where: Record<string, string | number | boolean>,
	data: Record<string, unknown>,
): Promise<void> {
	const table = (await listDataTables(client)).find((candidate) => candidate.name === name);
	if (!table) throw new Error(`No Data table named "${name}"`);
	const filters = Object.entries(where).map(([columnName, value]) => ({
		columnName,
		condition: 'eq',
		value,
	}));
	await client.api('PATCH', `/data-tables/${table.id}/rows/update`, {
		filter: { type: 'and', filters },
		data,
	});
}
