import { createHash, createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { hubspotUri } from './hubspot';
import { verifySignature } from './verifySignature';

const NOW = new Date('2026-03-02T15:04:05.000Z');
const SECRET = 'app-client-secret-5b2c';
const URL = 'https://n8n.example.com/webhook/hubspot';
const BODY = JSON.stringify(
	JSON.parse(
		readFileSync(
			join(__dirname, '../../../test/fixtures/vendor-payloads/hubspot__contact.creation__1.json'),
			'utf8',
		),
	).body,
);

describe('hubspot v3: base64 HMAC-SHA256 of method + URI + body + timestamp', () => {
	const headersFor = (ms: number, secret = SECRET, uri = URL) => ({
		'X-HubSpot-Signature-v3': createHmac('sha256', secret)
			.update(`POST${uri}${BODY}${ms}`)
			.digest('base64'),
		'X-HubSpot-Request-Timestamp': String(ms),
	});

	it('accepts a fresh request and rejects one older than five minutes', () => {
		const request = {
			rawBody: BODY,
			url: URL,
			method: 'post',
			headers: headersFor(NOW.getTime() - 10_000),
		};
		expect(verifySignature('hubspot', request, SECRET, { now: NOW })).toEqual({ ok: true });
		const stale = { ...request, headers: headersFor(NOW.getTime() - 301_000) };
		expect(verifySignature('hubspot', stale, SECRET, { now: NOW })).toMatchObject({
			reason: 'expired',
		});
	});

	it('rejects another secret, another URL, another method and a tampered body', () => {
		const headers = headersFor(NOW.getTime());
		expect(
			verifySignature(
				'hubspot',
				{ rawBody: BODY, url: URL, headers: headersFor(NOW.getTime(), 'x') },
				SECRET,
				{
					now: NOW,
				},
			),
		).toMatchObject({ reason: 'mismatch' });
		expect(
			verifySignature('hubspot', { rawBody: BODY, url: `${URL}2`, headers }, SECRET, { now: NOW }),
		).toMatchObject({
			reason: 'mismatch',
		});
		expect(
			verifySignature('hubspot', { rawBody: BODY, url: URL, method: 'PUT', headers }, SECRET, {
				now: NOW,
			}),
		).toMatchObject({ reason: 'mismatch' });
		expect(
			verifySignature('hubspot', { rawBody: BODY.replace('0', '1'), url: URL, headers }, SECRET, {
				now: NOW,
			}),
		).toMatchObject({ reason: 'mismatch' });
	});

	it("signs the URI with HubSpot's listed escapes decoded", () => {
		const encoded = `${URL}?next=%2Fthanks%3Fa%3D1&x=%20`;
		expect(hubspotUri(encoded)).toBe(`${URL}?next=/thanks?a%3D1&x=%20`);
		const headers = headersFor(NOW.getTime(), SECRET, hubspotUri(encoded));
		expect(
			verifySignature('hubspot', { rawBody: BODY, url: encoded, headers }, SECRET, { now: NOW }),
		).toEqual({
			ok: true,
		});
	});

	it('needs the timestamp header and the URL', () => {
		const { 'X-HubSpot-Signature-v3': v3 } = headersFor(NOW.getTime());
		expect(
			verifySignature(
				'hubspot',
				{ rawBody: BODY, url: URL, headers: { 'X-HubSpot-Signature-v3': v3 } },
				SECRET,
				{
					now: NOW,
				},
			),
		).toMatchObject({ reason: 'missing_header' });
		expect(
			verifySignature('hubspot', { rawBody: BODY, headers: headersFor(NOW.getTime()) }, SECRET, {
				now: NOW,
			}),
		).toMatchObject({ reason: 'missing_url' });
	});
});

describe('hubspot v1 and v2: hex SHA-256 of the secret and the request', () => {
	const sha = (text: string) => createHash('sha256').update(text).digest('hex');

	it('v1 hashes secret + body (the default version)', () => {
		const headers = { 'X-HubSpot-Signature': sha(SECRET + BODY) };
		expect(verifySignature('hubspot', { rawBody: BODY, headers }, SECRET, { now: NOW })).toEqual({
			ok: true,
		});
		expect(
			verifySignature('hubspot', { rawBody: BODY, headers }, 'other', { now: NOW }),
		).toMatchObject({
			reason: 'mismatch',
		});
	});

	it('v2 hashes secret + method + URI + body', () => {
		const headers = {
			'X-HubSpot-Signature': sha(`${SECRET}POST${URL}${BODY}`),
			'X-HubSpot-Signature-Version': 'v2',
		};
		expect(
			verifySignature('hubspot', { rawBody: BODY, url: URL, headers }, SECRET, { now: NOW }),
		).toEqual({
			ok: true,
		});
		expect(
			verifySignature('hubspot', { rawBody: BODY, url: `${URL}/x`, headers }, SECRET, { now: NOW }),
		).toMatchObject({ reason: 'mismatch' });
	});

	it('names an unknown version and a missing header', () => {
		const headers = { 'X-HubSpot-Signature': 'abc', 'X-HubSpot-Signature-Version': 'v9' };
		expect(
			verifySignature('hubspot', { rawBody: BODY, headers }, SECRET, { now: NOW }),
		).toMatchObject({
			reason: 'bad_format',
		});
		expect(
			verifySignature('hubspot', { rawBody: BODY, headers: {} }, SECRET, { now: NOW }),
		).toMatchObject({
			reason: 'missing_header',
		});
	});
});
