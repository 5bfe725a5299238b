import type {
	DataTable,
	DataTableColumn,
	DataTableColumnJsType,
	DataTableColumnType,
	DataTableFilter,
	DataTableRow,
	DataTableRowReturn,
	IDataTableProjectAggregateService,
	IDataTableProjectService,
	ListDataTableRowsOptions,
} from 'n8n-workflow';

type Condition = DataTableFilter['filters'][number];

/**
 * An in-memory stand-in for n8n's Data tables, so the real Data table node runs in process.
 * It implements the proxy interfaces n8n-core hands that node; semantics follow n8n's (filters,
 * upsert = update matches or insert one, system columns id/createdAt/updatedAt).
 */
export class InMemoryDataTables {
	private readonly tables = new Map<
		string,
		{ table: DataTable; rows: DataTableRowReturn[]; nextId: number }
	>();
	private clock: () => Date = () => new Date();

	create(name: string, columns: { name: string; type: DataTableColumnType }[]): string {
		const id = `dt_${name}`;
		const table: DataTable = {
			id,
			name,
			columns: columns.map((c, index) => ({
				id: `${id}_${c.name}`,
				name: c.name,
				type: c.type,
				index,
				dataTableId: id,
			})),
			createdAt: this.clock(),
			updatedAt: this.clock(),
			projectId: 'harness',
		};
		this.tables.set(id, { table, rows: [], nextId: 1 });
		return id;
	}

	/** Puts rows into a table by name, as earlier executions or a person in the table view would have. */
	seed(name: string, rows: DataTableRow[]): void {
		const entry = this.entry(name);
		const now = this.clock();
		for (const row of rows)
			entry.rows.push({
				...this.coerce(entry.table.columns, row),
				id: entry.nextId++,
				createdAt: now,
				updatedAt: now,
			} as DataTableRowReturn);
	}

	/** Rows of a table by name, as the node would read them (dates as Date objects). */
	rows(name: string): DataTableRowReturn[] {
		return this.entry(name).rows.map((row) => ({ ...row }));
	}

	private entry(nameOrId: string) {
		const found =
			this.tables.get(nameOrId) ??
			[...this.tables.values()].find((t) => t.table.name.toLowerCase() === nameOrId.toLowerCase());
		if (!found) throw new Error(`No data table "${nameOrId}" in the harness`);
		return found;
	}

	provider() {
		return {
			getDataTableAggregateProxy: async (): Promise<IDataTableProjectAggregateService> =>
				this.aggregate(),
			getDataTableProxy: async (
				_workflow: unknown,
				_node: unknown,
				id: string,
			): Promise<IDataTableProjectService> => this.proxy(id),
		};
	}

	private aggregate(): IDataTableProjectAggregateService {
		return {
			getProjectId: () => 'harness',
			createDataTable: async (options) =>
				this.entry(this.create(options.name, options.columns)).table,
			getManyAndCount: async (options) => {
				const name =
					typeof options.filter?.name === 'string' ? options.filter.name.toLowerCase() : undefined;
				const data = [...this.tables.values()]
					.map((t) => t.table)
					.filter((t) => !name || t.name.toLowerCase() === name);
				return { count: data.length, data };
			},
			deleteDataTableAll: async () => {
				this.tables.clear();
				return true;
			},
		};
	}

	private proxy(id: string): IDataTableProjectService {
		const entry = this.entry(id);
		const unsupported = async (): Promise<never> => {
			throw new Error('Not supported by the in-memory data tables');
		};
		const insert = (row: DataTableRow): DataTableRowReturn => {
			const now = this.clock();
			const stored = {
				...this.coerce(entry.table.columns, row),
				id: entry.nextId++,
				createdAt: now,
				updatedAt: now,
			} as DataTableRowReturn;
			entry.rows.push(stored);
			return { ...stored };
		};
		return {
			updateDataTable: unsupported,
			deleteDataTable: unsupported,
			getColumns: async (): Promise<DataTableColumn[]> => entry.table.columns,
			addColumn: unsupported,
			moveColumn: unsupported,
			deleteColumn: unsupported,
			getManyRowsAndCount: async (dto: Partial<ListDataTableRowsOptions>) => {
				let rows = entry.rows.filter((row) => matches(row, dto.filter));
				const count = rows.length;
				if (dto.sortBy) {
					const [column, direction] = dto.sortBy;
					rows = [...rows].sort(
						(a, b) => compare(a[column], b[column]) * (direction === 'DESC' ? -1 : 1),
					);
				}
				rows = rows.slice(
					dto.skip ?? 0,
					dto.take !== undefined ? (dto.skip ?? 0) + dto.take : undefined,
				);
				return { count, data: rows.map((row) => ({ ...row })) };
			},
			insertRows: (async (rows: DataTableRow[], returnType: string) => {
				const inserted = rows.map(insert);
				if (returnType === 'count') return { success: true, insertedRows: inserted.length };
				if (returnType === 'id') return inserted.map((row) => ({ id: row.id }));
				return inserted;
			}) as IDataTableProjectService['insertRows'],
			updateRows: async ({ filter, data }) => {
				const now = this.clock();
				return entry.rows
					.filter((row) => matches(row, filter))
					.map((row) => {
						Object.assign(row, this.coerce(entry.table.columns, data), { updatedAt: now });
						return { ...row };
					});
			},
			upsertRow: async ({ filter, data }) => {
				const now = this.clock();
				const matched = entry.rows.filter((row) => matches(row, filter));
				if (matched.length === 0) return [insert(data)];
				return matched.map((row) => {
					Object.assign(row, this.coerce(entry.table.columns, data), { updatedAt: now });
					return { ...row };
				});
			},
			deleteRows: async ({ filter }) => {
				const removed = entry.rows.filter((row) => matches(row, filter));
				entry.rows = entry.rows.filter((row) => !matches(row, filter));
				return removed;
			},
			clearRows: async () => {
				const deletedCount = entry.rows.length;
				entry.rows = [];
				return { deletedCount };
			},
		};
	}

	/** Unknown columns are refused, as n8n refuses them. */
	private coerce(columns: DataTableColumn[], row: DataTableRow): DataTableRow {
		const out: DataTableRow = {};
		for (const [key, value] of Object.entries(row)) {
			const column = columns.find((c) => c.name === key);
			if (!column) throw new Error(`Column "${key}" does not exist in the data table`);
			out[key] = column.type === 'date' && typeof value === 'string' ? new Date(value) : value;
		}
		return out;
	}
}

function compare(a: unknown, b: unknown): number {
	const x = a instanceof Date ? a.getTime() : a;
	const y = b instanceof Date ? b.getTime() : b;
	if (x === y) return 0;
	if (x === null || x === undefined) return -1;
	if (y === null || y === undefined) return 1;
	return (x as number) < (y as number) ? -1 : 1;
}

function matchesCondition(row: Record<string, unknown>, condition: Condition): boolean {
	const actual = row[condition.columnName];
	const expected: DataTableColumnJsType = condition.value;
	switch (condition.condition) {
		case 'eq':
			return (
				compare(
					actual,
					expected instanceof Date
						? expected
						: actual instanceof Date && typeof expected === 'string'
							? new Date(expected)
							: expected,
				) === 0
			);
		case 'neq':
			return compare(actual, expected) !== 0;
		case 'gt':
			return compare(actual, expected) > 0;
		case 'gte':
			return compare(actual, expected) >= 0;
		case 'lt':
			return compare(actual, expected) < 0;
		case 'lte':
			return compare(actual, expected) <= 0;
		case 'isEmpty':
			return actual === null || actual === undefined || actual === '';
		case 'isNotEmpty':
			return !(actual === null || actual === undefined || actual === '');
		case 'like':
		case 'ilike': {
			const pattern = String(expected ?? '');
			const text = String(actual ?? '');
			const [a, b] =
				condition.condition === 'ilike'
					? [text.toLowerCase(), pattern.toLowerCase()]
					: [text, pattern];
			const parts = b.split('%');
			if (parts.length === 1) return a === b;
			return (
				a.startsWith(parts[0]) &&
				a.endsWith(parts[parts.length - 1]) &&
				parts.slice(1, -1).every((p) => a.includes(p))
			);
		}
		default:
			return false;
	}
}

function matches(row: Record<string, unknown>, filter: DataTableFilter | undefined): boolean {
	if (!filter || filter.filters.length === 0) return true;
	return filter.type === 'or'
		? filter.filters.some((c) => matchesCondition(row, c))
		: filter.filters.every((c) => matchesCondition(row, c));
}
