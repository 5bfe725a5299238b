import { emailIdentity, parseEmail, suggestEmail } from './email';

describe('parseEmail', () => {
	it('cleans display names, mailto and case, and validates', () => {
		expect(parseEmail(' Jane Roe <Jane.Roe@Example.COM> ')).toEqual({
			address: 'jane.roe@example.com',
			valid: true,
			raw: 'Jane Roe <Jane.Roe@Example.COM>',
		});
		expect(parseEmail('mailto:bob@example.org?subject=hi')).toMatchObject({
			address: 'bob@example.org',
			valid: true,
		});
		expect(parseEmail('bob@example.org.')).toMatchObject({
			address: 'bob@example.org',
			valid: true,
		});
	});

	it('keeps an invalid address so a person can see what was typed', () => {
		expect(parseEmail('jane@@example')).toMatchObject({ address: 'jane@@example', valid: false });
		expect(parseEmail('no-at-sign')).toMatchObject({ valid: false });
		expect(parseEmail('a..b@example.com')).toMatchObject({ valid: false });
	});

	it('suggests the likely intended domain', () => {
		expect(parseEmail('jane@gmial.com')).toMatchObject({
			valid: true,
			suggestion: 'jane@gmail.com',
		});
		expect(parseEmail('jane@hotmial.co.uk')).toMatchObject({ suggestion: 'jane@hotmail.co.uk' });
		expect(parseEmail('jane@example.con')).toMatchObject({ suggestion: 'jane@example.com' });
		expect(suggestEmail('jane@gmail.com')).toBeUndefined();
		expect(suggestEmail('jane@acme-plumbing.com')).toBeUndefined();
	});

	it('returns undefined for nothing, and identity keys only for valid addresses', () => {
		expect(parseEmail('')).toBeUndefined();
		expect(parseEmail(42)).toBeUndefined();
		expect(emailIdentity(parseEmail('Jane@Example.com'))).toBe('email:jane@example.com');
		expect(emailIdentity(parseEmail('nope'))).toBeUndefined();
	});
});

// Unicode Standard Annex #15: decomposed and composed forms are the same address and identity.
describe('Unicode normalization', () => {
	it('keys an address in NFC', () => {
		const composed = parseEmail('jos\u00e9@b\u00fccher.de');
		const decomposed = parseEmail('jose\u0301@bu\u0308cher.de');
		expect(decomposed?.address).toBe('jos\u00e9@b\u00fccher.de');
		expect(emailIdentity(decomposed)).toBe(emailIdentity(composed));
	});
});
