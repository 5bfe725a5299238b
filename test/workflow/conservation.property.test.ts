import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { normalizeInquiry } from '../../core/inquiry/normalizeInquiry';
import type { ChainNode } from '../harness';
import { manualTriggerWorkflow, runWorkflow } from '../harness';
import { sampleBody } from '../../core/inquiry/sources/test/samples';

/**
 * One-in-one-out, for every node of the package, over 10,000 generated items each: valid inquiries
 * mixed with wrong types, missing fields, 1 MB strings, deep nesting, unicode and prototype-pollution
 * keys. Each input item must leave exactly once with its pairedItem, nothing may throw past the
 * node, and no global or prototype state may change.
 */
const SEED = 20261123;
const ITEMS_PER_NODE = 10_000;
const BATCH = 1_000;
const NOW = '2026-03-03T15:00:00.000Z';

const base = normalizeInquiry(sampleBody('twilio__inbound_sms__1.json'), { now: new Date(NOW), defaultCountry: 'US' })[0];
if (base.status === 'invalid') throw new Error('sample must normalize');
const validInquiry = base.inquiry as unknown as IDataObject;

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'contact', 'request', 'id', 'schemaVersion', 'é', '📞', '');
const hostileValue = fc.oneof(
	fc.anything({ maxDepth: 3 }),
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.constant(null),
	fc.constant([]),
	fc.integer(),
);

/** An object whose keys are own properties even when they are "__proto__". */
const ownObject = (entries: [string, unknown][]) => {
	const object: Record<string, unknown> = {};
	for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
	return object;
};

const item: fc.Arbitrary<IDataObject> = fc.oneof(
	{ arbitrary: fc.constant(validInquiry), weight: 300 },
	{
		// A valid inquiry with one part broken.
		arbitrary: fc.tuple(fc.constantFrom('contact', 'request', 'channel', 'continuity', 'identityKeys', 'schemaVersion', 'source', 'receivedAt'), hostileValue).map(([key, value]) => ({ ...validInquiry, [key]: value }) as IDataObject),
		weight: 3,
	},
	{ arbitrary: fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 6 }).map(ownObject) as fc.Arbitrary<IDataObject>, weight: 200 },
	{ arbitrary: fc.constant({ body: { message: 'x'.repeat(1_000_000), email: 'big@example.com' } }), weight: 2 },
	{ arbitrary: fc.constant(nested(300)), weight: 5 },
	{ arbitrary: fc.constant({ ...validInquiry, request: { ...(validInquiry.request as IDataObject), message: '💧🚿 fuite d’eau — 漏水 — تسرب'.repeat(50) } }), weight: 50 },
);

function nested(depth: number): IDataObject {
	let value: IDataObject = { email: 'deep@example.com' };
	for (let i = 0; i < depth; i++) value = { next: value };
	return value;
}

const NODES: { name: string; outputs: number; node: ChainNode }[] = [
	{ name: 'Normalize Inquiry', outputs: 2, node: { name: 'Node', type: 'n8n-nodes-inquiry-continuity.normalizeInquiry', parameters: { source: 'auto', defaultCountry: 'US' } } },
	{ name: 'Check Inquiry Context', outputs: 3, node: { name: 'Node', type: 'n8n-nodes-inquiry-continuity.checkInquiryContext', parameters: { profile: 'routeReady', businessName: 'Acme' } } },
	{
		name: 'Assign Inquiry Owner',
		outputs: 2,
		node: { name: 'Node', type: 'n8n-nodes-inquiry-continuity.assignInquiryOwner', parameters: { rosterSource: 'form', owners: { owner: [{ id: 'a', name: 'Ana', active: true, weight: 1 }, { id: 'b', name: 'Ben', active: true, weight: 2 }] }, businessTimezone: 'America/New_York', businessHours: 'Mon-Fri 08:00-17:00', strategy: 'weighted' } },
	},
];

const items = fc.sample(item, { numRuns: ITEMS_PER_NODE, seed: SEED });
jest.setTimeout(180_000);

describe.each(NODES)('$name: conservation over 10,000 generated items', ({ node, outputs }) => {
	it('emits every item exactly once (or once per event of a batch), with its pairedItem, and changes no global state', async () => {
		const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
		for (let start = 0; start < items.length; start += BATCH) {
			const batch = items.slice(start, start + BATCH);
			const result = await runWorkflow(manualTriggerWorkflow(batch, [{ ...node, onError: 'continueRegularOutput' }]), { now: NOW, mode: 'trigger' });
			expect(result.error).toBeUndefined();
			const seen = new Map<number, number>();
			for (let output = 0; output < outputs; output++) {
				for (const out of result.items('Node', output)) {
					const index = (out.pairedItem as { item: number }).item;
					seen.set(index, (seen.get(index) ?? 0) + 1);
				}
			}
			const missing = batch.map((_, i) => i).filter((i) => !seen.has(i));
			expect(missing).toEqual([]);
			// Only Normalize may emit several items for one input: a batched vendor delivery.
			if (node.type.endsWith('normalizeInquiry')) continue;
			expect([...seen.values()].filter((count) => count !== 1)).toEqual([]);
		}
		expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
