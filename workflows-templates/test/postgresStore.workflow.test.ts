import { readdirSync, readFileSync } from 'fs';
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

	it('has every step of the Data table hub under the same name, owner memory aside', () => {
		const names = new Set(hub.nodes.map((n) => n.name));
		const memory = /Owner Memory|Memory (Row|Saved|Busy)|Tries Left|Keep Memory/;
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
		// The store check comes first: the person's earlier inquiries are read only after it.
		const connections = hub.connections as unknown as Record<
			string,
			{ main: Array<Array<{ node: string }>> }
		>;
		const next = (name: string, output = 0) =>
			connections[name].main[output].map((c) => c.node).sort();
		expect(next('Hub Trigger')).toEqual(['Is an Inquiry?', 'Store Ready?']);
		expect([next('Store Current?', 0), next('Store Current?', 1)]).toEqual([
			['Find Earlier Inquiries'],
			['Create Store Tables'],
		]);
		expect(next('Create Store Tables')).toEqual(['Find Earlier Inquiries']);
	});

	it("reads the same person's ledger rows with any of their keys, and joins a repeat contact by updating its open row", () => {
		expect(queryOf('Find Earlier Inquiries')).toBe(
			'SELECT * FROM inquiry_ledger WHERE inquiry_ledger."identityKey" = $1 OR inquiry_ledger."identityKey" = $2 OR inquiry_ledger."contactPhone" = $3 ORDER BY "id" DESC LIMIT 25',
		);
		expect(queryOf('Join Open Inquiry')).toMatch(
			/^UPDATE inquiry_ledger SET "contactCount" = r."contactCount", "channels" = r."channels", "lastContactAt" = r."lastContactAt", "updatedAt" = now\(\)\nFROM jsonb_populate_record\(NULL::inquiry_ledger, \$1::jsonb\) AS r\nWHERE inquiry_ledger."inquiryId" = \$2/,
		);
		expect(queryOf('Tell Owner: Contacted Again')).toContain(
			'ON CONFLICT ("dedupeKey") DO NOTHING',
		);
	});
});

/** Each Postgres variant (workflows-templates/postgres/) next to the Data table template it is built from. */
const VARIANTS = readdirSync(join(DIR, 'postgres'))
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => ({ file, variant: read(`postgres/${file}`), source: read(file) }));
type Connections = Record<string, { main: Array<Array<{ node: string }>> }>;
/** The steps of a reassignment's turn: the Data table owner memory's, and the Postgres claim's. */
const MEMORY = /Owner Memory|Memory (Row|Saved|Busy)|Tries Left|Keep Memory/;
const TURN = [
	'Read Owner Counts',
	'Inquiry to Assign',
	'Assign Inquiry Owner',
	'Claim Owner',
	'Owner Claimed?',
	'Owner Decided',
	'Unassigned at Claim',
];
const tablesOf = (workflow: WorkflowJson) =>
	[
		...new Set(
			workflow.nodes
				.filter((n) => n.type === 'n8n-nodes-base.dataTable')
				.map((n) => (n.parameters.dataTableId as { value: string }).value),
		),
	].sort();

describe('the other templates on the Postgres store (workflows-templates/postgres/)', () => {
	it('are the Outbox, owner links, ladder, weekly report and self-audit, each built from its Data table template', () => {
		expect(VARIANTS.map((v) => v.file)).toEqual([
			'00c-inquiry-outbox.json',
			'00d-inquiry-owner-links.json',
			'06-leak-sweep.json',
			'07-weekly-continuity-report.json',
			'08-continuity-self-audit.json',
		]);
		for (const { variant, source } of VARIANTS) {
			expect(variant.name).toBe(`${source.name} (Postgres)`);
			// A reassignment's owner memory becomes the Postgres claim; every other step is the same.
			const names = (w: WorkflowJson) =>
				w.nodes.map((n) => n.name).filter((n) => !TURN.includes(n) && !MEMORY.test(n));
			expect(names(variant)).toEqual(names(source));
			const outside = (w: WorkflowJson) =>
				Object.fromEntries(
					Object.entries(w.connections as unknown as Connections)
						.filter(([from]) => !TURN.includes(from) && !MEMORY.test(from))
						.map(([from, { main }]) => [
							from,
							main.map((list) =>
								list.filter((to) => !TURN.includes(to.node) && !MEMORY.test(to.node)),
							),
						]),
				);
			expect(outside(variant)).toEqual(outside(source));
		}
	});

	it('keep only settings and team in Data tables (the Outbox only settings)', () => {
		expect(Object.fromEntries(VARIANTS.map((v) => [v.file, tablesOf(v.variant)]))).toEqual({
			'00c-inquiry-outbox.json': ['inquiry_settings'],
			'00d-inquiry-owner-links.json': ['inquiry_settings', 'inquiry_team'],
			'06-leak-sweep.json': ['inquiry_settings', 'inquiry_team'],
			'07-weekly-continuity-report.json': ['inquiry_settings', 'inquiry_team'],
			'08-continuity-self-audit.json': ['inquiry_settings', 'inquiry_team'],
		});
	});

	it.each([
		['00d-inquiry-owner-links.json', 'Who Passed', 0, 'Choose Next Owner', 'Choose Next Owner'],
		[
			'06-leak-sweep.json',
			'One Reassignment at a Time',
			1,
			'Save New Owner',
			'Nobody to Pass It To',
		],
	])(
		'%s takes the new owner by a turn of the Postgres claim, one per inquiry and hop, from the roster without who passed or let it go',
		(file, from, output, claimed, nobody) => {
			const { variant, source } = VARIANTS.find((v) => v.file === file)!;
			const connections = variant.connections as unknown as Connections;
			const next = (name: string, at = 0) => connections[name].main[at].map((c) => c.node);
			expect(next(from, output)).toEqual(['Read Owner Counts']);
			expect(next('Read Owner Counts')).toEqual(['Inquiry to Assign']);
			expect(next('Inquiry to Assign')).toEqual(['Assign Inquiry Owner']);
			expect([next('Assign Inquiry Owner', 0), next('Assign Inquiry Owner', 1)]).toEqual([
				['Claim Owner'],
				[nobody],
			]);
			expect(next('Claim Owner')).toEqual(['Owner Claimed?']);
			expect([next('Owner Claimed?', 0), next('Owner Claimed?', 1)]).toEqual([
				['Owner Decided'],
				['Unassigned at Claim'],
			]);
			expect([next('Owner Decided'), next('Unassigned at Claim')]).toEqual([[claimed], [nobody]]);
			const node = (w: WorkflowJson, name: string) => w.nodes.find((n) => n.name === name)!;
			const replacements = (name: string) =>
				String(
					(node(variant, name).parameters.options as { queryReplacement: string }).queryReplacement,
				);
			expect(node(variant, 'Claim Owner').parameters.query).toBe(
				'SELECT * FROM inquiry_claim_owner($1, $2, $3::jsonb)',
			);
			expect(replacements('Claim Owner')).toMatch(/^=\{\{ \["business", \$json\.id \+ "@hop" \+ /);
			// No sticky owner for a reassignment: that would be the one who let it go.
			expect(replacements('Read Owner Counts')).toMatch(/, "\[\]"\] \}\}$/);
			// The roster and the inquiry are the Data table template's own.
			const { routingState, routingVersion, ...settings } = node(variant, 'Assign Inquiry Owner')
				.parameters as Record<string, unknown>;
			const {
				routingState: _s,
				routingVersion: _v,
				...sourceSettings
			} = node(source, 'Assign Inquiry Owner').parameters as Record<string, unknown>;
			expect(settings).toEqual(sourceSettings);
			expect([routingState, routingVersion]).toEqual([
				"={{ $('Read Owner Counts').item.json.state }}",
				0,
			]);
			expect(String(settings.rosterJson)).toContain('passedBy');
			expect(node(variant, 'Inquiry to Assign').parameters).toEqual(
				node(source, 'Inquiry to Assign').parameters,
			);
		},
	);

	it('hand every row to the Postgres Outbox, as the Postgres hub does', () => {
		const outboxCalls = [hub, ...VARIANTS.map((v) => v.variant)].flatMap((w) =>
			w.nodes
				.filter((n) => n.type === 'n8n-nodes-base.executeWorkflow')
				.map((n) => (n.parameters.workflowId as { cachedResultName: string }).cachedResultName),
		);
		expect(outboxCalls.length).toBeGreaterThanOrEqual(4);
		expect(new Set(outboxCalls)).toEqual(new Set(['Inquiry Outbox (Postgres)']));
	});

	it('the Outbox claims a row before sending in one conditional UPDATE … RETURNING: by id, only while its status and claimedAt are as handed', () => {
		const outbox = VARIANTS.find((v) => v.file.startsWith('00c-'))!.variant;
		const claim = outbox.nodes.find((n) => n.name === 'Claim the Row')!;
		expect(claim.type).toBe('n8n-nodes-base.postgres');
		const query = String(claim.parameters.query);
		expect(query.split('\n').slice(0, 2)).toEqual([
			'UPDATE inquiry_notifications SET "status" = r."status", "claimedAt" = r."claimedAt", "attempts" = r."attempts", "sentAt" = r."sentAt", "answer" = r."answer", "updatedAt" = now()',
			'FROM jsonb_populate_record(NULL::inquiry_notifications, $1::jsonb) AS r',
		]);
		// Each compare is "= the handed value", or "empty" while the handed row had none.
		expect(query).toMatch(
			/^WHERE inquiry_notifications\."id" = \$2 AND \(CASE \$3::text WHEN 'eq' THEN inquiry_notifications\."status" = \$4 .*WHEN 'isEmpty' THEN coalesce\(inquiry_notifications\."status"::text, ''\) = '' .*END\) AND \(CASE \$5::text WHEN 'eq' THEN inquiry_notifications\."claimedAt" = \$6 .*END\)$/m,
		);
		expect(query.endsWith('\nRETURNING inquiry_notifications.*')).toBe(true);
		const replacement = String(
			(claim.parameters.options as { queryReplacement: string }).queryReplacement,
		);
		expect(replacement).toContain(
			'? $json.id : -1, $json.status ? "eq" : "isEmpty", $json.status ?? "", $json.claimedAt ? "eq" : "isEmpty", $json.claimedAt ?? ""] }}',
		);
	});

	it('the owner links claim once with the same conditions as on Data tables, the hop column chosen by name', () => {
		const links = VARIANTS.find((v) => v.file.startsWith('00d-'))!.variant;
		const query = String(links.nodes.find((n) => n.name === 'Claim Once')!.parameters.query);
		expect(query).toContain(
			`WHERE inquiry_ledger."inquiryId" = $2 AND inquiry_ledger."ownerId" = $3 AND coalesce(inquiry_ledger."acceptedAt"::text, '') = '' AND (to_jsonb(inquiry_ledger) ->> $4::text) = $5::text`,
		);
	});
});
