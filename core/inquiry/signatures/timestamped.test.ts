import { createHmac, randomBytes } from 'crypto';
import { verifySignature } from './verifySignature';

/** Vectors computed here from each vendor's documented string-to-sign, at a fixed clock. */
const NOW = new Date('2026-03-02T15:04:05.000Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const SECRET = 'signing-key-7d1e';
const BODY = '{"event":"invitee.created","payload":{"email":"ana@example.com","name":"Ana María"}}';

const hmacOf = (key: string | Buffer, message: string, encoding: 'hex' | 'base64') =>
	createHmac('sha256', key).update(message, 'utf8').digest(encoding);

describe('calendly: t=<unix>,v1=<hex HMAC of "t.body">', () => {
	const headerFor = (t: number, secret = SECRET, body = BODY) => ({
		'Calendly-Webhook-Signature': `t=${t},v1=${hmacOf(secret, `${t}.${body}`, 'hex')}`,
	});

	it('accepts a fresh signature', () => {
		expect(
			verifySignature('calendly', { rawBody: BODY, headers: headerFor(NOW_S - 60) }, SECRET, {
				now: NOW,
			}),
		).toEqual({ ok: true });
	});

	it('rejects a tampered body and a wrong secret', () => {
		expect(
			verifySignature(
				'calendly',
				{ rawBody: BODY.replace('Ana', 'Eve'), headers: headerFor(NOW_S) },
				SECRET,
				{
					now: NOW,
				},
			),
		).toMatchObject({ reason: 'mismatch' });
		expect(
			verifySignature('calendly', { rawBody: BODY, headers: headerFor(NOW_S, 'other') }, SECRET, {
				now: NOW,
			}),
		).toMatchObject({ reason: 'mismatch' });
	});

	it("rejects a replay older than Calendly's three minutes, or the tolerance given", () => {
		const old = headerFor(NOW_S - 181);
		expect(
			verifySignature('calendly', { rawBody: BODY, headers: old }, SECRET, { now: NOW }),
		).toMatchObject({
			ok: false,
			reason: 'expired',
		});
		expect(
			verifySignature('calendly', { rawBody: BODY, headers: old }, SECRET, {
				now: NOW,
				toleranceSeconds: 600,
			}),
		).toEqual({ ok: true });
	});

	it('rejects a signature whose timestamp was changed (the timestamp is signed too)', () => {
		const signed = headerFor(NOW_S - 3600)['Calendly-Webhook-Signature'];
		const moved = {
			'Calendly-Webhook-Signature': signed.replace(`t=${NOW_S - 3600}`, `t=${NOW_S}`),
		};
		expect(
			verifySignature('calendly', { rawBody: BODY, headers: moved }, SECRET, { now: NOW }),
		).toMatchObject({
			reason: 'mismatch',
		});
	});

	it('names a missing or malformed header', () => {
		expect(
			verifySignature('calendly', { rawBody: BODY, headers: {} }, SECRET, { now: NOW }),
		).toMatchObject({
			reason: 'missing_header',
		});
		expect(
			verifySignature(
				'calendly',
				{ rawBody: BODY, headers: { 'calendly-webhook-signature': 'v1=abc' } },
				SECRET,
				{
					now: NOW,
				},
			),
		).toMatchObject({ reason: 'bad_format' });
	});
});

describe('webflow: hex HMAC of "<timestamp ms>:body"', () => {
	const headersFor = (ms: number, secret = SECRET) => ({
		'x-webflow-timestamp': String(ms),
		'x-webflow-signature': hmacOf(secret, `${ms}:${BODY}`, 'hex'),
	});

	it('accepts a fresh signature and rejects one older than five minutes', () => {
		expect(
			verifySignature(
				'webflow',
				{ rawBody: BODY, headers: headersFor(NOW.getTime() - 1000) },
				SECRET,
				{ now: NOW },
			),
		).toEqual({ ok: true });
		expect(
			verifySignature(
				'webflow',
				{ rawBody: BODY, headers: headersFor(NOW.getTime() - 301_000) },
				SECRET,
				{ now: NOW },
			),
		).toMatchObject({ reason: 'expired' });
	});

	it('rejects a wrong secret, a tampered body and a missing timestamp', () => {
		const headers = headersFor(NOW.getTime());
		expect(
			verifySignature(
				'webflow',
				{ rawBody: BODY, headers: headersFor(NOW.getTime(), 'x') },
				SECRET,
				{ now: NOW },
			),
		).toMatchObject({ reason: 'mismatch' });
		expect(
			verifySignature('webflow', { rawBody: `${BODY} `, headers }, SECRET, { now: NOW }),
		).toMatchObject({
			reason: 'mismatch',
		});
		expect(
			verifySignature(
				'webflow',
				{ rawBody: BODY, headers: { 'x-webflow-signature': headers['x-webflow-signature'] } },
				SECRET,
				{ now: NOW },
			),
		).toMatchObject({ reason: 'missing_header' });
	});
});

describe('standard webhooks: v1,<base64 HMAC of "id.timestamp.body"> keyed with the decoded whsec_ secret', () => {
	const keyBytes = randomBytes(24);
	const secret = `whsec_${keyBytes.toString('base64')}`;
	const headersFor = (t: number, key = keyBytes) => ({
		'webhook-id': 'msg_2Lq8',
		'webhook-timestamp': String(t),
		'webhook-signature': `v1,${createHmac('sha256', key).update(`msg_2Lq8.${t}.${BODY}`).digest('base64')}`,
	});

	it('accepts a fresh signature, also among several (key rotation)', () => {
		const headers = headersFor(NOW_S);
		expect(
			verifySignature('standardWebhooks', { rawBody: BODY, headers }, secret, { now: NOW }),
		).toEqual({ ok: true });
		const rotated = {
			...headers,
			'webhook-signature': `v1,c3RhbGU= ${headers['webhook-signature']}`,
		};
		expect(
			verifySignature('standardWebhooks', { rawBody: BODY, headers: rotated }, secret, {
				now: NOW,
			}),
		).toEqual({
			ok: true,
		});
	});

	it('rejects an old timestamp, another key and a changed id', () => {
		expect(
			verifySignature(
				'standardWebhooks',
				{ rawBody: BODY, headers: headersFor(NOW_S - 400) },
				secret,
				{ now: NOW },
			),
		).toMatchObject({ reason: 'expired' });
		expect(
			verifySignature(
				'standardWebhooks',
				{ rawBody: BODY, headers: headersFor(NOW_S, randomBytes(24)) },
				secret,
				{
					now: NOW,
				},
			),
		).toMatchObject({ reason: 'mismatch' });
		const otherId = { ...headersFor(NOW_S), 'webhook-id': 'msg_other' };
		expect(
			verifySignature('standardWebhooks', { rawBody: BODY, headers: otherId }, secret, {
				now: NOW,
			}),
		).toMatchObject({ reason: 'mismatch' });
	});

	it('names missing headers and non-v1 signatures', () => {
		expect(
			verifySignature(
				'standardWebhooks',
				{ rawBody: BODY, headers: { 'webhook-id': 'x' } },
				secret,
				{ now: NOW },
			),
		).toMatchObject({ reason: 'missing_header' });
		const v2 = { ...headersFor(NOW_S), 'webhook-signature': 'v1a,abc' };
		expect(
			verifySignature('standardWebhooks', { rawBody: BODY, headers: v2 }, secret, { now: NOW }),
		).toMatchObject({
			reason: 'bad_format',
		});
	});
});

describe('openphone: legacy "hmac;1;<ms>;<base64>" keyed with the base64-decoded signing key', () => {
	const keyBytes = randomBytes(32);
	const signingKey = keyBytes.toString('base64');
	const headerFor = (ms: number, key = keyBytes) => ({
		'openphone-signature': `hmac;1;${ms};${createHmac('sha256', key).update(`${ms}.${BODY}`).digest('base64')}`,
	});

	it('accepts the legacy header and checks age only when a tolerance is set', () => {
		const old = headerFor(NOW.getTime() - 86_400_000);
		expect(
			verifySignature('openphone', { rawBody: BODY, headers: old }, signingKey, { now: NOW }),
		).toEqual({
			ok: true,
		});
		expect(
			verifySignature('openphone', { rawBody: BODY, headers: old }, signingKey, {
				now: NOW,
				toleranceSeconds: 300,
			}),
		).toMatchObject({ reason: 'expired' });
	});

	it('rejects a wrong key and a malformed header', () => {
		expect(
			verifySignature(
				'openphone',
				{ rawBody: BODY, headers: headerFor(NOW.getTime(), randomBytes(32)) },
				signingKey,
				{
					now: NOW,
				},
			),
		).toMatchObject({ reason: 'mismatch' });
		expect(
			verifySignature(
				'openphone',
				{ rawBody: BODY, headers: { 'openphone-signature': 'sha256=abc' } },
				signingKey,
				{
					now: NOW,
				},
			),
		).toMatchObject({ reason: 'bad_format' });
	});

	it('falls through to Standard Webhooks for newer OpenPhone / Quo webhooks', () => {
		const headers = {
			'webhook-id': 'evt_1',
			'webhook-timestamp': String(NOW_S),
			'webhook-signature': `v1,${createHmac('sha256', keyBytes).update(`evt_1.${NOW_S}.${BODY}`).digest('base64')}`,
		};
		expect(
			verifySignature('openphone', { rawBody: BODY, headers }, signingKey, { now: NOW }),
		).toEqual({ ok: true });
		expect(
			verifySignature('openphone', { rawBody: BODY, headers: {} }, signingKey, { now: NOW }),
		).toMatchObject({
			reason: 'missing_header',
		});
	});
});

describe('crisp: hex HMAC of "[timestamp;JSON of the body]" (as Crisp\'s node library checks it)', () => {
	const body = JSON.parse(BODY) as object;
	const headersFor = (secret = SECRET) => ({
		'X-Crisp-Request-Timestamp': String(NOW.getTime()),
		'X-Crisp-Signature': hmacOf(secret, `[${NOW.getTime()};${JSON.stringify(body)}]`, 'hex'),
	});

	it('accepts the parsed body or the raw JSON, and rejects another secret', () => {
		expect(verifySignature('crisp', { body, headers: headersFor() }, SECRET, { now: NOW })).toEqual(
			{ ok: true },
		);
		expect(
			verifySignature('crisp', { rawBody: BODY, headers: headersFor() }, SECRET, { now: NOW }),
		).toEqual({
			ok: true,
		});
		expect(
			verifySignature('crisp', { body, headers: headersFor('other') }, SECRET, { now: NOW }),
		).toMatchObject({
			reason: 'mismatch',
		});
		expect(verifySignature('crisp', { headers: headersFor() }, SECRET, { now: NOW })).toMatchObject(
			{
				reason: 'missing_raw_body',
			},
		);
	});
});
