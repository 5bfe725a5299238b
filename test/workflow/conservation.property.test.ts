import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { normalizeInquiry } from '../../core/inquiry/normalizeInquiry';
import { ledgerRow } from '../../core/scorecard/test/rows';
import type { ChainNode } from '../harness';
import { manualTriggerWorkflow, runWorkflow } from '../harness';
import { sampleBody } from '../../core/inquiry/sources/test/samples';

/**
 * One-in-one-out, for every node of the package (and every operation of the Scorecard), over
 * 10,000 generated items each: valid inquiries mixed with wrong types, missing fields, 1 MB
 * strings, deep nesting, unicode and prototype-pollution keys. Each input item must leave exactly
 * once with its pairedItem (Summarize Period: one report paired with every input), nothing may
 * throw past the node, every failure must be a known error with a fix hint, and no global or
 * prototype state may change.
 */
const SEED = 20261123;
const ITEMS_PER_NODE = 10_000;
const BATCH = 1_000;
const NOW = '2026-03-03T15:00:00.000Z';
const PACKAGE = 'n8n-nodes-inquiry-continuity';

/** Real vendor samples, normalized: complete ones and ones that need context. */
const validInquiries = [
	'twilio__inbound_sms__1.json',
	'typeform__form_response__1.json',
	'gravity_forms__webhooks_addon_all_fields__1.json',
	'calendly__invitee.created__1.json',
	'google_ads__lead_form_webhook__1.json',
].map((file) => {
	const [first] = normalizeInquiry(sampleBody(file), { now: new Date(NOW), defaultCountry: 'US' });
	if (first.status === 'invalid') throw new Error(`${file} must normalize`);
	return first.inquiry as unknown as IDataObject;
});
const validInquiry = validInquiries[0];
const valid = fc.constantFrom(...validInquiries);

const hostileKey = fc.constantFrom(
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'contact',
	'request',
	'id',
	'schemaVersion',
	'é',
	'📞',
	'',
);
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
	for (const [key, value] of entries)
		Object.defineProperty(object, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	return object;
};

function nested(depth: number): IDataObject {
	let value: IDataObject = { email: 'deep@example.com' };
	for (let i = 0; i < depth; i++) value = { next: value };
	return value;
}

const MEGABYTE = 'x'.repeat(1_000_000);
const UNICODE = '💧🚿 fuite d’eau — 漏水 — تسرب\u202e\u0000';

/** Shapes every node meets: hostile objects, a 1 MB message, deep nesting. */
const hostile = (weight: number): fc.WeightedArbitrary<IDataObject>[] => [
	{
		arbitrary: fc
			.array(fc.tuple(hostileKey, hostileValue), { maxLength: 6 })
			.map(ownObject) as fc.Arbitrary<IDataObject>,
		weight,
	},
	{ arbitrary: fc.constant({ body: { message: MEGABYTE, email: 'big@example.com' } }), weight: 2 },
	{ arbitrary: fc.constant(nested(300)), weight: 5 },
];

const inquiryItem: fc.Arbitrary<IDataObject> = fc.oneof(
	{ arbitrary: valid, weight: 300 },
	{
		// A valid inquiry with one part broken.
		arbitrary: fc
			.tuple(
				valid,
				fc.constantFrom(
					'contact',
					'request',
					'channel',
					'continuity',
					'identityKeys',
					'schemaVersion',
					'source',
					'receivedAt',
					'assignment',
					'handoff',
					'context',
				),
				hostileValue,
			)
			.map(([inquiry, key, value]) => ({ ...inquiry, [key]: value }) as IDataObject),
		weight: 30,
	},
	...hostile(200),
	{
		arbitrary: fc.constant({
			...validInquiry,
			request: { ...(validInquiry.request as IDataObject), message: UNICODE.repeat(50) },
		}),
		weight: 50,
	},
	{
		arbitrary: fc.constant({
			...validInquiry,
			request: { ...(validInquiry.request as IDataObject), message: MEGABYTE },
		}),
		weight: 2,
	},
);

/** What the system of record holds for an inquiry, as the templates write it. */
function storedRecord(inquiry: IDataObject): IDataObject {
	const contact = inquiry.contact as {
		name: { full?: string };
		email?: { address: string };
		phone?: { e164?: string };
	};
	const request = inquiry.request as { message?: string; service?: string };
	return {
		id: 7,
		inquiryId: inquiry.id as string,
		name: contact.name.full ?? '',
		email: contact.email?.address ?? '',
		phone: contact.phone?.e164 ?? '',
		message: request.message ?? '',
		service: request.service ?? '',
	};
}

/** Verify Inquiry Handoff in record mode: an inquiry carrying the record read back (intact, altered, missing or hostile). */
const recordItem: fc.Arbitrary<IDataObject> = fc.oneof(
	{
		arbitrary: valid.map((inquiry) => ({ ...inquiry, record: storedRecord(inquiry) })),
		weight: 200,
	},
	{
		arbitrary: fc
			.tuple(
				valid,
				fc.constantFrom(
					'name',
					'email',
					'phone',
					'message',
					'service',
					'id',
					'inquiryId',
					'__proto__',
					'constructor',
				),
				hostileValue,
			)
			.map(
				([inquiry, key, value]) =>
					({
						...inquiry,
						record: ownObject([...Object.entries(storedRecord(inquiry)), [key, value]]),
					}) as IDataObject,
			),
		weight: 100,
	},
	{
		arbitrary: fc
			.tuple(valid, hostileValue)
			.map(([inquiry, record]) => ({ ...inquiry, record }) as IDataObject),
		weight: 60,
	},
	{ arbitrary: valid.map((inquiry) => ({ ...inquiry })), weight: 20 },
	{
		arbitrary: fc.constant({
			...validInquiry,
			record: { ...storedRecord(validInquiry), message: MEGABYTE },
		}),
		weight: 2,
	},
	{
		arbitrary: inquiryItem.map((inquiry) => ({ ...inquiry, record: storedRecord(validInquiry) })),
		weight: 100,
	},
	...hostile(60),
);

const isoOrJunk = fc.oneof(
	fc
		.date({
			min: new Date('2026-01-01T00:00:00Z'),
			max: new Date('2026-12-31T00:00:00Z'),
			noInvalidDate: true,
		})
		.map((date) => date.toISOString()),
	fc.constantFrom('', 'yesterday', '2026-02-30T25:61:00Z', '0', '1e309', '2026-03-03'),
	hostileValue,
);
const ledgerKey = fc.constantFrom(
	'inquiryId',
	'receivedAt',
	'stage',
	'assignedAt',
	'verifiedAt',
	'alertedAt',
	'respondBy',
	'escalateAt',
	'handoffStatus',
	'score',
	'entryCheck',
	'ownerId',
	'sweepAt',
	'__proto__',
	'constructor',
);

/** Ledger rows as a Data table returns them: good, half-written (crash after entry), broken, or not rows at all. */
const ledgerItem: fc.Arbitrary<IDataObject> = fc.oneof(
	{ arbitrary: fc.constant(ledgerRow() as unknown as IDataObject), weight: 100 },
	{
		arbitrary: fc.record({ id: fc.uuid(), receivedAt: isoOrJunk, assignedAt: isoOrJunk }).map(
			({ id, receivedAt, assignedAt }) =>
				({
					...ledgerRow({
						inquiryId: id,
						stage: 'entry',
						transferCheck: 'not_reached',
						contextCheck: 'not_reached',
						triggerCheck: 'not_reached',
						visibilityCheck: 'not_reached',
						ownerId: '',
						handoffStatus: '',
						verifiedAt: '',
						score: 1,
					}),
					receivedAt,
					assignedAt,
				}) as unknown as IDataObject,
		),
		weight: 100,
	},
	{
		arbitrary: fc
			.tuple(ledgerKey, fc.oneof(isoOrJunk, hostileValue))
			.map(
				([key, value]) => ownObject([...Object.entries(ledgerRow()), [key, value]]) as IDataObject,
			),
		weight: 100,
	},
	{
		arbitrary: fc.constant({ ...ledgerRow(), contactName: MEGABYTE } as unknown as IDataObject),
		weight: 2,
	},
	{ arbitrary: inquiryItem, weight: 60 },
	...hostile(60),
);

interface NodeCase {
	name: string;
	outputs: number;
	type: string;
	items: IDataObject[];
	/** Parameters per batch, so each batch also tries a different setting. */
	parameters: (batch: number) => INodeParameters;
	/** Summarize Period: every input goes into one report item. */
	allToOne?: boolean;
	/** Normalize: one delivery may carry several events. */
	batchedDeliveries?: boolean;
}

const sample = (arbitrary: fc.Arbitrary<IDataObject>, salt: number) =>
	fc.sample(arbitrary, { numRuns: ITEMS_PER_NODE, seed: SEED + salt });
const inquiries = sample(inquiryItem, 0);
const ledgerRows = sample(ledgerItem, 2);
const owners = {
	owner: [
		{ id: 'a', name: 'Ana', active: true, weight: 1 },
		{ id: 'b', name: 'Ben', active: true, weight: 2 },
	],
};

const NODES: NodeCase[] = [
	{
		name: 'Normalize Inquiry',
		outputs: 2,
		type: 'normalizeInquiry',
		items: inquiries,
		parameters: () => ({ source: 'auto', defaultCountry: 'US' }),
		batchedDeliveries: true,
	},
	{
		name: 'Check Inquiry Context',
		outputs: 3,
		type: 'checkInquiryContext',
		items: inquiries,
		parameters: () => ({ profile: 'routeReady', businessName: 'Acme' }),
	},
	{
		name: 'Assign Inquiry Owner',
		outputs: 2,
		type: 'assignInquiryOwner',
		items: inquiries,
		parameters: () => ({
			rosterSource: 'form',
			owners,
			businessTimezone: 'America/New_York',
			businessHours: 'Mon-Fri 08:00-17:00',
			strategy: 'weighted',
		}),
	},
	{
		name: 'Verify Inquiry Handoff (record mode)',
		outputs: 2,
		type: 'verifyInquiryHandoff',
		items: sample(recordItem, 1),
		parameters: (batch) => ({
			mode: 'record',
			destination: 'Records',
			inquirySource: 'inputItem',
			recordField: 'record',
			recordIdPath: 'id',
			fieldsMode: 'standard',
			deadline: batch % 2 ? 'none' : 'sla',
			slaMinutes: 5,
		}),
	},
	{
		name: 'Inquiry Continuity Scorecard: Score Inquiry',
		outputs: 1,
		type: 'inquiryContinuityScorecard',
		items: inquiries,
		parameters: (batch) => ({
			operation: 'scoreInquiry',
			output: batch % 2 ? 'ledgerRow' : 'inquiry',
			alertSent: batch % 3 === 0,
		}),
	},
	{
		name: 'Inquiry Continuity Scorecard: Summarize Period',
		outputs: 1,
		type: 'inquiryContinuityScorecard',
		items: ledgerRows,
		parameters: () => ({
			operation: 'summarizePeriod',
			periodStart: '2026-01-01',
			periodEnd: '2026-12-31',
			reportTimezone: 'America/New_York',
		}),
		allToOne: true,
	},
	{
		name: 'Inquiry Continuity Scorecard: Find Stalled Inquiries',
		outputs: 2,
		type: 'inquiryContinuityScorecard',
		items: ledgerRows,
		parameters: (batch) => ({
			operation: 'findStalled',
			assignWithinMinutes: 15,
			verifyWithinMinutes: 30,
			clock: batch % 2 ? 'wall' : 'business',
			businessTimezone: 'America/New_York',
			businessHours: 'Mon-Fri 08:00-17:00',
		}),
	},
];

const PROTOTYPES = {
	Object: Object.prototype,
	Array: Array.prototype,
	String: String.prototype,
	Function: Function.prototype,
	Number: Number.prototype,
};
/** Every own property of the built-in prototypes, and the global names. */
const globalState = () => ({
	...Object.fromEntries(
		Object.entries(PROTOTYPES).map(([name, proto]) => [
			name,
			Reflect.ownKeys(proto).map(String).sort(),
		]),
	),
	globals: Object.keys(globalThis).sort(),
});

/** Input indexes an output item is paired with. */
function pairedIndexes(item: INodeExecutionData): number[] {
	const paired = item.pairedItem;
	if (paired === undefined || typeof paired === 'number')
		return paired === undefined ? [] : [paired];
	return (Array.isArray(paired) ? paired : [paired]).map((p) => p.item);
}

jest.setTimeout(300_000);

let before: ReturnType<typeof globalState>;
beforeAll(async () => {
	// One warm-up run, so state n8n sets up once (lazy loaders) is not mistaken for a change.
	await runWorkflow(
		manualTriggerWorkflow(
			[validInquiry],
			[
				{
					name: 'Node',
					type: `${PACKAGE}.checkInquiryContext`,
					parameters: { profile: 'routeReady' },
				},
			],
		),
		{ now: NOW, mode: 'trigger' },
	);
	before = globalState();
});

describe.each(NODES)(
	'$name: conservation over 10,000 generated items',
	({ type, outputs, items, parameters, allToOne, batchedDeliveries }) => {
		it('emits every item exactly once with its pairedItem, fails only with known errors and hints, and changes no global state', async () => {
			expect(items).toHaveLength(ITEMS_PER_NODE);
			const outcomes = new Map<number, number>();
			for (let start = 0, batch = 0; start < items.length; start += BATCH, batch++) {
				const inputs = items.slice(start, start + BATCH);
				const node: ChainNode = {
					name: 'Node',
					type: `${PACKAGE}.${type}`,
					parameters: parameters(batch),
					onError: 'continueRegularOutput',
				};
				const result = await runWorkflow(manualTriggerWorkflow(inputs, [node]), {
					now: NOW,
					mode: 'trigger',
				});
				expect(result.error).toBeUndefined();

				const seen = new Map<number, number>();
				for (let output = 0; output < outputs; output++) {
					const out = result.items('Node', output);
					outcomes.set(output, (outcomes.get(output) ?? 0) + out.length);
					for (const item of out) {
						for (const index of pairedIndexes(item)) seen.set(index, (seen.get(index) ?? 0) + 1);
						// A failed item carries a known code and a fix hint; "UNEXPECTED" would be a bug escaping core.
						if (item.json.errorCode !== undefined) {
							expect(item.json.errorCode).not.toBe('UNEXPECTED');
							expect(String(item.json.errorHint ?? '')).not.toBe('');
						}
					}
				}
				expect(inputs.map((_, i) => i).filter((i) => !seen.has(i))).toEqual([]);
				if (allToOne) {
					// One report for the whole batch; items it could not read are listed, with a known code.
					const report = result.items('Node', 0);
					expect(report).toHaveLength(1);
					const skipped = (report[0].json.skipped ?? []) as IDataObject[];
					for (const entry of skipped) expect(entry.errorCode).not.toBe('UNEXPECTED');
					expect(new Set(skipped.map((entry) => entry.item)).size).toBe(skipped.length);
					continue;
				}
				// Only Normalize may emit several items for one input: a batched vendor delivery.
				if (!batchedDeliveries)
					expect([...seen.values()].filter((count) => count !== 1)).toEqual([]);
			}
			// The mix reached every output: the node was exercised, not only its error path.
			expect([...outcomes.values()].filter((count) => count === 0)).toEqual([]);
			expect(globalState()).toEqual(before);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		});
	},
);
