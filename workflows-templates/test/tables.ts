import { readFileSync } from 'fs';
import { join } from 'path';
import type { DataTableColumnType, DataTableRow } from 'n8n-workflow';
import { InMemoryDataTables } from '../../test/harness';

interface Manifest {
	tables: {
		name: string;
		columns: { name: string; type: DataTableColumnType }[] | string;
		rows?: DataTableRow[];
	}[];
}

/** The Data tables of workflows-templates/data-tables.json, in memory, with its sample rows, for in-process template runs. */
export function templateTables(): InMemoryDataTables {
	const manifest = JSON.parse(
		readFileSync(join(__dirname, '../data-tables.json'), 'utf8'),
	) as Manifest;
	const tables = new InMemoryDataTables();
	for (const table of manifest.tables) {
		if (!Array.isArray(table.columns)) continue;
		tables.create(table.name, table.columns);
		tables.seed(table.name, table.rows ?? []);
	}
	return tables;
}

/** Sets inquiry_settings values, as a person does in n8n's table view. */
export async function setSettings(tables: InMemoryDataTables, values: Record<string, string>) {
	const settings = await tables.provider().getDataTableProxy(null, null, 'inquiry_settings');
	for (const [setting, value] of Object.entries(values))
		await settings.updateRows({
			filter: {
				type: 'and',
				filters: [{ columnName: 'setting', condition: 'eq', value: setting }],
			},
			data: { value },
		} as never);
}
