import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { verifySignature } from './verifySignature';

const NOW = new Date('2026-03-02T15:04:05.000Z');
const sample = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/vendor-payloads', file), 'utf8'))
		.body as Record<string, unknown>;

describe('google ads: google_key in the body equals the lead form key', () => {
	const body = sample('google_ads__lead_form_webhook__1.json');

	it("accepts the real sample's key and rejects any other", () => {
		expect(
			verifySignature('googleAds', { headers: {}, body }, 'bakerGoogleWebHookValue', { now: NOW }),
		).toEqual({
			ok: true,
		});
		expect(
			verifySignature('googleAds', { headers: {}, body }, 'bakerGoogleWebHookValuf', { now: NOW }),
		).toMatchObject({
			reason: 'mismatch',
		});
		expect(
			verifySignature('googleAds', { headers: {}, body: { ...body, google_key: undefined } }, 'k', {
				now: NOW,
			}),
		).toMatchObject({ reason: 'missing_field' });
	});
});

describe('aircall: token in the body equals the webhook token', () => {
	const body = sample('aircall__call.created__1.json');

	it("accepts the real sample's token and rejects a forged one", () => {
		expect(
			verifySignature('aircall', { headers: {}, body }, String(body.token), { now: NOW }),
		).toEqual({ ok: true });
		expect(
			verifySignature(
				'aircall',
				{ headers: {}, body: { ...body, token: 'forged' } },
				String(body.token),
				{ now: NOW },
			),
		).toMatchObject({ reason: 'mismatch' });
	});
});

describe('mailgun: hex HMAC-SHA256 of timestamp + token', () => {
	const key = 'key-mailgun-signing-42';
	const sign = (timestamp: string, token: string, k = key) =>
		createHmac('sha256', k)
			.update(timestamp + token)
			.digest('hex');
	const real = sample('mailgun__inbound_route_forward__1.json');

	it('accepts top-level form fields (inbound routes), re-signed with a known key', () => {
		const body = { ...real, signature: sign(String(real.timestamp), String(real.token)) };
		expect(verifySignature('mailgun', { headers: {}, body }, key, { now: NOW })).toEqual({
			ok: true,
		});
		expect(
			verifySignature('mailgun', { headers: {}, body: { ...body, token: `${real.token}0` } }, key, {
				now: NOW,
			}),
		).toMatchObject({ reason: 'mismatch' });
	});

	it('rejects the real sample under a key that did not sign it', () => {
		expect(
			verifySignature('mailgun', { headers: {}, body: real }, key, { now: NOW }),
		).toMatchObject({
			reason: 'mismatch',
		});
	});

	it('accepts the nested signature object of event webhooks and checks age when asked', () => {
		const timestamp = String(Math.floor(NOW.getTime() / 1000) - 3600);
		const body = {
			signature: { timestamp, token: 'tok123', signature: sign(timestamp, 'tok123') },
			'event-data': {},
		};
		expect(verifySignature('mailgun', { headers: {}, body }, key, { now: NOW })).toEqual({
			ok: true,
		});
		expect(
			verifySignature('mailgun', { headers: {}, body }, key, { now: NOW, toleranceSeconds: 600 }),
		).toMatchObject({
			reason: 'expired',
		});
		expect(
			verifySignature('mailgun', { headers: {}, body: { 'event-data': {} } }, key, { now: NOW }),
		).toMatchObject({
			reason: 'missing_field',
		});
	});
});
