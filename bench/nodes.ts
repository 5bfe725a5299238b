/**
 * Nodes in process: each of this package's nodes over the same items through n8n-core's
 * WorkflowExecute, against n8n's Set node (Edit Fields) mapping one field with an expression over
 * the same items, runs interleaved. Compiled to bench/.build by bench/run.mjs (esbuild); the
 * nodes are loaded from dist, as n8n loads them.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';
import { checkInquiryContext } from '../core/context/stage';
import { BUILT_IN_PROFILES } from '../core/context/builtins';
import { compileMappings, defaultMappings } from '../core/handoff/mapping';
import { verifyInquiryHandoff } from '../core/handoff/stage';
import { normalizeInquiry } from '../core/inquiry/normalizeInquiry';
import type { Inquiry } from '../core/inquiry/schema';
import { AssignmentSession, withAssignment } from '../core/ownership/assignOwner';
import type { ChainNode } from '../test/harness/builders';
import { manualTriggerWorkflow } from '../test/harness/builders';
import { runWorkflow } from '../test/harness/runWorkflow';

const ROOT = join(__dirname, '../..');
const PACKAGE = 'n8n-nodes-inquiry-continuity';

function vendorBodies(): IDataObject[] {
	const dir = join(ROOT, 'test/fixtures/vendor-payloads');
	return readdirSync(dir)
		.sort()
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).body as IDataObject);
}

function repeat<T>(items: T[], count: number): T[] {
	return Array.from({ length: count }, (_, i) => items[i % items.length]);
}

function cpuMicros(): number {
	const { user, system } = process.cpuUsage();
	return user + system;
}

/** CPU ms of one run of `node` over `items`, after a Manual Trigger pinned to them. */
async function cpuMsOfRun(items: IDataObject[], node: ChainNode): Promise<number> {
	const workflow = manualTriggerWorkflow(items, [node]);
	const start = cpuMicros();
	const result = await runWorkflow(workflow, { mode: 'trigger' });
	const ms = (cpuMicros() - start) / 1000;
	if (result.error) throw new Error(`${node.name}: ${result.error.message}`);
	const out = result.run.data.resultData.runData[node.name]?.[0]?.data?.main ?? [];
	const emitted = out.reduce((sum, output) => sum + (output?.length ?? 0), 0);
	if (emitted < items.length)
		throw new Error(`${node.name} emitted ${emitted} of ${items.length} items`);
	return ms;
}

const SET_NODE: ChainNode = {
	name: 'Edit Fields',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	parameters: {
		assignments: {
			assignments: [{ id: 'a', name: 'copied', type: 'string', value: '={{ $json.id }}' }],
		},
		includeOtherFields: true,
		options: {},
	},
};

const ROSTER = {
	owner: Array.from({ length: 10 }, (_, i) => ({
		id: `o${i}`,
		name: `Owner ${i}`,
		active: true,
		weight: 1,
	})),
};

/** The items each node receives in a template: the output of the stage before it. */
function stageItems(count: number) {
	const now = new Date();
	const bodies = repeat(vendorBodies(), count).map((body, i) => ({ ...body, benchSeq: i }));
	const normalized = bodies
		.flatMap((body) => normalizeInquiry(body, { now, defaultCountry: 'US' }))
		.flatMap((r) => (r.status === 'invalid' ? [] : [r.inquiry]))
		.slice(0, count);
	const checked = normalized.map(
		(inquiry) =>
			checkInquiryContext(inquiry, BUILT_IN_PROFILES.routeReady, {
				now,
				nodeName: 'Check Inquiry Context',
			}).inquiry,
	);
	const allDay = [{ start: '00:00', end: '24:00' }];
	const hours = Object.fromEntries(
		['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, allDay]),
	);
	const owners = ROSTER.owner.map(({ id, name }) => ({ id, name }));
	const session = new AssignmentSession({
		roster: { owners },
		calendar: { timezone: 'America/New_York', hours },
		strategy: 'round_robin',
	});
	const assigned = checked.map((inquiry) =>
		withAssignment(inquiry, session.assign(inquiry, { now }), 'Assign Inquiry Owner'),
	);
	// "The Input Item" mode: the inquiry carries the record as the Data table node wrote it.
	const withRecord = assigned.map((inquiry) => ({ ...inquiry, record: recordOf(inquiry) }));
	const fields = compileMappings(defaultMappings());
	const verified = assigned.map(
		(inquiry) =>
			verifyInquiryHandoff(inquiry, recordOf(inquiry), fields, {
				destination: 'Data table',
				now,
				slaMinutes: 60,
				recordId: '1',
				nodeName: 'Verify Inquiry Handoff',
			}).inquiry,
	);
	const asItems = (list: object[]) => list as unknown as IDataObject[];
	return {
		bodies,
		normalized: asItems(normalized),
		checked: asItems(checked),
		withRecord: asItems(withRecord),
		verified: asItems(verified),
	};
}

function recordOf(inquiry: Inquiry & { assignment?: { owner?: { id: string } } }): IDataObject {
	return {
		id: 1,
		inquiryId: inquiry.id,
		name: inquiry.contact.name.full ?? '',
		email: inquiry.contact.email?.address ?? '',
		phone: inquiry.contact.phone?.e164 ?? inquiry.contact.phone?.raw ?? '',
		message: inquiry.request.message ?? '',
		service: inquiry.request.service ?? '',
		ownerId: inquiry.assignment?.owner?.id ?? '',
	};
}

export interface NodeBenchRow {
	node: string;
	items: number;
	/** CPU ms per run of the node and of the Set node, each run paired with the other. */
	nodeMs: { median: number; p95: number; max: number };
	setNodeMs: { median: number; p95: number; max: number };
	/** node / Set node per pair of runs. */
	ratio: { median: number; p95: number; max: number };
}

function summarize(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) =>
		sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
	return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export async function runNodesBench({
	quick,
	engine,
	runs: runsWanted,
	items: itemsWanted,
}: {
	quick: boolean;
	engine: 'vm' | 'legacy';
	runs?: number;
	/** Items per run; the ratio is per item, so fewer items cost less time, not precision. */
	items?: number;
}): Promise<NodeBenchRow[]> {
	Expression.setExpressionEngine(engine);
	await Expression.initExpressionEngine({
		engine,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
		poolSize: 1,
		maxCodeCacheSize: 1024,
	});
	const count = itemsWanted ?? (quick ? 2000 : 10_000);
	const runs = runsWanted ?? (quick ? 3 : 7);
	const items = stageItems(count);
	const cases: { name: string; items: IDataObject[]; node: ChainNode }[] = [
		{
			name: 'Normalize Inquiry',
			items: items.bodies,
			node: {
				name: 'Normalize Inquiry',
				type: `${PACKAGE}.normalizeInquiry`,
				parameters: { source: 'auto', defaultCountry: 'US', payloadFrom: 'wholeItem' },
			},
		},
		{
			name: 'Check Inquiry Context',
			items: items.normalized,
			node: {
				name: 'Check Inquiry Context',
				type: `${PACKAGE}.checkInquiryContext`,
				parameters: { profile: 'routeReady', businessName: 'Acme' },
			},
		},
		{
			name: 'Assign Inquiry Owner',
			items: items.checked,
			node: {
				name: 'Assign Inquiry Owner',
				type: `${PACKAGE}.assignInquiryOwner`,
				parameters: {
					rosterSource: 'form',
					owners: ROSTER,
					businessTimezone: 'America/New_York',
					businessHours: 'Mon-Sun 00:00-24:00',
					strategy: 'round_robin',
				},
			},
		},
		{
			name: 'Verify Inquiry Handoff (record)',
			items: items.withRecord,
			node: {
				name: 'Verify Inquiry Handoff',
				type: `${PACKAGE}.verifyInquiryHandoff`,
				parameters: {
					mode: 'record',
					destination: 'Data table',
					inquirySource: 'inputItem',
					recordField: 'record',
					deadline: 'sla',
					slaMinutes: 60,
				},
			},
		},
		{
			name: 'Scorecard: Score Inquiry',
			items: items.verified,
			node: {
				name: 'Inquiry Continuity Scorecard',
				type: `${PACKAGE}.inquiryContinuityScorecard`,
				parameters: { operation: 'scoreInquiry', output: 'inquiry' },
			},
		},
	];
	const results: NodeBenchRow[] = [];
	for (const { name, items: input, node } of cases) {
		// Warm-up run of each, then pairs in alternating order so drifting load hits both alike.
		await cpuMsOfRun(input, SET_NODE);
		await cpuMsOfRun(input, node);
		const nodeMs: number[] = [];
		const setMs: number[] = [];
		for (let i = 0; i < runs; i++) {
			if (i % 2 === 0) {
				setMs.push(await cpuMsOfRun(input, SET_NODE));
				nodeMs.push(await cpuMsOfRun(input, node));
			} else {
				nodeMs.push(await cpuMsOfRun(input, node));
				setMs.push(await cpuMsOfRun(input, SET_NODE));
			}
		}
		results.push({
			node: name,
			items: input.length,
			nodeMs: summarize(nodeMs),
			setNodeMs: summarize(setMs),
			ratio: summarize(nodeMs.map((ms, i) => ms / setMs[i])),
		});
	}
	await Expression.disposeExpressionEngine();
	return results;
}
