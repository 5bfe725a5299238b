import { readFileSync } from 'fs';
import { join } from 'path';
import { InMemoryDataTables, runWorkflow } from '../../harness';
import type { WorkflowJson } from '../../harness';
import { generateDay } from '../generate';
import { naiveLeaks } from '../naive';
import type { SimEvent } from '../types';
import { decodeBody } from '../wire';

const naive = JSON.parse(
	readFileSync(join(__dirname, '../naive.workflow.json'), 'utf8'),
) as WorkflowJson;
/**
 * In process there is no HTTP request: the harness starts at a trigger it knows (a Webhook node is
 * not one) and nothing can be answered. The Webhook node only hands on its pinned items, so a
 * Manual Trigger of the same name stands in, and the Respond node is left out; the driver's run
 * against a real n8n exercises both.
 */
const inProcess: WorkflowJson = {
	...naive,
	nodes: naive.nodes
		.filter((node) => node.name !== 'Respond')
		.map((node) =>
			node.name === 'Webhook'
				? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }
				: node,
		),
	connections: { Webhook: naive.connections.Webhook },
};
const day = generateDay({ count: 500 });

/** What n8n's Webhook node emits for a delivery the driver sends. */
const webhookItem = (event: SimEvent) => ({
	json: {
		headers: {
			...Object.fromEntries(Object.entries(event.headers).map(([k, v]) => [k.toLowerCase(), v])),
			'x-sim-seq': String(event.seq),
		},
		params: {},
		query: {},
		body: decodeBody(event.rawBody, event.contentType),
	},
});

describe('the naive baseline workflow', () => {
	it('writes every delivery as a record, forged, replayed and context-free ones alike', async () => {
		const forged = day.events.find((event) => event.fault?.kind === 'forged');
		const bySeq = new Map(day.events.map((event) => [event.seq, event]));
		const replay = day.events.find(
			(event) =>
				event.fault?.kind === 'duplicate' &&
				bySeq.get(event.expect.dedupeOf ?? 0)?.channel === 'form' &&
				!bySeq.get(event.expect.dedupeOf ?? 0)?.fault,
		);
		const stripped = day.events.find((event) => event.fault?.kind === 'missing_context');
		const missed = day.events.find((event) => !event.fault && event.channel === 'missed_call');
		const fine = day.events.find((event) => !event.fault && event.channel === 'form');
		const original = bySeq.get(replay?.expect.dedupeOf ?? 0);
		const sent = [forged, original, replay, stripped, missed, fine].filter(
			(event): event is SimEvent => event !== undefined,
		);
		expect(sent).toHaveLength(6);

		const tables = new InMemoryDataTables();
		tables.create('naive_records', [
			{ name: 'seq', type: 'string' },
			{ name: 'receivedAt', type: 'string' },
			{ name: 'contentType', type: 'string' },
			{ name: 'body', type: 'string' },
		]);
		const result = await runWorkflow(inProcess, {
			mode: 'webhook',
			dataTables: tables,
			pinData: { Webhook: sent.map(webhookItem) },
		});
		expect(result.error).toBeUndefined();
		const rows = tables.rows('naive_records');
		expect(rows.map((row) => Number(row.seq))).toEqual(sent.map((event) => event.seq));
		expect(JSON.parse(String(rows[5].body))).toEqual(
			decodeBody(sent[5].rawBody, sent[5].contentType),
		);

		// Every delivery got its 200 (the naive workflow always answers), so each is "in".
		const deliveries = sent.map((event) => ({ seq: event.seq, status: 200, attempts: 1 }));
		const leaks = naiveLeaks(day.events, deliveries, rows);
		expect(Object.fromEntries(leaks)).toEqual({
			[sent[0].seq]: 'forged_accepted',
			[sent[2].seq]: 'duplicate_record',
			[sent[3].seq]: 'missing_context',
			[sent[4].seq]: 'missed_call_no_follow_up',
		});
		// A delivery answered 200 whose record never got written is lost.
		expect(naiveLeaks(day.events, deliveries, rows.slice(1)).get(sent[0].seq)).toBe('lost');
	});
});
