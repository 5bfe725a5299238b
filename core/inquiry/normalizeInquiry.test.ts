import { readFileSync } from 'fs';
import { join } from 'path';
import { Inquiry } from './schema';
import { normalizeInquiry, parsePayload } from './normalizeInquiry';

const NOW = new Date('2026-03-02T15:04:05.000Z');
const sample = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/vendor-payloads', file), 'utf8'))
		.body;

describe('normalizeInquiry', () => {
	it('turns an inbound Twilio SMS into a valid canonical inquiry', () => {
		const [result] = normalizeInquiry(sample('twilio__inbound_sms__1.json'), {
			now: NOW,
			defaultCountry: 'US',
		});
		expect(result.status).toBe('normalized');
		if (result.status === 'invalid') return;
		expect(Inquiry.safeParse(result.inquiry).success).toBe(true);
		expect(result.inquiry).toMatchObject({
			channel: 'sms',
			receivedAt: '2026-03-02T15:04:05.000Z',
			source: {
				system: 'twilio',
				preset: 'twilio',
				detectedBy: 'auto',
				recordId: 'SM00000000000000000000000000000000',
			},
			// The sample's From is a placeholder no one can ring (NANP exchange 123): kept, not an identity.
			contact: { phone: { raw: '+14151234567', valid: false } },
			request: {
				message: 'Hello',
				urgency: 'normal',
				location: { city: 'SAN FRANCISCO', region: 'CA', postalCode: '94104', country: 'US' },
			},
			identityKeys: [],
			continuity: {
				trail: [{ stage: 'entry', outcome: 'normalized', at: '2026-03-02T15:04:05.000Z' }],
			},
		});
	});

	it('gives a replay of the same event the same id, and another event another id', () => {
		const body = sample('twilio__inbound_sms__1.json');
		const [a] = normalizeInquiry(body, { now: NOW });
		const [b] = normalizeInquiry({ ...body }, { now: new Date('2026-03-03T00:00:00Z') });
		const [c] = normalizeInquiry({ ...body, MessageSid: 'SM1' }, { now: NOW });
		expect(a.status !== 'invalid' && b.status !== 'invalid' && a.inquiry.id === b.inquiry.id).toBe(
			true,
		);
		expect(a.status !== 'invalid' && c.status !== 'invalid' && a.inquiry.id !== c.inquiry.id).toBe(
			true,
		);
	});

	// Unicode Standard Annex #15: a payload re-encoded with decomposed accents is the same event.
	it('gives a replay re-encoded in NFD the same id and the same dedupe key', () => {
		const composed = {
			name: 'Jos\u00e9 Mu\u00f1oz',
			email: 'jos\u00e9@example.com',
			message: 'Necesito un presupuesto',
		};
		const decomposed = {
			name: 'Jose\u0301 Mun\u0303oz',
			email: 'jose\u0301@example.com',
			message: 'Necesito un presupuesto',
		};
		const [a] = normalizeInquiry(composed, { now: NOW, source: 'generic' });
		const [b] = normalizeInquiry(decomposed, { now: NOW, source: 'generic' });
		if (a.status === 'invalid' || b.status === 'invalid') throw new Error('invalid');
		expect(b.inquiry.id).toBe(a.inquiry.id);
		expect(b.inquiry.dedupeKey).toBe(a.inquiry.dedupeKey);
		expect(b.inquiry.contact.name.full).toBe('Jos\u00e9 Mu\u00f1oz');
	});

	it('reports why an item cannot become an inquiry', () => {
		expect(normalizeInquiry('not json at all', { now: NOW })[0]).toMatchObject({
			status: 'invalid',
			reasons: ['unparseable_body'],
		});
		expect(normalizeInquiry({}, { now: NOW })[0]).toMatchObject({
			status: 'invalid',
			reasons: ['empty_payload'],
		});
		expect(normalizeInquiry(42, { now: NOW })[0]).toMatchObject({
			status: 'invalid',
			reasons: ['not_an_object'],
		});
		expect(normalizeInquiry({ foo: 'bar' }, { now: NOW, source: 'generic' })[0]).toMatchObject({
			status: 'invalid',
			reasons: ['no_contact_details'],
		});
	});

	it('throws a hinted error for an unknown preset key', () => {
		expect(() => normalizeInquiry({ a: 1 }, { now: NOW, source: 'nope' })).toThrow(
			'Unknown source preset: "nope"',
		);
	});

	it('keeps the raw payload unless told not to', () => {
		const body = sample('twilio__inbound_sms__1.json');
		const [kept] = normalizeInquiry(body, { now: NOW });
		const [dropped] = normalizeInquiry(body, { now: NOW, keepRaw: false });
		expect(kept.status !== 'invalid' && kept.inquiry.raw).toEqual(body);
		expect(dropped.status !== 'invalid' && 'raw' in dropped.inquiry).toBe(false);
	});
});

describe('parsePayload', () => {
	it('reads JSON and form-encoded strings', () => {
		expect(parsePayload('{"a":1}')).toEqual({ a: 1 });
		expect(parsePayload('From=%2B14155550123&Body=Hi+there')).toEqual({
			From: '+14155550123',
			Body: 'Hi there',
		});
		expect(parsePayload('[{"x":1}]')).toEqual({ events: [{ x: 1 }] });
	});
});
