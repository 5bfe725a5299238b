/**
 * Nodes in process: each of this package's nodes over 10k items through n8n-core's
 * WorkflowExecute, against n8n's Set node (Edit Fields) doing a trivial field map over the same
 * items in the same run. Compiled to bench/.build by bench/run.mjs (esbuild), nodes loaded from dist.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';
import { normalizeInquiry } from '../core/inquiry/normalizeInquiry';
import type { ChainNode } from '../test/harness/builders';
import { manualTriggerWorkflow } from '../test/harness/builders';
import { runWorkflow } from '../test/harness/runWorkflow';

const ROOT = join(__dirname, '../..');
const NOW = new Date('2026-03-03T15:00:00.000Z');

function vendorBodies(): IDataObject[] {
	const dir = join(ROOT, 'test/fixtures/vendor-payloads');
	return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).body as IDataObject);
}

function repeat<T>(items: T[], count: number): T[] {
	return Array.from({ length: count }, (_, i) => items[i % items.length]);
}

async function timeRun(items: IDataObject[], node: ChainNode, runs: number): Promise<number[]> {
	const workflow = manualTriggerWorkflow(items, [node]);
	const times: number[] = [];
	for (let i = 0; i < runs + 1; i++) {
		const started = performance.now();
		const result = await runWorkflow(workflow, { mode: 'trigger' });
		if (result.error) throw new Error(`${node.name}: ${result.error.message}`);
		if (i > 0) times.push(performance.now() - started);
	}
	return times;
}

const SET_NODE: ChainNode = {
	name: 'Edit Fields',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	parameters: { assignments: { assignments: [{ id: 'a', name: 'copied', type: 'string', value: '={{ $json.id }}' }] }, includeOtherFields: true, options: {} },
};

export async function runNodesBench({ quick, engine }: { quick: boolean; engine: 'vm' | 'legacy' }) {
	Expression.setExpressionEngine(engine);
	await Expression.initExpressionEngine({ engine, bridgeTimeout: 5000, bridgeMemoryLimit: 128, poolSize: 1, maxCodeCacheSize: 1024 });
	const count = quick ? 2000 : 10_000;
	const runs = quick ? 3 : 7;
	const bodies = repeat(vendorBodies(), count).map((body, i) => ({ ...body, benchSeq: i }));
	const inquiries = bodies.flatMap((body) => normalizeInquiry(body, { now: NOW, defaultCountry: 'US' })).flatMap((r) => (r.status === 'invalid' ? [] : [r.inquiry as unknown as IDataObject])).slice(0, count);
	const roster = { owner: Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, name: `Owner ${i}`, active: true, weight: 1 })) };
	const cases: { name: string; items: IDataObject[]; node: ChainNode }[] = [
		{ name: 'Normalize Inquiry', items: bodies, node: { name: 'Normalize Inquiry', type: 'n8n-nodes-inquiry-continuity.normalizeInquiry', parameters: { source: 'auto', defaultCountry: 'US', payloadFrom: 'wholeItem' } } },
		{ name: 'Check Inquiry Context', items: inquiries, node: { name: 'Check Inquiry Context', type: 'n8n-nodes-inquiry-continuity.checkInquiryContext', parameters: { profile: 'routeReady', businessName: 'Acme' } } },
		{ name: 'Assign Inquiry Owner', items: inquiries, node: { name: 'Assign Inquiry Owner', type: 'n8n-nodes-inquiry-continuity.assignInquiryOwner', parameters: { rosterSource: 'form', owners: roster, businessTimezone: 'America/New_York', businessHours: 'Mon-Sun 00:00-24:00', strategy: 'round_robin' } } },
	];
	const results = [];
	for (const { name, items, node } of cases) {
		const baseline = await timeRun(items, SET_NODE, runs);
		const measured = await timeRun(items, node, runs);
		const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		results.push({ node: name, items: items.length, nodeMs: median(measured), setNodeMs: median(baseline), ratio: median(measured) / median(baseline), p95Ms: Math.max(...measured) });
	}
	await Expression.disposeExpressionEngine();
	return results;
}
