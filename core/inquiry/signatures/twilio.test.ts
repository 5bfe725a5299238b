import { createHash, createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { signedParams, urlVariants } from './twilio';
import { verifySignature } from './verifySignature';

const NOW = { now: new Date('2026-03-02T15:04:05.000Z') };
const TOKEN = '12345';

/** Twilio's documented algorithm, written out independently: URL + each sorted name + value. */
function twilioSignature(token: string, url: string, params: Record<string, string>): string {
	let data = url;
	for (const name of Object.keys(params).sort()) data += name + params[name];
	return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

describe('twilio', () => {
	// Twilio's own published example (security docs and api-snippets signature_validation).
	it("reproduces Twilio's published example vector", () => {
		const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
		const params = {
			CallSid: 'CA1234567890ABCDE',
			Caller: '+14158675309',
			Digits: '1234',
			From: '+14158675309',
			To: '+18005551212',
		};
		const headers = { 'X-Twilio-Signature': 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' };
		expect(verifySignature('twilio', { headers, body: params, url }, TOKEN, NOW)).toEqual({
			ok: true,
		});
		expect(
			verifySignature('twilio', { headers, body: { ...params, Digits: '1235' }, url }, TOKEN, NOW),
		).toMatchObject({
			reason: 'mismatch',
		});
	});

	const fixture = JSON.parse(
		readFileSync(
			join(__dirname, '../../../test/fixtures/vendor-payloads/twilio__inbound_sms__1.json'),
			'utf8',
		),
	).body as Record<string, string>;
	const url = 'https://hooks.example.com/webhook/inbound-sms';

	it('verifies the real inbound SMS sample posted as form fields, and rejects a tampered field', () => {
		const headers = { 'x-twilio-signature': twilioSignature(TOKEN, url, fixture) };
		expect(verifySignature('twilio', { headers, body: fixture, url }, TOKEN, NOW)).toEqual({
			ok: true,
		});
		expect(
			verifySignature('twilio', { headers, body: { ...fixture, Body: 'Hello!' }, url }, TOKEN, NOW),
		).toMatchObject({ reason: 'mismatch' });
		expect(
			verifySignature('twilio', { headers, body: fixture, url }, 'another-token', NOW),
		).toMatchObject({
			reason: 'mismatch',
		});
		const encoded = new URLSearchParams(fixture).toString();
		expect(verifySignature('twilio', { headers, body: encoded, url }, TOKEN, NOW)).toEqual({
			ok: true,
		});
	});

	it('tries the URL with and without the default port, as proxies change it', () => {
		const headers = {
			'X-Twilio-Signature': twilioSignature(
				TOKEN,
				'https://hooks.example.com:443/webhook/sms?x=1',
				fixture,
			),
		};
		expect(
			verifySignature(
				'twilio',
				{ headers, body: fixture, url: 'https://hooks.example.com/webhook/sms?x=1' },
				TOKEN,
				NOW,
			),
		).toEqual({ ok: true });
		expect(urlVariants('https://a.example:8443/p?q=1')).toEqual([
			'https://a.example:8443/p?q=1',
			'https://a.example/p?q=1',
		]);
		expect(urlVariants('http://a.example/p')).toEqual([
			'http://a.example/p',
			'http://a.example:80/p',
		]);
	});

	// twilio/twilio-node spec/unit/webhooks/webhooks.spec.js: authToken "s3cr3t", empty params; a
	// signature of the server URL must validate against each target URL (or must not, for the first).
	describe("Twilio SDK's URL cases", () => {
		const SDK_TOKEN = 's3cr3t';
		const validates = (serverUrl: string, targetUrl: string) => {
			const headers = { 'X-Twilio-Signature': twilioSignature(SDK_TOKEN, serverUrl, {}) };
			return verifySignature('twilio', { headers, body: {}, url: targetUrl }, SDK_TOKEN, NOW).ok;
		};

		it.each([
			['https://example.com:443/path?test=param', 'https://example.com:443/path?test=param'],
			['https://example.com:443/path?test=param', 'https://example.com/path?test=param'],
			['https://example.com/path?test=param', 'https://example.com/path?test=param'],
			['https://example.com/path?test=param', 'https://example.com:443/path?test=param'],
			[
				"https://example.com/path?test=param'WithQuote",
				"https://example.com/path?test=param'WithQuote",
			],
			[
				"https://example.com/path?test=param'WithQuote",
				'https://example.com/path?test=param%27WithQuote',
			],
			[
				'https://example.com/path?test=param%27WithQuote',
				"https://example.com/path?test=param'WithQuote",
			],
			[
				'https://example.com/path?test=param%27WithQuote',
				'https://example.com/path?test=param%27WithQuote',
			],
		])('signed for %s, validates %s', (serverUrl, targetUrl) => {
			expect(validates(serverUrl, targetUrl)).toBe(true);
		});

		it('rejects a signature of another URL', () => {
			expect(
				validates('https://example.com/path?test=param', 'https://example.com/path?test=param2'),
			).toBe(false);
		});
	});

	it('signs JSON bodies through bodySHA256 in the URL and the URL alone', () => {
		const body = '{"CallSid":"CA1234567890ABCDE","Caller":"+12349013030"}';
		const hash = createHash('sha256').update(body).digest('hex');
		expect(hash).toBe('5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9');
		const jsonUrl = `https://example.com/myapp?bodySHA256=${hash}`;
		const headers = { 'X-Twilio-Signature': twilioSignature(TOKEN, jsonUrl, {}) };
		expect(
			verifySignature(
				'twilio',
				{ headers, rawBody: body, body: JSON.parse(body), url: jsonUrl },
				TOKEN,
				NOW,
			),
		).toEqual({ ok: true });
		expect(
			verifySignature(
				'twilio',
				{ headers, rawBody: body.replace('30"', '31"'), url: jsonUrl },
				TOKEN,
				NOW,
			),
		).toMatchObject({ reason: 'mismatch' });
		expect(verifySignature('twilio', { headers, url: jsonUrl }, TOKEN, NOW)).toMatchObject({
			reason: 'missing_raw_body',
		});
	});

	it('needs the header and the public URL', () => {
		expect(
			verifySignature('twilio', { headers: {}, body: fixture, url }, TOKEN, NOW),
		).toMatchObject({
			reason: 'missing_header',
		});
		expect(
			verifySignature(
				'twilio',
				{ headers: { 'X-Twilio-Signature': 'x' }, body: fixture },
				TOKEN,
				NOW,
			),
		).toMatchObject({ reason: 'missing_url' });
	});

	it('concatenates repeated parameters once per distinct value, sorted', () => {
		expect(signedParams({ b: '2', a: ['z', 'y', 'z'] })).toBe('ayazb2');
	});
});
