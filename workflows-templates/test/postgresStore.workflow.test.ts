import { readFileSync } from 'fs';
import { join } from 'path';
import type { WorkflowJson } from '../../test/harness';

/**
 * Template 00p, the hub on Postgres, read as imported. What it does against a real Postgres in
 * n8n's queue mode is proven in test/e2e/queue-mode.e2e.test.ts; here, that nothing of the store
 * is left on Data tables and every write goes through a UNIQUE key.
 */
const DIR = join(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as WorkflowJson;
const hub = read('00p-inquiry-continuity-hub-postgres.json');
const dataTableHub = read('00-inquiry-continuity-hub.json');
const sql = readFileSync(join(DIR, 'sql/inquiry-store-postgres.sql'), 'utf8');
const postgresSteps = hub.nodes.filter((n) => n.type === 'n8n-nodes-base.postgres');
const queryOf = (name: string) =>
	String(postgresSteps.find((n) => n.name === name)?.parameters.query ?? '');

describe('the hub on Postgres (template 00p)', () => {
	it('keeps only settings and team in Data tables', () => {
		const tables = hub.nodes
			.filter((n) => n.type === 'n8n-nodes-base.dataTable')
			.map((n) => (n.parameters.dataTableId as { value: string }).value);
		expect([...new Set(tables)].sort()).toEqual(['inquiry_settings', 'inquiry_team']);
	});

	it('has every step of the Data table hub under the same name, owner memory and the Outbox aside', () => {
		const names = new Set(hub.nodes.map((n) => n.name));
		// The Outbox claims rows in the Data table, so the Postgres hub does not hand its rows to it
		// yet; nor has it the repeat-contact lane (Find Earlier … Tell Owner: Contacted Again) yet.
		const memory =
			/Owner Memory|Memory (Row|Saved|Busy)|Tries Left|Keep Memory|Hand to the Outbox|Earlier Inquiries|Open Inquiry|Joined|Contacted Again/;
		expect(
			dataTableHub.nodes.map((n) => n.name).filter((n) => !names.has(n) && !memory.test(n)),
		).toEqual([]);
	});

	it('writes every record, ledger row and notification with one INSERT … ON CONFLICT on a UNIQUE key', () => {
		const writes = postgresSteps.filter((n) =>
			/^(WITH claimed AS \(\n)?INSERT INTO/.test(String(n.parameters.query)),
		);
		expect(writes.length).toBeGreaterThanOrEqual(15);
		for (const node of writes) {
			const query = String(node.parameters.query);
			const [, table] = /INSERT INTO (\w+)/.exec(query)!;
			const key = table === 'inquiry_notifications' ? 'dedupeKey' : 'inquiryId';
			expect({ node: node.name, conflict: query.includes(`ON CONFLICT ("${key}")`) }).toEqual({
				node: node.name,
				conflict: true,
			});
			expect(sql).toContain(
				`CREATE UNIQUE INDEX IF NOT EXISTS ${table}_${key}_key ON ${table} ("${key}")`,
			);
		}
	});

	it('claims a notification before anything is sent: a row already there outputs nothing', () => {
		expect(queryOf('Notify Owner')).toMatch(
			/^WITH claimed AS \(\nINSERT INTO inquiry_notifications[\s\S]*ON CONFLICT \("dedupeKey"\) DO NOTHING\nRETURNING \*\n\)\nSELECT \* FROM claimed$/,
		);
		const connections = hub.connections as unknown as Record<
			string,
			{ main: Array<Array<{ node: string }>> }
		>;
		// The gate passes on to the owner's message, whose row is the claim: nothing follows a lost one.
		const told = connections['Owner Not Told Yet?'].main[0].map((c) => c.node);
		expect(told).toEqual(['Create Owner Message']);
		expect(connections['Create Owner Message'].main[0].map((c) => c.node)).toEqual([
			'Notify Owner',
		]);
		expect(hub.nodes.find((n) => n.name === 'Owner Not Told Yet?')?.type).toBe(
			'n8n-nodes-base.noOp',
		);
	});

	it('claims the owner in one call of the shipped function, and checks the store before the first write', () => {
		expect(queryOf('Claim Owner')).toBe('SELECT * FROM inquiry_claim_owner($1, $2, $3::jsonb)');
		expect(sql).toContain('PERFORM pg_advisory_xact_lock(');
		const version =
			/COMMENT ON FUNCTION inquiry_claim_owner\(text, text, jsonb\) IS '([^']+)'/.exec(sql)?.[1];
		expect(queryOf('Store Ready?')).toContain(`= '${version}' AS ready`);
		expect(queryOf('Create Store Tables')).toBe(sql);
	});
});
