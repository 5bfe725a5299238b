import fc from 'fast-check';
import type { Inquiry } from '../inquiry/schema';
import { CHANNELS, Inquiry as InquirySchema, PHONE_LINE_TYPES, URGENCIES } from '../inquiry/schema';
import { checkContext } from './checkContext';
import { CONDITION_FIELDS, CONTEXT_FIELDS } from './fields';
import { ContextProfile } from './profile';
import { ContextResult } from './result';
import { smsSize } from './sms';
import { FollowUpWording } from './wording';

const text = fc.oneof(
	fc.constantFrom(
		'',
		' ',
		'test',
		'n/a',
		'Jane',
		'94107',
		'Tomorrow at 9',
		'Leaking pipe under the kitchen sink',
		'🙂',
		'Ñoño’s “quote”',
	),
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 200 }),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const email = fc.record(
	{ address: text, valid: fc.boolean(), raw: text, suggestion: optional(text) },
	{ requiredKeys: ['address', 'valid', 'raw'] },
);
const phone = fc.record(
	{
		e164: optional(text),
		national: optional(text),
		valid: fc.boolean(),
		raw: text,
		lineType: optional(fc.constantFrom(...PHONE_LINE_TYPES)),
	},
	{ requiredKeys: ['valid', 'raw'] },
);

const inquiry: fc.Arbitrary<Inquiry> = fc
	.record({
		channel: fc.constantFrom(...CHANNELS),
		system: text,
		name: fc.record(
			{ full: optional(text), first: optional(text), last: optional(text) },
			{ requiredKeys: [] },
		),
		email: optional(email),
		phone: optional(phone),
		company: optional(text),
		request: fc.record(
			{
				message: optional(text),
				service: optional(text),
				urgency: fc.constantFrom(...URGENCIES),
				preferredTime: optional(text),
			},
			{ requiredKeys: ['urgency'] },
		),
		location: fc.record(
			{
				address: optional(text),
				city: optional(text),
				region: optional(text),
				postalCode: optional(text),
				country: optional(text),
			},
			{ requiredKeys: [] },
		),
	})
	.map((parts) =>
		InquirySchema.parse({
			schemaVersion: 1,
			id: 'inq',
			dedupeKey: 'dk',
			identityKeys: [],
			receivedAt: '2026-05-04T10:00:00.000Z',
			channel: parts.channel,
			source: { system: parts.system, preset: 'generic', detectedBy: 'generic' },
			contact: { name: parts.name, email: parts.email, phone: parts.phone, company: parts.company },
			request: { ...parts.request, location: parts.location },
			attribution: {},
			consent: {},
			extraFields: {},
			continuity: { trail: [] },
		}),
	);

const condition = fc.oneof(
	fc.record({ field: fc.constantFrom(...CONDITION_FIELDS), equals: text }),
	fc.record({
		field: fc.constantFrom(...CONDITION_FIELDS),
		in: fc.array(text, { minLength: 1, maxLength: 3 }),
	}),
	fc.record({ field: fc.constantFrom(...CONDITION_FIELDS), present: fc.boolean() }),
);
const requirement = fc.record(
	{
		target: fc.oneof(
			fc.record({ field: fc.constantFrom(...CONTEXT_FIELDS) }),
			fc.record({
				anyOf: fc.uniqueArray(fc.constantFrom(...CONTEXT_FIELDS), { minLength: 2, maxLength: 4 }),
			}),
		),
		weight: fc.integer({ min: 0, max: 50 }),
		level: fc.constantFrom('required', 'recommended'),
		when: optional(condition),
	},
	{ requiredKeys: ['target', 'weight', 'level'] },
);
const profile = fc.array(requirement, { minLength: 1, maxLength: 8 }).map((rows) =>
	ContextProfile.parse({
		name: 'generated',
		requirements: rows.map(({ target, ...rest }) => ({ ...target, ...rest })),
	}),
);

const wording = fc
	.record({
		businessName: fc.oneof(
			fc.constantFrom(
				'',
				'Acme Plumbing',
				'Joe’s Heating — 24/7',
				'Rosa 🌹 Florist',
				'A'.repeat(150),
			),
			fc.string({ maxLength: 60 }),
		),
		greeting: fc.oneof(
			fc.constant('Thanks for reaching out to {business}!'),
			fc.string({ maxLength: 80 }),
		),
		fieldPhrases: fc.dictionary(fc.constantFrom(...CONTEXT_FIELDS), fc.string({ maxLength: 90 }), {
			maxKeys: 3,
		}),
	})
	.map((input) => FollowUpWording.parse(input));

const options = fc.record({
	treatRecommendedAsRequired: fc.boolean(),
	minimumScore: fc.integer({ min: 0, max: 100 }),
	minMessageLength: fc.integer({ min: 0, max: 60 }),
	wording,
});

describe('checkContext on any schema-valid inquiry and profile', () => {
	it('never throws, returns a valid result, and every SMS fits one segment of at most 160 characters', () => {
		fc.assert(
			fc.property(inquiry, profile, options, (one, p, opts) => {
				const result = checkContext(one, p, opts);
				expect(ContextResult.safeParse(result).success).toBe(true);
				const reachable = Boolean(one.contact.phone?.valid || one.contact.email?.valid);
				if (!reachable) expect(result.outcome).toBe('unreachable');
				if (result.complete)
					expect(result.missing.filter((m) => m.level === 'required')).toEqual([]);
				expect(result.complete).toBe(result.outcome === 'complete');
				expect(result.followUp === undefined).toBe(result.complete);
				const sms = result.followUp?.sms;
				if (sms !== undefined) {
					const size = smsSize(sms);
					expect(size.units).toBeLessThanOrEqual(size.limit);
					expect(sms.length).toBeLessThanOrEqual(160);
				}
				if (result.followUp?.preferred === 'sms') expect(sms).toBeDefined();
			}),
			{ numRuns: 400 },
		);
	});
});
