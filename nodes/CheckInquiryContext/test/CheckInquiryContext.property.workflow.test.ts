import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { Inquiry } from '../../../core/inquiry/schema';
import { CHANNELS, URGENCIES } from '../../../core/inquiry/schema';
import { makeInquiry } from '../../../core/context/test/inquiry';
import { manualTriggerWorkflow, runWorkflow } from '../../../test/harness';

/**
 * Generated inquiries, broken inquiries (wrong types, newer versions, missing parts) and junk,
 * through the real node in a real workflow: every input item leaves exactly once, with its
 * pairedItem, and a valid one is never routed as if fine without a way to reach the person.
 */
const NODE = 'Check Inquiry Context';
const SEED = 20260504;

const text = fc.oneof(
	fc.constantFrom(
		'',
		'test',
		'Jane Doe',
		'94107',
		'Leaking pipe under the sink',
		'🙂',
		'+1 415 555 2671',
		'jane@gmial.com',
	),
	fc.string({ maxLength: 30 }),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const validInquiry = fc
	.record({
		channel: fc.constantFrom(...CHANNELS),
		name: optional(text),
		email: optional(fc.oneof(fc.emailAddress(), text)),
		phone: optional(fc.oneof(fc.constantFrom('+1 415 555 2671', '+44 20 7946 0958', '12'), text)),
		service: optional(text),
		message: optional(text),
		preferredTime: optional(text),
		urgency: fc.constantFrom(...URGENCIES),
		location: fc.record({ city: optional(text), postalCode: optional(text) }, { requiredKeys: [] }),
	})
	.map((parts) => makeInquiry(parts) as unknown as IDataObject);

/** A valid inquiry with one part replaced by a value of the wrong type. */
const brokenInquiry = fc
	.tuple(
		validInquiry,
		fc.constantFrom(
			'channel',
			'contact',
			'request',
			'continuity',
			'schemaVersion',
			'identityKeys',
			'extraFields',
		),
		fc.oneof(
			fc.constant(null),
			fc.integer(),
			fc.string({ maxLength: 5 }),
			fc.constant([]),
			fc.constant({}),
			fc.constant(2),
		),
	)
	.map(([inquiry, key, value]) => ({ ...inquiry, [key]: value }));

const junk = fc.oneof(
	fc.constant({}),
	fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

const item = fc.oneof(
	{ arbitrary: validInquiry, weight: 3 },
	{ arbitrary: brokenInquiry, weight: 2 },
	{ arbitrary: junk, weight: 1 },
);

describe('Check Inquiry Context: conservation over generated items', () => {
	it('emits every input item exactly once, with its pairedItem, whatever arrives', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(item, { minLength: 1, maxLength: 15 }),
				fc.constantFrom('reachable', 'routeReady', 'quoteReady'),
				fc.boolean(),
				async (items, profile, holdIncomplete) => {
					const workflow = manualTriggerWorkflow(items, [
						{
							name: NODE,
							type: 'n8n-nodes-inquiry-continuity.checkInquiryContext',
							parameters: { profile, businessName: 'Acme', options: { holdIncomplete } },
							onError: 'continueRegularOutput',
						},
					]);
					const result = await runWorkflow(workflow, { now: '2026-05-04T10:00:00.000Z' });
					expect(result.error).toBeUndefined();

					const outputs = [0, 1, 2].map((output) => result.items(NODE, output));
					const paired = outputs.flat().map((one) => (one.pairedItem as { item: number }).item);
					expect(paired.sort((a, b) => a - b)).toEqual(items.map((_, index) => index));

					outputs.forEach((emitted, output) => {
						for (const one of emitted) {
							const input = items[(one.pairedItem as { item: number }).item];
							if (!Inquiry.safeParse(input).success) {
								// Failed items take the alerting branch, never Complete.
								expect(output).toBe(2);
								expect(one.json.errorCode).toMatch(/^(NOT_AN_INQUIRY|UNSUPPORTED_SCHEMA_VERSION)$/);
								continue;
							}
							const outcome = (one.json.context as { outcome: string }).outcome;
							expect(output === 2).toBe(
								outcome === 'unreachable' || one.json.errorCode !== undefined,
							);
						}
					});
				},
			),
			{ numRuns: 25, seed: SEED },
		);
	});
});
