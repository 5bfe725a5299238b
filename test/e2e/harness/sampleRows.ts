import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { N8nClient } from './client';
import { insertDataTableRows, listDataTables } from './dataTables';

/**
 * The sample rows workflows-templates/data-tables.json ships (settings, the three sample owners,
 * the owner memory row), added to each table that is still empty: a fresh instance runs the
 * templates as imported, and a table a person has filled in is never touched.
 */
export async function addSampleRows(
	client: N8nClient,
	dir: string,
	manifestFile: string,
): Promise<string[]> {
	const path = join(dir, manifestFile);
	if (!existsSync(path)) return [];
	const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
		tables?: Array<{ name: string; rows?: Array<Record<string, unknown>> }>;
	};
	const ids = new Map((await listDataTables(client)).map((table) => [table.name, table.id]));
	const seeded: string[] = [];
	for (const table of manifest.tables ?? []) {
		const id = ids.get(table.name);
		if (!id || !table.rows?.length) continue;
		const page = await client.api<{ data: unknown[] }>('GET', `/data-tables/${id}/rows?limit=1`);
		if (page.data.length > 0) continue;
		await insertDataTableRows(client, table.name, table.rows);
		seeded.push(table.name);
	}
	return seeded;
}
