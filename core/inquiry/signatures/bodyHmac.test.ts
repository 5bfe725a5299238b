import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { SignatureScheme } from './types';
import { verifySignature } from './verifySignature';

/**
 * Vectors built here from each vendor's documented algorithm (INDEX.md, Signature table), over
 * the vendor's real sample body, then checked through the public verifySignature.
 */
const NOW = { now: new Date('2026-03-02T15:04:05.000Z') };
const SECRET = 'whk_test_3f9a1c';
const rawSample = (file: string) =>
	JSON.stringify(
		JSON.parse(
			readFileSync(join(__dirname, '../../../test/fixtures/vendor-payloads', file), 'utf8'),
		).body,
	);

const mac = (
	algorithm: 'sha1' | 'sha256',
	secret: string,
	body: string,
	encoding: 'hex' | 'base64',
) => createHmac(algorithm, secret).update(body, 'utf8').digest(encoding);

interface Case {
	scheme: SignatureScheme;
	header: string;
	sample: string;
	sign: (body: string, secret: string) => string;
}

const CASES: Case[] = [
	{
		scheme: 'typeform',
		header: 'Typeform-Signature',
		sample: 'typeform__form_response__1.json',
		sign: (b, s) => `sha256=${mac('sha256', s, b, 'base64')}`,
	},
	{
		scheme: 'calcom',
		header: 'X-Cal-Signature-256',
		sample: 'calcom__BOOKING_CREATED__1.json',
		sign: (b, s) => mac('sha256', s, b, 'hex'),
	},
	{
		scheme: 'meta',
		header: 'X-Hub-Signature-256',
		sample: 'whatsapp_cloud__messages_text__1.json',
		sign: (b, s) => `sha256=${mac('sha256', s, b, 'hex')}`,
	},
	{
		scheme: 'intercom',
		header: 'X-Hub-Signature',
		sample: 'intercom__conversation.user.created__1.json',
		sign: (b, s) => `sha1=${mac('sha1', s, b, 'hex')}`,
	},
	{
		scheme: 'tawkto',
		header: 'X-Tawk-Signature',
		sample: 'typeform__form_response__1.json',
		sign: (b, s) => mac('sha1', s, b, 'hex'),
	},
	{
		scheme: 'tally',
		header: 'Tally-Signature',
		sample: 'tally__FORM_RESPONSE__1.json',
		sign: (b, s) => mac('sha256', s, b, 'base64'),
	},
	{
		scheme: 'jobber',
		header: 'X-Jobber-Hmac-SHA256',
		sample: 'jobber__webhook_CLIENT_CREATE__1.json',
		sign: (b, s) => mac('sha256', s, b, 'base64'),
	},
	{
		scheme: 'callrail',
		header: 'Signature',
		sample: 'aircall__call.created__1.json',
		sign: (b, s) => mac('sha1', s, b, 'base64'),
	},
];

describe.each(CASES)(
	'$scheme: HMAC of the raw body in $header',
	({ scheme, header, sample, sign }) => {
		const body = rawSample(sample);
		const signed = { [header]: sign(body, SECRET) };

		it('accepts the signature the vendor would send, with any header case', () => {
			expect(verifySignature(scheme, { rawBody: body, headers: signed }, SECRET, NOW)).toEqual({
				ok: true,
			});
			expect(
				verifySignature(
					scheme,
					{ rawBody: Buffer.from(body), headers: { [header.toLowerCase()]: signed[header] } },
					SECRET,
					NOW,
				),
			).toEqual({ ok: true });
		});

		it('rejects a tampered body', () => {
			const tampered = body.replace(/.$/, ' }');
			expect(
				verifySignature(scheme, { rawBody: tampered, headers: signed }, SECRET, NOW),
			).toMatchObject({
				ok: false,
				reason: 'mismatch',
			});
		});

		it('rejects a signature made with another secret', () => {
			const forged = { [header]: sign(body, 'someone-else') };
			expect(
				verifySignature(scheme, { rawBody: body, headers: forged }, SECRET, NOW),
			).toMatchObject({
				ok: false,
				reason: 'mismatch',
			});
		});

		it('names what is missing: header, raw body, secret', () => {
			expect(verifySignature(scheme, { rawBody: body, headers: {} }, SECRET, NOW)).toMatchObject({
				ok: false,
				reason: 'missing_header',
			});
			expect(
				verifySignature(scheme, { headers: signed, body: JSON.parse(body) }, SECRET, NOW),
			).toMatchObject({
				ok: false,
				reason: 'missing_raw_body',
			});
			expect(verifySignature(scheme, { rawBody: body, headers: signed }, '  ', NOW)).toMatchObject({
				ok: false,
				reason: 'missing_secret',
			});
		});
	},
);

describe('documented prefixes', () => {
	const body = '{"a":1}';
	it('rejects a Typeform signature without "sha256=" as badly formatted', () => {
		const headers = { 'Typeform-Signature': mac('sha256', SECRET, body, 'base64') };
		expect(verifySignature('typeform', { rawBody: body, headers }, SECRET, NOW)).toMatchObject({
			ok: false,
			reason: 'bad_format',
		});
	});

	it('accepts an upper-case hex digest (hex is case-free)', () => {
		const headers = { 'X-Cal-Signature-256': mac('sha256', SECRET, body, 'hex').toUpperCase() };
		expect(verifySignature('calcom', { rawBody: body, headers }, SECRET, NOW)).toEqual({
			ok: true,
		});
	});

	it('reads the legacy Meta SHA-1 header only when the SHA-256 one is absent', () => {
		const legacy = { 'X-Hub-Signature': `sha1=${mac('sha1', SECRET, body, 'hex')}` };
		expect(verifySignature('meta', { rawBody: body, headers: legacy }, SECRET, NOW)).toEqual({
			ok: true,
		});
		const both = {
			...legacy,
			'X-Hub-Signature-256': `sha256=${mac('sha256', 'wrong', body, 'hex')}`,
		};
		expect(verifySignature('meta', { rawBody: body, headers: both }, SECRET, NOW)).toMatchObject({
			ok: false,
			reason: 'mismatch',
		});
	});

	it('signs bytes, not characters: a non-ASCII body verifies from a string and from bytes', () => {
		const unicode = '{"name":"Zoë Ñúñez 🚀"}';
		const headers = { 'Tally-Signature': mac('sha256', SECRET, unicode, 'base64') };
		expect(verifySignature('tally', { rawBody: unicode, headers }, SECRET, NOW)).toEqual({
			ok: true,
		});
		expect(
			verifySignature(
				'tally',
				{ rawBody: new TextEncoder().encode(unicode), headers },
				SECRET,
				NOW,
			),
		).toEqual({
			ok: true,
		});
	});
});
