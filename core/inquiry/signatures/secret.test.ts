import { checkSecretShape } from './secret';

describe('checkSecretShape', () => {
	it('accepts a plain secret and a well-formed whsec_ secret', () => {
		expect(checkSecretShape('abc123')).toMatchObject({ ok: true });
		expect(
			checkSecretShape(
				`whsec_${Buffer.alloc(24, 7).toString('base64')}`,
				'https://n8n.example.com/webhook/x',
			),
		).toMatchObject({ ok: true });
	});

	it('refuses an empty secret, a broken whsec_ key and a URL that is not one', () => {
		expect(checkSecretShape('  ')).toMatchObject({
			ok: false,
			message: expect.stringContaining('empty'),
		});
		expect(checkSecretShape(undefined)).toMatchObject({ ok: false });
		expect(checkSecretShape('whsec_not*base64')).toMatchObject({
			ok: false,
			message: expect.stringContaining('whsec_'),
		});
		expect(checkSecretShape('whsec_c2hvcnQ=')).toMatchObject({ ok: false });
		expect(checkSecretShape('abc', 'n8n.example.com/webhook')).toMatchObject({
			ok: false,
			message: expect.stringContaining('https://'),
		});
	});
});
