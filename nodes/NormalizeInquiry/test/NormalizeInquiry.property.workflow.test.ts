import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { ReceiveOptions } from '../../../core/inquiry/receive/receiveInquiry';
import { receiveInquiry } from '../../../core/inquiry/receive/receiveInquiry';
import type { RunResult } from '../../../test/harness';
import { manualTriggerWorkflow, runWorkflow } from '../../../test/harness';

/**
 * Thousands of generated and hostile payloads through the real node in a real workflow: every
 * input item must come out (once, or once per event of a batched delivery), with its pairedItem,
 * and nothing may stop the run.
 */
const NOW = '2026-03-02T15:04:05.000Z';
const NODE = 'Normalize Inquiry';
const SEED = 20260302;
const SECRET = 'property-secret';

/** An object whose keys are own properties even when they are "__proto__" or "constructor". */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of entries)
		Object.defineProperty(out, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	return out;
}

const key = fc.oneof(
	fc.constantFrom(
		'__proto__',
		'constructor',
		'prototype',
		'toString',
		'hasOwnProperty',
		'email',
		'phone',
		'name',
		'message',
	),
	fc.constantFrom(
		'body',
		'headers',
		'From',
		'AccountSid',
		'CallSid',
		'object',
		'entry',
		'changes',
		'events',
		'data',
		'payload',
	),
	fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const text = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.emailAddress(),
	fc.constantFrom(
		'+1 (415) 555-0134',
		'00 44 20 7946 0958',
		'1-800-FLOWERS',
		'555-0134 ext. 12',
		'ACxxxx',
		'CA123',
	),
	fc.constantFrom(
		'<p>Hi <b>there</b></p>',
		'😀👍🏽🇮🇪',
		'ñandú Ærøskøbing',
		'٠١٢٣٤٥٦٧٨٩',
		'',
		'   ',
		'\u0000\u202e',
	),
);
const json = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		text,
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		tie('array'),
		tie('object'),
	),
	array: fc.array(tie('value'), { maxLength: 5 }),
	object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map(ownObject),
})).value;

const webhook = (body: unknown, headers: Record<string, unknown> = {}): IDataObject =>
	({
		headers: { 'content-type': 'application/json', ...headers },
		params: {},
		query: {},
		body,
		webhookUrl: 'https://n8n.example.com/webhook/x',
	}) as IDataObject;

/** n8n items are objects: a primitive or array payload arrives inside a Webhook node item. */
const item = fc.oneof(
	json.map((payload) =>
		payload !== null && typeof payload === 'object' && !Array.isArray(payload)
			? (payload as IDataObject)
			: webhook(payload),
	),
	fc
		.tuple(
			json,
			fc.dictionary(
				fc.constantFrom(
					'x-twilio-signature',
					'typeform-signature',
					'x-hub-signature-256',
					'webhook-signature',
				),
				text,
			),
		)
		.map(([payload, headers]) => webhook(payload, headers)),
);

function nested(depth: number): unknown {
	let value: unknown = { email: 'deep@example.com' };
	for (let i = 0; i < depth; i++) value = i % 2 ? { level: value } : [value];
	return value;
}

const sample = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/vendor-payloads', file), 'utf8'))
		.body as unknown;
const megabyte = 'a'.repeat(1024 * 1024);
const SPECIALS: IDataObject[] = [
	{ message: megabyte, email: `${megabyte}@example.com`, phone: megabyte },
	webhook(megabyte),
	webhook({ name: `Zoë ${megabyte}`, email: 'zoe@example.com' }),
	webhook(nested(400)),
	nested(60) as IDataObject,
	webhook(sample('facebook_lead_ads__leadgen_webhook__1.json'), {
		'x-hub-signature-256': 'sha256=00',
	}),
	webhook(sample('whatsapp_cloud__messages_text__1.json')),
	webhook(sample('hubspot__contact.creation__1.json')),
	webhook({ object: 'page', entry: 'not an array' }),
	webhook({ object: 'whatsapp_business_account', entry: [null, 1, 'x', { changes: {} }] }),
	webhook([[], {}, null]),
	webhook('{"truncated": '),
	webhook('From=%2B14155550134&Body=hi'),
];

const GENERATED = fc.sample(item, { numRuns: 2500, seed: SEED });
const ITEMS = [...SPECIALS, ...GENERATED];

const CONFIGS: {
	name: string;
	parameters: INodeParameters;
	options: Omit<ReceiveOptions, 'now'>;
}[] = [
	{ name: 'auto-detect', parameters: { source: 'auto' }, options: { source: 'auto' } },
	{
		name: 'generic, whole item',
		parameters: { source: 'generic', payloadFrom: 'wholeItem' },
		options: { source: 'generic', payloadFrom: 'wholeItem' },
	},
	{
		name: 'auto-detect with signature check',
		parameters: { source: 'auto', checkSignature: true, signatureScheme: 'auto' },
		options: { source: 'auto', signature: { scheme: 'auto', secret: SECRET, publicUrl: '' } },
	},
];

/** How many items the core says one input becomes: one, or one per event of a batch. */
function expectedCount(json: IDataObject, options: Omit<ReceiveOptions, 'now'>): number {
	const result = receiveInquiry(json, { ...options, defaultCountry: 'US', now: new Date(NOW) });
	return result.status === 'rejected' ? 1 : result.results.length;
}

function countsByInput(result: RunResult, outputs: number): number[] {
	const counts = new Array<number>(ITEMS.length).fill(0);
	for (let output = 0; output < outputs; output++) {
		for (const out of result.items(NODE, output)) {
			const paired = out.pairedItem as { item: number };
			counts[paired.item] += 1;
		}
	}
	return counts;
}

describe('Normalize Inquiry: every item comes out, whatever it holds', () => {
	it.each(CONFIGS)(
		'$name',
		async ({ parameters, options }) => {
			const workflow = manualTriggerWorkflow(ITEMS, [
				{
					name: NODE,
					type: 'n8n-nodes-inquiry-continuity.normalizeInquiry',
					parameters: { defaultCountry: 'US', ...parameters },
					credentials: { inquiryWebhookSecretApi: { id: 'c', name: 'secret' } },
				},
			]);
			const result = await runWorkflow(workflow, {
				now: NOW,
				credentials: { inquiryWebhookSecretApi: { secret: SECRET } },
			});
			expect(result.error).toBeUndefined();

			const outputs = options.signature ? 3 : 2;
			const counts = countsByInput(result, outputs);
			const expected = ITEMS.map((json) => expectedCount(json, options));
			expect(counts.every((count) => count >= 1)).toBe(true);
			expect(counts).toEqual(expected);
			expect(result.items(NODE, outputs)).toEqual([]);
			if (options.signature)
				expect(result.items(NODE, 2).length).toBeGreaterThan(ITEMS.length * 0.9);
			else expect(result.items(NODE, 0).length).toBeGreaterThan(0);
		},
		30_000,
	);
});
