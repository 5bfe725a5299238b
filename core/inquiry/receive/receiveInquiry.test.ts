import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { InquiryError } from '../../shared/errors';
import { Rejection, receiveInquiry } from './receiveInquiry';

const NOW = new Date('2026-03-02T15:04:05.000Z');
const TOKEN = 'twilio-auth-token';
const URL = 'https://n8n.example.com/webhook/sms';
const sms = JSON.parse(
	readFileSync(
		join(__dirname, '../../../test/fixtures/vendor-payloads/twilio__inbound_sms__1.json'),
		'utf8',
	),
).body as Record<string, string>;

function twilioSignature(params: Record<string, string>, token = TOKEN): string {
	const data = Object.keys(params)
		.sort()
		.reduce((acc, key) => acc + key + params[key], URL);
	return createHmac('sha1', token).update(data).digest('base64');
}

const webhookItem = (body: unknown, headers: Record<string, string>) => ({
	headers,
	params: {},
	query: {},
	body,
	webhookUrl: URL,
});

describe('receiveInquiry', () => {
	it('normalizes a Webhook node item without a signature check', () => {
		const result = receiveInquiry(webhookItem(sms, {}), { now: NOW, defaultCountry: 'US' });
		expect(result.status).toBe('received');
		if (result.status !== 'received') return;
		expect(result.results).toHaveLength(1);
		expect(result.results[0]).toMatchObject({
			status: 'normalized',
			inquiry: { channel: 'sms', contact: { phone: { raw: '+14151234567' } } },
		});
	});

	it("accepts a Twilio SMS signed for the Webhook node's URL (scheme from the detected source)", () => {
		const item = webhookItem(sms, { 'x-twilio-signature': twilioSignature(sms) });
		const result = receiveInquiry(item, { now: NOW, signature: { scheme: 'auto', secret: TOKEN } });
		expect(result).toMatchObject({
			status: 'received',
			results: [{ status: 'normalized', inquiry: { source: { preset: 'twilio' } } }],
		});
	});

	it('rejects a forged Twilio SMS with a reason, the scheme and a hint', () => {
		const item = webhookItem(
			{ ...sms, Body: 'Send me your bank details' },
			{ 'x-twilio-signature': twilioSignature(sms) },
		);
		const result = receiveInquiry(item, { now: NOW, signature: { scheme: 'auto', secret: TOKEN } });
		expect(result.status).toBe('rejected');
		if (result.status !== 'rejected') return;
		expect(Rejection.parse(result.rejected)).toEqual(result.rejected);
		expect(result.rejected).toMatchObject({ reason: 'mismatch', scheme: 'twilio' });
		expect(result.rejected.hint).toContain('Raw Body');
	});

	it('uses the public URL from the credential when the vendor was given another host', () => {
		const data = Object.keys(sms)
			.sort()
			.reduce((acc, key) => acc + key + sms[key], 'https://public.example.com/sms');
		const signature = createHmac('sha1', TOKEN).update(data).digest('base64');
		const item = webhookItem(sms, { 'X-Twilio-Signature': signature });
		const check = { scheme: 'twilio' as const, secret: TOKEN };
		expect(receiveInquiry(item, { now: NOW, signature: check }).status).toBe('rejected');
		expect(
			receiveInquiry(item, {
				now: NOW,
				signature: { ...check, publicUrl: 'https://public.example.com/sms' },
			}).status,
		).toBe('received');
	});

	it('checks byte-signing schemes against the raw body, and falls back to re-serialized JSON', () => {
		const body = { name: 'Ana', email: 'ana@example.com', message: 'Leaking pipe' };
		const raw = JSON.stringify(body, null, 2);
		const sign = (bytes: string) =>
			`sha256=${createHmac('sha256', 's3cret').update(bytes).digest('base64')}`;
		const check = { scheme: 'typeform' as const, secret: 's3cret' };

		const exact = webhookItem(body, { 'Typeform-Signature': sign(raw) });
		expect(
			receiveInquiry(exact, { now: NOW, source: 'generic', rawBody: raw, signature: check }).status,
		).toBe('received');

		const compact = webhookItem(body, { 'Typeform-Signature': sign(JSON.stringify(body)) });
		expect(receiveInquiry(compact, { now: NOW, source: 'generic', signature: check }).status).toBe(
			'received',
		);

		const result = receiveInquiry(exact, { now: NOW, source: 'generic', signature: check });
		expect(result).toMatchObject({
			status: 'rejected',
			rejected: { reason: 'mismatch', scheme: 'typeform' },
		});
		if (result.status === 'rejected') expect(result.rejected.detail).toContain('re-serialized');
	});

	it('fails closed when the source does not sign or cannot be told', () => {
		const item = webhookItem({ formID: '1', submissionID: '2' }, {});
		const unsigned = receiveInquiry(item, {
			now: NOW,
			source: 'jotform',
			signature: { scheme: 'auto', secret: 'x' },
		});
		expect(unsigned).toMatchObject({
			status: 'rejected',
			rejected: {
				reason: 'unsigned_source',
				scheme: 'none',
				detail: 'jotform does not sign its webhooks',
			},
		});
		const generic = receiveInquiry(item, {
			now: NOW,
			source: 'generic',
			signature: { scheme: 'auto', secret: 'x' },
		});
		expect(generic).toMatchObject({
			status: 'rejected',
			rejected: { reason: 'unknown_source', scheme: 'unknown' },
		});
		const unknown = receiveInquiry(webhookItem({ zzz: 1 }, {}), {
			now: NOW,
			signature: { scheme: 'auto', secret: 'x' },
		});
		expect(unknown).toMatchObject({ status: 'rejected', rejected: { reason: 'unknown_source' } });
	});

	it('throws a hinted configuration error when the secret is empty', () => {
		const run = () =>
			receiveInquiry(webhookItem(sms, {}), {
				now: NOW,
				signature: { scheme: 'twilio', secret: ' ' },
			});
		expect(run).toThrow(InquiryError);
		expect(run).toThrow('Signature checking is on but the credential has no secret');
	});
});
