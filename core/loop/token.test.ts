import { createHmac } from 'crypto';
import { signLink, verifyLink } from './token';

const SECRET = 'a-link-secret-of-at-least-32-characters!';
const claim = {
	action: 'claim' as const,
	inquiryId: 'inq-1',
	ownerId: 'ana',
	hop: 0,
	expiresAt: '2026-03-05T15:00:00.000Z',
};
const before = new Date('2026-03-05T14:59:59.000Z');

/** Flips one character of the token at `index` to another base64url character. */
const flip = (token: string, index: number) =>
	token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);

describe('signLink / verifyLink', () => {
	test('a signed link verifies and gives back what it was bound to', () => {
		expect(verifyLink(signLink(claim, SECRET), SECRET, before, 'claim')).toEqual({
			ok: true,
			link: claim,
		});
	});

	test('the token is base64url payload and base64url HMAC-SHA256 over the context and payload', () => {
		const token = signLink(claim, SECRET);
		const [payload, mac] = token.split('.');
		expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual([
			1,
			'c',
			'inq-1',
			'ana',
			0,
			1772722800,
		]);
		expect(mac).toBe(
			createHmac('sha256', SECRET).update(`inquiry-link:v1:${payload}`).digest('base64url'),
		);
	});

	test('is refused as expired from its expiry second on', () => {
		expect(
			verifyLink(signLink(claim, SECRET), SECRET, new Date('2026-03-05T15:00:00.000Z')),
		).toEqual({ ok: false, reason: 'expired', link: claim });
	});

	test('a link for another action is refused where a claim is expected', () => {
		const pass = signLink({ ...claim, action: 'pass' }, SECRET);
		expect(verifyLink(pass, SECRET, before, 'claim')).toMatchObject({
			ok: false,
			reason: 'wrong_action',
		});
		expect(verifyLink(pass, SECRET, before)).toMatchObject({ ok: true, link: { action: 'pass' } });
	});

	test('a token signed with another secret is forged', () => {
		expect(verifyLink(signLink(claim, `${SECRET}x`), SECRET, before)).toEqual({
			ok: false,
			reason: 'forged',
		});
	});

	test('a payload changed to another owner, with the old signature, is forged', () => {
		const [, mac] = signLink(claim, SECRET).split('.');
		const payload = Buffer.from(JSON.stringify([1, 'c', 'inq-1', 'ben', 0, 1772722800])).toString(
			'base64url',
		);
		expect(verifyLink(`${payload}.${mac}`, SECRET, before)).toEqual({
			ok: false,
			reason: 'forged',
		});
	});

	test('any changed character of the signature or payload is refused', () => {
		const token = signLink(claim, SECRET);
		for (const index of [0, 5, token.indexOf('.') + 3, token.length - 2])
			expect(verifyLink(flip(token, index), SECRET, before)).toMatchObject({
				ok: false,
				reason: expect.stringMatching(/^(forged|malformed)$/),
			});
	});

	test.each([[undefined], [''], ['abc'], ['a.b.c'], ['!!.??'], [`${'a'.repeat(3000)}.b`]])(
		'malformed input %p is refused as malformed',
		(token) => {
			expect(verifyLink(token, SECRET, before)).toEqual({ ok: false, reason: 'malformed' });
		},
	);

	test('a short secret is refused with a fix', () => {
		expect(() => signLink(claim, 'short')).toThrow(
			'The link signing secret is missing or too short: it has 5 characters, 32 are needed',
		);
	});
});

test('a changed last signature character is refused even where base64url decoding would ignore it', () => {
	const token = signLink(claim, SECRET);
	const last = token[token.length - 1];
	// The last of 43 characters carries 4 bits; its neighbour in the alphabet decodes to the same bytes.
	const sibling = String.fromCharCode(last.charCodeAt(0) ^ 1);
	expect(verifyLink(token.slice(0, -1) + sibling, SECRET, before)).toEqual({
		ok: false,
		reason: 'forged',
	});
});
